import type { Page } from '@playwright/test';
import {
  agentOrigin,
  chat,
  expect,
  openEsmPage,
  openScriptTagPage,
  test,
  type Agent,
  type Attributes,
} from './fixtures.ts';
import { countGlobalListeners } from './global-listeners.ts';

/**
 * The host page is safe from the widget, and the widget from the host page: on pages that
 * style everything (e2e/pages/hostile-*.css), it looks the same as on a plain one, adds no
 * CSS to the page, leaves no listener behind, and touches the page's scrolling only on
 * phones, while open.
 */

declare global {
  interface Window {
    /** Attribute writes on html and body, recorded by the desktop test. */
    styleWrites?: string[];
  }
}

/** What a visitor sees of the widget, part by part: boxes relative to the panel, and computed styles. */
type Appearance = Record<string, Record<string, string>>;

/** Selectors in the shadow root; `:host` is the tinytalk-chat element itself. */
const parts = {
  host: ':host',
  launcher: '.launcher',
  launcherIcon: '.launcher .icon',
  panel: '.panel',
  header: '.header',
  title: '.title',
  headerButton: '.header .icon-button',
  scroller: '.scroller',
  userBubble: '.message.user .bubble',
  userText: '.message.user .plain',
  replyBubble: '.message.assistant .bubble',
  replyHeading: '.markdown h2',
  replyCell: '.markdown td',
  source: '.source',
  copyButton: '.actions .icon-button',
  composer: '.composer',
  textarea: 'textarea',
  send: '.send',
};

/** What the page could change through the host element, by inheritance or by styling it. */
const properties = [
  'display',
  'position',
  'z-index',
  'box-sizing',
  'width',
  'height',
  'margin',
  'padding',
  'border-top',
  'border-right',
  'border-bottom',
  'border-left',
  'border-radius',
  'outline-style',
  'background-color',
  'box-shadow',
  'color',
  'font-family',
  'font-size',
  'font-style',
  'font-variant',
  'font-weight',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-align',
  'text-indent',
  'text-transform',
  'text-shadow',
  'white-space',
  'cursor',
  'opacity',
  'transform',
  'filter',
  'visibility',
  'pointer-events',
  'contain',
  'transition-duration',
];

/** The widget's parts as they render now, but `absent` ones; rects rounded to a hundredth of a pixel. */
function appearance(page: Page, absent: (keyof typeof parts)[] = []): Promise<Appearance> {
  return page.evaluate(
    ({ parts, properties }) => {
      const host = document.querySelector('tinytalk-chat')!;
      const shadow = host.shadowRoot!;
      const panel = shadow.querySelector('.panel')!.getBoundingClientRect();
      const round = (value: number) => String(Math.round(value * 100) / 100);
      const result: Appearance = {
        panelOnScreen: { x: round(panel.x), y: round(panel.y), width: round(panel.width), height: round(panel.height) },
      };
      for (const [name, selector] of parts) {
        const element = selector === ':host' ? host : shadow.querySelector(selector);
        if (!element) throw new Error(`No ${selector} in the widget`);
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        result[name] = {
          x: round(box.x - panel.x),
          y: round(box.y - panel.y),
          boxWidth: round(box.width),
          boxHeight: round(box.height),
          ...Object.fromEntries(properties.map((property) => [property, style.getPropertyValue(property)])),
        };
      }
      return result;
    },
    { parts: Object.entries(parts).filter(([name]) => !absent.includes(name as keyof typeof parts)), properties },
  );
}

/** What the page's own elements look like: computed styles and boxes. */
function pageLook(page: Page): Promise<Record<string, Record<string, string>>> {
  return page.evaluate((properties) => {
    const elements = ['html', 'body', 'main', 'h1', 'p', '#host-button', '#chat-target', '#host-overlay'];
    const result: Record<string, Record<string, string>> = {
      document: {
        styleSheets: String(document.styleSheets.length),
        links: String(document.querySelectorAll('link[rel="stylesheet"]').length),
        adoptedStyleSheets: String(document.adoptedStyleSheets.length),
        styleElements: String(document.querySelectorAll('style').length),
        htmlStyle: String(document.documentElement.getAttribute('style')),
        bodyStyle: String(document.body.getAttribute('style')),
      },
    };
    for (const selector of elements) {
      const element = document.querySelector(selector);
      if (!element) continue;
      const { x, y, width, height } = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      result[selector] = {
        box: [x, y, width, height].join(' '),
        ...Object.fromEntries(
          [...properties, 'overflow'].map((property) => [property, style.getPropertyValue(property)]),
        ),
      };
    }
    return result;
  }, properties);
}

