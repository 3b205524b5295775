import type { WidgetOptions } from '../options/types';
import type { ChatMessage } from '../state/types';
import type { WidgetControls } from './controls';
import type { TinyTalkChatElement } from './element';
import type { WidgetEventName, WidgetEvents } from './events';

/** Controls one widget; returned by `mount()`. */
export interface WidgetHandle extends WidgetControls {
  /** The `<tinytalk-chat>` element that holds the widget; its events are the handle's, as DOM events. */
  readonly element: TinyTalkChatElement;
  /** The conversation, oldest first. A snapshot: read it again for later changes. */
  readonly messages: readonly ChatMessage[];
  /**
   * Replies that finished while the floating panel was closed, as the launcher's badge
   * shows them; 0 once the visitor opens it. Survives a page load. See the `unread` event.
   */
  readonly unreadCount: number;
  /** Removes the widget, aborts any request and drops every listener. */
  destroy(): void;
  /**
   * Changes options on the running widget; those not given keep their values, and one
   * given as `undefined` returns to its default. Changing
   * `botId`, `apiBase` or `persist` starts the widget over on that conversation (a reply
   * in flight is aborted); `target` cannot change: mount again.
   */
  setOptions(options: Partial<Omit<WidgetOptions, 'target'>>): void;
  /** Listens to an event; returns a function that stops listening. */
  on<Name extends WidgetEventName>(name: Name, callback: (payload: WidgetEvents[Name]) => void): () => void;
}
