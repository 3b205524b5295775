import type { Page } from '@playwright/test';
import type * as Axe from 'axe-core';
import { locales } from '../src/i18n/locales/index.ts';
import { ask, chat, expect, openEsmPage, openScriptTagPage, test, type Agent, type Attributes } from './fixtures.ts';
import { channels, contrast } from './contrast.ts';

declare global {
  interface Window {
    axe?: typeof Axe;
    /** What the polite status region said, change by change (see {@link recordAnnouncements}). */
    announced?: string[];
  }
}

/** Says `text` and waits until the reply to it has finished, rendered as markdown. */
async function askMarkdown(page: Page, text: string): Promise<void> {
  await ask(page, text);
  await expect(chat(page).lastReply.locator('.markdown:not(.plain)')).toBeAttached();
}

/** A reply of `lines` short paragraphs, taller than the panel: `echo:` makes the agent say it. */
function longEcho(lines: number, word = 'Line'): string {
  return `echo: ${Array.from({ length: lines }, (_, index) => `${word} ${index + 1}.`).join('\n\n')}`;
}

/** The widget's own parts, in its shadow root. */
const shadow = (page: Page, selector: string) => page.locator('tinytalk-chat').locator(selector);

/** The rule sets the widget is measured against: WCAG 2.0 to 2.2, A and AA, and axe's best practices. */
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * axe's violations inside the widget, its shadow root included. axe runs on the whole
 * page, so rules about the page around the widget (one banner, unique landmarks, content
 * inside landmarks, unique ids) judge it in place; violations in the host page's own
 * markup (a red button with yellow text, there for the style tests) are the test page's
 * business and are left out. axe is a file of the test server, which the strict CSP allows.
 */
async function axeViolations(page: Page): Promise<string[]> {
  await loadAxe(page);
  return page.evaluate(async (tags) => {
    const { violations } = await window.axe!.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
      elementRef: true,
    });
    const isInWidget = (element: Element | undefined) => {
      if (!element) return true;
      const root = element.getRootNode();
      return (root instanceof ShadowRoot ? root.host : element).closest('tinytalk-chat') !== null;
    };
    return violations.flatMap(({ id, nodes }) =>
      nodes
        .filter((node) => isInWidget(node.element))
        .map((node) => `${id} at ${JSON.stringify(node.target)}: ${node.failureSummary}`),
    );
  }, axeTags);
}

/** Puts axe on the page once. */
async function loadAxe(page: Page): Promise<void> {
  if (!(await page.evaluate(() => window.axe !== undefined)))
    await page.addScriptTag({ url: '/node_modules/axe-core/axe.min.js' });
}

interface A11yState {
  name: string;
  attributes?: Attributes;
  viewport?: { width: number; height: number };
  /** Brings the widget into the state, from the page just opened. */
  reach: (page: Page, agent: Agent) => Promise<void>;
}

const starters = JSON.stringify(['What are your pricing plans?', 'How do I install it?']);