/** The element the visitor would click at the centre of a widget part: the host, when nothing covers it. */
async function hitAt(page: Page, selector: string): Promise<string> {
  return page.evaluate((selector) => {
    const part = document.querySelector('tinytalk-chat')!.shadowRoot!.querySelector(selector)!;
    const { x, y, width, height } = part.getBoundingClientRect();
    const hit = document.elementFromPoint(x + width / 2, y + height / 2);
    return hit ? hit.tagName.toLowerCase() + (hit.id ? `#${hit.id}` : '') : 'nothing';
  }, selector);
}

/** Waits for the reply's markdown (the stack loads on first open) and its sources. */
async function replyRendered(page: Page): Promise<void> {
  const reply = chat(page).lastReply;
  await expect(reply.getByRole('heading', { name: 'Pricing' })).toBeVisible();
  await expect(reply.getByRole('table')).toBeVisible();
  await expect(reply.locator('.source').first()).toBeVisible();
  // The list follows the bottom as the reply's last rows appear: measure once it is there.
  const scroller = page.locator('tinytalk-chat .scroller');
  await expect
    .poll(() => scroller.evaluate((list) => list.scrollHeight - list.scrollTop - list.clientHeight))
    .toBeLessThanOrEqual(1);
}

/**
 * Opens the widget, gets a reply with a heading, a table and sources, and measures it, the
 * pointer away from the launcher so no hover applies. The conversation is not kept, so the
 * next page of the same test starts empty.
 */
async function chatAndMeasure(page: Page, agent: Agent, attributes: Attributes = {}): Promise<Appearance> {
  await openScriptTagPage(page, agent, { persist: 'none', ...attributes });
  const widget = chat(page);
  // A covered launcher would make click() wait for the whole test timeout; fail at once instead.
  await expect(widget.launcher).toBeVisible();
  expect(await hitAt(page, '.launcher')).toBe('tinytalk-chat');
  await widget.launcher.click();
  await expect(widget.composer).toBeVisible();
  expect(await hitAt(page, 'textarea')).toBe('tinytalk-chat');
  await widget.say('What are your pricing plans?');
  await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
  await replyRendered(page);
  await page.mouse.move(1, 1);
  return appearance(page);
}

const hostilePages = [
  { host: 'hostile-universal', what: 'styles every element with !important' },
  { host: 'hostile-layers', what: 'lifts, fades, blurs, turns and unclicks every child of the body' },
  { host: 'hostile-rem', what: 'sets the root font size to 10px' },
  { host: 'hostile-elements', what: 'unsets buttons and restyles every tag the widget uses' },
  { host: 'hostile-content-box', what: 'puts every box in content-box sizing' },
  { host: 'hostile-overlay', what: 'covers everything with a layer at the largest z-index' },
];

