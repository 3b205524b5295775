import { agentOrigin, chat, expect, openEsmPage, openScriptTagPage, test } from './fixtures.ts';

test.describe('a silent agent', () => {
  test('that never starts its reply times out with a plain message and Retry', async ({ page, agent }) => {
    await agent.arm('hang');
    await openScriptTagPage(page, agent, { open: 'true', 'reply-timeout': '800' });
    await chat(page).say('hello');
    await expect(chat(page).alert).toHaveText('The chat service took too long to answer.');
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'error');
    await chat(page).button('Retry').click();
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
  });

  test('that stalls mid-reply times out and keeps the words that arrived', async ({ page, agent }) => {
    await agent.arm('stall');
    await openScriptTagPage(page, agent, { open: 'true', 'stall-timeout': '800' });
    await chat(page).say('Tell me about your features');
    await expect(chat(page).alert).toHaveText('The chat service took too long to answer.');
    await expect(chat(page).lastReply.locator('.markdown')).not.toBeEmpty();
    await expect(chat(page).button('Retry')).toBeEnabled();
  });

  test('that sends only events without text times out all the same (issue 10: a payload every 200 ms held it off)', async ({
    page,
    agent,
  }) => {
    await agent.arm('silent-payloads');
    await openScriptTagPage(page, agent, { open: 'true', 'stall-timeout': '800' });
    await chat(page).say('Tell me about your features');
    await expect(chat(page).alert).toHaveText('The chat service took too long to answer.');
    await expect(chat(page).lastReply.locator('.markdown')).toContainText('Features');
    // The widget takes a new message again.
    await chat(page).say('echo: after the stall');
    await expect(chat(page).lastReply).toHaveText('after the stall');
  });
});

test('a 429 counts down the wait it asks for, then lets Retry send the turn once', async ({ page, agent }) => {
  await agent.arm('429');
  await openScriptTagPage(page, agent, { open: 'true' });
  await chat(page).say('hello');
  const retry = chat(page).button('Retry');
  await expect(retry).toBeDisabled();
  await expect(retry).toHaveText(/^Retry in [1-3]s$/);
  await expect(retry).toBeEnabled({ timeout: 6000 });
  await expect(chat(page).alert).toHaveText('You can try again now.');
  await retry.click();
  await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
  const requests = await agent.requests();
  expect(requests.at(-1)!.body.messages).toEqual([{ role: 'user', content: 'hello' }]);
});

test.describe('offline', () => {
  test('says so, keeps the message typed, and sends it when the connection returns', async ({
    page,
    context,
    agent,
  }) => {
    await openScriptTagPage(page, agent, { open: 'true' });
    await context.setOffline(true);
    await expect(page.locator('tinytalk-chat .offline')).toContainText('You are offline');
    await chat(page).say('hello from a tunnel');
    await expect(page.locator('tinytalk-chat .offline')).toContainText('will be sent when the connection returns');
    await expect(chat(page).composer).toHaveValue('hello from a tunnel');
    expect(await agent.requests()).toEqual([]);

    await context.setOffline(false);
    await expect(chat(page).userTurns).toHaveText(['hello from a tunnel']);
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
    await expect(chat(page).composer).toHaveValue('');
    await expect(page.locator('tinytalk-chat .offline')).toHaveCount(0);
  });

  test('a chat never opened on this page says it cannot open offline, and opens at the next click once online', async ({
    page,
    context,
    agent,
  }) => {
    await openScriptTagPage(page, agent);
    await context.setOffline(true);
    await chat(page).launcher.click();
    await expect(chat(page).alert).toContainText('could not be reached');
    await expect(chat(page).launcher).toHaveAttribute('aria-expanded', 'false');

    await context.setOffline(false);
    await chat(page).launcher.click();
    await expect(page.getByRole('dialog', { name: 'Chat' })).toBeVisible();
    await expect(chat(page).alert).toHaveCount(0);
    await chat(page).say('What are your pricing plans?');
    await expect(chat(page).lastReply.getByRole('table')).toBeVisible();
  });

  test('retries a reply that failed for want of a network once it is back', async ({ page, context, agent }) => {
    await openScriptTagPage(page, agent, { open: 'true' });
    await context.setOffline(true);
    await page.evaluate(() => window.TinyTalk!.instance!.send('sent while offline'));
    await expect(chat(page).alert).toContainText('could not be reached');
    await context.setOffline(false);
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
    await expect(chat(page).userTurns).toHaveCount(1);
  });
});