const states: A11yState[] = [
  { name: 'closed', reach: (page) => expect(chat(page).launcher).toBeVisible() },
  { name: 'open and empty', attributes: { open: 'true' }, reach: (page) => expect(chat(page).composer).toBeVisible() },
  {
    name: 'open with a welcome message and starters',
    attributes: { open: 'true', starters, 'welcome-message': 'Hi! Ask me anything.' },
    reach: (page) =>
      expect(page.locator('tinytalk-chat').getByRole('list', { name: 'Suggestions' }).getByRole('button')).toHaveCount(
        2,
      ),
  },
  {
    name: 'streaming a reply',
    attributes: { open: 'true' },
    async reach(page, agent) {
      await agent.arm('slow');
      await chat(page).say('What are your pricing plans?');
      await expect(chat(page).lastReply.getByRole('heading', { name: 'Pricing' })).toBeVisible();
      await expect(chat(page).lastReply).toHaveAttribute('data-status', 'streaming');
      await expect(chat(page).button('Stop')).toBeVisible();
    },
  },
  {
    name: 'finished, with sources, a table and a code block',
    attributes: { open: 'true' },
    async reach(page) {
      await askMarkdown(page, 'What are your pricing plans?');
      await askMarkdown(page, 'How do I install it?');
      await expect(chat(page).lastReply.locator('pre')).toBeVisible();
      await expect(chat(page).lastReply.getByRole('list', { name: 'Sources' })).toBeVisible();
    },
  },
  {
    name: 'a code block with its Copy code button, and a wide table in its scroll box',
    attributes: { open: 'true' },
    async reach(page) {
      const columns = Array.from({ length: 12 }, (_, index) => `Column ${index + 1}`);
      await askMarkdown(
        page,
        `echo: \`\`\`js\nmount({ botId: 'demo', title: 'A line far wider than the bubble that holds it, to scroll' });\n\`\`\`\n\n| ${columns.join(' | ')} |\n|${' --- |'.repeat(12)}\n| ${columns.join(' | ')} |`,
      );
      await expect(chat(page).lastReply.getByRole('button', { name: 'Copy code' })).toBeVisible();
      await expect(chat(page).lastReply.getByRole('group', { name: 'Table' })).toBeVisible();
    },
  },
  {
    name: 'closed, with a greeting beside the launcher',
    attributes: { greeting: 'Questions about pricing? Ask me.', 'greeting-delay': '0' },
    reach: (page) => expect(page.locator('tinytalk-chat').getByRole('button', { name: 'Dismiss' })).toBeVisible(),
  },
  {
    name: 'closed, with an unread reply on the launcher',
    async reach(page) {
      await page.evaluate(() => window.TinyTalk?.instance?.send('echo: Read me.'));
      await expect(chat(page).launcher).toHaveAccessibleDescription('1 new reply');
    },
  },
  {
    name: 'editing the last message, with Regenerate on the last reply',
    attributes: { open: 'true' },
    async reach(page) {
      await askMarkdown(page, 'echo: First.');
      await expect(chat(page).lastReply.getByRole('button', { name: 'Regenerate' })).toBeVisible();
      await chat(page).userTurns.last().getByRole('button', { name: 'Edit' }).click();
      await expect(page.locator('tinytalk-chat').getByRole('button', { name: 'Cancel' })).toBeVisible();
    },
  },
  {
    name: 'stopped by the visitor',
    attributes: { open: 'true' },
    async reach(page, agent) {
      await agent.arm('slow');
      await chat(page).say('Tell me about your features');
      await expect(chat(page).lastReply).toContainText('Features');
      await chat(page).button('Stop').click();
      await expect(chat(page).lastReply).toHaveAttribute('data-status', 'stopped');
    },
  },
  {
    name: 'after an error, with Retry',
    attributes: { open: 'true' },
    async reach(page, agent) {
      await agent.arm('500');
      await chat(page).say('hello');
      await expect(chat(page).alert).toBeVisible();
      await expect(chat(page).button('Retry')).toBeVisible();
    },
  },
  {
    name: 'offline',
    attributes: { open: 'true' },
    async reach(page) {
      // Offline, axe could not be fetched any more.
      await loadAxe(page);
      await page.context().setOffline(true);
      await expect(page.locator('tinytalk-chat .offline')).toBeVisible();
    },
  },
  {
    name: 'in the dark theme, with starters',
    attributes: { open: 'true', theme: 'dark', starters },
    reach: (page) => expect(page.locator('tinytalk-chat').getByRole('list', { name: 'Suggestions' })).toBeVisible(),
  },
  {
    name: 'in the dark theme, finished and then failed',
    attributes: { open: 'true', theme: 'dark' },
    async reach(page, agent) {
      await askMarkdown(page, 'What are your pricing plans?');
      await agent.arm('500');
      await chat(page).say('hello');
      await expect(chat(page).button('Retry')).toBeVisible();
    },
  },
  {
    name: 'inline, with a reply',
    attributes: { target: '#chat-target' },
    reach: (page) => ask(page, 'What are your pricing plans?'),
  },
  {
    name: 'on a phone, closed',
    viewport: { width: 375, height: 667 },
    reach: (page) => expect(chat(page).launcher).toBeVisible(),
  },
  {
    // The panel's file cannot arrive (offline, a CSP that allows only the first file): an
    // alert beside the launcher says so. Online again before axe itself is fetched.
    name: 'closed, its panel unable to load, the failure said beside the launcher',
    async reach(page) {
      await page.context().setOffline(true);
      await chat(page).launcher.click();
      await expect(chat(page).alert).toContainText('could not be reached');
      await page.context().setOffline(false);
    },
  },
  {
    name: 'on a phone, full screen, with a reply',
    viewport: { width: 375, height: 667 },
    attributes: { open: 'true' },
    reach: (page) => ask(page, 'How do I install it?'),
  },
  {
    name: 'right to left, in Arabic',
    attributes: { open: 'true', locale: 'ar' },
    async reach(page) {
      await shadow(page, 'textarea').fill('How do I install it?');
      await shadow(page, 'textarea').press('Enter');
      await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
      await expect(chat(page).lastReply.locator('pre')).toBeVisible();
    },
  },
  {
    name: 'with a pale accent colour',
    attributes: { open: 'true', 'accent-color': '#ffe066', starters },
    reach: (page) => ask(page, 'What are your pricing plans?'),
  },
  {
    name: 'with a deep accent colour in the dark theme',
    attributes: { open: 'true', 'accent-color': '#1e1b4b', theme: 'dark' },
    reach: (page) => ask(page, 'What are your pricing plans?'),
  },
  {
    // Landmark rules judge the widget among the page's own.
    name: 'open on a page with a header and a footer of its own',
    async reach(page) {
      await page.evaluate(() => {
        document.body.prepend(Object.assign(document.createElement('header'), { textContent: 'Site header' }));
        document
          .querySelector('main')!
          .after(Object.assign(document.createElement('footer'), { textContent: 'Site footer' }));
      });
      await chat(page).launcher.click();
      await askMarkdown(page, 'What are your pricing plans?');
    },
  },
  {
    name: 'scrolled up, with Jump to latest',
    attributes: { open: 'true' },
    async reach(page) {
      await askMarkdown(page, longEcho(30));
      await shadow(page, '.scroller').evaluate((element) => element.scrollTo({ top: 0 }));
      await expect(chat(page).button('Jump to latest')).toBeVisible();
    },
  },
];

