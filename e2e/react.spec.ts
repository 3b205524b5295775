import type { Page } from '@playwright/test';
import { agentOrigin, chat, expect, test, type Agent } from './fixtures.ts';
import { countGlobalListeners } from './global-listeners.ts';

/**
 * A React app (e2e/pages/react-app.tsx, development build, StrictMode) that shows the widget
 * on one client-side route and not on the next: leaving the route must take the widget away
 * whole, its reply in flight included, and coming back must bring the conversation back.
 */

/** Opens the React app on `route` (a path under /react/), talking to this test's agent. */
async function openReactApp(page: Page, agent: Agent, route: string): Promise<void> {
  await page.goto(`/react/${route}?${new URLSearchParams({ 'bot-id': agent.botId, 'api-base': agentOrigin })}`);
}

/** Follows one of the app's links, as a visitor does: the app switches routes without a page load. */
function follow(page: Page, name: string): Promise<void> {
  return page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
}

const ways = [
  { link: 'Chat: element', how: '<tinytalk-chat> in JSX' },
  { link: 'Chat: mount()', how: 'mount() in an effect, destroy() in its cleanup' },
];

for (const { link, how } of ways) {
  test(`${how}: leaving the route aborts the reply and leaves no element or listener, and coming back restores the conversation`, async ({
    page,
    agent,
    consoleErrors,
  }) => {
    await countGlobalListeners(page);
    await agent.arm('slow');
    await openReactApp(page, agent, 'about');
    await expect(page.getByText('About us')).toBeVisible();
    const before = await page.evaluate(() => window.globalListeners!());

    await follow(page, link);
    // StrictMode has run the route's effects twice: still one widget.
    await expect(page.locator('tinytalk-chat')).toHaveCount(1);
    await chat(page).say('Tell me about your features');
    await expect(chat(page).lastReply.locator('.markdown')).toContainText('visitors');
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'streaming');

    await follow(page, 'About');
    await expect(page.locator('tinytalk-chat')).toHaveCount(0);
    expect(await page.evaluate(() => window.globalListeners!())).toEqual(before);
    // The agent saw its client go away mid-reply: the request was aborted, not left to finish.
    await expect.poll(async () => (await agent.requests()).map((request) => request.outcome)).toEqual(['disconnected']);

    await follow(page, link);
    await expect(page.locator('tinytalk-chat')).toHaveCount(1);
    await expect(chat(page).userTurns).toHaveText(['Tell me about your features']);
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'stopped');
    await expect(chat(page).lastReply.locator('.markdown')).toContainText('visitors');
    await chat(page).say('pricing');
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
    expect(await agent.requests()).toHaveLength(2);
    expect(consoleErrors).toEqual([]);
  });
}

test('the browser back button leaves the chat route like a link does', async ({ page, agent }) => {
  await openReactApp(page, agent, 'about');
  await follow(page, 'Chat: element');
  await expect(page.locator('tinytalk-chat')).toHaveCount(1);
  await page.goBack();
  await expect(page.getByText('About us')).toBeVisible();
  await expect(page.locator('tinytalk-chat')).toHaveCount(0);
});