test.describe('nothing is lost', () => {
  test('the draft in the composer survives a reload', async ({ page, agent }) => {
    await openScriptTagPage(page, agent, { open: 'true' });
    await chat(page).composer.fill('half a thought');
    await page.reload();
    await expect(chat(page).composer).toHaveValue('half a thought');
  });

  test('a reply interrupted by a reload is asked again and ends whole, the question not repeated', async ({
    page,
    agent,
  }) => {
    await agent.arm('slow');
    await openScriptTagPage(page, agent, { open: 'true' });
    await chat(page).say('Tell me about your features');
    await expect(chat(page).lastReply.locator('.markdown')).toContainText('visitors');
    await page.reload();
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
    await expect(chat(page).lastReply.locator('.markdown')).toContainText('visitors');
    await expect(chat(page).userTurns).toHaveText(['Tell me about your features']);
    await expect
      .poll(async () => (await agent.requests()).map(({ outcome }) => outcome))
      .toEqual(['disconnected', 'answered']);
  });

  test("two tabs show the same conversation, kept in step live, and neither loses the other's turns", async ({
    context,
    agent,
  }) => {
    const [first, second] = [await context.newPage(), await context.newPage()];
    await openScriptTagPage(first, agent, { open: 'true' });
    await openScriptTagPage(second, agent, { open: 'true' });

    await chat(first).say('pricing');
    await expect(chat(first).lastReply).toHaveAttribute('data-status', 'done');
    await expect(chat(second).lastReply.getByRole('table')).toBeVisible();

    await chat(second).say('features');
    await expect(chat(second).lastReply).toHaveAttribute('data-status', 'done');
    await expect(chat(first).userTurns).toHaveText(['pricing', 'features']);
    await expect(chat(first).replies).toHaveCount(2);

    await first.reload();
    await expect(chat(first).userTurns).toHaveText(['pricing', 'features']);
  });

  test('corrupt stored data leaves the widget working, with one console warning', async ({ page, agent }) => {
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.addInitScript(
      (key) => localStorage.setItem(key, '{"version":1,"messages":[{"id":'),
      `tinytalk-widget:conversation:${agent.botId}`,
    );
    await openScriptTagPage(page, agent, { open: 'true' });
    await chat(page).say('hello');
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
    expect(warnings.filter((text) => text.includes('cannot be stored'))).toHaveLength(1);
  });

  test('storage that throws (private mode, sandboxed frames) leaves the widget working in memory, with one warning', async ({
    page,
    agent,
  }) => {
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.addInitScript(() => {
      const refuse = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      Storage.prototype.setItem = refuse;
      Storage.prototype.getItem = refuse;
      Storage.prototype.removeItem = refuse;
    });
    await openScriptTagPage(page, agent, { open: 'true' });
    await chat(page).composer.fill('still typing');
    await chat(page).composer.press('Enter');
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
    await chat(page).say('and again');
    await expect(chat(page).replies).toHaveCount(2);
    await expect(chat(page).replies.last()).toHaveAttribute('data-status', 'done');
    expect(warnings.filter((text) => text.includes('cannot be stored'))).toHaveLength(1);
  });
});

