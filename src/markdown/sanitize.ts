import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';
import { isHttpUrl, isSafeLinkUrl } from './safe-url';
import { createTrustedTypesPolicy } from './trusted-types';

/**
 * What survives of a reply's HTML: the formatting subset of HTML, links that
 * open elsewhere, and nothing that runs, submits, loads a remote resource or
 * reaches into the widget that hosts it.
 */
const CONFIG: Config = {
  // HTML only: SVG and MathML are where most parser-differential bypasses live.
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'option',
    'iframe',
    'object',
    'embed',
    'link',
    'meta',
    'base',
    'noscript',
    'template',
    'dialog',
    // Media fetch their URL as soon as they are shown, like images do (see replaceImage).
    'audio',
    'video',
    'source',
    'track',
    // A <slot> inside our shadow root would show the host element's own children in a reply.
    'slot',
  ],
  FORBID_ATTR: [
    'style',
    'formaction',
    'srcset',
    // Named elements in our shadow root could clobber lookups the widget makes in it.
    'id',
    'name',
    // `background` on tables and cells fetches an image.
    'background',
    // Parts are how the host page styles the widget: a reply must not wear them.
    'part',
    'exportparts',
    // Each hides an element (inert from keyboards and screen readers), and an
    // element left open holds the rest of the reply.
    'hidden',
    'popover',
    'inert',
  ],
  // DOMPurify's default list minus two groups whose content is worth keeping,
  // as an element left open holds the rest of the reply. MathML and SVG
  // children (mtext, desc…): with those profiles off they are only ever
  // unknown HTML elements, since inside <svg> or <math> they go with it.
  // <audio> and <video>: their content is the fallback for when media do not play.
  FORBID_CONTENTS: [
    'script',
    'style',
    'xmp',
    'iframe',
    'noembed',
    'noframes',
    'noscript',
    'plaintext',
    'title',
    'template',
    'svg',
    'math',
    'head',
    'colgroup',
    'thead',
    'selectedcontent',
  ],
  // Markdown produces neither; in raw HTML they could point ARIA id references
  // or the widget's own data-* selectors at a reply's elements.
  ALLOW_ARIA_ATTR: false,
  ALLOW_DATA_ATTR: false,
  // DOMPurify tests every attribute value that is not listed as URI-safe
  // against this, so plain-valued formatting attributes must be listed below.
  ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
  ADD_URI_SAFE_ATTR: ['align', 'colspan', 'rowspan', 'scope', 'start', 'reversed', 'open', 'lang', 'dir', 'datetime'],
};

/** marked writes a fenced block's info string as `class="language-…"` on its `<code>`. */
const LANGUAGE_CLASS = /^language-\S+$/;

/**
 * Class names are kept only where marked puts them: anywhere else a reply
 * could borrow the widget's own classes and pass for its interface.
 */
function keepOnlyLanguageClass(element: Element): void {
  const value = element.getAttribute('class');
  if (value === null) return;
  if (element.nodeName !== 'CODE' || !LANGUAGE_CLASS.test(value)) {
    element.removeAttribute('class');
  }
}

/**
 * A form's controls are also properties of the form: in `<form><input name=attributes>`,
 * `form.attributes` is the input, and DOMPurify then removes the form with all it holds;
 * a form left open holds the rest of the reply. Forms go anyway and their content stays
 * (`FORBID_TAGS`), and so do ids and names (`FORBID_ATTR`): dropping those first keeps
 * the content. The prototype's methods, because the form's own may be clobbered too.
 */
function unclobberForm(node: Node): void {
  if (!(node instanceof HTMLFormElement)) return;
  const named = Element.prototype.querySelectorAll.call(node, '[id], [name]');
  for (const element of [node, ...named]) {
    Element.prototype.removeAttribute.call(element, 'id');
    Element.prototype.removeAttribute.call(element, 'name');
  }
}

/**
 * Gives every link a safe destination and a new browsing context. The URI
 * regexp has already run; `isSafeLinkUrl` is the check the rest of the widget
 * shares, and it also rejects values the regexp cannot judge, such as
 * `https:` without a host.
 */
