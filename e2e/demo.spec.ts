import { chat, expect, test } from './fixtures.ts';
import { demoServerPort } from './ports.ts';

// The demo page as `npm start` serves it: the Vite dev server with the demo agent mounted.
const demoPage = `http://localhost:${demoServerPort}/`;

test('the demo page chats with the built-in agent, survives a reload and recovers from a fault', async ({
  page,
  agent,
}) => {
  // Vite's dev server transforms the demo's modules as the first page asks for them.
  test.slow();
  await page.goto(`${demoPage}?botId=${agent.botId}`);
  const widget = chat(page);
  await widget.launcher.click();
  await expect(page.getByRole('dialog', { name: 'Tiny Talk demo' })).toBeVisible();

  await widget.button('What are your pricing plans?').click();
  await expect(widget.lastReply).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
  await expect(widget.lastReply.getByRole('list', { name: 'Sources' }).getByRole('link')).toHaveCount(2);

  // The panel was open, so it comes back open: no click, or the launcher would close it.
  await page.reload();
  await expect(page.getByRole('dialog', { name: 'Tiny Talk demo' })).toBeVisible();
  await expect(widget.userTurns).toHaveText(['What are your pricing plans?']);

  await page.locator('#fault').selectOption('500');
  await page.getByRole('button', { name: 'Fail the next reply' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'will fail' })).toBeVisible();
  await widget.say('hello');
  await expect(widget.alert).toContainText('having trouble');
  await widget.button('Retry').click();
  await expect(widget.lastReply).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
  await expect(widget.userTurns).toHaveCount(2);
});

test('the demo page shows the widget inline when asked to', async ({ page, agent }) => {
  await page.goto(`${demoPage}?${new URLSearchParams({ botId: agent.botId, target: '#chat' })}`);
  await expect(page.getByRole('region', { name: 'Tiny Talk demo' })).toBeVisible();
  await expect(chat(page).launcher).toHaveCount(0);
});
