import type { APIRequestContext, Page } from '@playwright/test';
import type { ChatCompletionRequest } from '../src/api/types.ts';
import type { FaultName } from '../agent/faults.ts';
import type { RecordedRequest } from '../agent/request-log.ts';
import { agentOrigin, chat, expect, openEsmPage, openScriptTagPage, test } from './fixtures.ts';

// What visitors read: plain words, never the agent's raw answer.
const badRequest = 'The assistant could not process this message.';
const unauthorized = 'This chat is private, and its access key is missing or not valid.';
const forbidden = 'This chat has reached its usage limit, or is not allowed to use the requested model.';
const notFound = 'This chat assistant could not be found.';
const serverTrouble = 'The chat service is having trouble right now. Please try again.';

// Ten words streamed in six chunks: a fault after half of them keeps "alpha" to "foxtrot".
const tenWords = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet';

/** The widget shows a failed reply: its text in an alert, with Retry or without. */
async function expectFailure(page: Page, text: string, { hasRetry }: { hasRetry: boolean }): Promise<void> {
  const widget = chat(page);
  await expect(widget.lastReply).toHaveAttribute('data-status', 'error');
  await expect(widget.lastReply.getByRole('alert')).toHaveText(text);
  await expect(widget.alert).toHaveCount(1);
  await expect(widget.alert).not.toContainText(/[{}]/);
  await expect(widget.lastReply.getByRole('button', { name: 'Retry', exact: true })).toHaveCount(hasRetry ? 1 : 0);
  await expect(widget.button('Send')).toBeVisible();
}

/** What the widget sent to an agent that is not this test's own (private or unknown ids). */
async function requestsOf(
  request: APIRequestContext,
  botId: string,
): Promise<(RecordedRequest & { body: ChatCompletionRequest })[]> {
  return (await request.get(`${agentOrigin}/__agent/requests?botId=${encodeURIComponent(botId)}`)).json();
}

const refusals: { fault: FaultName; text: string }[] = [
  { fault: '400', text: badRequest },
  { fault: '401', text: unauthorized },
  { fault: '403', text: forbidden },
  { fault: '404', text: notFound },
];

for (const { fault, text } of refusals) {
  test(`explains a ${fault} answer in plain words and offers no Retry`, async ({ page, agent }) => {
    await agent.arm(fault);
    await openScriptTagPage(page, agent, { open: 'true' });
    await chat(page).say('hello');
    await expectFailure(page, text, { hasRetry: false });
  });
}

test('tells the visitor a private agent needs its key when no api-key is set', async ({ page, agent, request }) => {
  const botId = `private-${agent.botId}`;
  await openScriptTagPage(page, agent, { 'bot-id': botId, open: 'true' });
  await chat(page).say('hello');
  await expectFailure(page, unauthorized, { hasRetry: false });
  const [sent] = await requestsOf(request, botId);
  expect(sent?.headers['api-key']).toBeUndefined();
});

test('reaches a private agent with the api-key attribute sent as the api-key header', async ({
  page,
  agent,
  request,
}) => {
  const botId = `private-${agent.botId}`;
  await openScriptTagPage(page, agent, { 'bot-id': botId, 'api-key': 'demo-secret-key', open: 'true' });
  const widget = chat(page);
  await widget.say('hello');
  await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
  await expect(widget.lastReply).toContainText('I am the Tiny Talk demo agent');
  await expect(widget.alert).toHaveCount(0);
  const sent = await requestsOf(request, botId);
  expect(sent.map(({ headers }) => headers['api-key'])).toEqual(['demo-secret-key']);
});

test('tells the visitor the model is not allowed when the plan lacks it', async ({ page, agent }) => {
  await openScriptTagPage(page, agent, { model: 'not-on-plan', open: 'true' });
  await chat(page).say('hello');
  await expectFailure(page, forbidden, { hasRetry: false });
  expect((await agent.requests()).map(({ body }) => body.model)).toEqual(['not-on-plan']);
});

test('sends the model attribute as the body model and gets an answer from it', async ({ page, agent }) => {
  await openScriptTagPage(page, agent, { model: 'demo-smart', open: 'true' });
  const widget = chat(page);
  await widget.say('hello');
  await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
  expect((await agent.requests()).map(({ body }) => body.model)).toEqual(['demo-smart']);
});

test('tells the visitor an unknown agent could not be found', async ({ page, agent, request }) => {
  const botId = `unknown-${agent.botId}`;
  await openScriptTagPage(page, agent, { 'bot-id': botId, open: 'true' });
  await chat(page).say('hello');
  await expectFailure(page, notFound, { hasRetry: false });
  expect(await requestsOf(request, botId)).toHaveLength(1);
});

test('asks the visitor to wait the seconds a 429 names, and offers Retry', async ({ page, agent }) => {
  await agent.arm('429');
  await openScriptTagPage(page, agent, { open: 'true' });
  await chat(page).say('hello');
  await expectFailure(page, 'Too many messages right now. Please try again in 3 seconds.', { hasRetry: true });
});