test.describe('axe finds no WCAG 2.2 AA or best-practice violation in the widget', () => {
  for (const state of states) {
    test(state.name, async ({ page, agent }) => {
      if (state.viewport) await page.setViewportSize(state.viewport);
      await openScriptTagPage(page, agent, state.attributes);
      await state.reach(page, agent);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});

/** Keeps every change of the polite status region's text in `window.announced`: what a screen reader would read out. */
async function recordAnnouncements(page: Page): Promise<void> {
  await page.evaluate(() => {
    const region = document
      .querySelector('tinytalk-chat')!
      .shadowRoot!.querySelector('[role="status"][aria-live="polite"]')!;
    const announced: string[] = (window.announced = []);
    let text = region.textContent;
    new MutationObserver(() => {
      // A write of the same text changes nothing a screen reader hears.
      if (region.textContent !== text) announced.push((text = region.textContent) ?? '');
    }).observe(region, { subtree: true, childList: true, characterData: true });
  });
}

test.describe('screen readers', () => {
  const responding = 'The assistant is responding…';
  const status = (page: Page) => page.locator('tinytalk-chat').getByRole('status');

  test('hear "responding" while a reply streams, then the whole reply once, in plain words', async ({
    page,
    agent,
  }) => {
    const question = 'What are your pricing plans?';
    await agent.arm('slow');
    await openScriptTagPage(page, agent, { open: 'true' });
    const widget = chat(page);
    await expect(status(page)).toHaveAttribute('aria-live', 'polite');
    await expect(status(page)).toHaveText('');
    await recordAnnouncements(page);

    await widget.say(question);
    await expect(widget.lastReply).toContainText('Every plan includes');
    await expect(widget.lastReply).toHaveAttribute('data-status', 'streaming');
    await expect(status(page)).toHaveText(responding);

    await expect(widget.lastReply).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
    // The rendered reply's words, a line per block, the table's cells side by side.
    const reply = [
      'Pricing',
      'Every plan includes the chat widget and unlimited visitors.',
      'Plan Price Messages per month',
      'Starter $0 500',
      'Team $29 10,000',
      'Business $99 100,000',
      'Yearly billing saves two months.',
    ].join('\n');
    await expect(status(page)).toHaveText(reply);
    // Two announcements in all: none for the tokens in between.
    expect(await page.evaluate(() => window.announced)).toEqual([responding, reply]);
  });

  test('hear a reply too long to announce whole up to a line end, then that it continues', async ({ page, agent }) => {
    await openScriptTagPage(page, agent, { open: 'true' });
    const widget = chat(page);
    await recordAnnouncements(page);
    // Some 5,400 characters, a line each: more than the 4,000 announced.
    await widget.say(longEcho(600));
    await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
    const lines = Array.from({ length: 600 }, (_, index) => `Line ${index + 1}.`);
    let heard = lines[0]!;
    for (const line of lines.slice(1)) {
      if (heard.length + 1 + line.length > 4000) break;
      heard += `\n${line}`;
    }
    const announcement = `${heard}\nThe reply continues in the conversation.`;
    await expect(status(page)).toHaveText(announcement);
    expect(await page.evaluate(() => window.announced)).toEqual([responding, announcement]);
  });

  test('hear an error as an alert, and "responding" does not linger after it', async ({ page, agent }) => {
    await openScriptTagPage(page, agent, { open: 'true' });
    const widget = chat(page);
    await recordAnnouncements(page);
    await agent.arm('500');
    await widget.say('hello');
    await expect(widget.alert).toHaveText('The chat service is having trouble right now. Please try again.');
    await expect(status(page)).toHaveText('');

    // Failing half-way, the words that came are not read out as if they were the reply.
    await agent.arm('stream-error');
    await widget.say('What are your pricing plans?');
    await expect(widget.alert.last()).toHaveText('The assistant ran into a problem while answering.');
    await expect(status(page)).toHaveText('');
    expect(await page.evaluate(() => window.announced)).toEqual([responding, '', responding, '']);
  });

  test('find the conversation as a named, silent log with one article per turn, in order', async ({ page, agent }) => {
    await openScriptTagPage(page, agent, { open: 'true', 'welcome-message': 'Hi! Ask me anything.' });
    const log = page.getByRole('dialog', { name: 'Chat' }).getByRole('log', { name: 'Conversation' });
    // The log is silent: the announcer says it once, not token by token.
    await expect(log).toHaveAttribute('aria-live', 'off');
    await askMarkdown(page, 'echo: First answer.');
    await askMarkdown(page, 'echo: Second answer.');
    await expect(log.getByRole('article')).toHaveText([
      'Hi! Ask me anything.',
      'echo: First answer.',
      'First answer.',
      'echo: Second answer.',
      'Second answer.',
    ]);
  });

  // axe takes the dialog for a section and its header for no banner; Chromium did not.
  test("meet no banner, main or contentinfo of the widget among the page's landmarks", async ({ page, agent }) => {
    const pageLandmarks = async () => {
      const cdp = await page.context().newCDPSession(page);
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      await cdp.detach();
      return nodes
        .filter((node) => !node.ignored && ['banner', 'main', 'contentinfo'].includes(String(node.role?.value)))
        .map((node) => node.role?.value);
    };
    const floatingAndInline: Attributes[] = [{ open: 'true' }, { target: '#chat-target' }];
    for (const attributes of floatingAndInline) {
      await openScriptTagPage(page, agent, attributes);
      await askMarkdown(page, 'What are your pricing plans?');
      // The host page's own <main>, and nothing else.
      expect(await pageLandmarks()).toEqual(['main']);
    }
  });

  test('find a name on every control, in every part of the panel', async ({ page, agent }) => {
    await openScriptTagPage(page, agent, { open: 'true', starters: JSON.stringify(['How do I install it?']) });
    await expect(page.locator('tinytalk-chat')).toMatchAriaSnapshot(`
      - dialog "Chat":
        - heading "Chat" [level=2]
        - button "New conversation"
        - button "Minimize"
        - log "Conversation"
        - list "Suggestions":
          - listitem:
            - button "How do I install it?"
        - textbox "Message"
        - button "Send" [disabled]
        - status
      - button "Close chat" [expanded]
    `);

    await askMarkdown(page, 'What are your pricing plans?');
    await agent.arm('500');
    await chat(page).say('hello');
    await expect(chat(page).button('Retry')).toBeVisible();
    await chat(page).composer.fill('Thanks');
    await expect(page.locator('tinytalk-chat')).toMatchAriaSnapshot(`
      - dialog "Chat":
        - button "New conversation"
        - button "Minimize"
        - log "Conversation":
          - article:
            - paragraph: What are your pricing plans?
          - article:
            - heading "Pricing" [level=2]
            - group "Table":
              - table
            - list "Sources":
              - listitem:
                - link "Pricing and plans"
              - listitem:
                - link "Billing FAQ"
            - button "Copy"
          - article:
            - paragraph: hello
          - article:
            - alert: The chat service is having trouble right now. Please try again.
            - button "Retry"
        - textbox "Message": Thanks
        - button "Send"
      - button "Close chat" [expanded]
    `);

    await agent.arm('slow');
    await chat(page).composer.press('Enter');
    await expect(chat(page).button('Stop')).toBeVisible();
    await chat(page).button('Minimize').click();
    await expect(chat(page).launcher).toHaveAccessibleName('Open chat');
    await expect(chat(page).launcher).toHaveAttribute('aria-expanded', 'false');
  });
});

/** Text and background colours of the parts painted in the accent colour. */
function accentParts(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('tinytalk-chat')!.shadowRoot!;
    const colours = (selector: string) => {
      const style = getComputedStyle(root.querySelector(selector)!);
      return { text: style.color, background: style.backgroundColor };
    };
    return { launcher: colours('.launcher'), userBubble: colours('.message.user .bubble'), send: colours('.send') };
  });
}

test.describe('contrast', () => {
  const cases = [
    { accent: '#ffe066', expected: 'rgb(0, 0, 0)' },
    { accent: '#1e1b4b', expected: 'rgb(255, 255, 255)' },
    // As close to the middle as colours come: black wins, barely, and still reads at 4.5:1.
    { accent: '#777777', expected: 'rgb(0, 0, 0)' },
    { accent: 'tomato', expected: 'rgb(0, 0, 0)' },
    { accent: 'rgb(15 118 110)', expected: 'rgb(255, 255, 255)' },
  ];
  for (const { accent, expected } of cases) {
    test(`text on the accent ${accent} is ${expected === 'rgb(0, 0, 0)' ? 'black' : 'white'}, at 4.5:1 or more`, async ({
      page,
      agent,
    }) => {
      await openScriptTagPage(page, agent, { open: 'true', 'accent-color': accent });
      await askMarkdown(page, 'echo: Hi.');
      const parts = await accentParts(page);
      for (const part of Object.values(parts)) {
        expect(channels(part.text)).toEqual(channels(expected));
        expect(contrast(part.text, part.background)).toBeGreaterThanOrEqual(4.5);
      }
    });
  }

  for (const theme of ['light', 'dark']) {
    test(`the composer's edge stands out 3:1 from the panel in the ${theme} theme`, async ({ page, agent }) => {
      await openScriptTagPage(page, agent, { open: 'true', theme });
      const { edge, panel } = await page.evaluate(() => {
        const root = document.querySelector('tinytalk-chat')!.shadowRoot!;
        return {
          edge: getComputedStyle(root.querySelector('textarea')!).borderTopColor,
          panel: getComputedStyle(root.querySelector('.panel')!).backgroundColor,
        };
      });
      expect(contrast(edge, panel)).toBeGreaterThanOrEqual(3);
    });
  }

  test('text on the accent follows accentColor from the ESM build too', async ({ page, agent }) => {
    await openEsmPage(page, agent, { open: true, accentColor: '#ffe066' });
    await askMarkdown(page, 'echo: Hi.');
    const { text, background } = (await accentParts(page)).userBubble;
    expect([channels(text), channels(background)]).toEqual([
      [0, 0, 0],
      [255, 224, 102],
    ]);
  });
});

/** Where the panel, the composer and the visual viewport are, in CSS pixels of the layout viewport. */
function phoneLayout(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('tinytalk-chat')!.shadowRoot!;
    const panel = root.querySelector('.panel')!.getBoundingClientRect();
    const composer = root.querySelector('.composer')!.getBoundingClientRect();
    const scroller = root.querySelector('.scroller')!.getBoundingClientRect();
    const lastMessage = [...root.querySelectorAll('[data-role]')].at(-1)?.getBoundingClientRect();
    const viewport = window.visualViewport!;
    return {
      viewport: { top: viewport.offsetTop, height: viewport.height, layoutHeight: window.innerHeight },
      panel: { top: panel.top, bottom: panel.bottom, width: panel.width },
      composerBottom: composer.bottom,
      scrollerBottom: scroller.bottom,
      lastMessageBottom: lastMessage?.bottom,
    };
  });
}