test.describe('on hostile host pages, under a strict CSP', () => {
  // No transition may catch a measurement half-way.
  test.beforeEach(({ page }) => page.emulateMedia({ reducedMotion: 'reduce' }));

  test('the plain page shows the widget at its designed sizes', async ({ page, agent, consoleErrors }) => {
    const plain = await chatAndMeasure(page, agent);
    expect(plain.panelOnScreen).toEqual({ x: '860', y: '72', width: '400', height: '640' });
    expect(plain.launcher).toMatchObject({
      x: '344',
      y: '652',
      boxWidth: '56',
      boxHeight: '56',
      'border-radius': '50%',
    });
    expect(plain.host).toMatchObject({ boxWidth: '0', boxHeight: '0', position: 'fixed', 'z-index': '2147483647' });
    expect(plain.textarea).toMatchObject({ 'box-sizing': 'border-box', 'font-size': '16px', padding: '8px 12px' });
    expect(plain.send).toMatchObject({ boxWidth: '40', boxHeight: '40' });
    expect(plain.replyBubble).toMatchObject({ 'font-size': '15px', 'line-height': '22.5px', padding: '8px 12px' });
    expect(plain.title).toMatchObject({ 'font-size': '16px', 'font-weight': '600' });
    expect(consoleErrors).toEqual([]);
  });

  for (const { host, what } of hostilePages) {
    test(`looks the same, and changes nothing, on a page that ${what} (${host})`, async ({
      page,
      agent,
      consoleErrors,
    }) => {
      const plain = await chatAndMeasure(page, agent);

      // The same page without a widget: what the page looks like on its own.
      await page.goto(`/script-tag?${new URLSearchParams({ host, csp: 'strict' })}`);
      await page.waitForFunction(() => window.TinyTalk !== undefined);
      const pageAlone = await pageLook(page);

      const hostile = await chatAndMeasure(page, agent, { host });
      expect(hostile).toEqual(plain);
      // No stylesheet, adopted sheet, <style> or inline style added to the page, and none of its elements changed.
      expect(await pageLook(page)).toEqual(pageAlone);
      expect(pageAlone.document).toMatchObject({
        styleSheets: '2',
        links: '2',
        adoptedStyleSheets: '0',
        styleElements: '0',
      });
      expect(consoleErrors).toEqual([]);
    });
  }

  test('inline, fills its container and looks the same on a page that styles every element', async ({
    page,
    agent,
    consoleErrors,
  }) => {
    async function openInline(host?: string): Promise<Appearance> {
      const params = new URLSearchParams({
        'bot-id': agent.botId,
        'api-base': agentOrigin,
        persist: 'none',
        csp: 'strict',
        ...(host && { host }),
      });
      await page.goto(`/element?${params}`);
      await chat(page).say('What are your pricing plans?');
      await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
      await replyRendered(page);
      const { panelOnScreen, ...look } = await appearance(page, ['launcher', 'launcherIcon']);
      // The page's margins and padding move the container, and the widget with it.
      const container = await page.evaluate(() => {
        const box = document.querySelector('#chat-box')!;
        const { x, y } = box.getBoundingClientRect();
        const style = getComputedStyle(box);
        const round = (value: number) => String(Math.round(value * 100) / 100);
        return {
          x: round(x + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft)),
          y: round(y + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop)),
        };
      });
      expect(panelOnScreen).toEqual({ ...container, width: '420', height: '560' });
      return look;
    }

    const plain = await openInline();
    expect(await openInline('hostile-universal')).toEqual(plain);
    expect(consoleErrors).toEqual([]);
  });

  test('the launcher and the open panel stay above a page layer at the largest z-index', async ({ page, agent }) => {
    await openScriptTagPage(page, agent, { host: 'hostile-overlay' });
    await expect(page.locator('#host-overlay')).toBeVisible();
    // The layer does take the page's clicks.
    expect(await page.evaluate(() => document.elementFromPoint(20, 20)?.id)).toBe('host-overlay');
    const widget = chat(page);
    await expect(widget.launcher).toBeVisible();
    expect(await hitAt(page, '.launcher')).toBe('tinytalk-chat');
    await widget.launcher.click();
    await expect(widget.composer).toBeVisible();
    for (const selector of ['.header .icon-button', 'textarea', '.send'])
      expect(await hitAt(page, selector)).toBe('tinytalk-chat');
    await widget.say('hello');
    await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
    await widget.launcher.click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
});

test.describe('destroy()', () => {
  for (const viewport of [
    { width: 375, height: 667 },
    { width: 1280, height: 800 },
  ]) {
    test(`leaves no listener on window, document, body, visualViewport or a media query (${viewport.width}px wide)`, async ({
      page,
      agent,
    }) => {
      await page.setViewportSize(viewport);
      await countGlobalListeners(page);
      await openEsmPage(page, agent);
      await page.waitForFunction(() => window.widget);
      const mounted = await page.evaluate(() => window.globalListeners!());

      await chat(page).launcher.click();
      await chat(page).say('hello');
      await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
      const whileOpen = await page.evaluate(() => window.globalListeners!());
      // The counting sees the widget's own listeners: on a phone, it follows the viewport width while open.
      if (viewport.width < 640) expect(whileOpen).toContain('matchMedia((max-width: 639px)) change');

      // Counted in the same task: destroy() promises that no listener outlives the call, not the next frame.
      const afterDestroy = await page.evaluate(() => {
        window.widget.destroy();
        return window.globalListeners!();
      });
      expect(afterDestroy, `mounted: ${mounted}; open: ${whileOpen}`).toEqual([]);
    });
  }
});

