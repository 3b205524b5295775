import type { Page } from '@playwright/test';
import {
  agentOrigin,
  ask,
  chat,
  expect,
  openEsmPage,
  openScriptTagPage,
  test,
  type Agent,
  type Attributes,
} from './fixtures.ts';

/** A composition or keyboard event to dispatch on the composer. */
interface ComposerEvent {
  type: 'compositionstart' | 'keydown';
  key?: string;
  isComposing?: boolean;
}

/** Dispatches events on the composer from inside the page, where no re-render can come between them. */
async function dispatchOnComposer(page: Page, events: ComposerEvent[]): Promise<void> {
  await page.evaluate((events) => {
    const textarea = document.querySelector('tinytalk-chat')?.shadowRoot?.querySelector('textarea');
    if (!textarea) throw new Error('No composer');
    for (const { type, ...init } of events) {
      const options = { bubbles: true, composed: true, cancelable: true, ...init };
      textarea.dispatchEvent(
        type === 'keydown' ? new KeyboardEvent(type, options) : new CompositionEvent(type, options),
      );
    }
  }, events);
}

test.describe('the request', () => {
  test('carries the whole conversation oldest first, never the welcome message, and only the chat fields', async ({
    page,
    agent,
  }) => {
    await openScriptTagPage(page, agent, { open: 'true', 'welcome-message': 'Hi! Ask me anything.' });
    const widget = chat(page);
    await expect(widget.messages.first()).toHaveAttribute('data-role', 'assistant');
    await expect(widget.messages.first()).toHaveText('Hi! Ask me anything.');

    await ask(page, 'echo: First answer.');
    await ask(page, 'What else?');
    await expect(widget.lastReply).toContainText('This is turn 2 of our conversation.');
    await expect(widget.messages.first()).toHaveText('Hi! Ask me anything.');

    const sent = await agent.requests();
    expect(sent.map(({ body }) => body)).toEqual([
      { botId: agent.botId, messages: [{ role: 'user', content: 'echo: First answer.' }], stream: true },
      {
        botId: agent.botId,
        messages: [
          { role: 'user', content: 'echo: First answer.' },
          { role: 'assistant', content: 'First answer.' },
          { role: 'user', content: 'What else?' },
        ],
        stream: true,
      },
    ]);
    for (const { headers } of sent) {
      expect(headers['api-key']).toBeUndefined();
      expect(headers['content-type']).toBe('application/json');
      expect(headers.accept).toBe('text/event-stream');
    }
  });

  test("carries no cookie and only the page's origin as Referer, even to its own origin (issue 10: fetch's defaults sent both)", async ({
    page,
    agent,
    baseURL,
    context,
  }) => {
    const ownOrigin = baseURL ?? '';
    await context.addCookies([{ name: 'session', value: 'visitor-42', url: ownOrigin }]);
    // The agent answers on the page's origin too: a same-origin proxy, as a site would run one.
    await openScriptTagPage(page, agent, { open: 'true', 'api-base': ownOrigin });
    await ask(page, 'echo: first');
    await openScriptTagPage(page, agent, { open: 'true' });
    await ask(page, 'echo: second');
    const [sameOrigin, crossOrigin] = await agent.requests();
    expect(sameOrigin?.headers.cookie).toBeUndefined();
    expect(crossOrigin?.headers.cookie).toBeUndefined();
    expect(crossOrigin?.headers.referer).toBe(`${ownOrigin}/`);
  });

  test("with send-cookies carries the site's cookies to its own origin only", async ({
    page,
    agent,
    baseURL,
    context,
  }) => {
    const ownOrigin = baseURL ?? '';
    await context.addCookies([
      { name: 'session', value: 'visitor-42', url: ownOrigin },
      { name: 'session', value: 'visitor-42', url: agentOrigin },
    ]);
    await openScriptTagPage(page, agent, { open: 'true', 'api-base': ownOrigin, 'send-cookies': '' });
    await ask(page, 'echo: first');
    await openScriptTagPage(page, agent, { open: 'true', 'send-cookies': '' });
    await ask(page, 'echo: second');
    const [sameOrigin, crossOrigin] = await agent.requests();
    expect(sameOrigin?.headers.cookie).toBe('session=visitor-42');
    expect(crossOrigin?.headers.cookie).toBeUndefined();
  });

  test('asks for one JSON reply with stream="false" and still shows the reply and its sources', async ({
    page,
    agent,
  }) => {
    await openScriptTagPage(page, agent, { open: 'true', stream: 'false' });
    const widget = chat(page);
    await ask(page, 'What are your pricing plans?');
    await expect(widget.lastReply.getByRole('heading', { name: 'Pricing' })).toBeVisible();
    await expect(widget.lastReply.getByRole('table')).toContainText('Business');
    await expect(widget.lastReply.getByRole('list', { name: 'Sources' }).getByRole('link')).toHaveText([
      'Pricing and plans',
      'Billing FAQ',
    ]);

    const [sent] = await agent.requests();
    expect(sent?.body).toEqual({
      botId: agent.botId,
      messages: [{ role: 'user', content: 'What are your pricing plans?' }],
      stream: false,
    });
    expect(sent?.headers.accept).toBe('application/json');
  });

  test('from the ESM build has the same body, with the model when one is set', async ({ page, agent }) => {
    await openEsmPage(page, agent, { open: true, model: 'demo-smart' });
    await ask(page, 'hello');
    expect((await agent.requests()).map(({ body }) => body)).toEqual([
      { botId: agent.botId, messages: [{ role: 'user', content: 'hello' }], stream: true, model: 'demo-smart' },
    ]);
  });
});