for (const phone of [
  { width: 375, height: 667 },
  { width: 390, height: 844 },
]) {
  test.describe(`on a ${phone.width}x${phone.height} phone`, () => {
    test.use({ viewport: phone, isMobile: true, hasTouch: true });

    test('the open panel fills the screen inside the safe area, with 16px text, and the page stays still behind it', async ({
      page,
      agent,
    }) => {
      const cdp = await page.context().newCDPSession(page);
      // A notch above and a home indicator below, as on an iPhone.
      await cdp.send('Emulation.setSafeAreaInsetsOverride', { insets: { top: 47, bottom: 34, left: 0, right: 0 } });
      await openScriptTagPage(page, agent);
      await chat(page).launcher.click();
      const dialog = page.getByRole('dialog', { name: 'Chat' });
      await expect(dialog).toBeVisible();
      expect(await dialog.boundingBox()).toEqual({ x: 0, y: 0, ...phone });
      await expect(dialog).toHaveCSS('padding-top', '47px');
      await expect(dialog).toHaveCSS('padding-bottom', '34px');
      // Under 16px, iOS zooms into the field on focus.
      await expect(chat(page).composer).toHaveCSS('font-size', '16px');
      await expect(chat(page).composer).toBeFocused();
      expect(await page.evaluate(() => getComputedStyle(document.body).overflow)).toBe('hidden');
      // The launcher would cover the composer: the panel's Minimize closes it.
      await expect(chat(page).launcher).toBeHidden();
    });

    test('keeps the composer and the latest message above a keyboard that shrinks the viewport', async ({
      page,
      agent,
    }) => {
      await openScriptTagPage(page, agent, { open: 'true' });
      await askMarkdown(page, longEcho(20));
      await chat(page).composer.focus();
      // Android with interactive-widget=resizes-content, or any browser that resizes the page for its keyboard.
      const withKeyboard = { width: phone.width, height: phone.height - 300 };
      await page.setViewportSize(withKeyboard);
      await expect
        .poll(async () => {
          const {
            viewport,
            panel,
            composerBottom,
            lastMessageBottom = Infinity,
            scrollerBottom,
          } = await phoneLayout(page);
          return {
            viewport: viewport.height,
            panel,
            isComposerInView: composerBottom <= viewport.height,
            isLatestInView: lastMessageBottom <= scrollerBottom + 1,
          };
        })
        .toEqual({
          viewport: withKeyboard.height,
          panel: { top: 0, bottom: withKeyboard.height, width: phone.width },
          isComposerInView: true,
          isLatestInView: true,
        });

      await page.setViewportSize(phone);
      await expect.poll(() => phoneLayout(page)).toMatchObject({ panel: { top: 0, bottom: phone.height } });
    });

    test('keeps the composer in view when only the visual viewport shrinks, as an on-screen keyboard does', async ({
      page,
      agent,
    }) => {
      await openScriptTagPage(page, agent, { open: 'true' });
      await askMarkdown(page, longEcho(20));
      await chat(page).composer.focus();
      // iOS, and Android by default, shrink only the visual viewport under a keyboard;
      // 100dvh and position: fixed keep the full height. A desktop Chromium opens no
      // keyboard, but a page scale of 2 shrinks the visual viewport alone the same way.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2 });
      await expect.poll(() => phoneLayout(page).then(({ viewport }) => viewport.height)).toBe(phone.height / 2);
      await expect
        .poll(async () => {
          const {
            viewport,
            panel,
            composerBottom,
            lastMessageBottom = Infinity,
            scrollerBottom,
          } = await phoneLayout(page);
          const viewportBottom = viewport.top + viewport.height + 1;
          return {
            layoutHeight: viewport.layoutHeight,
            isPanelInView: panel.top >= viewport.top - 1 && panel.bottom <= viewportBottom,
            isComposerInView: composerBottom <= viewportBottom,
            isLatestInView: lastMessageBottom <= scrollerBottom + 1,
          };
        })
        .toEqual({ layoutHeight: phone.height, isPanelInView: true, isComposerInView: true, isLatestInView: true });

      await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 1 });
      await expect.poll(() => phoneLayout(page)).toMatchObject({ panel: { top: 0, bottom: phone.height } });
    });
  });
}

