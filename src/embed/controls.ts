/** What a running widget can be told to do: the commands of the `WidgetHandle`. */
export interface WidgetControls {
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
}
