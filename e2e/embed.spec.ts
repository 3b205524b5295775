import { agentOrigin, chat, expect, openEsmPage, openScriptTagPage, test } from './fixtures.ts';

test.describe('the script tag', () => {
  test('mounts a floating widget in an open shadow root on a page with a strict CSP', async ({
    page,
    agent,
    consoleErrors,
  }) => {
    await openScriptTagPage(page, agent);
    const widget = chat(page);
    await expect(widget.launcher).toHaveAccessibleName('Open chat');
    await expect(widget.launcher).toHaveAttribute('aria-expanded', 'false');
    // The panel's styles wait until it first opens.
    expect(
      await page.evaluate(() => document.querySelector('tinytalk-chat')!.shadowRoot!.adoptedStyleSheets.length),
    ).toBe(1);

    await widget.launcher.click();
    await expect(widget.launcher).toHaveAccessibleName('Close chat');
    await expect(widget.launcher).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('dialog', { name: 'Chat' })).toBeVisible();
    await widget.say('hello');
    await expect(widget.lastReply).toHaveAttribute('data-status', 'done');

    const setup = await page.evaluate(() => {
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
    expect(setup).toEqual({ parent: 'BODY', shadowMode: 'open', adoptedSheets: 2, styleElements: 0, hasGlobal: true });
    // CSP violations and script errors are reported as console errors.
    expect(consoleErrors).toEqual([]);
  });

  test('shows the launcher from one file, and fetches the panel and the markdown stack only once the chat is about to open', async ({
    page,
    agent,
  }) => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await openScriptTagPage(page, agent);
    await expect(chat(page).launcher).toBeVisible();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 200))));
    const widgetRequests = () => requested.filter((path) => path.includes('tinytalk') || path.includes('/v1/'));
    expect(widgetRequests()).toEqual(['/dist/tinytalk-widget.js']);

    await chat(page).launcher.hover();
    await expect
      .poll(widgetRequests)
      .toEqual(['/dist/tinytalk-widget.js', '/dist/tinytalk-widget-panel.js', '/dist/tinytalk-widget-markdown.js']);
    await chat(page).launcher.click();
    await chat(page).say('pricing');
    await expect(chat(page).lastReply.getByRole('table')).toBeVisible();
  });

  test('opened by the host before the panel has loaded, shows it once it arrives, with the focus in it', async ({
    page,
    agent,
  }) => {
    await openScriptTagPage(page, agent);
    await expect(chat(page).launcher).toBeVisible();
    // No pointer or focus went near the launcher: nothing of the panel is here yet.
    const opened = await page.evaluate(() => {
      const hadPanel = document.querySelector('tinytalk-chat')!.shadowRoot!.querySelector('[role="dialog"]') !== null;
      window.TinyTalk!('open');
      return { hadPanel, messages: window.TinyTalk!.instance!.messages.length };
    });
    expect(opened).toEqual({ hadPanel: false, messages: 0 });
    await expect(chat(page).launcher).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('dialog', { name: 'Chat' })).toBeVisible();
    await expect(chat(page).composer).toBeFocused();
    await chat(page).composer.press('Escape');
    await expect(chat(page).launcher).toBeFocused();
  });

  test('says so beside the launcher when the page will not let the panel load, and tries again at the next click', async ({
    page,
    agent,
    consoleErrors,
  }) => {
    const params = new URLSearchParams({ 'bot-id': agent.botId, 'api-base': agentOrigin, csp: 'pinned' });
    await page.goto(`/script-tag?${params}`);
    const errors = await page.evaluateHandle(() => {
      const seen: unknown[] = [];
      window.TinyTalk!('on', 'error', (error) => seen.push(error));
      return seen;
    });
    const widget = chat(page);
    await widget.launcher.click();

    const failure = page.locator('tinytalk-chat').getByRole('alert');
    await expect(failure).toHaveText('The chat service could not be reached. Check your connection and try again.');
    await expect(widget.launcher).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await errors.jsonValue()).toEqual([
      { type: 'network', message: 'The chat service could not be reached. Check your connection and try again.' },
    ]);
    await expect.poll(() => consoleErrors.join('\n')).toContain('The chat panel could not be loaded');

    // The next click tries again, and says so again.
    await widget.launcher.click();
    await expect.poll(async () => (await errors.jsonValue()).length).toBe(2);
    await expect(failure).toBeVisible();
  });

  test('closes with Escape and Minimize, giving focus back to the launcher', async ({ page, agent }) => {
    await openScriptTagPage(page, agent);
    const widget = chat(page);
    await widget.launcher.click();
    await expect(widget.composer).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(widget.launcher).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toBeVisible();
    await widget.button('Minimize').click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(widget.launcher).toBeFocused();
  });

  test('starts open with data-open and sits on the left with data-position', async ({ page, agent }) => {
    await openScriptTagPage(page, agent, { open: 'true', position: 'left' });
    await expect(page.getByRole('dialog', { name: 'Chat' })).toBeVisible();
    // Open at page load, it leaves the focus where the page had it.
    await expect(chat(page).composer).not.toBeFocused();
    const box = await chat(page).launcher.boundingBox();
    expect(box!.x).toBeLessThan(100);
  });

  test('renders inline inside data-target instead of floating', async ({ page, agent }) => {
    await openScriptTagPage(page, agent, { target: '#chat-target', title: 'Help desk' });
    await expect(page.getByRole('region', { name: 'Help desk' })).toBeVisible();
    await expect(chat(page).launcher).toHaveCount(0);
    await expect(page.locator('#chat-target > tinytalk-chat')).toHaveCount(1);
  });

  test('without data-bot-id mounts nothing, says nothing, and still defines the element and TinyTalk', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('/script-tag?csp=strict');
    await page.waitForFunction(() => window.TinyTalk !== undefined);
    const state = await page.evaluate(() => ({
      instance: window.TinyTalk?.instance,
      isDefined: customElements.get('tinytalk-chat') !== undefined,
      elements: document.querySelectorAll('tinytalk-chat').length,
    }));
    expect(state).toEqual({ instance: null, isDefined: true, elements: 0 });
    expect(consoleErrors).toEqual([]);
  });

  test('TinyTalk.instance is the script tag widget until destroyed, and mount() leaves it alone', async ({
    page,
    agent,
  }) => {
    await openScriptTagPage(page, agent);
    await page.waitForFunction(() => window.TinyTalk?.instance);
    const result = await page.evaluate(
      (options) => {
        const first = window.TinyTalk!.instance!;
        const other = window.TinyTalk!.mount(options);
        const unchanged = window.TinyTalk!.instance === first;
        first.destroy();
        return {
          unchanged,
          afterDestroy: window.TinyTalk!.instance,
          elements: document.querySelectorAll('tinytalk-chat').length,
          otherConnected: other.element.isConnected,
        };
      },
      { botId: `${agent.botId}-other`, apiBase: agentOrigin },
    );
    expect(result).toEqual({ unchanged: true, afterDestroy: null, elements: 1, otherConnected: true });
  });

  test('reads only its small records, not the conversation, and adds no window listener until the panel first opens', async ({
    page,
    agent,
  }) => {
    await page.addInitScript(() => {
      const seen = { reads: [] as string[], listeners: [] as string[] };
      Object.assign(window, { seen });
      const getItem = Storage.prototype.getItem;
      Storage.prototype.getItem = function (key) {
        if (key.startsWith('tinytalk')) seen.reads.push(key);
        return getItem.call(this, key);
      };
      const addEventListener = window.addEventListener;
      window.addEventListener = function (this: Window, ...args: Parameters<Window['addEventListener']>) {
        seen.listeners.push(args[0]);
        return addEventListener.apply(this, args);
      } as Window['addEventListener'];
    });
    await openScriptTagPage(page, agent);
    const seen = () =>
      page.evaluate(() => (window as unknown as { seen: { reads: string[]; listeners: string[] } }).seen);
    await expect(chat(page).launcher).toBeVisible();
    // The launcher needs its unread count, and the page whether the panel was open, greeted
    // or cut off mid-reply (issue 14): a few short values, each beside the conversation's key.
    const loaded = await seen();
    expect(loaded.listeners).toEqual([]);
    const conversationKey = /^tinytalk-widget:conversation:[^:]+$/;
    expect(loaded.reads.filter((key) => conversationKey.test(key))).toEqual([]);

    await chat(page).launcher.click();
    await expect(chat(page).composer).toBeVisible();
    const opened = await seen();
    expect(opened.reads.filter((key) => conversationKey.test(key)).length).toBeGreaterThan(0);
    expect(opened.listeners).toEqual(expect.arrayContaining(['storage', 'pagehide', 'online', 'offline']));
  });
});

