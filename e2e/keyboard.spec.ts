import type { Page } from '@playwright/test';
import { chat, expect, openScriptTagPage, test } from './fixtures.ts';
import { contrast } from './contrast.ts';

/**
 * What has the focus, down through the shadow root, as `role name`: `button Copy`,
 * `textbox Message`, `link Billing FAQ`; `page` when nothing in a page is focused.
 */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element || element === document.body) return 'page';
    const role =
      element.getAttribute('role') ?? { a: 'link', textarea: 'textbox' }[element.localName] ?? element.localName;
    const name = element.getAttribute('aria-label') ?? element.textContent?.trim();
    return `${role} ${name}`;
  });
}

/** Presses `key` `times` times, noting what has the focus after each press. */
async function press(page: Page, key: string, times: number): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    stops.push(await focused(page));
  }
  return stops;
}

/** Whether the focus is inside the widget's panel. */
const isInPanel = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('tinytalk-chat')!.shadowRoot!;
    return !!root.activeElement && !!root.querySelector('.panel')?.contains(root.activeElement);
  });

/** The `steps` stops after `from` going round `order`: forwards (`1`, Tab) or backwards (`-1`, Shift+Tab). */
function goRound(order: readonly string[], from: string, steps: number, direction: 1 | -1): string[] {
  const start = order.indexOf(from);
  return Array.from({ length: steps }, (_, step) => order.at((start + direction * (step + 1)) % order.length)!);
}

/** Says `text` from the keyboard and waits until the reply has finished. */
async function ask(page: Page, text: string): Promise<void> {
  const widget = chat(page);
  await widget.composer.fill(text);
  await page.keyboard.press('Enter');
  await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
}

