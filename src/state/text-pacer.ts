/**
 * Streamed text reaches the signals at most this often. Agents send a few characters
 * per event, hundreds a second; each update re-renders the list and repaints, and twenty
 * a second read as smoothly as text can be read.
 */
export const textIntervalMs = 50;

/** Gathers a reply's streamed text and hands it on in steps. */
export interface TextPacer {
  /** Text that arrived: handed on at once if the last step is old enough, else with the next step. */
  push(delta: string): void;
  /** Hands on whatever is waiting, now: the stream ended, or failed. */
  flush(): void;
}

/** Paces text into `onText`: the first words at once, the rest at most every `intervalMs`. */
export function createTextPacer(onText: (text: string) => void, intervalMs = textIntervalMs): TextPacer {
  let pending = '';
  let lastFlush = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    lastFlush = Date.now();
    if (pending === '') return;
    const text = pending;
    pending = '';
    onText(text);
  }

  return {
    push(delta) {
      pending += delta;
      if (Date.now() - lastFlush >= intervalMs) flush();
      else timer ??= setTimeout(flush, intervalMs);
    },
    flush,
  };
}
