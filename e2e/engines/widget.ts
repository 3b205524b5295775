import { expect } from 'vitest';
import type { ChatCompletionRequest } from '../../src/api/types.ts';
import type { FaultName } from '../../agent/faults.ts';
import type { RecordedRequest } from '../../agent/request-log.ts';
import type { Browser, PageFunction, Tab } from './browser.ts';
import type { PageHelpers } from './page-helpers.ts';
import { enginesServerPort } from './ports.ts';

/** The pages' origin, and the demo agent's: another one, so every request crosses origins. */
export const pageOrigin = `http://127.0.0.1:${enginesServerPort}`;
export const agentOrigin = `http://localhost:${enginesServerPort}`;

/** How long a test waits for what a visitor would see; generous, as the machine is shared. */
export const waitMs = 15_000;

/** One scenario's own agent: a bot id nobody else uses, so faults and request logs never mix. */
export interface Agent {
  botId: string;
  arm(fault: FaultName, times?: number): Promise<void>;
  requests(): Promise<(RecordedRequest & { body: ChatCompletionRequest })[]>;
}

let agents = 0;

export function createAgent(browser: Browser): Agent {
  // The demo agent answers ids that start with `demo`; others are unknown agents (404).
  const botId = `demo-engines-${browser.name}-${process.pid}-${++agents}-${Date.now()}`;
  const signal = () => AbortSignal.timeout(10_000);
  return {
    botId,
    async arm(fault, times = 1) {
      const response = await fetch(`${agentOrigin}/__agent/faults`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ botId, fault, times }),
        signal: signal(),
      });
      expect(response.status).toBe(204);
    },
    async requests() {
      return (
        await fetch(`${agentOrigin}/__agent/requests?botId=${encodeURIComponent(botId)}`, { signal: signal() })
      ).json();
    },
  };
}

/** The script-tag page for `agent`, under the strict CSP, with the tripwires installed first. */
export function scriptTagUrl(agent: Agent, attributes: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    'bot-id': agent.botId,
    'api-base': agentOrigin,
    ...attributes,
    csp: 'strict',
    tripwires: '',
  });
  return `${pageOrigin}/script-tag?${params}`;
}

/**
 * A page of the two-page test site for `agent` (see `sitePage` in e2e/pages.ts): its
 * `#site-link` leads to the other page, a full page load, keeping the attributes.
 */
export function siteUrl(agent: Agent, name: 'pricing' | 'contact', attributes: Record<string, string> = {}): string {
  const params = new URLSearchParams({ 'bot-id': agent.botId, 'api-base': agentOrigin, ...attributes });
  return `${pageOrigin}/site/${name}?${params}`;
}

/** What the tripwires of e2e/pages/tripwires.js caught: every list must stay empty. */
export function tripwires(tab: Tab) {
  return tab.run(
    () =>
      (window as unknown as { __tripwires: { calls: string[]; violations: string[]; errors: string[] } }).__tripwires,
  );
}

/** The widget in one tab, as a visitor meets it: real clicks and keys, read back from the page. */
export function widget(tab: Tab) {
  /** Waits until `fn` gives what `expected` matches, like Playwright's `expect.poll`. */
  function poll<A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A) {
    return expect.poll(() => tab.run(fn, ...args), { timeout: waitMs, interval: 100 });
  }

  /** Clicks, as a visitor would, the element `find` gives, once it is visible, enabled and on top. */
  async function click<A extends unknown[]>(
    find: (h: PageHelpers, ...args: A) => Element | null | undefined,
    ...args: A
  ): Promise<void> {
    const deadline = Date.now() + waitMs;
    const locate = `(h, args) => h.clickPoint((${find.toString()})(h, ...args))`;
    for (;;) {
      try {
        // `find` goes to the page as source text, as every script does: composed here, in Node.
        const point = await tab.run(
          new Function('return ' + locate)() as PageFunction<[unknown[]], { x: number; y: number }>,
          args,
        );
        return await tab.click(point);
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`could not click ${find.toString()}: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  const self = {
    tab,
    poll,
    click,
    /** Clicks the widget's button named `name`, anywhere in its shadow root. */
    clickButton(name: string): Promise<void> {
      return click((h, name) => h.byRole('button', name)[0], name);
    },
    openLauncher(): Promise<void> {
      return click((h) => h.byRole('button', 'Open chat')[0]);
    },
    /** Types `text` into the composer and presses Enter, as a visitor does. */
    async say(text: string): Promise<void> {
      await click((h) => h.byRole('textbox', 'Message')[0]);
      await tab.type(text);
      await tab.press('Enter');
    },
    /** Says `text` and waits until the reply to it has finished. */
    async ask(text: string): Promise<void> {
      const count = await tab.run((h) => h.replies().length);
      await self.say(text);
      await poll((h) => h.replies().length).toBe(count + 1);
      await poll((h) => h.lastStatus()).toBe('done');
    },
  };
  return self;
}
