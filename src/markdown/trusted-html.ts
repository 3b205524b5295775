/**
 * Lets sanitized reply HTML reach `innerHTML` on a page that enforces Trusted Types
 * (`Content-Security-Policy: require-trusted-types-for 'script'`), where a plain
 * string assigned to an HTML sink is refused.
 *
 * The policy is the identity, so the whole guarantee rests on one invariant: the only
 * caller is the block patcher, and everything it is given has just come out of
 * `sanitizeHtml` (marked's output cut down by DOMPurify). Never pass it anything else.
 * The policy stays in this module's closure and `index.ts` exports neither, so no
 * code outside the widget can use them to turn a string of its own into trusted HTML.
 */

import { createTrustedTypesPolicy } from '../markdown/trusted-types';

/** The policy name a site lists in its `trusted-types` directive. */
const TRUSTED_TYPES_POLICY_NAME = 'tinytalk-widget';

/** A `TrustedHTML` object; lib.dom has no Trusted Types yet. */
export interface TrustedHtml {
  toString(): string;
}

interface HtmlPolicy {
  createHTML(html: string): TrustedHtml;
}

/** `undefined`: not created yet; `null`: there is no Trusted Types, or the page refused the name. */
let policy: HtmlPolicy | null | undefined;

/**
 * Created on first use, so a page whose visitor never sees a reply never meets the name.
 * Where it cannot be created, strings still work where Trusted Types are not enforced;
 * where they are, the patcher shows replies as plain text.
 */
function htmlPolicy(): HtmlPolicy | null {
  policy ??=
    createTrustedTypesPolicy<HtmlPolicy>(TRUSTED_TYPES_POLICY_NAME, { createHTML: (html: string) => html }) ?? null;
  return policy;
}

/**
 * The value to assign to `innerHTML` for HTML from `sanitizeHtml`: TrustedHTML where
 * the browser has Trusted Types, the string itself elsewhere.
 *
 * @param sanitizedHtml - Output of `sanitizeHtml`, and nothing else.
 */
export function trustSanitizedHtml(sanitizedHtml: string): TrustedHtml | string {
  return htmlPolicy()?.createHTML(sanitizedHtml) ?? sanitizedHtml;
}
