import { pageHelpers, type PageHelpers } from './page-helpers.ts';

/** The engines this suite drives besides Playwright's Chromium. */
export type EngineName = 'firefox' | 'webkit';

/** Keys a test presses, as Playwright names them; `Shift+Tab` and `Control+v` hold the first. */
export type Key = 'Tab' | 'Shift+Tab' | 'Enter' | 'Shift+Enter' | 'Escape' | 'Space' | 'Control+v' | 'ArrowRight';

/** A function run in the page, given the {@link PageHelpers} and JSON arguments. */
export type PageFunction<A extends unknown[], R> = (helpers: PageHelpers, ...args: A) => R | Promise<R>;

/**
 * One tab of an engine: the little a scenario needs, the same over WebDriver BiDi
 * (Firefox) and classic WebDriver (WebKit). Input is real: clicks at a point and key
 * presses go through the engine's own input pipeline, not `element.click()`.
 */
export interface Tab {
  /** Loads `url` and waits for its `load` event. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Runs `fn` in the page; arguments and result travel as JSON. */
  run<A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A): Promise<R>;
  /** A primary-button mouse click at a point of the viewport. */
  click(point: { x: number; y: number }): Promise<void>;
  press(key: Key): Promise<void>;
  /** Turns the mouse wheel `deltaY` pixels down with the pointer at `point`. */
  wheel(point: { x: number; y: number }, deltaY: number): Promise<void>;
  /** Types `text` key by key into what has the focus. */
  type(text: string): Promise<void>;
  /** Resizes the viewport as near to `size` as the engine's window allows. */
  resize(size: { width: number; height: number }): Promise<void>;
  /** The text of a `window.alert()`-like dialog open now, if any. */
  openDialog(): Promise<string | undefined>;
  /** Makes this tab the one that takes input (WebDriver drives one window at a time). */
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

/** A running engine; one per test file, shared by its scenarios. */
export interface Browser {
  name: EngineName;
  /** As the engine reports it, e.g. `firefox/153.8.0` or `WebKitGTK 2.50.6`. */
  version: string;
  /** The tab every scenario starts in, one after the other; never closed but with the browser. */
  tab: Tab;
  /** Another tab of the same profile (same storage), for a scenario to close when done. */
  newTab(): Promise<Tab>;
  close(): Promise<void>;
}

/**
 * The source of a script that runs `fn` with the page helpers and `args`: a promise
 * expression, for engines to await. The helpers travel as source text, so a script
 * needs nothing installed in the page beforehand.
 */
export function scriptFor(fn: PageFunction<unknown[], unknown>, args: readonly unknown[]): string {
  return `(async () => (${fn.toString()})((${pageHelpers.toString()})(), ...${JSON.stringify(args)}))()`;
}

/** Rejects after `ms` with `what` in the message, so no step of a test can hang. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
