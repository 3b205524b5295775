// The pages the benchmark drives, one browser context each, and what it does in them.
import { test, type Browser, type CDPSession, type Page } from '@playwright/test';
import { markdownChunkName, panelChunkName } from '../src/embed/chunk-names.ts';
import { conversationKey } from '../src/state/storage.ts';
import type { ChatMessage } from '../src/state/types.ts';
import { benchPort } from './global-setup.ts';
import { openCdp } from './measure.ts';
import { installProbes } from './probes.ts';

/** Pages load from here; the agent answers on another origin, as on a real site. */
export const pageOrigin = `http://127.0.0.1:${benchPort}`;
export const agentOrigin = `http://localhost:${benchPort}`;
// The demo agent answers bot ids starting with `demo`.
export const botId = 'demo-bench';
/** The script-tag page with the widget for the bench's agent; `options` become more `data-*` attributes. */
export const widgetPage = (options: Record<string, string> = {}) =>
  `${pageOrigin}/script-tag?${new URLSearchParams({ 'bot-id': botId, 'api-base': agentOrigin, ...options })}`;
export const markdownChunkUrl = `${pageOrigin}/dist/${markdownChunkName}`;
const panelChunkUrl = `${pageOrigin}/dist/${panelChunkName}`;

/** One page in a context of its own: fresh storage, the probes installed, counters on. */
export interface BenchPage {
  page: Page;
  cdp: CDPSession;
  /** Whether the page has asked for the panel or the markdown stack so far. */
  hasFetchedPanel(): boolean;
  close(): Promise<void>;
}

export interface PageSetup {
  /** Serve this instead of the script tag's file: '' for a page without a script. */
  script?: string;
  /** The conversation the widget finds in localStorage. */
  stored?: readonly ChatMessage[];
}

export async function openPage(browser: Browser, { script, stored }: PageSetup = {}): Promise<BenchPage> {
  const context = await browser.newContext({ viewport: test.info().project.use.viewport ?? null });
  await context.addInitScript(installProbes);
  if (stored) {
    const entry = {
      origin: pageOrigin,
      key: conversationKey(botId),
      value: JSON.stringify({ version: 1, messages: stored }),
    };
    await context.addInitScript(({ origin, key, value }) => {
      if (location.origin === origin) localStorage.setItem(key, value);
    }, entry);
  }
  // Every page-load variant gets its script the same way, so only its content differs.
  if (script !== undefined)
    await context.route('**/dist/tinytalk-widget.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: script }),
    );
  const page = await context.newPage();
  let hasFetchedPanel = false;
  page.on('request', (request) => {
    if (request.url() === panelChunkUrl || request.url() === markdownChunkUrl) hasFetchedPanel = true;
  });
  return { page, cdp: await openCdp(page), hasFetchedPanel: () => hasFetchedPanel, close: () => context.close() };
}

/**
 * Gets the panel and the markdown stack ready ahead of the measured action, the way a
 * visitor's pointer coming to rest on the launcher does (an open panel asks for them
 * itself): the widget fetches both, then renders a sample while the page is idle so its
 * code is compiled. The figures are then the widget's rendering, not the network or the
 * first compile.
 */
export async function preloadMarkdown(page: Page): Promise<void> {
  const launcher = page.locator('tinytalk-chat').getByRole('button', { name: 'Open chat' });
  if ((await launcher.count()) > 0) await launcher.hover();
  await page.evaluate(
    async (urls) => {
      // The widget's own imports of these files, started by the hover, are the ones awaited here.
      for (const url of urls) await import(url);
      const idle = () => new Promise((done) => requestIdleCallback(done, { timeout: 1000 }));
      await idle();
      await idle();
    },
    [panelChunkUrl, markdownChunkUrl],
  );
}

/** Resolves once the widget's shadow root holds a match for `selector`. */
export async function rendered(page: Page, selector: string): Promise<void> {
  await page.evaluate(
    (selector) =>
      new Promise<void>((done) => {
        const shadow = document.querySelector('tinytalk-chat')?.shadowRoot;
        if (!shadow) throw new Error('The widget is not mounted');
        const check = () => {
          if (!shadow.querySelector(selector)) return;
          observer.disconnect();
          done();
        };
        const observer = new MutationObserver(check);
        observer.observe(shadow, { subtree: true, childList: true, attributes: true });
        check();
      }),
    selector,
  );
}

/** A reply rendered as markdown (replies show as plain text until the markdown stack is in). */
export const markdownReply = '[data-role="assistant"] .markdown:not(.plain):not([aria-busy])';

/** Clicks the launcher where it is, so no actionability polling runs inside a measurement. */
export async function launcherClick(page: Page): Promise<() => Promise<void>> {
  const box = await page.locator('tinytalk-chat').getByRole('button', { name: 'Open chat' }).boundingBox();
  if (!box) throw new Error('No launcher');
  return () => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Runs in the page: scrolls the message list from its end to its top, a step per frame, over `durationMs`. */
export function scrollToTop(durationMs: number): Promise<void> {
  const scroller = document.querySelector('tinytalk-chat')?.shadowRoot?.querySelector('.scroller');
  if (!scroller) throw new Error('No message list');
  const from = scroller.scrollTop;
  const start = performance.now();
  return new Promise((done) => {
    const step = () => {
      const progress = Math.min(1, (performance.now() - start) / durationMs);
      scroller.scrollTop = from * (1 - progress);
      if (progress < 1) requestAnimationFrame(step);
      else done();
    };
    requestAnimationFrame(step);
  });
}