test.describe('the <tinytalk-chat> element', () => {
  test('renders inline, fills its parent and is named by chat-title', async ({ page, agent }) => {
    await page.goto(
      `/element?${new URLSearchParams({ 'bot-id': agent.botId, 'api-base': agentOrigin, 'chat-title': 'Ask us', csp: 'strict' })}`,
    );
    const region = page.getByRole('region', { name: 'Ask us' });
    await expect(region).toBeVisible();
    const [parent, panel] = await Promise.all([page.locator('#chat-box').boundingBox(), region.boundingBox()]);
    expect(panel).toEqual(parent);
    await expect(page.locator('tinytalk-chat')).not.toHaveAttribute('title');

    await chat(page).say('pricing');
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
  });

  test('without bot-id shows nothing and logs an error naming bot-id', async ({ page, consoleErrors }) => {
    await page.goto('/element?csp=strict');
    await expect.poll(() => consoleErrors.join('\n')).toContain('bot-id');
    const rendered = await page.evaluate(
      () => document.querySelector('tinytalk-chat')!.shadowRoot?.childElementCount ?? 0,
    );
    expect(rendered).toBe(0);
  });
});

test.describe('mount() from the ESM build', () => {
  test('returns a handle that opens, closes, sends and reports events', async ({ page, agent }) => {
    await openEsmPage(page, agent);
    await page.waitForFunction(() => window.widget);
    await page.evaluate(() => window.widget.open());
    await expect(page.getByRole('dialog', { name: 'Chat' })).toBeVisible();
    await page.evaluate(() => window.widget.toggle());
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.evaluate(() => window.widget.toggle());

    // send() resolves once the reply has finished.
    const status = await page.evaluate(async () => {
      await window.widget.send('What are your pricing plans?');
      return document
        .querySelector('tinytalk-chat')!
        .shadowRoot!.querySelector('[data-role="assistant"]:last-of-type')
        ?.getAttribute('data-status');
    });
    expect(status).toBe('done');
    await page.evaluate(() => window.widget.close());

    const events = await page.evaluate(() => window.events);
    expect(events.map((event) => event.name).filter((name) => !name.startsWith('message:'))).toEqual([
      'open',
      'close',
      'open',
      'message',
      'close',
    ]);
    const message = events.find((event) => event.name === 'message')!.payload as Record<string, unknown>;
    expect(message).toMatchObject({
      role: 'assistant',
      status: 'done',
      citedResources: [
        { url: 'https://docs.tinytalk.example/pricing' },
        { url: 'https://docs.tinytalk.example/billing/faq' },
      ],
    });
    expect(message.content).toContain('## Pricing');
    expect(typeof message.id).toBe('string');
  });

  test('renders into options.target, and destroy() removes the element and stops the reply', async ({
    page,
    agent,
  }) => {
    await agent.arm('slow');
    await openEsmPage(page, agent, { target: '#chat-target' });
    await expect(page.getByRole('region', { name: 'Chat' })).toBeVisible();
    await chat(page).say('features');
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'streaming');
    // The reply shows as streaming as soon as it is asked for: wait for the agent to have it.
    await expect.poll(async () => (await agent.requests()).length).toBe(1);
    await page.evaluate(() => window.widget.destroy());
    await expect(page.locator('tinytalk-chat')).toHaveCount(0);
    // The reply's request ends on the agent's side too: the agent saw the widget go away.
    await expect.poll(async () => (await agent.requests()).map((request) => request.outcome)).toEqual(['disconnected']);
  });

  test('throws a TypeError naming botId when it is missing', async ({ page, agent }) => {
    await openEsmPage(page, agent);
    await page.waitForFunction(() => window.tinytalkEsm);
    const error = await page.evaluate(() => {
      try {
        window.tinytalkEsm.mount({} as never);
        return 'no error';
      } catch (caught) {
        return `${(caught as Error).name}: ${(caught as Error).message}`;
      }
    });
    expect(error).toMatch(/^TypeError: .*botId/);
  });
});

test.describe('styles', () => {
  test('the host page styles do not reach into the widget, and the widget adds none to the page', async ({
    page,
    agent,
  }) => {
    await openScriptTagPage(page, agent);
    await chat(page).launcher.click();
    const styles = await page.evaluate(() => {
      const shadow = document.querySelector('tinytalk-chat')!.shadowRoot!;
      const launcher = getComputedStyle(shadow.querySelector('.launcher')!);
      const hostButton = getComputedStyle(document.querySelector('#host-button')!);
      return {
        launcherBackground: launcher.backgroundColor,
        launcherFont: launcher.fontFamily,
        hostButtonBackground: hostButton.backgroundColor,
        documentSheets: document.styleSheets.length,
        documentAdopted: document.adoptedStyleSheets.length,
      };
    });
    expect(styles.launcherBackground).not.toBe('rgb(255, 0, 0)');
    expect(styles.launcherFont).not.toContain('Courier');
    expect(styles.hostButtonBackground).toBe('rgb(255, 0, 0)');
    expect(styles.documentSheets).toBe(1);
    expect(styles.documentAdopted).toBe(0);
  });
});
