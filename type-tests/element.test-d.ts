import { mount, type TinyTalkChatElement, type WidgetHandle } from 'tinytalk-widget';
import type { TinyTalkGlobal } from 'tinytalk-widget/script';
import type { Equal } from './equal.js';

const found = document.querySelector('tinytalk-chat');
const created = document.createElement('tinytalk-chat');
const handle = mount({ botId: 'agent', theme: 'dark' });
const global = window.TinyTalk;

export const checks: [
  Equal<typeof found, TinyTalkChatElement | null>,
  Equal<typeof created, TinyTalkChatElement>,
  Equal<typeof handle, WidgetHandle>,
  Equal<typeof global, TinyTalkGlobal | undefined>,
  Equal<typeof handle.element, TinyTalkChatElement>,
] = [true, true, true, true, true];

// @ts-expect-error botId is required.
mount({ title: 'Ask us' });
// @ts-expect-error theme is light, dark or auto.
mount({ botId: 'agent', theme: 'blue' });