test.describe('sources', () => {
  test('shows a page cited twice as one chip that opens in a new tab', async ({ page, agent }) => {
    await openScriptTagPage(page, agent, { open: 'true' });
    await ask(page, 'How do I install it?');
    const links = chat(page).lastReply.getByRole('list', { name: 'Sources' }).getByRole('link');
    await expect(links).toHaveText(['Installing the widget']);
    await expect(links).toHaveAttribute('href', 'https://docs.tinytalk.example/install');
    await expect(links).toHaveAttribute('target', '_blank');
    await expect(links).toHaveAttribute('rel', 'noopener noreferrer');
  });

  test('names a source without a title by its hostname', async ({ page, agent }) => {
    await openScriptTagPage(page, agent, { open: 'true' });
    await ask(page, 'Tell me about your features');
    const links = chat(page).lastReply.getByRole('list', { name: 'Sources' }).getByRole('link');
    await expect(links).toHaveText(['Feature overview', 'docs.tinytalk.example']);
    await expect(links.last()).toHaveAttribute('href', 'https://docs.tinytalk.example/theming');
  });

  test('that lie are shown for what they are, each page once, and stored within limits (issue 10)', async ({
    page,
    agent,
  }) => {
    // 1,245 citations of up to 4 KB each: megabytes to send, parse and check.
    test.slow();
    await agent.arm('hostile-citations');
    await openScriptTagPage(page, agent, { open: 'true' });
    await ask(page, 'What are your pricing plans?');
    const links = chat(page).lastReply.getByRole('list', { name: 'Sources' }).getByRole('link');
    // 1 + 5 spellings of one page + 1,245 long addresses: the override stripped, the real host beside
    // the title that names another, one chip for the five spellings, no address past 2,048 characters.
    await expect(links).toHaveCount(20);
    await expect(links.first()).toHaveText('Official docs: moc.elgoog.www attacker.example');
    await expect(links.first()).toHaveAttribute('href', 'https://attacker.example/login');
    await expect(links.getByText('Duplicate page')).toHaveCount(1);
    const hrefs = await links.evaluateAll((elements) => elements.map((element) => element.getAttribute('href') ?? ''));
    expect(Math.max(...hrefs.map((href) => href.length))).toBeLessThanOrEqual(2048);
    const stored = await page.evaluate(
      (key) => localStorage.getItem(key) ?? '',
      `tinytalk-widget:conversation:${agent.botId}`,
    );
    expect(stored.length).toBeLessThan(60_000);
    expect(stored).not.toContain('\u202e');
  });

  test('still shows the sources when the payload comes as a plain data line', async ({ page, agent }) => {
    await agent.arm('payload-data-line');
    await openScriptTagPage(page, agent, { open: 'true' });
    await ask(page, 'What are your pricing plans?');
    await expect(chat(page).lastReply.getByRole('list', { name: 'Sources' }).getByRole('link')).toHaveText([
      'Pricing and plans',
      'Billing FAQ',
    ]);
  });
});

