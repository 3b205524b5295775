import type { Page } from '@playwright/test';
import { XSS_SHOWN_CITATIONS, xssCases } from '../agent/xss-answer.ts';
import { agentOrigin, chat, expect, test, type Agent, type Attributes } from './fixtures.ts';
import { testServerPort } from './ports.ts';

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
 * Installs the tripwires before any script of the page runs. The hand-written payloads
 * call `__xss()`; DOMPurify's corpus calls `alert(1)` and friends; CSS and media would
 * fetch from another origin; `<meta>` refresh and `<base>` would navigate.
 */
async function installTripwires(page: Page): Promise<Tripwires> {
  await page.addInitScript(() => {
    const calls: string[] = [];
    const violations: string[] = [];
    Object.defineProperty(window, '__tripwires', { value: { calls, violations } });
    const record = (name: string, args: unknown[]) => {
      // window.event is unset for events inside a shadow root; where it is set, it names the culprit.
      const target = (window.event?.target as Element | undefined)?.outerHTML?.slice(0, 160);
      calls.push(`${name}(${args.map(String).join(', ')})${target ? ` from ${target}` : ''}`);
      return null;
    };
    for (const name of ['__xss', 'alert', 'confirm', 'prompt', 'print', 'open']) {
      Object.defineProperty(window, name, { value: (...args: unknown[]) => record(name, args) });
    }
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  const tripwires: Tripwires = {
    calls: () => page.evaluate(() => (window as unknown as { __tripwires: { calls: string[] } }).__tripwires.calls),
    violations: () => page.evaluate(() => (window as unknown as { __tripwires: { violations: string[] } }).__tripwires.violations),
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

/** What the inspection found; every list is a list of offences, and must be empty. */
interface PageFindings {
  /** Elements that run, embed, submit, restyle or fetch, inside replies or their sources. */
  activeElements: string[];
  /** `on*` attributes anywhere: the page and every shadow root. */
  handlerAttributes: string[];
  /** URL-valued attributes other than http(s)/mailto anywhere (the page's own files aside). */
  unsafeUrls: string[];
  unhardenedLinks: string[];
  /** Styles, classes, ids, parts and hiding inside replies, and positioned reply elements. */
  styling: string[];
  /** The host page's elements, by name, in document order. */
  lightDom: string[];
  baseUri: string;
  location: string;
  /** What a visitor reads in each reply, once they open its `<details>`. */
  replyTexts: string[];
  sources: { text: string; href: string | null; childElements: number }[];
}

/**
 * Inspects the page and the widget's shadow root after the reply. Runs in the browser,
 * so it must not use anything from this file. Deliberately not the widget's own checks:
 * the oracle must not be the code under test.
 */
function inspectPage(): PageFindings {
  const ACTIVE = [
    'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'form', 'input', 'button',
    'textarea', 'select', 'option', 'keygen', 'isindex', 'base', 'meta', 'link', 'style', 'svg', 'math',
    'noscript', 'template', 'slot', 'dialog', 'audio', 'video', 'source', 'track', 'img', 'image',
  ].join(', ');
  const URL_ATTRIBUTES = new Set([
    'href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'srcdoc', 'background', 'data', 'codebase',
    'poster', 'cite', 'ping', 'lowsrc', 'dynsrc', 'longdesc', 'usemap', 'manifest', 'icon', 'archive', 'classid',
  ]);
  const SAFE_URL = /^(?:https?|mailto):/i;
  const HIDING_OR_NAMING = new Set(['style', 'id', 'name', 'part', 'exportparts', 'slot', 'hidden', 'popover', 'inert']);
  // A payload that got through may clobber a form's properties (`<input name=attributes>`
  // makes `form.attributes` the input): read every element through the prototypes.
  const read = <T>(element: Element, name: 'attributes' | 'outerHTML' | 'shadowRoot' | 'localName'): T =>
    Object.getOwnPropertyDescriptor(Element.prototype, name)?.get?.call(element);
  const attributesOf = (element: Element) => [...read<NamedNodeMap>(element, 'attributes')];
  const attribute = (element: Element, name: string) => Element.prototype.getAttribute.call(element, name);
  const describe = (element: Element) => read<string>(element, 'outerHTML').slice(0, 200);
  // The widget frames code blocks (a bar with a Copy code button) and tables (a scroll box)
  // after sanitizing. A reply cannot wear these classes, as the styling check below proves
  // for every other element, so they are the widget's own.
  const isFrame = (element: Element) => Element.prototype.matches.call(element, '.code-block, .code-bar, .code-bar > *, .table-scroll');

  const findings: PageFindings = {
    activeElements: [], handlerAttributes: [], unsafeUrls: [], unhardenedLinks: [], styling: [],
    lightDom: [...document.querySelectorAll('*')].map((element) => read<string>(element, 'localName')),
    baseUri: document.baseURI, location: location.href, replyTexts: [], sources: [],
  };

  const isOwnFile = (value: string) => {
    try {
      return new URL(value, location.href).origin === location.origin;
    } catch {
      return false;
    }
  };
  const walk = (root: Document | ShadowRoot) => {
    for (const element of root.querySelectorAll('*')) {
      for (const { name, value } of attributesOf(element)) {
        const lower = name.toLowerCase();
        if (lower.startsWith('on')) findings.handlerAttributes.push(`${name} on ${describe(element)}`);
        const isUnsafe = lower === 'srcdoc' || !(SAFE_URL.test(value.trim()) || (root === document && isOwnFile(value)));
        if (URL_ATTRIBUTES.has(lower) && isUnsafe) findings.unsafeUrls.push(`${name}="${value}" on ${describe(element)}`);
      }
      const shadow = read<ShadowRoot | null>(element, 'shadowRoot');
      if (shadow) walk(shadow);
    }
  };
  walk(document);

  const shadows = [...document.querySelectorAll('tinytalk-chat')].flatMap((host) => (host.shadowRoot ? [host.shadowRoot] : []));
  const replies = shadows.flatMap((shadow) => [...shadow.querySelectorAll('[data-role="assistant"]:not([data-welcome]) .markdown')]);
  const sourceLists = shadows.flatMap((shadow) => [...shadow.querySelectorAll('.sources')]);
  for (const container of [...replies, ...sourceLists]) {
    for (const element of container.querySelectorAll(ACTIVE)) if (!isFrame(element)) findings.activeElements.push(describe(element));
    for (const link of container.querySelectorAll('a[href]')) {
      const rel = (attribute(link, 'rel') ?? '').split(/\s+/);
      if (attribute(link, 'target') !== '_blank' || !rel.includes('noopener') || !rel.includes('noreferrer')) {
        findings.unhardenedLinks.push(describe(link));
      }
    }
  }
  for (const reply of replies) {
    for (const element of reply.querySelectorAll('*')) {
      if (isFrame(element)) continue;
      const className = attribute(element, 'class');
      if (className !== null && !(read(element, 'localName') === 'code' && /^language-\S+$/.test(className))) {
        findings.styling.push(`class on ${describe(element)}`);
      }
      for (const { name } of attributesOf(element)) {
        if (HIDING_OR_NAMING.has(name.toLowerCase())) findings.styling.push(`${name} on ${describe(element)}`);
      }
      const { position } = getComputedStyle(element);
      if (position !== 'static' && position !== 'relative') findings.styling.push(`position: ${position} on ${describe(element)}`);
    }
  }
  // A closed <details> shows its summary and holds its text one click away, as a
  // visitor would open it. Last, as it changes the page (and would fire ontoggle).
  for (const details of replies.flatMap((reply) => [...reply.querySelectorAll('details')])) details.open = true;
  // The widget skips rendering messages out of view (content-visibility: auto), and
  // innerText leaves out what is not rendered: render them all to read them.
  for (const reply of replies) reply.closest<HTMLElement>('[data-role]')?.style.setProperty('content-visibility', 'visible');
  findings.replyTexts = replies.map((reply) => (reply as HTMLElement).innerText);
  findings.sources = sourceLists.flatMap((list) =>
    [...list.querySelectorAll('a')].map((link) => ({
      text: link.textContent ?? '',
      href: attribute(link, 'href'),
      childElements: link.childElementCount,
    })),
  );
  return findings;
}

/**
 * The script-tag page, open, with NO Content-Security-Policy unless `csp` is given
 * (`openScriptTagPage` always adds the strict one): without it, only the widget's own
 * sanitizing stands between the payloads and the page.
 */
async function openPage(page: Page, agent: Agent, attributes: Attributes = {}): Promise<void> {
  await page.goto(`/script-tag?${new URLSearchParams({ 'bot-id': agent.botId, 'api-base': agentOrigin, open: 'true', ...attributes })}`);
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
  expect(findings.sources).toEqual(XSS_SHOWN_CITATIONS.map(({ url, title }) => ({ text: title, href: url, childElements: 0 })));
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
    await expect(widget.lastReply.getByRole('list', { name: 'Sources' }).getByRole('link')).toHaveText(['Pricing and plans', 'Billing FAQ']);
  });

  test('renders the payload reply inert, with no string reaching a sink', async ({ page, agent }) => {
    const shown = await showPayloadReply(page, agent, { csp: 'trusted-types' });
    // The strict policy reports the payloads' inline handlers, styles and <base> as
    // DOMPurify parses them into its inert document; those reports are expected.
    await expectNothingRan(page, shown, { violations: false });
    expect((await shown.tripwires.violations()).filter((violation) => TRUSTED_TYPES_DIRECTIVES.test(violation))).toEqual([]);
    expectNothingActive(shown);
  });

  test('shows a reply as plain text when the page already took the policy name', async ({ page, agent }) => {
    await page.addInitScript(() => {
      (window as unknown as { trustedTypes: { createPolicy(name: string, rules: object): unknown } }).trustedTypes.createPolicy('tinytalk-widget', {});
    });
    await openPage(page, agent, { csp: 'trusted-types' });
    const widget = chat(page);
    await widget.say('What are your pricing plans?');
    await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
    await expect(widget.lastReply).toContainText('Yearly billing saves two months.');
    await expect(widget.lastReply.getByRole('table')).toHaveCount(0);
  });
});
