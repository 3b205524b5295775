import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type * as Axe from 'axe-core';
import { chat, expect, test } from './fixtures.ts';
import { demoServerPort } from './ports.ts';

// The playground is the demo page that `npm start` serves: the Vite dev server with the
// demo agent mounted and the built script served from dist/.
const demoOrigin = `http://localhost:${demoServerPort}`;

/** A title that breaks snippets which do not escape: both quotes, markup, an ampersand. */
const trickyTitle = `Ask "us" <anything> & it's answered`;

async function openPlayground(page: Page, botId: string, query: Record<string, string> = {}): Promise<void> {
  await page.goto(`${demoOrigin}/?${new URLSearchParams({ botId, ...query })}`);
}

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const snippet = (page: Page) => page.locator('.snippet');

/** Copies the snippet of `format` with the page's button, and returns what the clipboard holds. */
async function copySnippet(page: Page, format: 'Script tag' | 'npm' | 'Custom element'): Promise<string> {
  await page.getByRole('radio', { name: format }).check();
  await page.getByRole('button', { name: 'Copy the snippet' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await snippet(page).textContent());
  return copied;
}

/** Checks that the demo server's agent got `text` last, from the pasted page: across origins, over HTTP. */
async function expectDemoAgentAsked(page: Page, botId: string, text: string): Promise<void> {
  const requests: unknown[] = await (
    await page.request.get(`${demoOrigin}/__agent/requests?botId=${encodeURIComponent(botId)}`)
  ).json();
  expect(requests.at(-1)).toMatchObject({
    headers: { origin: new URL(page.url()).origin },
    body: { messages: [{ role: 'user', content: text }] },
  });
}

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('the widget follows the options as they change: title, starters, theme, corner', async ({ page, agent }) => {
  await openPlayground(page, agent.botId);
  const widget = chat(page);
  await widget.launcher.click();
  await expect(page.getByRole('dialog', { name: 'Tiny Talk demo' })).toBeVisible();

  // The open panel stays open through the change, and the field being typed in keeps focus.
  await field(page, 'Title').fill('Ask the shop');
  await expect(page.getByRole('dialog', { name: 'Ask the shop' })).toBeVisible();
  await expect(field(page, 'Title')).toBeFocused();

  await field(page, 'Starters').fill('["Where is my order?", "Do you ship abroad?"]');
  const suggestions = page.locator('tinytalk-chat').getByRole('list', { name: 'Suggestions' }).getByRole('button');
  await expect(suggestions).toHaveText(['Where is my order?', 'Do you ship abroad?']);

  await field(page, 'Theme').selectOption('dark');
  await expect(page.locator('tinytalk-chat').locator('.panel')).toHaveCSS('background-color', 'rgb(22, 24, 29)');

  await field(page, 'Launcher corner').selectOption('left');
  await expect.poll(async () => (await widget.launcher.boundingBox())?.x).toBeLessThan(100);

  // The address bar keeps it all, so the link opens the same widget.
  await expect(page).toHaveURL(/title=Ask\+the\+shop/);
  await page.reload();
  await expect(field(page, 'Title')).toHaveValue('Ask the shop');
  await expect(field(page, 'Theme')).toHaveValue('dark');
  // It was open, so it comes back open.
  await expect(page.getByRole('dialog', { name: 'Ask the shop' })).toBeVisible();
  await expect(suggestions).toHaveCount(2);
});

test('invalid JSON is named under its field, and the widget keeps the last valid value', async ({ page, agent }) => {
  await openPlayground(page, agent.botId, { open: 'true' });
  await field(page, 'Starters').fill('["Where is my order?"]');
  const suggestions = page.locator('tinytalk-chat').getByRole('list', { name: 'Suggestions' }).getByRole('button');
  await expect(suggestions).toHaveText(['Where is my order?']);

  await field(page, 'Starters').fill('["Where is my order?", "Do you');
  await expect(field(page, 'Starters')).toHaveAttribute('aria-invalid', 'true');
  await expect(field(page, 'Starters')).toHaveAccessibleDescription(/Not valid JSON/);
  await expect(snippet(page)).toContainText('"Where is my order?"]');
  await expect(suggestions).toHaveText(['Where is my order?']);

  await field(page, 'Texts').fill('{"sned": "Go"}');
  await expect(page.getByText('Unknown key: sned.')).toBeVisible();
  await field(page, 'Texts').fill('{"send": "Go"}');
  await expect(page.getByText('Unknown key: sned.')).toHaveCount(0);
  await expect(page.locator('tinytalk-chat').getByRole('button', { name: 'Go', exact: true })).toBeVisible();
});

test('inline, the widget renders in the page and takes changes in place, keeping the conversation', async ({
  page,
  agent,
}) => {
  await openPlayground(page, agent.botId);
  await field(page, 'Display').selectOption({ label: 'Inline: in a box on the page' });
  const region = page.getByRole('region', { name: 'Tiny Talk demo' });
  await expect(region).toBeVisible();
  await expect(chat(page).launcher).toHaveCount(0);

  await chat(page).say('echo: Still here?');
  await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
  await field(page, 'Title').fill('Help desk');
  await expect(page.getByRole('region', { name: 'Help desk' })).toBeVisible();
  await expect(chat(page).userTurns).toHaveText(['echo: Still here?']);
  await expect(page.locator('tinytalk-chat')).toHaveCount(1);
  await expect(snippet(page)).toContainText('data-target="#chat"');

  await field(page, 'Display').selectOption({ label: 'Floating: a launcher in the corner' });
  await expect(chat(page).launcher).toBeVisible();
  await expect(page.locator('#chat')).toBeHidden();
});

test('the snippet follows the options, leaves out defaults, and copies to the clipboard', async ({ page, agent }) => {
  await openPlayground(page, agent.botId);
  await expect(snippet(page)).toContainText(`data-bot-id="${agent.botId}"`);
  await expect(snippet(page)).not.toContainText('data-theme');
  await field(page, 'Theme').selectOption('dark');
  await field(page, 'Title').fill(trickyTitle);
  await expect(snippet(page)).toContainText('data-theme="dark"');
  await expect(snippet(page)).toContainText('data-title="Ask &quot;us&quot; &lt;anything&gt; &amp; it\'s answered"');
  // Back to the default: out of the snippet again.
  await field(page, 'Theme').selectOption('auto');
  await expect(snippet(page)).not.toContainText('data-theme');

  expect(await copySnippet(page, 'npm')).toContain(`title: 'Ask "us" \\x3Canything> & it\\'s answered',`);
  expect(await copySnippet(page, 'Custom element')).toContain('chat-title="Ask &quot;us&quot;');

  // The key goes into the snippet only with a warning beside it.
  await expect(page.getByText('This snippet holds your API key.')).toHaveCount(0);
  await field(page, 'API key').fill('demo-secret-key');
  await expect(snippet(page)).toContainText('api-key="demo-secret-key"');
  await expect(page.getByText('This snippet holds your API key.')).toBeVisible();
  // Never in the address bar, which gets shared: a change after the key shows there without it.
  await field(page, 'Theme').selectOption('light');
  await expect(page).toHaveURL(/theme=light/);
  expect(page.url()).not.toContain('demo-secret-key');

  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(field(page, 'Title')).toHaveValue('Tiny Talk demo');
  await expect(snippet(page)).not.toContainText('api-key');
  await expect(page).toHaveURL(`${demoOrigin}/`);
});

test.describe('a snippet copied from the playground works pasted into a blank HTML file', () => {
  test('the script tag', async ({ page, agent }) => {
    await openPlayground(page, agent.botId);
    await field(page, 'Title').fill(trickyTitle);
    await field(page, 'Starters').fill('["echo: Hello from a blank page"]');
    await field(page, 'Accent colour').fill('#0f766e');
    const copied = await copySnippet(page, 'Script tag');

    await page.goto(`/pasted?${new URLSearchParams({ html: copied })}`);
    const widget = chat(page);
    await widget.launcher.click();
    await expect(page.getByRole('dialog', { name: trickyTitle, exact: true })).toBeVisible();
    await expect(page.locator('tinytalk-chat').locator('.launcher')).toHaveCSS('background-color', 'rgb(15, 118, 110)');
    await widget.button('echo: Hello from a blank page').click();
    await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
    await expect(widget.lastReply).toHaveText('Hello from a blank page');
    // Rendered as markdown: the script fetched the file beside it, across origins.
    await expect(widget.lastReply.locator('.markdown:not(.plain)')).toBeAttached();
    await expectDemoAgentAsked(page, agent.botId, 'echo: Hello from a blank page');
  });

  test('the custom element', async ({ page, agent }) => {
    await openPlayground(page, agent.botId);
    await field(page, 'Title').fill(trickyTitle);
    await field(page, 'Placeholder').fill('Type "here" <please>');
    const copied = await copySnippet(page, 'Custom element');

    await page.goto(`/pasted?${new URLSearchParams({ html: copied })}`);
    await expect(page.getByRole('region', { name: trickyTitle, exact: true })).toBeVisible();
    await expect(chat(page).composer).toHaveAttribute('placeholder', 'Type "here" <please>');
    await chat(page).say('echo: Hello, element');
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
    await expect(chat(page).lastReply).toHaveText('Hello, element');
    await expectDemoAgentAsked(page, agent.botId, 'echo: Hello, element');
  });

  test('the npm import, as an app’s module', async ({ page, agent }) => {
    await openPlayground(page, agent.botId);
    await field(page, 'Title').fill(`${trickyTitle} </script>`);
    await field(page, 'Start with the panel open').check();
    const copied = await copySnippet(page, 'npm');

    await page.goto(`/pasted-module?${new URLSearchParams({ js: copied })}`);
    await expect(page.getByRole('dialog', { name: `${trickyTitle} </script>`, exact: true })).toBeVisible();
    await chat(page).say('echo: Hello, module');
    await expect(chat(page).lastReply).toHaveText('Hello, module');
    await expectDemoAgentAsked(page, agent.botId, 'echo: Hello, module');
  });
});

test.describe('axe finds no WCAG 2.2 AA or best-practice violation on the playground', () => {
  // The rule sets of a11y.spec.ts. There, only the widget's own violations count; here the
  // whole page is ours.
  const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
  const views = [
    { name: 'light, wide', colorScheme: 'light', viewport: { width: 1280, height: 800 } },
    { name: 'dark, wide', colorScheme: 'dark', viewport: { width: 1280, height: 800 } },
    { name: 'light, on a phone', colorScheme: 'light', viewport: { width: 375, height: 667 } },
    { name: 'dark, on a phone', colorScheme: 'dark', viewport: { width: 375, height: 667 } },
  ] as const;

  for (const { name, colorScheme, viewport } of views) {
    test(`${name}, with a problem, a warning and the inline widget; no sideways scrolling`, async ({ page, agent }) => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize(viewport);
      await openPlayground(page, agent.botId, { target: '#chat', apiKey: 'demo-secret-key' });
      await field(page, 'Starters').fill('["Half');
      await copySnippet(page, 'Custom element');
      await expect(page.getByRole('region', { name: 'Tiny Talk demo' })).toBeVisible();

      await page.addScriptTag({ path: fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url)) });
      const violations = await page.evaluate(async (tags) => {
        const { axe } = window as unknown as { axe: typeof Axe };
        const { violations } = await axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        });
        return violations.flatMap(({ id, nodes }) =>
          nodes.map((node) => `${id} at ${JSON.stringify(node.target)}: ${node.failureSummary}`),
        );
      }, axeTags);
      expect(violations).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    });
  }
});
