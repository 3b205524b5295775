import { defineElement } from './embed/element';

export { mount } from './embed/mount';
export { defineElement, TinyTalkChatElement } from './embed/element';
export type { WidgetOptions, Theme, Position, Persistence } from './embed/options';
export type { WidgetHandle, WidgetEvents, WidgetEventName, WidgetError, MessageDelta, CitationClick, FeedbackEvent } from './embed/types';
export type { ChatMessage, MessageStatus, CitedResource, ChatErrorType, Feedback } from './state/types';

// Importing the package makes <tinytalk-chat> usable in markup, as the script tag does;
// on a server there is nothing to register.
if (typeof customElements !== 'undefined') defineElement();