test('offers starters while the conversation is empty, and sends the one picked', async ({ page, agent }) => {
  const starters = ['What are your pricing plans?', 'How do I install it?'];
  await openScriptTagPage(page, agent, { open: 'true', starters: JSON.stringify(starters) });
  const widget = chat(page);
  const suggestions = page.locator('tinytalk-chat').getByRole('list', { name: 'Suggestions' });
  await expect(suggestions.getByRole('button')).toHaveText(starters);

  await suggestions.getByRole('button', { name: 'How do I install it?' }).click();
  await expect(suggestions).toHaveCount(0);
  await expect(widget.userTurns).toHaveText(['How do I install it?']);
  await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
  expect((await agent.requests()).map(({ body }) => body.messages)).toEqual([
    [{ role: 'user', content: 'How do I install it?' }],
  ]);
});

test.describe('the keyboard', () => {
  test('Enter sends and Shift+Enter starts a new line', async ({ page, agent }) => {
    await openScriptTagPage(page, agent, { open: 'true' });
    const widget = chat(page);
    await widget.composer.fill('echo: line one');
    await widget.composer.press('Shift+Enter');
    await widget.composer.pressSequentially('line two');
    await expect(widget.composer).toHaveValue('echo: line one\nline two');
    await expect(widget.userTurns).toHaveCount(0);

    await widget.composer.press('Enter');
    await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
    await expect(widget.composer).toHaveValue('');
    expect((await agent.requests()).map(({ body }) => body.messages)).toEqual([
      [{ role: 'user', content: 'echo: line one\nline two' }],
    ]);
  });

  test('Enter that confirms an IME composition does not send', async ({ page, agent }) => {
    await openScriptTagPage(page, agent, { open: 'true' });
    const widget = chat(page);
    await widget.composer.fill('こんにちは');
    await dispatchOnComposer(page, [
      { type: 'compositionstart' },
      { type: 'keydown', key: 'Enter', isComposing: true },
    ]);
    await expect(widget.composer).toHaveValue('こんにちは');
    await expect(widget.userTurns).toHaveCount(0);

    await widget.composer.press('Enter');
    await expect(widget.userTurns).toHaveText(['こんにちは']);
    await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
    expect(await agent.requests()).toHaveLength(1);
  });

  test('Enter pressed ten times at once sends one message', async ({ page, agent }) => {
    await openScriptTagPage(page, agent, { open: 'true' });
    const widget = chat(page);
    await widget.composer.fill('hello');
    await dispatchOnComposer(
      page,
      Array.from({ length: 10 }, (): ComposerEvent => ({ type: 'keydown', key: 'Enter' })),
    );
    await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
    await expect(widget.userTurns).toHaveText(['hello']);
    await expect(widget.replies).toHaveCount(1);
    expect(await agent.requests()).toHaveLength(1);
  });
});

