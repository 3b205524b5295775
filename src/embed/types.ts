import type { ChatErrorType } from '../api/errors';
import type { ChatMessage, CitedResource, Feedback } from '../state/types';
import type { TinyTalkChatElement } from './element';
import type { WidgetOptions } from './options';

/** A failed reply, as host pages hear of it. */
export interface WidgetError {
  type: ChatErrorType;
  /** HTTP status, for `http` errors. */
  status?: number;
  /** What the visitor was told. */
  message: string;
}

/** Text that reached a reply while it streams. */
export interface MessageDelta {
  /** The reply's id, as in `message:start` and `message`. */
  id: string;
  /** The text added since the last `message:delta` (steps of up to 50 ms of the stream). */
  delta: string;
  /** The reply so far. */
  content: string;
}

/** A visitor opened a page the agent cited. */
export interface CitationClick {
  /** The reply that cited it. */
  message: ChatMessage;
  resource: CitedResource;
}

/** A visitor rated a reply, or took the rating back. */
export interface FeedbackEvent {
  /** The reply, with its rating. */
  message: ChatMessage;
  /** `up`, `down`, or null when the visitor took the rating back. */
  feedback: Feedback | null;
  /** The `context` option at the time: your own tags for this session. */
  context: Readonly<Record<string, string>>;
}

/** The count of unread replies changed. */
export interface UnreadEvent {
  /** Replies that finished while the floating panel was closed; 0 once the visitor opens it. */
  count: number;
}

/**
 * Events of {@link WidgetHandle.on} and what their callbacks get. Each is also dispatched
 * on the `<tinytalk-chat>` element as a `CustomEvent` of the same name with the payload in
 * `detail` (not bubbling, so a page's own `error` or `message` listeners never hear it).
 */
export interface WidgetEvents {
  /** The floating panel opened. */
  open: undefined;
  /** The floating panel closed. */
  close: undefined;
  /** A reply was asked for: the empty assistant message, `status: 'streaming'`. */
  'message:start': ChatMessage;
  /** Text reached the reply that is streaming. */
  'message:delta': MessageDelta;
  /** An assistant reply finished (done, or stopped by the visitor). */
  message: ChatMessage;
  /** An assistant reply failed. */
  error: WidgetError;
  /** A visitor opened one of the pages a reply cited (its link chip). */
  'citation:click': CitationClick;
  /** A visitor rated a reply with thumbs up or down, or took the rating back. */
  feedback: FeedbackEvent;
  /** The count of unread replies changed: one more finished while the panel was closed, or the visitor opened it. */
  unread: UnreadEvent;
}

/** Name of a {@link WidgetEvents} event. */
export type WidgetEventName = keyof WidgetEvents;

/** Controls one widget; returned by `mount()`. */
export interface WidgetHandle {
  /** The `<tinytalk-chat>` element that holds the widget; its events are the handle's, as DOM events. */
  readonly element: TinyTalkChatElement;
  /** The conversation, oldest first. A snapshot: read it again for later changes. */
  readonly messages: readonly ChatMessage[];
  /**
   * Replies that finished while the floating panel was closed, as the launcher's badge
   * shows them; 0 once the visitor opens it. Survives a page load. See the `unread` event.
   */
  readonly unreadCount: number;
  /** Opens the floating panel. */
  open(): void;
  /** Closes the floating panel. */
  close(): void;
  /** Opens the floating panel if closed, closes it if open. */
  toggle(): void;
  /**
   * Sends a message as if the visitor typed it. Resolves when the reply has finished,
   * however it ended (failures arrive as `error` events); ignored while a reply streams.
   */
  send(text: string): Promise<void>;
  /** Stops the reply in flight, keeping its partial text. */
  stop(): void;
  /** Starts a new conversation and forgets the stored one. */
  reset(): void;
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
