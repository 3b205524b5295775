// Renders the widget in the states a reader of the README wants to see, into docs/.
import { chat, expect, openScriptTagPage, test } from '../../e2e/fixtures.ts';

const arabicReply =
  'echo: مرحبًا! يمكنني مساعدتك في **الأسعار** و**التثبيت**.\n\n- الخطة المجانية\n- خطة الفريق\n\n```js\nmount({ botId: "demo" })\n```';

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
