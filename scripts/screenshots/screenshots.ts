// Renders the widget in the states a reader of the README wants to see, into docs/.
import { ask, chat, expect, openScriptTagPage, test } from '../../e2e/fixtures.ts';

const arabicReply =
  'echo: مرحبًا! يمكنني مساعدتك في **الأسعار** و**التثبيت**.\n\n- الخطة المجانية\n- خطة الفريق\n\n```js\nmount({ botId: "demo" })\n```';

/** A fenced block with a line wider than the bubble, and a table with more columns than it holds. */
const codeAndTableReply = [
  'echo: Paste this before `</body>`:',
  '',
  '```html',
  '<script src="https://your.cdn/tinytalk-widget.js" data-bot-id="YOUR_AGENT_ID" data-greeting="Questions? Ask me." defer></script>',
  '```',
  '',
  'What each plan includes:',
  '',
  '| Plan | Price | Messages a month | Agents | Seats | Languages | Support |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  '| Free | $0 | 500 | 1 | 1 | 9 | Community forum |',
  '| Team | $29 | 10,000 | 5 | 10 | 9 | Email, next business day |',
  '| Business | $99 | 100,000 | 25 | Unlimited | 9 | Email and chat, within four hours |',
].join('\n');

/** The launcher's corner of a desktop page, where the greeting and the badge show. */
const launcherCorner = { x: 1280 - 480, y: 800 - 280, width: 480, height: 280 };

test.describe.configure({ mode: 'serial' });

test('light, with a streamed reply and its sources', async ({ page, agent }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openScriptTagPage(page, agent, {
    open: 'true',
    title: 'Tiny Talk',
    'welcome-message': 'Hi! Ask me about pricing, setup or features.',
  });
  await chat(page).say('What are your pricing plans?');
  await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
  await page.screenshot({ path: 'docs/light.png' });
});

test('dark', async ({ page, agent }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await openScriptTagPage(page, agent, { open: 'true', title: 'Tiny Talk' });
  await chat(page).say('Which features do you have?');
  await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
  await page.screenshot({ path: 'docs/dark.png' });
});

test('on a phone', async ({ page, agent }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openScriptTagPage(page, agent, { open: 'true', title: 'Tiny Talk' });
  await chat(page).say('How do I install it?');
  await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
  await page.screenshot({ path: 'docs/mobile.png' });
});

test('right to left, in Arabic', async ({ page, agent }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openScriptTagPage(page, agent, { open: 'true', locale: 'ar' });
  // The composer is named in Arabic here.
  const composer = page.locator('tinytalk-chat textarea');
  await composer.fill(arabicReply);
  await composer.press('Enter');
  await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
  await page.screenshot({ path: 'docs/rtl.png' });
});

test('an error with Retry', async ({ page, agent }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await agent.arm('500');
  await openScriptTagPage(page, agent, { open: 'true', title: 'Tiny Talk' });
  await chat(page).say('Hello');
  await expect(chat(page).alert).toBeVisible();
  await page.screenshot({ path: 'docs/error.png' });
});

test('a greeting beside the launcher', async ({ page, agent }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openScriptTagPage(page, agent, {
    greeting: 'Questions about pricing or setup? Ask me.',
    'greeting-delay': '0',
  });
  await expect(page.locator('tinytalk-chat').getByRole('button', { name: 'Dismiss' })).toBeVisible();
  await page.screenshot({ path: 'docs/greeting.png', clip: launcherCorner });
});

test('an unread reply on the launcher', async ({ page, agent }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openScriptTagPage(page, agent);
  await page.evaluate(() => window.TinyTalk?.instance?.send('echo: Your order shipped today.'));
  await expect(chat(page).launcher).toHaveAccessibleDescription('1 new reply');
  await page.screenshot({ path: 'docs/badge.png', clip: launcherCorner });
});

test('a code block and a wide table', async ({ page, agent }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openScriptTagPage(page, agent, { open: 'true', title: 'Tiny Talk' });
  await ask(page, codeAndTableReply);
  await page.screenshot({ path: 'docs/code-and-table.png' });
});

test('editing the last message', async ({ page, agent }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openScriptTagPage(page, agent, { open: 'true', title: 'Tiny Talk' });
  await ask(page, 'How do I install it?');
  await ask(page, 'What are the plans for a smal team?');
  await chat(page).userTurns.last().getByRole('button', { name: 'Edit' }).click();
  await expect(page.locator('tinytalk-chat .editing')).toBeVisible();
  await chat(page).composer.fill('What are the plans for a small team?');
  await page.screenshot({ path: 'docs/editing.png' });
});
