// The `tinytalk-widget/element` entry: importing it makes <tinytalk-chat> usable in markup,
// as the script tag does. The package's only side effect, named in package.json's sideEffects.
import { defineElement } from './embed/element';

// The element's types (tag name map, JSX attributes) come along with this import.
export type { TinyTalkChatElement } from './embed/element';
export type { TinyTalkChatAttributes } from './embed/element-types';

// On a server there is nothing to register.
if (typeof customElements !== 'undefined') defineElement();
