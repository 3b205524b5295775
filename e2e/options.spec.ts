import { agentOrigin, chat, expect, openEsmPage, openScriptTagPage, test } from './fixtures.ts';

/** Computed style of an element inside the widget's shadow root. */
function shadowStyle(selector: string, property: string) {
  return (page: import('@playwright/test').Page) =>
    page.evaluate(
      ([selector, property]) =>
        getComputedStyle(
          document.querySelector('tinytalk-chat')!.shadowRoot!.querySelector(selector!)!,
        ).getPropertyValue(property!),
      [selector, property],
    );
}

test('theme="dark" darkens the panel, and theme="auto" follows the visitor\'s colour scheme', async ({
  page,
  agent,
}) => {
  const panelBackground = shadowStyle('.panel', 'background-color');
  await openScriptTagPage(page, agent, { open: 'true', theme: 'light' });
  expect(await panelBackground(page)).toBe('rgb(255, 255, 255)');

  await openScriptTagPage(page, agent, { open: 'true', theme: 'dark' });
  expect(await panelBackground(page)).toBe('rgb(22, 24, 29)');

  await page.emulateMedia({ colorScheme: 'dark' });
  await openScriptTagPage(page, agent, { open: 'true' });
  expect(await panelBackground(page)).toBe('rgb(22, 24, 29)');
});

test('accent-color paints the launcher, and placeholder and welcome-message are shown', async ({ page, agent }) => {
  await openScriptTagPage(page, agent, {
    'accent-color': 'rgb(15, 118, 110)',
    placeholder: 'Ask the shop…',
    'welcome-message': 'Welcome to the shop!',
  });
  expect(await shadowStyle('.launcher', 'background-color')(page)).toBe('rgb(15, 118, 110)');
  await chat(page).launcher.click();
  await expect(chat(page).composer).toHaveAttribute('placeholder', 'Ask the shop…');
  await expect(chat(page).messages.first()).toHaveText('Welcome to the shop!');
  await expect(chat(page).messages.first()).toHaveAttribute('data-role', 'assistant');
});

test.describe('an accent-color that is not a colour (issue 10: url() made the launcher fetch it at page load)', () => {
  for (const value of [
    'url(https://attacker.example/track.png)',
    'image-set(url(https://attacker.example/a.png) 1x)',
    'not-a-colour',
    'expression(alert(1))',
  ]) {
    test(`${value} is ignored with a warning: the launcher stays indigo and nothing is fetched`, async ({
      page,
      agent,
      baseURL,
    }) => {
      const warnings: string[] = [];
      const foreign: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'warning') warnings.push(message.text());
      });
      page.on('request', (request) => {
        if (!request.url().startsWith(baseURL ?? '') && !request.url().startsWith(agentOrigin))
          foreign.push(request.url());
      });
      // No CSP on this page: nothing but the widget stands between the value and a fetch.
      await page.goto(
        `/script-tag?${new URLSearchParams({ 'bot-id': agent.botId, 'api-base': agentOrigin, 'accent-color': value })}`,
      );
      await expect(chat(page).launcher).toBeVisible();
      expect(await shadowStyle('.launcher', 'background-color')(page)).toBe(await defaultLauncherColour(page, agent));
      expect(warnings.join('\n')).toContain(`accentColor: ${JSON.stringify(value)}`);
      expect(foreign).toEqual([]);
    });
  }
});

/** The launcher's colour with no accent-color at all, read from a page of its own. */
async function defaultLauncherColour(page: import('@playwright/test').Page, agent: { botId: string }): Promise<string> {
  const other = await page.context().newPage();
  await other.goto(`/script-tag?${new URLSearchParams({ 'bot-id': agent.botId, 'api-base': agentOrigin })}`);
  await expect(chat(other).launcher).toBeVisible();
  const colour = await shadowStyle('.launcher', 'background-color')(other);
  await other.close();
  return colour;
}

test('an invalid option value warns with the option, the value and the default, and the widget still works', async ({
  page,
  agent,
}) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await openScriptTagPage(page, agent, { theme: 'purple' });
  await chat(page).launcher.click();
  await chat(page).say('hello');
  await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
  expect(warnings.join('\n')).toContain('theme: "purple"; using "auto"');
});

test("the panel's parts have the names the contract gives them", async ({ page, agent }) => {
  await openScriptTagPage(page, agent, { title: 'Support', open: 'true' });
  const dialog = page.getByRole('dialog', { name: 'Support' });
  await expect(dialog.getByRole('log', { name: 'Conversation' })).toBeAttached();
  await expect(dialog.getByRole('textbox', { name: 'Message' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'New conversation' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Send', exact: true })).toBeVisible();
  await chat(page).say('pricing');
  await expect(dialog.getByRole('log').locator('[data-role="assistant"][data-status="done"]')).toHaveCount(1);
  await expect(dialog.getByRole('log').getByRole('button', { name: 'Copy' })).toHaveCount(1);
});

test('the handle stops a streaming reply and resets the conversation', async ({ page, agent }) => {
  await agent.arm('slow');
  await openEsmPage(page, agent, { open: true });
  await chat(page).say('features');
  await expect(chat(page).lastReply.locator('.markdown')).not.toBeEmpty();
  await page.evaluate(() => window.widget.stop());
  await expect(chat(page).lastReply).toHaveAttribute('data-status', 'stopped');
  await expect(chat(page).lastReply.locator('.markdown')).not.toBeEmpty();

  await page.evaluate(() => window.widget.reset());
  await expect(chat(page).messages).toHaveCount(0);
  const stored = await page.evaluate((key) => localStorage.getItem(key), `tinytalk-widget:conversation:${agent.botId}`);
  expect(stored).toBeNull();
});

test("avatar shows the agent's image in the launcher and beside the title", async ({ page, agent }) => {
  await openScriptTagPage(page, agent, { avatar: '/e2e/pages/avatar.svg', title: 'Ana' });
  const image = chat(page).launcher.locator('img');
  await expect(image).toHaveAttribute('src', '/e2e/pages/avatar.svg');
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBeGreaterThan(0);
  await chat(page).launcher.click();
  await expect(page.getByRole('dialog', { name: 'Ana' }).locator('header img')).toBeVisible();
  await expect(chat(page).launcher).toHaveAccessibleName('Close chat');
});

test('a site themes the widget from its own stylesheet through custom properties and ::part()', async ({
  page,
  agent,
}) => {
  const params = new URLSearchParams({
    'bot-id': agent.botId,
    'api-base': agentOrigin,
    csp: 'strict',
    host: 'theme-parts',
  });
  await page.goto(`/script-tag?${params}`);
  await chat(page).launcher.click();
  // The panel's module may still be on its way after the click.
  await expect(chat(page).composer).toBeVisible();
  expect(await shadowStyle('.launcher', 'background-color')(page)).toBe('rgb(15, 118, 110)');
  expect(await shadowStyle('.launcher', 'border-radius')(page)).toBe('12px');
  expect(await shadowStyle('.header', 'background-color')(page)).toBe('rgb(240, 253, 250)');
  expect(await shadowStyle('.panel', 'width')(page)).toBe('360px');
});

test('each turn is an article named after who speaks, so a screen reader can tell them apart', async ({
  page,
  agent,
}) => {
  await openScriptTagPage(page, agent, { open: 'true' });
  await chat(page).say('hello');
  await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
  const log = page.getByRole('log', { name: 'Conversation' });
  await expect(log.getByRole('article', { name: 'You' })).toHaveText('hello');
  await expect(log.getByRole('article', { name: 'Assistant' })).toHaveCount(1);
});