test.describe('from the keyboard alone, on a desktop', () => {
  test('Tab reaches the launcher after the page, Enter opens the panel into the composer, and the panel tabs top to bottom', async ({
    page,
    agent,
  }) => {
    await openScriptTagPage(page, agent, { starters: JSON.stringify(['Pricing?', 'Install?']) });
    await expect(chat(page).launcher).toBeVisible();
    expect(await press(page, 'Tab', 2)).toEqual(['button Host button', 'button Open chat']);

    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Chat' })).toBeVisible();
    await expect.poll(() => focused(page)).toBe('textbox Message');
    // Up from the composer: the starters, then the header.
    expect(await press(page, 'Shift+Tab', 4)).toEqual([
      'button Install?',
      'button Pricing?',
      'button Minimize',
      'button New conversation',
    ]);
    // Down again, past the composer (Send is disabled while it is empty) to the launcher, then back to the page.
    expect(await press(page, 'Tab', 5)).toEqual([
      'button Minimize',
      'button Pricing?',
      'button Install?',
      'textbox Message',
      'button Close chat',
    ]);
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toBe('page');
    // The panel is not modal on a desktop: the page is still there behind it.
    await expect(page.getByRole('dialog')).not.toHaveAttribute('aria-modal');
  });

  test('Escape closes the panel from anywhere in it and gives the focus back to the launcher', async ({
    page,
    agent,
  }) => {
    await openScriptTagPage(page, agent);
    await chat(page).launcher.focus();
    await page.keyboard.press('Enter');
    await ask(page, 'What are your pricing plans?');
    // From a source chip inside the conversation, not only from the composer.
    await press(page, 'Shift+Tab', 5);
    await expect.poll(() => focused(page)).toBe('link Billing FAQ');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect.poll(() => focused(page)).toBe('button Open chat');

    await page.keyboard.press('Space');
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect.poll(() => focused(page)).toBe('textbox Message');
  });

  test('Escape leaves an inline panel open, as it cannot be closed', async ({ page, agent }) => {
    await openScriptTagPage(page, agent, { target: '#chat-target' });
    await chat(page).composer.focus();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('region', { name: 'Chat' })).toBeVisible();
    await expect.poll(() => focused(page)).toBe('textbox Message');
  });

  test('source chips, Copy, the ratings and Retry are reached with Tab and work with Enter and Space', async ({
    page,
    agent,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await context.route('https://docs.tinytalk.example/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Docs</title>' }),
    );
    await openScriptTagPage(page, agent, { open: 'true' });
    await chat(page).composer.focus();
    await ask(page, 'What are your pricing plans?');

    expect(await press(page, 'Shift+Tab', 6)).toEqual([
      'button Regenerate',
      'button Not helpful',
      'button Helpful',
      'button Copy',
      'link Billing FAQ',
      'link Pricing and plans',
    ]);
    const [docs] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')]);
    expect(docs.url()).toBe('https://docs.tinytalk.example/pricing');
    await docs.close();

    await page.bringToFront();
    expect(await press(page, 'Tab', 2)).toEqual(['link Billing FAQ', 'button Copy']);
    await page.keyboard.press('Space');
    await expect(chat(page).lastReply.getByRole('button', { name: 'Copy' })).toHaveAttribute('title', 'Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('| Team | $29 | 10,000 |');
    expect(await press(page, 'Tab', 1)).toEqual(['button Helpful']);
    await page.keyboard.press('Enter');
    await expect(chat(page).lastReply.getByRole('button', { name: 'Helpful', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await agent.arm('500');
    await chat(page).composer.focus();
    await chat(page).composer.fill('hello');
    await page.keyboard.press('Enter');
    await expect(chat(page).button('Retry')).toBeVisible();
    expect(await press(page, 'Shift+Tab', 1)).toEqual(['button Retry']);
    await page.keyboard.press('Enter');
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
    await expect(chat(page).lastReply).toContainText('Hello!');
    expect((await agent.requests()).map(({ body }) => body.messages.at(-1)?.content)).toEqual([
      'What are your pricing plans?',
      'hello',
      'hello',
    ]);
  });

  test('Jump to latest comes just before the composer, and leaves the focus on the conversation', async ({
    page,
    agent,
  }) => {
    await openScriptTagPage(page, agent, { open: 'true' });
    await chat(page).composer.focus();
    await ask(page, `echo: ${Array.from({ length: 30 }, (_, index) => `Line ${index + 1}.`).join('\n\n')}`);
    // The reader scrolls up from the keyboard.
    await press(page, 'Shift+Tab', 1);
    await expect.poll(() => focused(page)).toBe('button Regenerate');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    await expect(chat(page).button('Jump to latest')).toBeVisible();

    await chat(page).composer.focus();
    expect(await press(page, 'Shift+Tab', 1)).toEqual(['button Jump to latest']);
    await page.keyboard.press('Enter');
    await expect(chat(page).button('Jump to latest')).toHaveCount(0);
    // Not lost to the page when the button goes.
    await expect.poll(() => focused(page)).toBe('log Conversation');
    expect(await isInPanel(page)).toBe(true);
  });
});

test.describe('from the keyboard alone, on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the open panel is modal: Tab and Shift+Tab go round inside it', async ({ page, agent }) => {
    await openScriptTagPage(page, agent);
    await chat(page).launcher.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Chat' });
    await expect(dialog).toHaveAttribute('aria-modal', 'true');
    await ask(page, 'What are your pricing plans?');
    await chat(page).composer.fill('Thanks');

    // The panel's Tab order, written once: Tab goes round it forwards, Shift+Tab backwards.
    const order = [
      'textbox Message',
      'button Send',
      'button New conversation',
      'button Minimize',
      'button Edit',
      'link Pricing and plans',
      'link Billing FAQ',
      'button Copy',
      'button Helpful',
      'button Not helpful',
      'button Regenerate',
    ];
    expect(await press(page, 'Tab', 12)).toEqual(goRound(order, 'textbox Message', 12, 1));
    expect(await press(page, 'Shift+Tab', 12)).toEqual(goRound(order, 'button Send', 12, -1));
    expect(await isInPanel(page)).toBe(true);
  });

  test('Escape closes the full-screen panel and gives the focus back to the launcher', async ({ page, agent }) => {
    await openScriptTagPage(page, agent);
    await chat(page).launcher.focus();
    await page.keyboard.press('Enter');
    await expect(chat(page).launcher).toBeHidden();
    await expect.poll(() => focused(page)).toBe('textbox Message');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(chat(page).launcher).toBeVisible();
    await expect.poll(() => focused(page)).toBe('button Open chat');
  });
});

/** The focus ring of what has the focus, and the panel's background it must stand out from. */
function focusRing(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('tinytalk-chat')!.shadowRoot!;
    const style = getComputedStyle(root.activeElement!);
    return {
      style: style.outlineStyle,
      width: style.outlineWidth,
      color: style.outlineColor,
      background: getComputedStyle(root.querySelector('.panel')!).backgroundColor,
    };
  });
}