test.describe('scrolling while a reply streams', () => {
  /** How far the list is from its end, in pixels. */
  const distanceFromEnd = (page: Page) =>
    shadow(page, '.scroller').evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight);

  test('follows the reply at the bottom; a reader who scrolled up stays put, and Jump to latest brings them back', async ({
    page,
    agent,
  }) => {
    test.setTimeout(40_000);
    await openScriptTagPage(page, agent, { open: 'true' });
    const widget = chat(page);
    const jump = widget.button('Jump to latest');
    await askMarkdown(page, longEcho(20));
    await agent.arm('slow');
    // About 20 chunks, 300 ms apart: each one a new paragraph, so the list grows all along.
    await widget.say(longEcho(20, 'Part'));
    const reply = widget.lastReply;

    await expect(reply).toContainText('Part 3.');
    await expect(reply).toContainText('Part 5.');
    // The list follows in the frame after the text grew (its resize observer), not in the same task.
    await expect.poll(() => distanceFromEnd(page)).toBeLessThanOrEqual(1);
    await expect(jump).toHaveCount(0);

    // The reader scrolls up with the wheel.
    await shadow(page, '.scroller').hover();
    await page.mouse.wheel(0, -600);
    await expect(jump).toBeVisible();
    const readingAt = await shadow(page, '.scroller').evaluate((element) => element.scrollTop);
    const shown = await reply.innerText();
    await expect(reply).not.toHaveText(shown);
    await expect(reply).toContainText('Part 9.');
    expect(await shadow(page, '.scroller').evaluate((element) => element.scrollTop)).toBe(readingAt);
    expect(await distanceFromEnd(page)).toBeGreaterThan(100);

    await jump.click();
    await expect.poll(() => distanceFromEnd(page)).toBeLessThanOrEqual(1);
    await expect(jump).toHaveCount(0);
    // Back at the bottom, the list follows again.
    await expect(reply).toContainText('Part 13.');
    await expect.poll(() => distanceFromEnd(page)).toBeLessThanOrEqual(1);
    await expect(reply).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
    await expect.poll(() => distanceFromEnd(page)).toBeLessThanOrEqual(1);
  });

  // The scroll event of the list's own follow comes a frame late. A reply that grew more
  // than the slack in that frame made the list take it for the reader leaving, and stop following.
  test('keeps following when the scroll event of its own follow arrives after the reply grew again', async ({
    page,
    agent,
  }) => {
    await openScriptTagPage(page, agent, { open: 'true' });
    await askMarkdown(page, longEcho(20));
    await expect.poll(() => distanceFromEnd(page)).toBeLessThanOrEqual(1);
    const left = await shadow(page, '.scroller').evaluate(async (scroller) => {
      const reply = [...scroller.querySelectorAll<HTMLElement>('[data-role]')].at(-1)!;
      reply.style.paddingBottom = '600px';
      scroller.dispatchEvent(new Event('scroll'));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
    });
    expect(left).toBeLessThanOrEqual(1);
    await expect(chat(page).button('Jump to latest')).toHaveCount(0);
  });

  test('with reduced motion, Jump to latest jumps at once instead of gliding', async ({ page, agent }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openScriptTagPage(page, agent, { open: 'true' });
    await askMarkdown(page, longEcho(30));
    await shadow(page, '.scroller').evaluate((element) => element.scrollTo({ top: 0 }));
    await expect(chat(page).button('Jump to latest')).toBeVisible();
    const leftAfterClick = await shadow(page, '.jump').evaluate((button) => {
      (button as HTMLButtonElement).click();
      const scroller = button.closest('.scroller')!;
      return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
    });
    expect(leftAfterClick).toBeLessThanOrEqual(1);
  });
});

