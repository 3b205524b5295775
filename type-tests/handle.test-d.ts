import {
  mount,
  type ChatMessage,
  type CitationClick,
  type FeedbackEvent,
  type MessageDelta,
  type UnreadEvent,
  type WidgetError,
} from 'tinytalk-widget';
import type { Equal } from './equal.js';

// Each event hands its callback its own payload type, and on() returns the unsubscribe function.
const handle = mount({ botId: 'agent', context: { plan: 'pro' } });
const stop = handle.on('feedback', (event) => {
  const check: Equal<typeof event, FeedbackEvent> = true;
  const rating: 'up' | 'down' | null = event.feedback;
  return [check, rating];
});
handle.on('message:start', (message) => message satisfies ChatMessage);
handle.on('message:delta', (delta) => delta satisfies MessageDelta);
handle.on('citation:click', (click) => (click.resource.url satisfies string) && (click satisfies CitationClick));
handle.on('error', (error) => error satisfies WidgetError);
handle.on('open', (nothing) => nothing satisfies undefined);
handle.on('unread', (unread) => (unread.count satisfies number) && (unread satisfies UnreadEvent));
handle.unreadCount satisfies number;

export const checks: [Equal<typeof stop, () => void>, Equal<typeof handle.messages, readonly ChatMessage[]>] = [
  true,
  true,
];

// @ts-expect-error no such event.
handle.on('typing', () => {});
// @ts-expect-error messages is read-only.
handle.messages = [];
// @ts-expect-error unreadCount is read-only.
handle.unreadCount = 0;
// @ts-expect-error the widget cannot move: mount again.
handle.setOptions({ target: '#elsewhere' });
handle.setOptions({ title: 'Support', context: { page: '/pricing' } });
// @ts-expect-error context tags are strings.
handle.setOptions({ context: { seats: 3 } });

// The script tag's global takes the same members by name.
window.TinyTalk?.('send', 'Hi');
// @ts-expect-error send takes the text.
window.TinyTalk?.('send');
window.tinytalk?.toggle();