test.describe('the page behind the floating panel', () => {
  const phone = { width: 375, height: 667 };
  /**
   * The page's own inline style on the body, in the form the CSSOM writes it (important
   * declarations last): other properties, and a lone longhand of overflow, important.
   */
  const pageStyle = 'color: rgb(1, 2, 3); margin-top: 3px; overflow-y: scroll !important;';

  /** Gives the body an inline style of its own (through the CSSOM: the page's CSP allows no other way), and room to scroll. */
  async function styleBody(page: Page): Promise<string | null> {
    return page.evaluate((style) => {
      document.body.style.cssText = style;
      document.querySelector<HTMLElement>('#host-content')!.style.height = '3000px';
      window.scrollTo(0, 500);
      return document.body.getAttribute('style');
    }, pageStyle);
  }

  const bodyState = (page: Page) =>
    page.evaluate(() => ({
      style: document.body.getAttribute('style'),
      overflowY: getComputedStyle(document.body).overflowY,
      htmlStyle: document.documentElement.getAttribute('style'),
      scrollY: window.scrollY,
    }));

  test('on a phone, does not scroll while the panel is open, and gets its exact inline style back on close', async ({
    page,
    agent,
    consoleErrors,
  }) => {
    await page.setViewportSize(phone);
    await openScriptTagPage(page, agent);
    await expect(chat(page).launcher).toBeVisible();
    const before = await styleBody(page);
    expect(before).toBe(pageStyle);

    await chat(page).launcher.click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await bodyState(page)).toEqual({
      style: expect.stringMatching(/^color: rgb\(1, 2, 3\); margin-top: 3px; .*hidden !important;$/),
      overflowY: 'hidden',
      htmlStyle: null,
      scrollY: 500,
    });
    await page.mouse.wheel(0, 400);
    await chat(page).say('hello');
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
    expect(await page.evaluate(() => window.scrollY)).toBe(500);

    await chat(page).button('Minimize').click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await bodyState(page)).toEqual({ style: before, overflowY: 'scroll', htmlStyle: null, scrollY: 500 });
    // CSSOM writes are allowed under the strict CSP: nothing was refused.
    expect(consoleErrors).toEqual([]);
  });

  test('on a phone, a body with no inline style has none again after the panel closes', async ({ page, agent }) => {
    await page.setViewportSize(phone);
    await openScriptTagPage(page, agent, { open: 'true' });
    await expect(page.getByRole('dialog')).toBeVisible();
    // Open from page load: locked from the start.
    expect(await page.evaluate(() => getComputedStyle(document.body).overflow)).toBe('hidden');
    await chat(page).button('Minimize').click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await page.evaluate(() => document.body.getAttribute('style'))).toBeNull();
    expect(await page.evaluate(() => getComputedStyle(document.body).overflow)).toBe('visible');
  });

  test('on a phone, gets its inline style back when the widget is destroyed while open', async ({ page, agent }) => {
    await page.setViewportSize(phone);
    await openScriptTagPage(page, agent);
    await expect(chat(page).launcher).toBeVisible();
    const before = await styleBody(page);
    await chat(page).launcher.click();
    await expect.poll(() => bodyState(page).then((state) => state.overflowY)).toBe('hidden');

    await page.evaluate(() => window.TinyTalk!.instance!.destroy());
    await expect(page.locator('tinytalk-chat')).toHaveCount(0);
    expect(await bodyState(page)).toEqual({ style: before, overflowY: 'scroll', htmlStyle: null, scrollY: 500 });
  });

  test('locks when the viewport narrows to a phone while open, and lets go when it widens again', async ({
    page,
    agent,
  }) => {
    await openScriptTagPage(page, agent);
    await expect(chat(page).launcher).toBeVisible();
    const before = await styleBody(page);
    await chat(page).launcher.click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect((await bodyState(page)).style).toBe(before);

    await page.setViewportSize(phone);
    await expect.poll(() => bodyState(page).then((state) => state.overflowY)).toBe('hidden');
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => bodyState(page).then((state) => state.style)).toBe(before);
    await chat(page).button('Minimize').click();
    expect((await bodyState(page)).style).toBe(before);
  });

  test('on a desktop, is never touched: no write to the style of html or body while the widget opens, chats and closes', async ({
    page,
    agent,
  }) => {
    await openScriptTagPage(page, agent);
    await expect(chat(page).launcher).toBeVisible();
    await styleBody(page);
    await page.evaluate(() => {
      const writes: string[] = [];
      const observer = new MutationObserver((records) =>
        writes.push(...records.map((record) => `${(record.target as Element).tagName} ${record.attributeName}`)),
      );
      for (const element of [document.documentElement, document.body])
        observer.observe(element, { attributes: true, attributeFilter: ['style', 'class'] });
      window.styleWrites = writes;
    });

    await chat(page).launcher.click();
    await chat(page).say('hello');
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.evaluate(() => window.TinyTalk!.instance!.destroy());
    expect(await page.evaluate(() => window.styleWrites)).toEqual([]);
  });
});
