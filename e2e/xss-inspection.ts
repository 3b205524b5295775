/**
 * What an XSS test inspects once a hostile reply is shown, in any engine: Playwright's
 * Chromium (xss.spec.ts) and the cross-engine suite (engines/) run the same function.
 */

/** What the inspection found; every list is a list of offences, and must be empty. */
export interface PageFindings {
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
export function inspectPage(): PageFindings {
  const ACTIVE = [
    'script',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'portal',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'option',
    'keygen',
    'isindex',
    'base',
    'meta',
    'link',
    'style',
    'svg',
    'math',
    'noscript',
    'template',
    'slot',
    'dialog',
    'audio',
    'video',
    'source',
    'track',
    'img',
    'image',
  ].join(', ');
  const URL_ATTRIBUTES = new Set([
    'href',
    'src',
    'srcset',
    'action',
    'formaction',
    'xlink:href',
    'srcdoc',
    'background',
    'data',
    'codebase',
    'poster',
    'cite',
    'ping',
    'lowsrc',
    'dynsrc',
    'longdesc',
    'usemap',
    'manifest',
    'icon',
    'archive',
    'classid',
  ]);
  const SAFE_URL = /^(?:https?|mailto):/i;
  const HIDING_OR_NAMING = new Set([
    'style',
    'id',
    'name',
    'part',
    'exportparts',
    'slot',
    'hidden',
    'popover',
    'inert',
  ]);
  // A payload that got through may clobber a form's properties (`<input name=attributes>`
  // makes `form.attributes` the input): read every element through the prototypes.
  const read = <T>(element: Element, name: 'attributes' | 'outerHTML' | 'shadowRoot' | 'localName'): T =>
    Object.getOwnPropertyDescriptor(Element.prototype, name)?.get?.call(element);
  const attributesOf = (element: Element) => [...read<NamedNodeMap>(element, 'attributes')];
  const attribute = (element: Element, name: string) => Element.prototype.getAttribute.call(element, name);
  const describe = (element: Element) => read<string>(element, 'outerHTML').slice(0, 200);
  // The widget frames code blocks (a bar with a Copy code button) and tables (a scroll box)
  // after sanitizing, and holds a reply's blocks in groups. A reply cannot wear these
  // classes, as the styling check below proves for every other element, so they are the
  // widget's own.
  const isFrame = (element: Element) =>
    Element.prototype.matches.call(
      element,
      '.code-block, .code-bar, .code-bar > *, .table-scroll, .markdown > .blocks',
    );

  const findings: PageFindings = {
    activeElements: [],
    handlerAttributes: [],
    unsafeUrls: [],
    unhardenedLinks: [],
    styling: [],
    lightDom: [...document.querySelectorAll('*')].map((element) => read<string>(element, 'localName')),
    baseUri: document.baseURI,
    location: location.href,
    replyTexts: [],
    sources: [],
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
        const isUnsafe =
          lower === 'srcdoc' || !(SAFE_URL.test(value.trim()) || (root === document && isOwnFile(value)));
        if (URL_ATTRIBUTES.has(lower) && isUnsafe)
          findings.unsafeUrls.push(`${name}="${value}" on ${describe(element)}`);
      }
      const shadow = read<ShadowRoot | null>(element, 'shadowRoot');
      if (shadow) walk(shadow);
    }
  };
  walk(document);

  const shadows = [...document.querySelectorAll('tinytalk-chat')].flatMap((host) =>
    host.shadowRoot ? [host.shadowRoot] : [],
  );
  const replies = shadows.flatMap((shadow) => [
    ...shadow.querySelectorAll('[data-role="assistant"]:not([data-welcome]) .markdown'),
  ]);
  const sourceLists = shadows.flatMap((shadow) => [...shadow.querySelectorAll('.sources')]);
  for (const container of [...replies, ...sourceLists]) {
    for (const element of container.querySelectorAll(ACTIVE))
      if (!isFrame(element)) findings.activeElements.push(describe(element));
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
      if (position !== 'static' && position !== 'relative')
        findings.styling.push(`position: ${position} on ${describe(element)}`);
    }
  }
  // A closed <details> shows its summary and holds its text one click away, as a
  // visitor would open it. Last, as it changes the page (and would fire ontoggle).
  for (const details of replies.flatMap((reply) => [...reply.querySelectorAll('details')])) details.open = true;
  // The widget skips rendering messages out of view (content-visibility: auto), and
  // innerText leaves out what is not rendered: render them all to read them.
  for (const reply of replies)
    reply.closest<HTMLElement>('[data-role]')?.style.setProperty('content-visibility', 'visible');
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