function hardenLink(element: Element): void {
  if (element.nodeName !== 'A') return;
  const href = element.getAttribute('href');
  if (href === null) return;
  if (!isSafeLinkUrl(href)) {
    element.removeAttribute('href');
    return;
  }
  element.setAttribute('target', '_blank');
  // noopener: the opened page gets no handle on the host window; noreferrer:
  // it does not learn the host page's address either.
  element.setAttribute('rel', 'noopener noreferrer');
}

/**
 * Replaces an image by a link to it, or by its alt text. A shown image is
 * fetched without a click, so a prompt-injected knowledge base could make the
 * agent smuggle the conversation out in an image URL.
 */
function replaceImage(element: Element): void {
  if (element.nodeName !== 'IMG') return;
  const src = element.getAttribute('src') ?? '';
  const isHttp = isHttpUrl(src);
  const label = element.getAttribute('alt') || (isHttp ? src : '');
  const document = element.ownerDocument;
  // Inside a link (a linked badge), a nested <a> would be split apart when
  // the HTML is parsed again: the label joins the outer link instead.
  if (!isHttp || element.closest('a') !== null) {
    element.replaceWith(document.createTextNode(label));
    return;
  }
  const link = document.createElement('a');
  link.setAttribute('href', src);
  link.textContent = label;
  hardenLink(link);
  element.replaceWith(link);
}

/** The Trusted Types policy name under which DOMPurify parses replies. */
const SANITIZER_POLICY_NAME = 'tinytalk-widget#dompurify';

type Policy = NonNullable<Config['TRUSTED_TYPES_POLICY']>;

/**
 * The policy DOMPurify parses untrusted HTML with, on a page that enforces Trusted
 * Types: `DOMParser` is a sink too. Without one DOMPurify would create its own policy
 * named `dompurify`, a name the host page's own DOMPurify needs, and only one of the
 * two would get it. Identity is right here because the only caller is our private
 * instance, which hands the HTML to `DOMParser` to build an inert document (nothing in
 * it runs or loads) and walks that. `undefined` where there is no Trusted Types, or
 * where the page refuses the name: DOMPurify then parses the string as it is, which
 * where Trusted Types are enforced yields an empty result, never unsanitised HTML.
 */
function createSanitizerPolicy(): Policy | undefined {
  return createTrustedTypesPolicy<Policy>(SANITIZER_POLICY_NAME, {
    createHTML: (html: string) => html,
    // DOMPurify asks for script URLs only for attributes of elements it removes anyway.
    createScriptURL: () => {
      throw new TypeError('tinytalk-widget: replies have no script URLs');
    },
  });
}

/**
 * A private instance: the ESM build leaves DOMPurify to the app's bundler, so
 * the default export may be the very instance the app sanitises with, and our
 * hooks and `setConfig` on it would change the app's results.
 */
function createPurifier(): Purifier {
  const purifier = DOMPurify();
  // Without a DOM, DOMPurify returns its input untouched: fail closed instead.
  if (!purifier.isSupported) {
    throw new Error('sanitizeHtml needs a browser DOM; refusing to return unsanitised HTML');
  }
  // `null`, not undefined: DOMPurify must not create a `dompurify` policy of its own.
  purifier.setConfig({ ...CONFIG, TRUSTED_TYPES_POLICY: createSanitizerPolicy() ?? null });
  purifier.addHook('beforeSanitizeElements', unclobberForm);
  purifier.addHook('afterSanitizeAttributes', keepOnlyLanguageClass);
  purifier.addHook('afterSanitizeAttributes', hardenLink);
  purifier.addHook('afterSanitizeAttributes', replaceImage);
  return purifier;
}

let purifier: Purifier | undefined;

/**
 * Cuts untrusted HTML down to inert formatting, ready for `block-patcher.ts` to parse
 * inside the widget's shadow root.
 *
 * Links keep only absolute `http:`, `https:` and `mailto:` targets and open in
 * a new tab with `rel="noopener noreferrer"`; images become links to their
 * source (or their alt text) so nothing is fetched until the user clicks;
 * scripts, event handlers, styles, forms, embedded documents, SVG and MathML
 * are removed, and the text around them is kept.
 *
 * @param html - Untrusted HTML, such as marked's output for an agent's reply.
 * @returns HTML that is safe to insert into the document.
 * @throws Error when no DOM is available (DOMPurify would not sanitise there).
 */
export function sanitizeHtml(html: string): string {
  purifier ??= createPurifier();
  return purifier.sanitize(html);
}
