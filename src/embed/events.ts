import type { ChatErrorType } from '../api/errors';
import type { ChatMessage, CitedResource, Feedback } from '../state/types';

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