test('Copy puts the markdown source of a reply on the clipboard', async ({ page, agent, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await openScriptTagPage(page, agent, { open: 'true' });
  const widget = chat(page);
  await ask(page, 'echo: Use **bold** and [the docs](https://example.com/docs).');
  await expect(widget.lastReply.locator('strong')).toHaveText('bold');

  await widget.lastReply.getByRole('button', { name: 'Copy' }).click();
  await expect(widget.lastReply.getByRole('button', { name: 'Copy' })).toHaveAttribute('title', 'Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    'Use **bold** and [the docs](https://example.com/docs).',
  );
});

test('New conversation clears the messages at once and forgets the stored copy', async ({ page, agent }) => {
  await openScriptTagPage(page, agent, { open: 'true' });
  const widget = chat(page);
  await ask(page, 'echo: First.');
  await agent.arm('slow');
  await widget.say('Tell me about your features');
  await expect(widget.lastReply).toHaveAttribute('data-status', 'streaming');

  await widget.button('New conversation').click();
  await expect(widget.messages).toHaveCount(0);
  await expect(widget.button('Send')).toBeVisible();

  await page.reload();
  await expect(widget.composer).toBeVisible();
  await expect(widget.messages).toHaveCount(0);
});

test.describe('persistence', () => {
  /** Opens the page, has one exchange, and reloads. */
  async function talkAndReload(page: Page, agent: Agent, attributes: Attributes): Promise<void> {
    await openScriptTagPage(page, agent, { open: 'true', ...attributes });
    await ask(page, 'echo: Remember me.');
    await page.reload();
    await expect(chat(page).composer).toBeVisible();
  }

  test('keeps the conversation across reloads and tabs by default', async ({ page, agent, context }) => {
    await talkAndReload(page, agent, {});
    const widget = chat(page);
    await expect(widget.userTurns).toHaveText(['echo: Remember me.']);
    await expect(widget.replies).toHaveText(['Remember me.']);
    await expect(widget.lastReply).toHaveAttribute('data-status', 'done');

    const other = await context.newPage();
    await openScriptTagPage(other, agent, { open: 'true' });
    await expect(chat(other).replies).toHaveText(['Remember me.']);
  });

  test('shows a long stored reply whole, at its end, once its slices are rendered', async ({ page, agent }) => {
    // Asks for a 12 KB reply and reloads: more than the default time on a busy machine.
    test.slow();
    // One JSON reply: quicker than streaming it, on a busy machine.
    await openScriptTagPage(page, agent, { open: 'true', stream: 'false' });
    // Over the 4,000 characters shown a frame at a time when a conversation opens.
    await ask(page, 'bench:12000');
    const words = (await chat(page).lastReply.locator('.markdown').textContent())?.trim().split(/\s+/) ?? [];
    await page.reload();
    const reply = chat(page).lastReply.locator('.markdown:not(.plain)');
    await expect(reply).not.toHaveAttribute('aria-busy');
    expect((await reply.textContent())?.trim().split(/\s+/)).toEqual(words);
    await expect(reply.locator(':scope > :last-child')).toBeInViewport();
  });

  test('with persist="session" keeps it across reloads of the tab only', async ({ page, agent, context }) => {
    await talkAndReload(page, agent, { persist: 'session' });
    await expect(chat(page).replies).toHaveText(['Remember me.']);

    const other = await context.newPage();
    await openScriptTagPage(other, agent, { open: 'true', persist: 'session' });
    await expect(chat(other).composer).toBeVisible();
    await expect(chat(other).messages).toHaveCount(0);
  });

  test('with persist="none" forgets it on reload', async ({ page, agent }) => {
    await talkAndReload(page, agent, { persist: 'none' });
    await expect(chat(page).messages).toHaveCount(0);
  });

  test('keeps a separate conversation for each agent on the same site', async ({ page, agent }) => {
    const otherBot = { ...agent, botId: `${agent.botId}-other` };
    await openScriptTagPage(page, agent, { open: 'true' });
    await ask(page, 'echo: For the first agent.');

    await openScriptTagPage(page, otherBot, { open: 'true' });
    const widget = chat(page);
    await expect(widget.composer).toBeVisible();
    await expect(widget.messages).toHaveCount(0);
    await ask(page, 'echo: For the second agent.');

    await openScriptTagPage(page, agent, { open: 'true' });
    await expect(widget.replies).toHaveText(['For the first agent.']);
    await openScriptTagPage(page, otherBot, { open: 'true' });
    await expect(widget.replies).toHaveText(['For the second agent.']);
  });
});

test('renders markdown from the agent without running any of its scripts', async ({ page, agent }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // No CSP on this page: the sanitizer alone must keep the reply inert.
  const params = new URLSearchParams({ 'bot-id': agent.botId, 'api-base': agentOrigin, open: 'true' });
  await page.goto(`/script-tag?${params}`);
  await ask(
    page,
    'echo: [x](javascript:alert(1)) <img src=x onerror=alert(1)> <script>window.pwned=1</script> <b>bold</b> [site](https://example.com)',
  );
  const reply = chat(page).lastReply;
  await expect(reply.locator('b')).toHaveText('bold');
  const site = reply.getByRole('link', { name: 'site' });
  await expect(site).toHaveAttribute('href', 'https://example.com');
  await expect(site).toHaveAttribute('target', '_blank');
  await expect(site).toHaveAttribute('rel', 'noopener noreferrer');

  const found = await page.evaluate(() => {
    const root = document.querySelector('tinytalk-chat')?.shadowRoot;
    const elements = [...(root?.querySelectorAll('*') ?? [])];
    return {
      pwned: (window as unknown as { pwned?: unknown }).pwned,
      scripts: elements.filter((element) => element.localName === 'script').length,
      handlers: elements.flatMap((element) => element.getAttributeNames().filter((name) => name.startsWith('on'))),
      scriptHrefs: elements
        .map((element) => element.getAttribute('href') ?? '')
        .filter((href) => /^\s*javascript:/i.test(href)),
    };
  });
  expect(found).toEqual({ pwned: undefined, scripts: 0, handlers: [], scriptHrefs: [] });
  expect(dialogs).toEqual([]);
});
