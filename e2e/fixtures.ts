import { test as base, expect, type Page } from '@playwright/test';
import type { ChatCompletionRequest } from '../src/api/types.ts';
import type { FaultName } from '../agent/faults.ts';
import type { RecordedRequest } from '../agent/request-log.ts';
import { testServerPort } from './ports.ts';

/** The demo agent, on another origin than the pages. */
export const agentOrigin = `http://localhost:${testServerPort}`;

/** One test's own agent: a bot id nobody else uses, so faults and request logs never mix. */
export interface Agent {
  botId: string;
  /** Makes the agent's next `times` replies to this bot fail with `fault`. */
  arm(fault: FaultName, times?: number): Promise<void>;
  /** What the widget sent to this bot, oldest first. */
  requests(): Promise<(RecordedRequest & { body: ChatCompletionRequest })[]>;
}

export const test = base.extend<{ agent: Agent; consoleErrors: string[] }>({
  agent: async ({ request }, use, testInfo) => {
    const botId = `demo-${testInfo.testId}`;
    await use({
      botId,
      async arm(fault, times = 1) {
        const response = await request.post(`${agentOrigin}/__agent/faults`, { data: { botId, fault, times } });
        expect(response.status()).toBe(204);
      },
      async requests() {
        return (await request.get(`${agentOrigin}/__agent/requests?botId=${encodeURIComponent(botId)}`)).json();
      },
    });
  },
  /** Console errors, uncaught exceptions and CSP violations of the page. */
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await use(errors);
  },
});

export { expect };

/** Attributes of the script tag, without `data-`. */
export type Attributes = Record<string, string>;

/**
 * A plain page with the script tag for this test's agent, under a strict CSP. With
 * `open: 'true'` or a `target`, once the open panel is there: it shows when its file has
 * arrived.
 */
export async function openScriptTagPage(page: Page, agent: Agent, attributes: Attributes = {}): Promise<void> {
  const params = new URLSearchParams({ 'bot-id': agent.botId, 'api-base': agentOrigin, ...attributes, csp: 'strict' });
  await page.goto(`/script-tag?${params}`);
  if (attributes.open === 'true' || attributes.target)
    await expect(page.locator('tinytalk-chat .composer')).toBeVisible();
}

/** A page that imports the ESM build and calls `mount(options)`; the handle is `window.widget`. */
export async function openEsmPage(page: Page, agent: Agent, options: Record<string, unknown> = {}): Promise<void> {
  const params = new URLSearchParams({
    options: JSON.stringify({ botId: agent.botId, apiBase: agentOrigin, ...options }),
  });
  await page.goto(`/esm?${params}`);
}

/** The widget as a visitor meets it; locators reach into the open shadow root. */
export function chat(page: Page) {
  const composer = page.locator('tinytalk-chat').getByRole('textbox', { name: 'Message' });
  return {
    launcher: page.locator('tinytalk-chat').getByRole('button', { name: /^(Open|Close) chat$/ }),
    composer,
    messages: page.locator('tinytalk-chat [data-role]'),
    replies: page.locator('tinytalk-chat [data-role="assistant"]:not([data-welcome])'),
    userTurns: page.locator('tinytalk-chat [data-role="user"]'),
    lastReply: page.locator('tinytalk-chat [data-role="assistant"]').last(),
    alert: page.locator('tinytalk-chat').getByRole('alert'),
    button: (name: string) => page.locator('tinytalk-chat').getByRole('button', { name, exact: true }),
    /** Types a message and presses Enter, as a visitor does. */
    async say(text: string) {
      await composer.fill(text);
      await composer.press('Enter');
    },
  };
}

/** Says `text` and waits until the reply to it has finished. */
export async function ask(page: Page, text: string): Promise<void> {
  const widget = chat(page);
  // The replies already there are counted once the panel shows them (in any language).
  await expect(page.locator('tinytalk-chat .composer')).toBeVisible();
  const count = await widget.replies.count();
  await widget.say(text);
  await expect(widget.replies).toHaveCount(count + 1);
  await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
}
