// Every form the README and the TSDoc document, compiled with exactOptionalPropertyTypes
// (see tsconfig.json): a strict codebase must be able to write each of them as shown.
import {
  defineElement,
  mount,
  type ChatMessage,
  type Persistence,
  type Position,
  type Theme,
  type TinyTalkChatElement,
  type WidgetOptions,
} from 'tinytalk-widget';
import type { Equal } from './equal.js';

// Every option, given.
const handle = mount({
  botId: 'agent',
  apiBase: 'https://chat.example',
  apiKey: 'public-key',
  model: 'gpt-4o-mini',
  sendCookies: true,
  stream: false,
  title: 'Ask us',
  welcomeMessage: 'Hi there!',
  starters: ['What does it cost?'],
  placeholder: 'Ask away',
  theme: 'dark',
  accentColor: '#0a7',
  avatar: 'https://cdn.example/agent.png',
  position: 'left',
  open: true,
  persist: 'session',
  target: document.body,
  locale: 'pt-BR',
  strings: { send: 'Go' },
  replyTimeout: 8000,
  stallTimeout: 4000,
  context: { plan: 'pro' },
});

// Every optional option, given as undefined: its default. A value that may be missing
// passes straight through, as strict codebases write it.
declare const maybe: {
  text?: string;
  theme?: Theme;
  position?: Position;
  persist?: Persistence;
  flag?: boolean;
  ms?: number;
};
mount({
  botId: 'agent',
  apiBase: maybe.text,
  apiKey: undefined,
  model: maybe.text,
  sendCookies: maybe.flag,
  stream: maybe.flag,
  title: maybe.text,
  welcomeMessage: undefined,
  starters: undefined,
  placeholder: maybe.text,
  theme: maybe.theme,
  accentColor: undefined,
  avatar: undefined,
  position: maybe.position,
  open: maybe.flag,
  persist: maybe.persist,
  target: maybe.text,
  locale: maybe.text,
  strings: undefined,
  replyTimeout: maybe.ms,
  stallTimeout: maybe.ms,
  context: undefined,
});

// setOptions: those given change, one given as undefined returns to its default.
handle.setOptions({ title: undefined });
handle.setOptions({ theme: 'light', context: { page: '/pricing' }, locale: undefined });
handle.setOptions({ botId: 'other-agent', persist: 'none' });

// Every member of the handle.
handle.open();
handle.close();
handle.toggle();
const sent: Promise<void> = handle.send('Hi');
handle.stop();
handle.reset();
const messages = handle.messages;
const element = handle.element;
const off = handle.on('message', (reply) => [reply.content, reply.citedResources, reply.feedback]);
handle.on('open', () => {});
handle.on('close', () => {});
handle.on('message:start', (reply) => reply.id);
handle.on('message:delta', ({ id, delta, content }) => [id, delta, content]);
handle.on('error', ({ type, status, message }) => [type, status, message]);
handle.on('citation:click', ({ message, resource }) => [message.id, resource.url, resource.title]);
handle.on('feedback', ({ message, feedback, context }) => [message.content, feedback, context]);
off();
handle.destroy();

// The element, registered by hand or by the element entry.
defineElement();
const created = document.createElement('tinytalk-chat');
created.setAttribute('bot-id', 'agent');

// The script tag's global, before and after it has loaded.
window.TinyTalk?.('open');
window.TinyTalk?.('close');
window.TinyTalk?.('toggle');
window.TinyTalk?.('send', 'Hi');
window.TinyTalk?.('stop');
window.TinyTalk?.('reset');
window.TinyTalk?.('setOptions', { title: undefined, theme: 'dark' });
window.TinyTalk?.('on', 'message', (reply) => reply.content);
window.TinyTalk?.('destroy');
window.TinyTalk?.mount({ botId: 'agent', title: maybe.text });
window.TinyTalk?.instance?.open();

export const checks: [
  Equal<typeof sent, Promise<void>>,
  Equal<typeof messages, readonly ChatMessage[]>,
  Equal<typeof element, TinyTalkChatElement>,
  Equal<typeof created, TinyTalkChatElement>,
  Equal<Parameters<typeof mount>[0], WidgetOptions>,
] = [true, true, true, true, true];