test.describe('languages', () => {
  for (const [locale, strings] of Object.entries(locales)) {
    test(`locale="${locale}" names every control in ${locale}`, async ({ page, agent }) => {
      await openScriptTagPage(page, agent, { locale, starters: JSON.stringify(['1']) });
      const widget = page.locator('tinytalk-chat');
      await expect(widget.getByRole('button', { name: strings.openChat, exact: true })).toBeVisible();
      await widget.getByRole('button', { name: strings.openChat, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: strings.title, exact: true });
      await expect(dialog).toBeVisible();
      await expect(shadow(page, '.root')).toHaveAttribute('lang', locale);
      await expect(shadow(page, '.root')).toHaveAttribute('dir', locale === 'ar' || locale === 'he' ? 'rtl' : 'ltr');
      for (const name of [strings.newConversation, strings.minimize, strings.send])
        await expect(dialog.getByRole('button', { name, exact: true })).toBeVisible();
      await expect(dialog.getByRole('textbox', { name: strings.messageLabel, exact: true })).toHaveAttribute(
        'placeholder',
        strings.placeholder,
      );
      await expect(dialog.getByRole('log', { name: strings.conversation, exact: true })).toBeAttached();
      await expect(dialog.getByRole('list', { name: strings.suggestions, exact: true })).toBeVisible();
      await expect(widget.getByRole('button', { name: strings.closeChat, exact: true })).toBeVisible();
    });
  }

  for (const locale of ['ar', 'he']) {
    test(`locale="${locale}" lays the panel out right to left, the launcher on the left, code left to right`, async ({
      page,
      agent,
    }) => {
      await openScriptTagPage(page, agent, { locale, open: 'true' });
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      const directions = await shadow(page, '.panel').evaluate((panel) => ({
        isRtl: panel.matches(':dir(rtl)'),
        direction: getComputedStyle(panel).direction,
      }));
      expect(directions).toEqual({ isRtl: true, direction: 'rtl' });
      const launcher = (await shadow(page, '.launcher').boundingBox())!;
      expect(launcher.x).toBeLessThan(100);
      const panel = (await dialog.boundingBox())!;
      expect(panel.x).toBeLessThan(100);
      // The title starts on the right, the buttons follow it to the left.
      const title = (await shadow(page, '.title').boundingBox())!;
      const minimize = (await shadow(page, '.header .icon-button').last().boundingBox())!;
      expect(minimize.x).toBeLessThan(title.x);

      // A reply in the panel's language, right to left, around a code block.
      await shadow(page, 'textarea').fill(
        'echo: ' + ['مرحبا، هذا هو الرمز:', '', '```js', "mount({ botId: 'demo' });", '```'].join('\n'),
      );
      await shadow(page, 'textarea').press('Enter');
      await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
      await expect(chat(page).lastReply.locator('.markdown')).toHaveCSS('direction', 'rtl');
      const code = chat(page).lastReply.locator('pre');
      await expect(code).toHaveCSS('direction', 'ltr');
      // The code starts at the left of its block, as code does.
      const blockLeft = (await code.boundingBox())!.x;
      const textLeft = await code.locator('code').evaluate((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return range.getClientRects()[0]!.x;
      });
      expect(textLeft - blockLeft).toBeLessThan(20);
    });
  }

  test('an explicit position="right" keeps the launcher on the right in Arabic', async ({ page, agent }) => {
    await openScriptTagPage(page, agent, { locale: 'ar', position: 'right' });
    expect((await shadow(page, '.launcher').boundingBox())!.x).toBeGreaterThan(1000);
  });

  test('strings overrides any text, accessible names included, over the locale', async ({ page, agent }) => {
    await openScriptTagPage(page, agent, {
      locale: 'fr',
      strings: JSON.stringify({
        openChat: 'Parler avec nous',
        messageLabel: 'Votre question',
        send: 'Envoyer maintenant',
      }),
    });
    const widget = page.locator('tinytalk-chat');
    await widget.getByRole('button', { name: 'Parler avec nous', exact: true }).click();
    await expect(widget.getByRole('textbox', { name: 'Votre question', exact: true })).toBeFocused();
    await expect(widget.getByRole('button', { name: 'Envoyer maintenant', exact: true })).toBeVisible();
    // What is not overridden stays French.
    await expect(widget.getByRole('button', { name: locales.fr.minimize, exact: true })).toBeVisible();

    await openEsmPage(page, agent, { open: true, strings: { newConversation: 'Start over', jumpToLatest: 'Latest' } });
    await expect(widget.getByRole('button', { name: 'Start over', exact: true })).toBeVisible();
  });

  test('messages have dir="auto": Arabic reads right to left in an English panel, English left to right in a Hebrew one', async ({
    page,
    agent,
  }) => {
    const direction = (page: Page) =>
      page.evaluate(() => {
        const root = document.querySelector('tinytalk-chat')!.shadowRoot!;
        const isRtl = (selector: string) =>
          [...root.querySelectorAll(selector)].map((element) => element.matches(':dir(rtl)'));
        return {
          user: isRtl('.message.user .plain'),
          reply: isRtl('.message.assistant .markdown'),
          composer: isRtl('textarea'),
        };
      });
    await openScriptTagPage(page, agent, { open: 'true' });
    await chat(page).composer.fill('مرحبا');
    expect((await direction(page)).composer).toEqual([true]);
    // The agent quotes a question it cannot answer: its reply starts in Arabic too.
    await askMarkdown(page, 'مرحبا، كيف يمكنني المساعدة؟');
    await askMarkdown(page, 'echo: Hello there.');
    expect(await direction(page)).toEqual({ user: [true, false], reply: [true, false], composer: [false] });

    await openScriptTagPage(page, agent, { open: 'true', locale: 'he', persist: 'none' });
    await shadow(page, 'textarea').fill('echo: Hello there.');
    await shadow(page, 'textarea').press('Enter');
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
    expect(await direction(page)).toMatchObject({ user: [false], reply: [false] });
  });
});
