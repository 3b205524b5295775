import type { Page } from '@playwright/test';

declare global {
  interface Window {
    /** Set by {@link countGlobalListeners}: the listeners on page-wide targets still registered. */
    globalListeners?: () => string[];
  }
}

/**
 * Keeps count of the listeners the widget's code adds to what it shares with the page
 * (window, document, html, body, visualViewport, media queries), from the page's first
 * script on: `window.globalListeners()` lists those still registered.
 */
export async function countGlobalListeners(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Entry = { target: EventTarget; type: string; listener: EventListenerOrEventListenerObject; capture: boolean };
    // Playwright's own clicks listen on window too; only the widget's code and its dependencies count.
    const isWidgetCode = () => /\/(dist|node_modules)\//.test(new Error().stack ?? '');
    const registered: Entry[] = [];
    const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
    const isShared = (target: EventTarget) =>
      target === window ||
      target === document ||
      target === document.documentElement ||
      target === document.body ||
      target === window.visualViewport ||
      target instanceof MediaQueryList;
    const captures = (options?: boolean | EventListenerOptions) =>
      typeof options === 'boolean' ? options : !!options?.capture;
    const find = (target: EventTarget, type: string, listener: unknown, capture: boolean) =>
      registered.findIndex(
        (entry) =>
          entry.target === target && entry.type === type && entry.listener === listener && entry.capture === capture,
      );
    const forget = (target: EventTarget, type: string, listener: unknown, capture: boolean) => {
      const index = find(target, type, listener, capture);
      if (index >= 0) registered.splice(index, 1);
    };

    EventTarget.prototype.addEventListener = function (this: EventTarget, type, listener, options) {
      const capture = captures(options);
      if (listener && isShared(this) && isWidgetCode() && find(this, type, listener, capture) < 0) {
        registered.push({ target: this, type, listener, capture });
        // A once listener goes when it fires, and any listener when its signal aborts.
        if (typeof options === 'object' && options.once)
          add.call(this, type, () => forget(this, type, listener, capture), { once: true });
        if (typeof options === 'object' && options.signal)
          add.call(options.signal, 'abort', () => forget(this, type, listener, capture));
      }
      return add.call(this, type, listener, options);
    };
    EventTarget.prototype.removeEventListener = function (this: EventTarget, type, listener, options) {
      forget(this, type, listener, captures(options));
      return remove.call(this, type, listener, options);
    };

    const describe = (target: EventTarget) =>
      target === window
        ? 'window'
        : target === window.visualViewport
          ? 'visualViewport'
          : target instanceof MediaQueryList
            ? `matchMedia(${target.media})`
            : target instanceof Document
              ? 'document'
              : (target as Element).tagName.toLowerCase();
    window.globalListeners = () => registered.map(({ target, type }) => `${describe(target)} ${type}`);
  });
}
