/**
 * Decides which URLs from untrusted replies may become links.
 *
 * Both checks parse with the WHATWG URL parser, the one the browser uses when
 * the link is followed, so what is checked is what would be opened: it already
 * strips leading and trailing spaces and C0 controls and drops tabs and
 * newlines anywhere, which turns `java\tscript:` and ` javascript:` back into
 * `javascript:` before we look at the scheme. No base URL is given, so a
 * relative URL fails to parse: it would otherwise resolve against the host
 * page, whose origin the agent has no business pointing into.
 *
 * Pass the value as the DOM holds it (`element.getAttribute('href')`), not as
 * it was written in the source: character references such as `&#106;` are
 * decoded by the HTML parser before the attribute exists, while the same text
 * handed over raw is just a relative URL.
 */

const LINK_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);
const HTTP_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);

/** The normalised scheme (`'https:'`), or `undefined` when `url` is not absolute. */
function protocolOf(url: string): string | undefined {
  try {
    return new URL(url).protocol;
  } catch {
    return undefined;
  }
}

/**
 * Whether `url` may be the `href` of a link in a reply: an absolute `http:`,
 * `https:` or `mailto:` URL.
 *
 * @param url - An attribute value as the DOM holds it, entities already decoded.
 */
export function isSafeLinkUrl(url: string): boolean {
  const protocol = protocolOf(url);
  return protocol !== undefined && LINK_PROTOCOLS.has(protocol);
}

/**
 * Whether `url` is an absolute `http:` or `https:` URL: the only kind a cited
 * page or a reply's image may point to.
 *
 * @param url - An attribute value or a URL string from the protocol.
 */
export function isHttpUrl(url: string): boolean {
  const protocol = protocolOf(url);
  return protocol !== undefined && HTTP_PROTOCOLS.has(protocol);
}