test.describe('configuration', () => {
  test('the script included twice gives one widget and no error', async ({ page, agent, consoleErrors }) => {
    await openScriptTagPage(page, agent);
    await page.waitForFunction(() => window.TinyTalk?.instance);
    await page.evaluate(() => {
      const first = document.querySelector('script[src$="tinytalk-widget.js"]')!;
      const again = document.createElement('script');
      for (const { name, value } of first.attributes) again.setAttribute(name, value);
      document.body.append(again);
      return new Promise((resolve) => again.addEventListener('load', resolve));
    });
    await expect(page.locator('tinytalk-chat')).toHaveCount(1);
    expect(consoleErrors).toEqual([]);
  });

  test('both builds on one page define the element once, without an error', async ({ page, agent, consoleErrors }) => {
    await openEsmPage(page, agent);
    await page.waitForFunction(() => window.widget);
    await page.addScriptTag({ url: '/dist/tinytalk-widget.js' });
    await page.waitForFunction(() => window.TinyTalk);
    await expect(page.locator('tinytalk-chat')).toHaveCount(1);
    expect(consoleErrors).toEqual([]);
  });

  test('two widgets for different agents on one page keep separate conversations and storage', async ({
    page,
    agent,
  }) => {
    await openEsmPage(page, agent, { open: true });
    const otherBot = `${agent.botId}-second`;
    await page.evaluate(({ botId, apiBase }) => window.tinytalkEsm.mount({ botId, apiBase, target: '#chat-target' }), {
      botId: otherBot,
      apiBase: agentOrigin,
    });
    const [floating, inline] = [page.getByRole('dialog'), page.getByRole('region', { name: 'Chat' })];
    await floating.getByRole('textbox', { name: 'Message' }).fill('pricing');
    await floating.getByRole('textbox', { name: 'Message' }).press('Enter');
    await inline.getByRole('textbox', { name: 'Message' }).fill('features');
    await inline.getByRole('textbox', { name: 'Message' }).press('Enter');
    await expect(floating.locator('[data-role="assistant"][data-status="done"]')).toHaveCount(1);
    await expect(inline.locator('[data-role="assistant"][data-status="done"]')).toHaveCount(1);
    await expect(floating.locator('[data-role="user"]')).toHaveText(['pricing']);
    await expect(inline.locator('[data-role="user"]')).toHaveText(['features']);
    const stored = await page.evaluate(
      (keys) => keys.map((key) => JSON.parse(localStorage.getItem(key)!).messages[0].content),
      [`tinytalk-widget:conversation:${agent.botId}`, `tinytalk-widget:conversation:${otherBot}`],
    );
    expect(stored).toEqual(['pricing', 'features']);
  });
});

test('a reply of 1 MB is cut to what the widget keeps, and says so', async ({ page, agent }) => {
  await openScriptTagPage(page, agent, { open: 'true', stream: 'false' });
  await chat(page).say('bench:1000000');
  await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
  await expect(chat(page).lastReply).toContainText('This reply was too long to show in full.');
  const kept = await page.evaluate(
    (key) => JSON.parse(localStorage.getItem(key)!).messages[1].content.length,
    `tinytalk-widget:conversation:${agent.botId}`,
  );
  expect(kept).toBe(100_000);
});

test('a stored 300-turn conversation opens at its latest message and scrolls back to the first', async ({
  page,
  agent,
}) => {
  const messages = Array.from({ length: 300 }, (_, index) => ({
    id: `m${index}`,
    role: index % 2 === 0 ? 'user' : 'assistant',
    content:
      index % 2 === 0
        ? `Question ${index / 2}`
        : `**Answer ${(index - 1) / 2}**\n\n- one point\n- another point\n\nAnd a [link](https://example.com/${index}).`,
    status: 'done',
    citedResources: [],
  }));
  await page.addInitScript(
    ({ key, value }) => {
      if (!sessionStorage.getItem('seeded')) localStorage.setItem(key, value);
      sessionStorage.setItem('seeded', '1');
    },
    { key: `tinytalk-widget:conversation:${agent.botId}`, value: JSON.stringify({ version: 1, messages }) },
  );
  await openScriptTagPage(page, agent);
  await chat(page).launcher.click();
  await expect(chat(page).lastReply.getByText('Answer 149')).toBeInViewport();
  await expect(chat(page).messages).toHaveCount(300);
  await page.locator('tinytalk-chat .scroller').evaluate((scroller) => scroller.scrollTo({ top: 0 }));
  await expect(chat(page).userTurns.first()).toHaveText('Question 0');
  await expect(chat(page).userTurns.first()).toBeInViewport();
});
