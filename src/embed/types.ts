import type { ChatErrorType } from '../api/errors';
import type { ChatMessage } from '../state/types';

/** A failed reply, as host pages hear of it. */
export interface WidgetError {
  type: ChatErrorType;
  /** HTTP status, for `http` errors. */
  status?: number;
  /** What the visitor was told. */
  message: string;
}

/** Events of {@link WidgetHandle.on} and what their callbacks get. */
export interface WidgetEvents {
  /** The floating panel opened. */
  open: undefined;
  /** The floating panel closed. */
  close: undefined;
  /** An assistant reply finished (done, or stopped by the visitor). */
  message: ChatMessage;
  /** An assistant reply failed. */
  error: WidgetError;
}

/** Controls one widget; returned by `mount()`. */
export interface WidgetHandle {
  /** The `<tinytalk-chat>` element that holds the widget. */
  readonly element: HTMLElement;
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
  /** Listens to an event; returns a function that stops listening. */
  on<Name extends keyof WidgetEvents>(name: Name, callback: (payload: WidgetEvents[Name]) => void): () => void;
}
