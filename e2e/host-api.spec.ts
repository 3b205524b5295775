import type { ChatMessage } from '../src/state/types.ts';
import type { CitationClick, FeedbackEvent, MessageDelta, WidgetError } from '../src/embed/events.ts';
import { agentOrigin, chat, expect, openEsmPage, test } from './fixtures.ts';

/** Event names in the order they came, a run of `message:delta` counted as one. */
function sequence(events: { name: string }[]): string[] {
  return events
    .map((event) => event.name)
    .filter((name, index, names) => name !== 'message:delta' || names[index - 1] !== 'message:delta');
}

function payloads<Payload>(events: { name: string; payload: unknown }[], name: string): Payload[] {
  return events.filter((event) => event.name === name).map((event) => event.payload as Payload);
}

test.describe('the handle', () => {
  test('reports every event to on() callbacks and to DOM listeners on the element alike, with its payload', async ({
    page,
    agent,
  }) => {
    await openEsmPage(page, agent, { context: { plan: 'pro' } });
    await page.waitForFunction(() => window.widget);
    const widget = chat(page);
    await widget.launcher.click();
    await widget.say('What are your pricing plans?');
    await expect(widget.lastReply).toHaveAttribute('data-status', 'done');

    const source = widget.lastReply.getByRole('list', { name: 'Sources' }).getByRole('link').first();
    const sourceUrl = await source.getAttribute('href');
    const popup = page.waitForEvent('popup');
    await source.click();
    await (await popup).close();

    // Context set later tags the feedback given after it.
    await page.evaluate(() => window.widget.setOptions({ context: { plan: 'team' } }));
    const helpful = widget.lastReply.getByRole('button', { name: 'Helpful', exact: true });
    await helpful.click();
    await expect(helpful).toHaveAttribute('aria-pressed', 'true');
    await helpful.click();
    await expect(helpful).toHaveAttribute('aria-pressed', 'false');

    await agent.arm('500');
    await widget.say('hello');
    await expect(widget.alert).toBeVisible();
    await widget.button('Minimize').click();

    const { events, domEvents } = await page.evaluate(() => ({ events: window.events, domEvents: window.domEvents }));
    expect(domEvents).toEqual(events);
    expect(sequence(events)).toEqual([
      'open',
      'message:start',
      'message:delta',
      'message',
      'citation:click',
      'feedback',
      'feedback',
      'message:start',
      'error',
      'close',
    ]);

    const [start] = payloads<ChatMessage>(events, 'message:start');
    const [reply] = payloads<ChatMessage>(events, 'message');
    const deltas = payloads<MessageDelta>(events, 'message:delta');
    expect(start).toMatchObject({ id: reply?.id, role: 'assistant', content: '', status: 'streaming' });
    expect(deltas.every((delta) => delta.id === reply?.id)).toBe(true);
    expect(deltas.map((delta) => delta.delta).join('')).toBe(reply?.content);
    expect(deltas.at(-1)?.content).toBe(reply?.content);

    const [click] = payloads<CitationClick>(events, 'citation:click');
    expect(click?.message.id).toBe(reply?.id);
    expect(click?.resource.url).toBe(sourceUrl);

    const [up, takenBack] = payloads<FeedbackEvent>(events, 'feedback');
    expect(up).toMatchObject({ feedback: 'up', context: { plan: 'team' }, message: { id: reply?.id, feedback: 'up' } });
    expect(takenBack).toMatchObject({ feedback: null, context: { plan: 'team' } });
    expect(takenBack?.message).not.toHaveProperty('feedback');

    const [error] = payloads<WidgetError>(events, 'error');
    expect(error).toMatchObject({ type: 'http', status: 500 });
  });

  test('keeps a rating with its reply across a reload, one thumb pressed at most', async ({ page, agent }) => {
    await openEsmPage(page, agent, { open: true });
    const widget = chat(page);
    await widget.say('echo: Rated.');
    await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
    await widget.lastReply.getByRole('button', { name: 'Helpful', exact: true }).click();
    await widget.lastReply.getByRole('button', { name: 'Not helpful' }).click();

    await page.reload();
    await expect(widget.lastReply.getByRole('button', { name: 'Not helpful' })).toHaveAttribute('aria-pressed', 'true');
    await expect(widget.lastReply.getByRole('button', { name: 'Helpful', exact: true })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(await page.evaluate(() => window.widget.messages.at(-1)?.feedback)).toBe('down');
  });

  test('setOptions() applies options live, keeps the conversation, and starts over on another agent', async ({
    page,
    agent,
    consoleErrors,
  }) => {
    await openEsmPage(page, agent);
    await page.waitForFunction(() => window.widget);
    expect(await page.evaluate(() => window.widget.messages)).toEqual([]);
    await page.evaluate(() => window.widget.send('echo: One.'));
    const messages = await page.evaluate(() => window.widget.messages.map(({ role, content }) => ({ role, content })));
    expect(messages).toEqual([
      { role: 'user', content: 'echo: One.' },
      { role: 'assistant', content: 'One.' },
    ]);

    await page.evaluate(() => window.widget.setOptions({ title: 'Support', open: true }));
    await page.evaluate(() => window.widget.open());
    await expect(page.getByRole('dialog', { name: 'Support' })).toBeVisible();
    await expect(chat(page).userTurns).toHaveText(['echo: One.']);

    // Another agent has its own conversation; callbacks given to on() keep listening.
    const otherBot = `${agent.botId}-other`;
    await page.evaluate((botId) => window.widget.setOptions({ botId }), otherBot);
    await expect(chat(page).userTurns).toHaveCount(0);
    await page.evaluate(() => window.widget.send('echo: Two.'));
    expect(await page.evaluate(() => window.widget.messages.map((message) => message.content))).toEqual([
      'echo: Two.',
      'Two.',
    ]);
    expect(await page.evaluate(() => window.events.filter((event) => event.name === 'message').length)).toBe(2);
    const requests = await page.request.get(`${agentOrigin}/__agent/requests?botId=${encodeURIComponent(otherBot)}`);
    expect(await requests.json()).toHaveLength(1);

    await page.evaluate(() => window.widget.setOptions({ target: '#chat-target' } as never));
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('the script tag', () => {
  test('replays calls made through the async snippet before the script arrived, in order', async ({ page, agent }) => {
    const calls = [['listen', 'open'], ['listen', 'message'], ['open'], ['send', 'echo: Queued.']];
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.goto(
      `/async-snippet?${new URLSearchParams({ 'bot-id': agent.botId, 'api-base': agentOrigin, calls: JSON.stringify(calls) })}`,
    );
    await expect(page.getByRole('dialog', { name: 'Chat' })).toBeVisible();
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
    await expect(chat(page).lastReply).toHaveText(/Queued\./);
    const heard = await page.evaluate(() =>
      window.heard.map(([name, detail]) => [name, (detail as ChatMessage | undefined)?.content]),
    );
    expect(heard).toEqual([
      ['open', undefined],
      ['message', 'Queued.'],
    ]);

    // Once loaded, the same function runs calls at once; a wrong one says so.
    await page.evaluate(() => window.TinyTalk?.('close'));
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.evaluate(() => (window.TinyTalk as unknown as (name: string) => void)('explode'));
    expect(warnings.some((warning) => warning.includes('"explode"') && warning.includes('open, close, toggle'))).toBe(
      true,
    );
  });

  test('is a drop-in for the official embed: data-tiny-bot-id and window.tinytalk.toggle()', async ({
    page,
    agent,
  }) => {
    await page.goto(
      `/script-tag?${new URLSearchParams({ 'tiny-bot-id': agent.botId, 'api-base': agentOrigin, csp: 'strict' })}`,
    );
    await expect(chat(page).launcher).toBeVisible();
    await page.evaluate(() => window.tinytalk?.toggle());
    await expect(page.getByRole('dialog', { name: 'Chat' })).toBeVisible();
    await chat(page).say('echo: Swapped.');
    await expect(chat(page).lastReply).toHaveText(/Swapped\./);
    expect((await agent.requests()).length).toBe(1);
    await page.evaluate(() => window.tinytalk?.toggle());
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
});