test.describe('focus rings', () => {
  for (const { name, attributes } of [
    { name: 'the default colours', attributes: {} },
    { name: 'the dark theme', attributes: { theme: 'dark' } },
    { name: 'a pale accent colour', attributes: { 'accent-color': '#ffe066' } },
    { name: 'a deep accent colour in the dark theme', attributes: { 'accent-color': '#1e1b4b', theme: 'dark' } },
  ]) {
    test(`are 2px and stand out 3:1 from the panel on every control, with ${name}`, async ({ page, agent }) => {
      await openScriptTagPage(page, agent, attributes);
      await chat(page).launcher.focus();
      await page.keyboard.press('Enter');
      await ask(page, 'What are your pricing plans?');
      await chat(page).composer.fill('Thanks');
      await chat(page).launcher.focus();

      // From the launcher back round the panel: forwards, Tab would leave the widget after the launcher.
      const seen: string[] = [];
      for (let i = 0; i < 12; i++) {
        const stop = await focused(page);
        const ring = await focusRing(page);
        expect({ stop, style: ring.style, width: ring.width }).toEqual({ stop, style: 'solid', width: '2px' });
        expect(
          contrast(ring.color, ring.background),
          `${stop}: ${ring.color} on ${ring.background}`,
        ).toBeGreaterThanOrEqual(3);
        seen.push(stop);
        await page.keyboard.press('Shift+Tab');
      }
      expect(seen).toEqual([
        'button Close chat',
        'button Send',
        'textbox Message',
        'button Regenerate',
        'button Not helpful',
        'button Helpful',
        'button Copy',
        'link Billing FAQ',
        'link Pricing and plans',
        'button Edit',
        'button Minimize',
        'button New conversation',
      ]);
    });
  }
});

test.describe('motion and colour preferences', () => {
  test('with reduced motion, the typing dots and the launcher keep still', async ({ page, agent }) => {
    const motion = () =>
      page.evaluate(() => {
        const root = document.querySelector('tinytalk-chat')!.shadowRoot!;
        const dot = getComputedStyle(root.querySelector('.typing span')!);
        const launcher = getComputedStyle(root.querySelector('.launcher')!);
        return { dots: dot.animationName, launcher: launcher.transitionDuration };
      });
    await agent.arm('hang');
    await openScriptTagPage(page, agent, { open: 'true' });
    await chat(page).say('hello');
    await expect(page.locator('tinytalk-chat .typing')).toBeVisible();
    // What there is to keep still.
    expect(await motion()).toEqual({ dots: 'blink', launcher: '0.15s' });

    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await motion()).toEqual({ dots: 'none', launcher: '0s' });
  });

  test('in forced colours, every control and bubble keeps a visible edge, and focus a visible ring', async ({
    page,
    agent,
  }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await openScriptTagPage(page, agent, { open: 'true', starters: JSON.stringify(['Pricing?']) });
    const edges = (selectors: string[]) =>
      page.evaluate((selectors) => {
        const root = document.querySelector('tinytalk-chat')!.shadowRoot!;
        return Object.fromEntries(
          selectors.map((selector) => {
            const style = getComputedStyle(root.querySelector(selector)!);
            return [selector, `${style.borderTopStyle} ${style.borderTopWidth}`];
          }),
        );
      }, selectors);
    const solid = (selectors: string[]) => Object.fromEntries(selectors.map((selector) => [selector, 'solid 1px']));

    const empty = ['.launcher', '.header .icon-button', '.starter', 'textarea', '.send'];
    expect(await edges(empty)).toEqual(solid(empty));

    await ask(page, 'What are your pricing plans?');
    await agent.arm('500');
    await chat(page).composer.fill('hello');
    await page.keyboard.press('Enter');
    await expect(chat(page).button('Retry')).toBeVisible();
    const chatting = [
      '.message.user .bubble',
      '.message.assistant .bubble',
      '.source',
      '.actions .icon-button',
      '.text-button',
    ];
    expect(await edges(chatting)).toEqual(solid(chatting));

    await chat(page).composer.focus();
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => focused(page)).toBe('button Retry');
    expect(await focusRing(page)).toMatchObject({ style: 'solid', width: '2px' });
  });
});
