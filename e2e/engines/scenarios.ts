import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { XSS_SHOWN_CITATIONS } from '../../agent/xss-answer.ts';
import { inspectPage } from '../xss-inspection.ts';
import type { Browser, Tab } from './browser.ts';
import type { PageHelpers } from './page-helpers.ts';
import { enginesDemoPort } from './ports.ts';
import {
  agentOrigin,
  createAgent,
  pageOrigin,
  scriptTagUrl,
  siteUrl,
  tripwires,
  waitMs,
  widget,
  type Agent,
} from './widget.ts';

/**
 * The scenarios every engine runs, each checking what its Chromium spec (named at each
 * test) checks, through real input against the demo agent over HTTP. One browser per
 * engine serves them all, one after another in its main tab.
 */
export function defineScenarios(title: string, launch: () => Promise<Browser>): void {
  describe(title, () => {
    let browser: Browser | undefined;
    let agent: Agent;
    const desktop = { width: 1280, height: 800 };

    // A missing engine fails each of its tests with the one line that says what to install, instead of skipping them.
    let launchError: Error | undefined;

    beforeAll(async () => {
      try {
        browser = await launch();
        await browser.tab.resize(desktop);
      } catch (error) {
        launchError = error instanceof Error ? error : new Error(String(error));
        console.error(`${title}: ${launchError.message}`);
      }
    });
    afterAll(async () => {
      await browser?.close();
    });

    /** The engine's main tab, and a fresh agent for the scenario. */
    function start(): { tab: Tab; agent: Agent } {
      if (!browser) throw new Error(`${title} did not start: ${launchError?.message}`);
      agent = createAgent(browser);
      return { tab: browser.tab, agent };
    }

    // embed.spec.ts: mounts a floating widget in an open shadow root on a page with a strict CSP.
    test('the script tag mounts a floating widget in an open shadow root on a page with a strict CSP', async () => {
      const { tab, agent } = start();
      await tab.goto(scriptTagUrl(agent));
      const chat = widget(tab);
      await chat
        .poll((h) => h.byRole('button', 'Open chat').map((launcher) => launcher.getAttribute('aria-expanded')))
        .toEqual(['false']);
      // The panel's styles wait until it first opens.
      expect(await tab.run((h) => h.root().adoptedStyleSheets.length)).toBe(1);

      await chat.openLauncher();
      await chat
        .poll((h) => h.byRole('button', 'Close chat').map((launcher) => launcher.getAttribute('aria-expanded')))
        .toEqual(['true']);
      await chat.poll((h) => h.isVisible(h.byRole('dialog', 'Chat')[0])).toBe(true);
      await chat.say('hello');
      await chat.poll((h) => h.lastStatus()).toBe('done');

      const setup = await tab.run(() => {
        const element = document.querySelector('tinytalk-chat')!;
        return {
          parent: element.parentElement?.tagName,
          shadowMode: element.shadowRoot?.mode,
          adoptedSheets: element.shadowRoot?.adoptedStyleSheets.length,
          styleElements:
            document.querySelectorAll('style').length + (element.shadowRoot?.querySelectorAll('style').length ?? 0),
          hasGlobal: typeof window.TinyTalk?.mount === 'function' && window.TinyTalk.instance !== null,
        };
      });
      expect(setup).toEqual({
        parent: 'BODY',
        shadowMode: 'open',
        adoptedSheets: 2,
        styleElements: 0,
        hasGlobal: true,
      });
      expect(await tripwires(tab)).toEqual({ calls: [], violations: [], errors: [] });
    });

    // streaming.spec.ts: streams a reply into the panel with rendered markdown and source chips.
    test('streams a markdown reply with its sources', async () => {
      const { tab, agent } = start();
      await tab.goto(scriptTagUrl(agent, { title: 'Support' }));
      const chat = widget(tab);
      await chat.openLauncher();
      await chat.poll((h) => h.isVisible(h.byRole('dialog', 'Support')[0])).toBe(true);
      await chat.poll((h) => h.focused()).toBe('textbox Message');

      await chat.say('What are your pricing plans?');
      await chat.poll((h) => h.lastStatus()).toBe('done');
      const reply = await tab.run((h) => {
        const last = h.lastReply()!;
        const sources = h.byRole('list', 'Sources', last)[0];
        const links = sources ? h.byRole('link', undefined, sources) : [];
        return {
          isHeadingVisible: h.isVisible(h.byRole('heading', 'Pricing', last)[0]),
          table: h.text(h.byRole('table', undefined, last)[0]),
          sources: links.map((link) => [h.text(link), link.getAttribute('target'), link.getAttribute('rel')]),
          isSendVisible: h.isVisible(h.byRole('button', 'Send')[0]),
        };
      });
      expect(reply).toEqual({
        isHeadingVisible: true,
        table: expect.stringContaining('Business'),
        sources: [
          ['Pricing and plans', '_blank', expect.stringMatching(/noopener/)],
          ['Billing FAQ', '_blank', expect.stringMatching(/noopener/)],
        ],
        isSendVisible: true,
      });
    });

    // streaming.spec.ts: shows a slow reply word by word, and Stop keeps what arrived.
    test('Stop ends a slow reply word by word and keeps what arrived', async () => {
      const { tab, agent } = start();
      await agent.arm('slow');
      await tab.goto(scriptTagUrl(agent, { open: 'true' }));
      const chat = widget(tab);
      await chat.say('Tell me about your features');
      await chat.poll((h) => h.lastStatus()).toBe('streaming');
      await chat.poll((h) => h.text(h.lastReply())).toContain('Features');
      const early = await tab.run((h) => (h.lastReply() as HTMLElement).innerText.trim());
      await chat.poll((h) => (h.lastReply() as HTMLElement).innerText.trim()).not.toBe(early);
      expect((await tab.run((h) => (h.lastReply() as HTMLElement).innerText)).startsWith(early)).toBe(true);

      await chat.clickButton('Stop');
      await chat.poll((h) => h.lastStatus()).toBe('stopped');
      const kept = await tab.run((h) => (h.one('.markdown', h.lastReply()) as HTMLElement).innerText);
      expect(kept.length).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(await tab.run((h) => (h.one('.markdown', h.lastReply()) as HTMLElement).innerText)).toBe(kept);
      expect(await tab.run((h) => h.isVisible(h.byRole('button', 'Send')[0]))).toBe(true);
    });

    // errors.spec.ts: Retry after a 500 replaces the failed reply and sends the turn once.
    test('an error says what failed, and Retry replaces the failed reply and sends the turn once', async () => {
      const { tab, agent } = start();
      await agent.arm('500');
      await tab.goto(scriptTagUrl(agent, { open: 'true' }));
      const chat = widget(tab);
      await chat.say('echo: Fine, thanks.');
      await chat.poll((h) => h.lastStatus()).toBe('error');
      expect(
        await tab.run((h) => ({
          alert: h.byRole('alert', undefined, h.lastReply()).map(h.text),
          alerts: h.byRole('alert').length,
          retry: h.byRole('button', 'Retry', h.lastReply()).length,
          isSendVisible: h.isVisible(h.byRole('button', 'Send')[0]),
        })),
      ).toEqual({
        alert: ['The chat service is having trouble right now. Please try again.'],
        alerts: 1,
        retry: 1,
        isSendVisible: true,
      });

      await chat.clickButton('Retry');
      await chat.poll((h) => h.lastStatus()).toBe('done');
      expect(
        await tab.run((h) => ({
          replies: h.replies().map(h.text),
          users: h.userTurns(),
          alerts: h.byRole('alert').length,
        })),
      ).toEqual({
        replies: ['Fine, thanks.'],
        users: ['echo: Fine, thanks.'],
        alerts: 0,
      });
      await chat.ask('echo: Bye.');
      expect(await tab.run((h) => h.text(h.lastReply()))).toBe('Bye.');
      expect((await agent.requests()).map(({ body }) => body.messages)).toEqual([
        [{ role: 'user', content: 'echo: Fine, thanks.' }],
        [{ role: 'user', content: 'echo: Fine, thanks.' }],
        [
          { role: 'user', content: 'echo: Fine, thanks.' },
          { role: 'assistant', content: 'Fine, thanks.' },
          { role: 'user', content: 'echo: Bye.' },
        ],
      ]);
    });

    // resilience.spec.ts: a 429 counts down the wait it asks for, then lets Retry send the turn once.
    test('a 429 counts down the wait it asks for, then lets Retry send the turn once', async () => {
      const { tab, agent } = start();
      await agent.arm('429');
      await tab.goto(scriptTagUrl(agent, { open: 'true' }));
      const chat = widget(tab);
      await chat.say('hello');
      await chat
        .poll((h) =>
          h
            .byRole('button', 'Retry')
            .map((retry) => ({ disabled: (retry as HTMLButtonElement).disabled, text: h.text(retry) })),
        )
        .toEqual([{ disabled: true, text: expect.stringMatching(/^Retry in [1-3]s$/) }]);
      await chat
        .poll((h) => h.byRole('button', 'Retry').map((retry) => (retry as HTMLButtonElement).disabled))
        .toEqual([false]);
      expect(await tab.run((h) => h.byRole('alert').map(h.text))).toEqual(['You can try again now.']);
      await chat.clickButton('Retry');
      await chat.poll((h) => h.lastStatus()).toBe('done');
      expect((await agent.requests()).at(-1)!.body.messages).toEqual([{ role: 'user', content: 'hello' }]);
    });

    // conversation.spec.ts: keeps the conversation across reloads and tabs by default.
    test('reload restores the conversation', async () => {
      const { tab, agent } = start();
      await tab.goto(scriptTagUrl(agent, { open: 'true' }));
      const chat = widget(tab);
      await chat.ask('echo: Remember me.');
      await tab.reload();
      await chat.poll((h) => h.isVisible(h.byRole('textbox', 'Message')[0])).toBe(true);
      await chat
        .poll((h) => ({ users: h.userTurns(), replies: h.replies().map(h.text), status: h.lastStatus() }))
        .toEqual({
          users: ['echo: Remember me.'],
          replies: ['Remember me.'],
          status: 'done',
        });
      expect(await agent.requests()).toHaveLength(1);
    });

    // errors.spec.ts: a redirect is never followed, and fails with a message of its own and no Retry.
    test('a redirect is never followed, and fails with a message of its own and no Retry', async () => {
      const { tab, agent } = start();
      await agent.arm('redirect');
      await tab.goto(scriptTagUrl(agent, { open: 'true', 'api-key': 'tt-secret-key' }));
      const chat = widget(tab);
      await chat.say('hello');
      await chat.poll((h) => h.lastStatus()).toBe('error');
      expect(
        await tab.run((h) => ({
          alert: h.byRole('alert', undefined, h.lastReply()).map(h.text),
          retry: h.byRole('button', 'Retry', h.lastReply()).length,
        })),
      ).toEqual({
        alert: ['The chat service tried to redirect this message elsewhere, so it was not sent.'],
        retry: 0,
      });
      // The other origin is this same agent: a followed redirect would be a second request.
      expect(await agent.requests()).toHaveLength(1);
    });

    // xss.spec.ts: 2,000 nested quotes (or * around a word) show with the lines around them, and again when stored.
    test('a stored reply of 2,000 nested quotes or * shows with the lines around it, and no error reaches the page', async () => {
      const { tab, agent } = start();
      await tab.goto(scriptTagUrl(agent, { open: 'true' }));
      const chat = widget(tab);
      await chat.ask('echo: stored reply');
      const payloads = [
        `Intro line.\n\n${'>'.repeat(2000)} deep\n\nOutro line.`,
        `Intro line.\n\n${'*'.repeat(2000)}word${'*'.repeat(2000)}\n\nOutro line.`,
      ];
      // Typed, the payload's blank lines would send it in pieces: it goes in as the stored reply
      // instead, written from a page of the same origin without the widget (a widget page going
      // away stores its own conversation).
      await tab.goto(`${pageOrigin}/e2e/pages/host.css`);
      await tab.run(
        (_h, key, payloads) => {
          const stored = JSON.parse(localStorage.getItem(key) ?? 'null');
          const [question, answer] = stored.messages;
          stored.messages = payloads.flatMap((content: string, index: number) => [
            { ...question, id: `q${index}` },
            { ...answer, id: `a${index}`, content },
          ]);
          localStorage.setItem(key, JSON.stringify(stored));
        },
        `tinytalk-widget:conversation:${agent.botId}`,
        payloads,
      );
      await tab.goto(scriptTagUrl(agent, { open: 'true' }));
      await chat
        .poll((h) =>
          h.replies().map((reply) => /Intro line\.[\s\S]*(deep|word)[\s\S]*Outro line\./.test(h.text(reply))),
        )
        .toEqual([true, true]);
      // Firefox reports the message list's ResizeObserver re-laying out a tall restored reply as
      // an error event; that notice is no rendering failure (see the report of issue 10).
      const errors = (await tripwires(tab)).errors.filter((error) => !error.startsWith('ResizeObserver loop'));
      expect(errors).toEqual([]);
    });

    // resilience.spec.ts: two tabs show the same conversation, kept in step live, and neither loses the other's turns.
    test('two tabs show the same conversation, kept in step live', async () => {
      const { tab: first, agent } = start();
      const second = await browser!.newTab();
      try {
        await first.goto(scriptTagUrl(agent, { open: 'true' }));
        await second.goto(scriptTagUrl(agent, { open: 'true' }));
        const [one, two] = [widget(first), widget(second)];

        await first.bringToFront();
        await one.ask('pricing');
        await two.poll((h) => h.isVisible(h.byRole('table', undefined, h.lastReply())[0])).toBe(true);

        await second.bringToFront();
        await two.ask('features');
        await one.poll((h) => h.userTurns()).toEqual(['pricing', 'features']);
        await one.poll((h) => h.replies().length).toBe(2);

        await first.reload();
        await one.poll((h) => h.userTurns()).toEqual(['pricing', 'features']);
      } finally {
        await second.close();
        await first.bringToFront();
      }
    });

    // keyboard.spec.ts: Tab reaches the launcher after the page, Enter opens the panel into the
    // composer, the panel tabs top to bottom; Escape closes it and gives the focus back to the launcher.
    test('the keyboard opens the panel, tabs through it in order, and Escape gives the focus back to the launcher', async () => {
      const { tab, agent } = start();
      await tab.goto(scriptTagUrl(agent, { starters: JSON.stringify(['Pricing?', 'Install?']) }));
      const chat = widget(tab);
      await chat.poll((h) => h.isVisible(h.byRole('button', 'Open chat')[0])).toBe(true);
      const press = async (key: 'Tab' | 'Shift+Tab', times: number) => {
        const stops: string[] = [];
        for (let i = 0; i < times; i++) {
          await tab.press(key);
          stops.push(await tab.run((h) => h.focused()));
        }
        return stops;
      };
      expect(await press('Tab', 2)).toEqual(['button Host button', 'button Open chat']);

      await tab.press('Enter');
      await chat.poll((h) => h.isVisible(h.byRole('dialog', 'Chat')[0])).toBe(true);
      await chat.poll((h) => h.focused()).toBe('textbox Message');
      expect(await press('Shift+Tab', 4)).toEqual([
        'button Install?',
        'button Pricing?',
        'button Minimize',
        'button New conversation',
      ]);
      expect(await press('Tab', 5)).toEqual([
        'button Minimize',
        'button Pricing?',
        'button Install?',
        'textbox Message',
        'button Close chat',
      ]);
      expect(await tab.run((h) => h.byRole('dialog')[0]?.hasAttribute('aria-modal'))).toBe(false);

      // Escape from inside the panel, not only from the composer.
      expect(await press('Shift+Tab', 2)).toEqual(['textbox Message', 'button Install?']);
      await tab.press('Escape');
      await chat.poll((h) => h.byRole('dialog').length).toBe(0);
      await chat.poll((h) => h.focused()).toBe('button Open chat');
      await tab.press('Space');
      await chat.poll((h) => h.isVisible(h.byRole('dialog')[0])).toBe(true);
      await chat.poll((h) => h.focused()).toBe('textbox Message');

      // The panel is not modal on a desktop: Tab leaves the widget for the page. Past its last
      // control, Firefox goes on to its own toolbar, and MiniBrowser, which has none, to the page's first.
      expect(await press('Tab', 2)).toEqual([
        'button Close chat',
        expect.stringMatching(/^(page|button Host button)$/),
      ]);
    });

    // a11y.spec.ts: the open panel fills the screen, with 16px text, and the page stays still
    // behind it; host-pages.spec.ts: the page gets its exact inline style back on close.
    test('on a phone, the panel fills the screen with the composer on it in 16px text, and the page behind does not scroll', async () => {
      const { tab, agent } = start();
      await tab.resize({ width: 390, height: 844 });
      try {
        await tab.goto(scriptTagUrl(agent));
        const chat = widget(tab);
        await chat.poll((h) => h.isVisible(h.byRole('button', 'Open chat')[0])).toBe(true);
        const pageStyle = 'color: rgb(1, 2, 3); margin-top: 3px; overflow-y: scroll !important;';
        await tab.run((_h, style) => {
          document.body.style.cssText = style;
          document.querySelector<HTMLElement>('#host-content')!.style.height = '3000px';
          window.scrollTo(0, 500);
        }, pageStyle);
        const before = await tab.run(() => document.body.getAttribute('style'));

        await chat.openLauncher();
        await chat.poll((h) => h.isVisible(h.byRole('dialog', 'Chat')[0])).toBe(true);
        await chat.poll((h) => h.focused()).toBe('textbox Message');
        const layout = () =>
          tab.run((h) => {
            const dialog = h.byRole('dialog', 'Chat')[0]!.getBoundingClientRect();
            const composer = h.byRole('textbox', 'Message')[0]!;
            const box = composer.getBoundingClientRect();
            return {
              panel: { x: dialog.x, y: dialog.y, width: dialog.width, height: dialog.height },
              viewport: { x: 0, y: 0, width: innerWidth, height: innerHeight },
              isComposerOnScreen: box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth,
              fontSize: getComputedStyle(composer).fontSize,
              bodyOverflow: getComputedStyle(document.body).overflow,
              isLauncherShown: h.isVisible(h.byRole('button', 'Close chat')[0]),
              scrollY,
            };
          });
        const shown = await layout();
        expect(shown.viewport.width).toBeLessThan(640);
        expect(shown).toEqual({
          panel: shown.viewport,
          viewport: shown.viewport,
          isComposerOnScreen: true,
          // Under 16px, iOS zooms into the field on focus.
          fontSize: '16px',
          bodyOverflow: 'hidden',
          // The launcher would cover the composer: the panel's Minimize closes it.
          isLauncherShown: false,
          scrollY: 500,
        });
        await tab.wheel({ x: 10, y: 10 }, 400);
        await chat.ask('hello');
        expect(await tab.run(() => scrollY)).toBe(500);

        await chat.clickButton('Minimize');
        await chat.poll((h) => h.byRole('dialog').length).toBe(0);
        expect(await tab.run(() => ({ style: document.body.getAttribute('style'), scrollY }))).toEqual({
          style: before,
          scrollY: 500,
        });
        expect(await tripwires(tab)).toEqual({ calls: [], violations: [], errors: [] });
      } finally {
        await tab.resize(desktop);
      }
    });

    // a11y.spec.ts: locale="ar" lays the panel out right to left, the launcher on the left, code left to right.
    test('right to left: the panel and the launcher on the left, a reply right to left, its code left to right', async () => {
      const { tab, agent } = start();
      await tab.goto(scriptTagUrl(agent, { locale: 'ar', open: 'true' }));
      const chat = widget(tab);
      await chat.poll((h) => h.isVisible(h.byRole('dialog')[0])).toBe(true);
      expect(
        await tab.run((h) => {
          const panel = h.one('.panel')!;
          const title = h.one('.title')!.getBoundingClientRect();
          const minimize = h.all('.header .icon-button').at(-1)!.getBoundingClientRect();
          return {
            isRtl: panel.matches(':dir(rtl)'),
            direction: getComputedStyle(panel).direction,
            isLauncherLeft: h.one('.launcher')!.getBoundingClientRect().x < 100,
            isPanelLeft: panel.getBoundingClientRect().x < 100,
            isMinimizeLeftOfTitle: minimize.x < title.x,
          };
        }),
      ).toEqual({
        isRtl: true,
        direction: 'rtl',
        isLauncherLeft: true,
        isPanelLeft: true,
        isMinimizeLeftOfTitle: true,
      });

      // A reply in the panel's language, right to left, around a code block: Shift+Enter starts each new line.
      // The composer is named in Arabic here.
      await chat.click((h) => h.one('textarea'));
      for (const [index, line] of [
        'echo: مرحبا، هذا هو الرمز:',
        '',
        '```js',
        "mount({ botId: 'demo' });",
        '```',
      ].entries()) {
        if (index > 0) await tab.press('Shift+Enter');
        await tab.type(line);
      }
      await tab.press('Enter');
      await chat.poll((h) => h.lastStatus()).toBe('done');
      await chat.poll((h) => h.one('pre', h.lastReply()) !== null).toBe(true);
      expect(
        await tab.run((h) => {
          const reply = h.lastReply()!;
          const code = h.one('pre', reply)!;
          const range = document.createRange();
          range.selectNodeContents(code.querySelector('code')!);
          return {
            markdown: getComputedStyle(h.one('.markdown', reply)!).direction,
            code: getComputedStyle(code).direction,
            codeIndent: range.getClientRects()[0]!.x - code.getBoundingClientRect().x,
          };
        }),
      ).toEqual({ markdown: 'rtl', code: 'ltr', codeIndent: expect.toSatisfy((indent: number) => indent < 20) });
    });

    // embed.spec.ts: the <tinytalk-chat> element renders inline, fills its parent and is named by chat-title.
    test('the inline element fills its parent, is named by chat-title, and chats', async () => {
      const { tab, agent } = start();
      const params = new URLSearchParams({
        'bot-id': agent.botId,
        'api-base': agentOrigin,
        'chat-title': 'Ask us',
        csp: 'strict',
        tripwires: '',
      });
      await tab.goto(`${pageOrigin}/element?${params}`);
      const chat = widget(tab);
      await chat.poll((h) => h.isVisible(h.byRole('region', 'Ask us')[0])).toBe(true);
      const boxes = await tab.run((h) => {
        const box = (element: Element) => {
          const { x, y, width, height } = element.getBoundingClientRect();
          return { x, y, width, height };
        };
        return {
          parent: box(document.querySelector('#chat-box')!),
          panel: box(h.byRole('region', 'Ask us')[0]!),
          hasTitle: document.querySelector('tinytalk-chat')!.hasAttribute('title'),
        };
      });
      expect(boxes).toEqual({ parent: boxes.panel, panel: boxes.parent, hasTitle: false });
      await chat.ask('pricing');
      expect(await tripwires(tab)).toEqual({ calls: [], violations: [], errors: [] });
    });

    // xss.spec.ts: runs nothing from a streamed reply full of XSS payloads; leaves no active element,
    // handler or unsafe URL; lets no payload style anything; shows only web citations.
    test('a streamed reply full of XSS and DOMPurify corpus payloads stays inert', { timeout: 120_000 }, async () => {
      const { tab, agent } = start();
      // No CSP: only the widget's own sanitizing stands between the payloads and the page.
      await tab.goto(
        `${pageOrigin}/script-tag?${new URLSearchParams({ 'bot-id': agent.botId, 'api-base': agentOrigin, open: 'true', tripwires: '' })}`,
      );
      const chat = widget(tab);
      await chat.poll((h) => h.isVisible(h.byRole('textbox', 'Message')[0])).toBe(true);
      const lightDomBefore = await tab.run(() =>
        [...document.querySelectorAll('*')].map((element) => element.localName),
      );
      await agent.arm('xss');
      await chat.say('Show me every payload');
      await expect.poll(() => tab.run((h) => h.lastStatus()), { timeout: 60_000, interval: 250 }).toBe('done');
      // A grace period for deferred attacks (image errors, frame loads, refreshes), not a timing the widget must meet.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const findings = await tab.run(inspectPage);
      // WebKit's innerText ends a block with its margins' line breaks; Chromium's and Firefox's do not.
      expect(findings.replyTexts.at(-1)?.trim(), 'the first and last words of the reply').toMatch(
        /^XSS-START[\s\S]*XSS-END$/,
      );

      const ownOrigins = [pageOrigin, agentOrigin];
      const ran = await tab.run(() => ({
        resources: performance.getEntriesByType('resource').map((entry) => entry.name),
        frames: window.length,
        location: location.href,
      }));
      expect(await tripwires(tab)).toMatchObject({ calls: [], violations: [] });
      expect(await tab.openDialog(), 'dialogs').toBeUndefined();
      expect(
        ran.resources.filter((url) => !ownOrigins.some((origin) => url.startsWith(`${origin}/`))),
        'requests to other origins',
      ).toEqual([]);
      expect(ran.frames, 'frames').toBe(0);
      expect(ran.location, 'navigations').toBe(findings.location);

      expect(findings.activeElements, 'active elements in the reply or its sources').toEqual([]);
      expect(findings.handlerAttributes, 'on* attributes anywhere').toEqual([]);
      expect(findings.unsafeUrls, 'URLs other than http(s) and mailto anywhere').toEqual([]);
      expect(findings.unhardenedLinks, 'links without target=_blank and rel=noopener noreferrer').toEqual([]);
      expect(findings.lightDom, "the host page's elements").toEqual(lightDomBefore);
      expect(findings.baseUri, "the host page's base URL").toBe(findings.location);
      expect(findings.styling, 'styles, classes, ids, hiding and positioning in the reply').toEqual([]);
      // Addresses in their normal form (a quote percent-encoded), as xss.spec.ts expects.
      expect(findings.sources).toEqual(
        XSS_SHOWN_CITATIONS.map(({ url, title }) => ({ text: title, href: new URL(url).href, childElements: 0 })),
      );
    });

    /** Asks for a markdown reply, copies it with its Copy button, and pastes the clipboard into the composer. */
    async function copyAndPaste(
      tab: Tab,
      agent: Agent,
      { hasAsyncClipboard }: { hasAsyncClipboard: boolean },
    ): Promise<void> {
      await tab.goto(scriptTagUrl(agent, { open: 'true' }));
      const chat = widget(tab);
      const source = 'Use **bold** and [the docs](https://example.com/docs).';
      await chat.ask(`echo: ${source}`);
      expect(await tab.run((h) => h.text(h.one('strong', h.lastReply())))).toBe('bold');
      // As on a site served over plain http, where browsers have no navigator.clipboard.
      if (!hasAsyncClipboard)
        await tab.run(
          () =>
            Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true }) &&
            null,
        );

      await chat.click((h) => h.byRole('button', 'Copy', h.lastReply())[0]);
      await chat.poll((h) => h.byRole('button', 'Copy', h.lastReply())[0]?.getAttribute('title')).toBe('Copied');
      await chat.poll((h) => h.focused()).toBe('button Copy');
      // What the clipboard holds, pasted from the keyboard into the composer as a visitor would.
      await chat.click((h) => h.byRole('textbox', 'Message')[0]);
      await tab.press('Control+v');
      await chat.poll((h) => (h.byRole('textbox', 'Message')[0] as HTMLTextAreaElement).value).toBe(source);
      expect(await tripwires(tab)).toEqual({ calls: [], violations: [], errors: [] });
    }

    // conversation.spec.ts: Copy puts the markdown source of a reply on the clipboard.
    test('Copy puts the markdown source of a reply on the clipboard', async () => {
      const { tab, agent } = start();
      await copyAndPaste(tab, agent, { hasAsyncClipboard: true });
    });

    // The fix: the widget's Copy once did nothing at all without navigator.clipboard.
    test('Copy falls back to copying a selection where the async clipboard is missing', async () => {
      const { tab, agent } = start();
      await copyAndPaste(tab, agent, { hasAsyncClipboard: false });
    });

    // playground.spec.ts and demo.spec.ts: the playground as `npm start` serves it follows an option and chats.
    test('the playground loads, follows an option and chats with the demo agent', async () => {
      const { tab, agent } = start();
      await tab.goto(`http://localhost:${enginesDemoPort}/?${new URLSearchParams({ botId: agent.botId })}`);
      const chat = widget(tab);
      await chat.openLauncher();
      await chat.poll((h) => h.isVisible(h.byRole('dialog', 'Tiny Talk demo')[0])).toBe(true);

      // The open panel stays open through the change, and the field being typed in keeps focus.
      await chat.click(() => document.querySelector<HTMLInputElement>('#option-title'));
      await tab.run(() => document.querySelector<HTMLInputElement>('#option-title')!.select());
      await tab.type('Ask the shop');
      await chat.poll((h) => h.isVisible(h.byRole('dialog', 'Ask the shop')[0])).toBe(true);
      expect(await tab.run(() => document.activeElement?.id)).toBe('option-title');

      await chat.clickButton('What are your pricing plans?');
      await expect.poll(() => tab.run((h) => h.lastStatus()), { timeout: 2 * waitMs }).toBe('done');
      expect(
        await tab.run((h) => h.byRole('link', undefined, h.byRole('list', 'Sources', h.lastReply())[0]).length),
      ).toBe(2);
    });
    /** Follows the site page's link to `to`, a full page load, as a visitor clicks it. */
    async function followSiteLink(tab: Tab, to: 'pricing' | 'contact'): Promise<void> {
      const chat = widget(tab);
      await chat.click(() => document.querySelector('#site-link'));
      // Scripts sent while the next page loads fail, and the poll tries again.
      await chat.poll(() => location.pathname).toBe(`/site/${to}`);
    }

    /** Waits until the agent has had `count` requests in all. */
    async function requestsMade(agent: Agent, count: number): Promise<void> {
      await expect.poll(async () => (await agent.requests()).length, { timeout: waitMs, interval: 100 }).toBe(count);
    }

    // visit.spec.ts: a page load in the middle of a streamed reply ends with the full answer on the second page.
    test('a page load in the middle of a streamed reply ends with the full answer on the next page, the panel open again', async () => {
      const { tab, agent } = start();
      const question = [{ role: 'user', content: 'What are your pricing plans?' }];
      await tab.goto(siteUrl(agent, 'pricing', { open: 'true' }));
      const chat = widget(tab);
      await agent.arm('slow');
      await chat.say(question[0]!.content);
      await chat
        .poll((h) => ({ status: h.lastStatus(), hasWords: h.text(h.lastReply()).includes('Pricing') }))
        .toEqual({ status: 'streaming', hasWords: true });

      await followSiteLink(tab, 'contact');
      await chat.poll((h) => h.isVisible(h.byRole('dialog', 'Chat')[0])).toBe(true);
      // The panel came back open without taking the focus from the page.
      expect(await tab.run((h) => h.focused())).toBe('page');
      await chat
        .poll((h) => ({
          users: h.userTurns(),
          replies: h.replies().length,
          status: h.lastStatus(),
          hasFullAnswer: h.text(h.lastReply()).includes('Yearly billing saves two months.'),
        }))
        .toEqual({ users: [question[0]!.content], replies: 1, status: 'done', hasFullAnswer: true });
      // The page load cut the first request; the next page asked again for the same conversation.
      const requests = await agent.requests();
      expect(requests.map(({ body }) => body.messages)).toEqual([question, question]);
      expect(requests[0]?.outcome).toBe('disconnected');
    });

    // visit.spec.ts: a greeting shows beside the closed launcher without the focus, Dismiss takes it
    // away, and opening makes it the first message, never sent; a reply that finishes while the
    // panel is closed shows on the launcher, survives a page load, and opening clears it.
    test('a greeting beside the launcher is dismissed or opens the chat; a reply that finishes unseen is a badge until the chat opens, across a page load', async () => {
      const { tab, agent } = start();
      const greeting = 'Questions about pricing? Ask me.';
      const chat = widget(tab);
      const greetingShown = () =>
        chat
          .poll(
            (h, greeting) => ({
              bubble: h.byRole('button', greeting).filter(h.isVisible).length,
              dismiss: h.byRole('button', 'Dismiss').filter(h.isVisible).length,
              // Said once, politely, by a live region that was there before it.
              announced: h.text(h.one('[aria-live="polite"]')),
              focused: h.focused(),
            }),
            greeting,
          )
          .toEqual({ bubble: 1, dismiss: 1, announced: greeting, focused: 'page' });

      // Dismissed: gone. (That it stays away for the visit is a unit test of greeting-model.ts.)
      const other = createAgent(browser!);
      await tab.goto(siteUrl(other, 'pricing', { greeting, 'greeting-delay': '0' }));
      await greetingShown();
      await chat.clickButton('Dismiss');
      await chat
        .poll((h, greeting) => h.byRole('button', greeting).length + h.byRole('button', 'Dismiss').length, greeting)
        .toBe(0);

      // Opened: the panel opens with the greeting as its first message, which the agent never gets.
      await tab.goto(siteUrl(agent, 'pricing', { greeting, 'greeting-delay': '0' }));
      await greetingShown();
      await chat.clickButton(greeting);
      await chat.poll((h) => h.isVisible(h.byRole('dialog', 'Chat')[0])).toBe(true);
      expect(
        await tab.run(
          (h, greeting) => ({
            first: h.text(h.all('[data-role]')[0]),
            bubble: h.byRole('button', greeting).length,
          }),
          greeting,
        ),
      ).toEqual({ first: greeting, bubble: 0 });
      await chat.ask('echo: Hello.');
      expect((await agent.requests()).map(({ body }) => body.messages)).toEqual([
        [{ role: 'user', content: 'echo: Hello.' }],
      ]);

      // A reply that finishes while the panel is closed: the host page sends it.
      await chat.clickButton('Minimize');
      await chat.poll((h) => h.byRole('dialog').length).toBe(0);
      await tab.run(() => {
        window.heard = [];
        document
          .querySelector('tinytalk-chat')!
          .addEventListener('unread', (event) => window.heard.push(['unread', (event as CustomEvent).detail]));
        void window.TinyTalk?.instance?.send('echo: Done while you were away.');
        return null;
      });
      const launcher = (h: PageHelpers) => {
        const button = h.byRole('button', 'Open chat')[0];
        const describedBy = button?.getAttribute('aria-describedby');
        const badge = h.one('.badge');
        return {
          description: describedBy ? h.text(h.root().getElementById(describedBy)) : '',
          badge: h.isVisible(badge) ? h.text(badge) : null,
          unreadCount: window.TinyTalk?.instance?.unreadCount,
        };
      };
      await chat.poll(launcher).toEqual({ description: '1 new reply', badge: '1', unreadCount: 1 });
      expect(await tab.run(() => window.heard)).toEqual([['unread', { count: 1 }]]);

      await followSiteLink(tab, 'contact');
      await chat.poll(launcher).toEqual({ description: '1 new reply', badge: '1', unreadCount: 1 });
      await chat.openLauncher();
      await chat.poll((h) => h.isVisible(h.byRole('dialog', 'Chat')[0])).toBe(true);
      await chat.clickButton('Minimize');
      await chat.poll(launcher).toEqual({ description: '', badge: null, unreadCount: 0 });
    });

    // code-and-tables.spec.ts: a code block's Copy code copies the code alone, its lines scroll
    // sideways, unwrapped; a wide table scrolls sideways in a named box that the keyboard can focus.
    test('a code block copies its code alone and scrolls sideways; a wide table scrolls in a named box the keyboard can focus', async () => {
      const { tab, agent } = start();
      const longLine = `const widget = mount({ botId: 'demo', title: 'Ask us anything about pricing, installing, features and languages', open: true });`;
      const code = `${longLine}\nwidget.send('Hello');`;
      const columns = Array.from({ length: 12 }, (_, index) => index + 1);
      const reply = [
        'echo: Paste this:',
        '',
        '```ts',
        code,
        '```',
        '',
        `| ${columns.map((n) => `Column number ${n}`).join(' | ')} |`,
        `|${' --- |'.repeat(12)}`,
        `| ${columns.map((n) => `value ${n}`).join(' | ')} |`,
      ].join('\n');
      await tab.goto(scriptTagUrl(agent, { open: 'true' }));
      const chat = widget(tab);
      await chat.poll((h) => h.isVisible(h.byRole('textbox', 'Message')[0])).toBe(true);
      // Typed, the blank lines would send it in pieces: the host page sends it.
      await tab.run((_h, text) => {
        void window.TinyTalk?.instance?.send(text);
        return null;
      }, reply);
      await chat.poll((h) => h.lastStatus()).toBe('done');
      await chat
        .poll((h) => {
          const scrolls = (box: Element | null | undefined) => !!box && box.scrollWidth > box.clientWidth + 1;
          const pre = h.one('pre', h.lastReply());
          const table = h.byRole('group', 'Table', h.lastReply())[0];
          return {
            language: h.text(h.one('.code-language', h.lastReply())),
            copyCode: h.byRole('button', 'Copy code', h.lastReply()).length,
            codeTabIndex: pre?.getAttribute('tabindex'),
            whiteSpace: pre && getComputedStyle(pre).whiteSpace,
            codeScrolls: scrolls(pre),
            tableTabIndex: table?.getAttribute('tabindex'),
            tableScrolls: scrolls(table),
            // The table scrolls inside the bubble, which keeps its width.
            isTableInBubble:
              !!table &&
              table.getBoundingClientRect().right <=
                h.one('.bubble', h.lastReply())!.getBoundingClientRect().right + 0.5,
          };
        })
        .toEqual({
          language: 'ts',
          copyCode: 1,
          codeTabIndex: '0',
          whiteSpace: 'pre',
          codeScrolls: true,
          tableTabIndex: '0',
          tableScrolls: true,
          isTableInBubble: true,
        });

      // Copy code: what the clipboard holds, pasted from the keyboard into the composer.
      await chat.click((h) => h.byRole('button', 'Copy code', h.lastReply())[0]);
      await chat.click((h) => h.byRole('textbox', 'Message')[0]);
      await tab.press('Control+v');
      await chat.poll((h) => (h.byRole('textbox', 'Message')[0] as HTMLTextAreaElement).value).toBe(code);

      // The table's box takes the focus, and the arrow keys scroll it.
      await tab.run((h) => {
        (h.byRole('group', 'Table', h.lastReply())[0] as HTMLElement).focus();
        return null;
      });
      await chat.poll((h) => h.focused()).toBe('group Table');
      await tab.press('ArrowRight');
      await chat.poll((h) => h.byRole('group', 'Table', h.lastReply())[0]!.scrollLeft > 0).toBe(true);
      expect(await tripwires(tab)).toEqual({ calls: [], violations: [], errors: [] });
    });

    // code-and-tables.spec.ts: a long code block, streamed, holds its lines in groups of 40;
    // they must look and copy as one block does in every engine.
    test('a long streamed code block shows and copies its lines as written, no blank line between its groups', async () => {
      const { tab, agent } = start();
      await tab.goto(scriptTagUrl(agent, { open: 'true' }));
      const chat = widget(tab);
      await chat.poll((h) => h.isVisible(h.byRole('textbox', 'Message')[0])).toBe(true);
      await tab.run(() => {
        void window.TinyTalk?.instance?.send('bench:code:4000 every:2ms');
        return null;
      });
      await chat.poll((h) => h.lastStatus()).toBe('done');
      await chat
        .poll((h) => {
          const pre = h.one('pre', h.lastReply());
          const code = pre?.querySelector('code');
          const written = code?.textContent ?? '';
          // The same text in one piece beside it: the groups must take its height, no more.
          const twin = pre?.cloneNode() as HTMLElement | undefined;
          twin?.append(Object.assign(code?.cloneNode() as HTMLElement, { textContent: written }));
          pre?.after(twin ?? '');
          const heights = [pre?.getBoundingClientRect().height, twin?.getBoundingClientRect().height];
          twin?.remove();
          const selection = getSelection();
          if (code) selection?.selectAllChildren(code);
          const selected = selection?.toString() ?? '';
          selection?.removeAllRanges();
          return {
            hasGroups: (code?.querySelectorAll('.code-lines').length ?? 0) > 1,
            height: heights[0] === heights[1] ? 'the same' : heights.join(' px, in one piece '),
            selected: selected.replace(/\n$/, '') === written.replace(/\n$/, ''),
          };
        })
        .toEqual({ hasGroups: true, height: 'the same', selected: true });
      expect(await tripwires(tab)).toEqual({ calls: [], violations: [], errors: [] });
    });

    // visit.spec.ts: Regenerate asks again for the last reply without it; Edit puts the last
    // message back in the composer, and sending replaces it and its reply.
    test('Regenerate asks again for the last reply, and Edit replaces the last message and its reply', async () => {
      const { tab, agent } = start();
      await tab.goto(scriptTagUrl(agent, { open: 'true' }));
      const chat = widget(tab);
      await chat.ask('echo: First.');
      await chat.ask('echo: Secnod.');
      expect(
        await tab.run((h) => ({
          regenerate: h.replies().map((reply) => h.byRole('button', 'Regenerate', reply).length),
          edit: h.all('[data-role="user"]').map((turn) => h.byRole('button', 'Edit', turn).length),
        })),
      ).toEqual({ regenerate: [0, 1], edit: [0, 1] });

      await chat.click((h) => h.byRole('button', 'Regenerate', h.lastReply())[0]);
      await requestsMade(agent, 3);
      await chat
        .poll((h) => ({ status: h.lastStatus(), replies: h.replies().length }))
        .toEqual({
          status: 'done',
          replies: 2,
        });
      const requests = await agent.requests();
      expect(requests[2]?.body.messages).toEqual(requests[1]?.body.messages);
      expect(requests[2]?.body.messages.at(-1)).toEqual({ role: 'user', content: 'echo: Secnod.' });

      await chat.click((h) => h.byRole('button', 'Edit', h.all('[data-role="user"]').at(-1))[0]);
      await chat
        .poll((h) => ({
          focused: h.focused(),
          draft: (h.byRole('textbox', 'Message')[0] as HTMLTextAreaElement).value,
          isEditing: h.text(h.one('.editing')).includes('Editing your message'),
        }))
        .toEqual({ focused: 'textbox Message', draft: 'echo: Secnod.', isEditing: true });
      await tab.type(' Fixed.');
      await tab.press('Enter');
      await requestsMade(agent, 4);
      await chat.poll((h) => h.lastStatus()).toBe('done');
      expect(
        await tab.run((h) => ({
          users: h.userTurns(),
          replies: h.replies().map((reply) => h.text(h.one('.markdown', reply))),
        })),
      ).toEqual({
        users: ['echo: First.', 'echo: Secnod. Fixed.'],
        replies: ['First.', 'Secnod. Fixed.'],
      });
      expect((await agent.requests()).at(-1)?.body.messages).toEqual([
        { role: 'user', content: 'echo: First.' },
        { role: 'assistant', content: 'First.' },
        { role: 'user', content: 'echo: Secnod. Fixed.' },
      ]);
    });
  });
}