for (const fault of ['500', '503'] as const) {
  test(`explains a ${fault} answer as trouble on the service's side, and offers Retry`, async ({ page, agent }) => {
    await agent.arm(fault);
    await openScriptTagPage(page, agent, { open: 'true' });
    await chat(page).say('hello');
    await expectFailure(page, serverTrouble, { hasRetry: true });
  });
}

const brokenStreams: { fault: FaultName; text: string }[] = [
  { fault: 'stream-error', text: 'The assistant ran into a problem while answering.' },
  { fault: 'cut', text: 'The reply was cut off before it finished.' },
];

for (const { fault, text } of brokenStreams) {
  test(`keeps the partial text of a reply that ends with ${fault}, and offers Retry`, async ({ page, agent }) => {
    await agent.arm(fault);
    await openScriptTagPage(page, agent, { open: 'true' });
    const widget = chat(page);
    await widget.say(`echo: ${tenWords}`);
    await expectFailure(page, text, { hasRetry: true });
    const partial = widget.lastReply.locator('.markdown');
    await expect(partial).toContainText('alpha bravo');
    await expect(partial).not.toContainText('juliet');
  });
}

test('says the service could not be reached when the answer is blocked by CORS, and offers Retry', async ({
  page,
  agent,
}) => {
  await agent.arm('no-cors');
  await openScriptTagPage(page, agent, { open: 'true' });
  await chat(page).say('hello');
  await expectFailure(page, 'The chat service could not be reached. Check your connection and try again.', {
    hasRetry: true,
  });
});

test('says the answer could not be read when a proxy sends an HTML page', async ({ page, agent }) => {
  await agent.arm('html');
  await openScriptTagPage(page, agent, { open: 'true' });
  const widget = chat(page);
  await widget.say('hello');
  await expect(widget.lastReply).toHaveAttribute('data-status', 'error');
  await expect(widget.alert).toHaveText('The chat service sent an answer that could not be read.');
  await expect(widget.alert).not.toContainText(/Bad Gateway|</);
});

test('Retry after a 500 replaces the failed reply and sends the turn once', async ({ page, agent }) => {
  await agent.arm('500');
  await openScriptTagPage(page, agent, { open: 'true' });
  const widget = chat(page);
  await widget.say('echo: Fine, thanks.');
  await expectFailure(page, serverTrouble, { hasRetry: true });

  await widget.button('Retry').click();
  await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
  await expect(widget.replies).toHaveText(['Fine, thanks.']);
  await expect(widget.userTurns).toHaveText(['echo: Fine, thanks.']);
  await expect(widget.alert).toHaveCount(0);

  await widget.say('echo: Bye.');
  await expect(widget.replies.last()).toHaveAttribute('data-status', 'done');
  await expect(widget.replies.last()).toHaveText('Bye.');
  const sent = (await agent.requests()).map(({ body }) => body.messages);
  expect(sent).toEqual([
    [{ role: 'user', content: 'echo: Fine, thanks.' }],
    [{ role: 'user', content: 'echo: Fine, thanks.' }],
    [
      { role: 'user', content: 'echo: Fine, thanks.' },
      { role: 'assistant', content: 'Fine, thanks.' },
      { role: 'user', content: 'echo: Bye.' },
    ],
  ]);
});

test('never sends the partial text of a failed reply back to the agent', async ({ page, agent }) => {
  await agent.arm('stream-error');
  await openScriptTagPage(page, agent, { open: 'true' });
  const widget = chat(page);
  await widget.say(`echo: ${tenWords}`);
  await expect(widget.lastReply).toHaveAttribute('data-status', 'error');

  await widget.say('echo: Next.');
  await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
  const sent = (await agent.requests()).map(({ body }) => body.messages);
  expect(sent[1]).toEqual([
    { role: 'user', content: `echo: ${tenWords}` },
    { role: 'user', content: 'echo: Next.' },
  ]);
});

test('emits an error event with the type, status and visitor text from the ESM build', async ({ page, agent }) => {
  await agent.arm('500');
  await openEsmPage(page, agent, { open: true });
  await chat(page).say('hello');
  await expectFailure(page, serverTrouble, { hasRetry: true });
  const events = await page.evaluate(
    () => (window as unknown as { events: { name: string; payload: unknown }[] }).events,
  );
  expect(events.filter(({ name }) => name === 'error')).toEqual([
    { name: 'error', payload: { type: 'http', status: 500, message: serverTrouble } },
  ]);
});

test.describe('a redirect (issue 10: a 307 to another origin got the api-key and the conversation)', () => {
  test('is never followed, and fails with a message of its own and no Retry', async ({ page, agent }) => {
    await agent.arm('redirect');
    await openScriptTagPage(page, agent, { open: 'true', 'api-key': 'tt-secret-key' });
    await chat(page).say('hello');
    await expectFailure(page, 'The chat service tried to redirect this message elsewhere, so it was not sent.', {
      hasRetry: false,
    });
    // The other origin is this same agent: had the widget followed, it would have recorded a second request.
    const requests = await agent.requests();
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers.host).toBe(new URL(agentOrigin).host);
  });
});
