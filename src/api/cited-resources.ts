import { isRecord } from './json';
import type { CitedResource } from './types';

/** Most pages one reply keeps: a hostile agent once cited 1,245, filling the origin's storage. */
export const maxCitedResources = 20;
/** Longest address kept; longer ones are dropped, not cut (a cut address leads elsewhere). */
export const maxCitedUrlLength = 2048;
/** Longest title, id and type kept; longer ones are cut. */
const maxCitedTextLength = 200;

/**
 * Bidirectional controls and other characters that change how text shows without
 * showing themselves: a right-to-left override makes `moc.elgoog.www` read as
 * `www.google.com`. Format characters (`\p{Cf}`: bidi controls, zero-width spaces and
 * joiners, soft hyphens, tags) go, and so do the letters that render as blanks (Hangul
 * fillers); control characters and line breaks become spaces.
 */
const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164\uFFA0]/gu;
const CONTROL_OR_SPACE = /[\p{Cc}\p{Zl}\p{Zp}\s]+/gu;

/**
 * Keeps the well-formed entries of a `citedResources` value, as they will be shown and
 * stored: http(s) addresses only, normalized (scheme and host in lower case, no default
 * port), each page once whatever its fragment, at most {@link maxCitedResources}; titles
 * without invisible characters. The field is optional and loosely specified, so anything
 * else is dropped rather than failing the reply.
 */
export function parseCitedResources(value: unknown): CitedResource[] {
  if (!Array.isArray(value)) return [];
  const resources: CitedResource[] = [];
  const seen = new Set<string>();
  for (const entry of value) {
    if (resources.length === maxCitedResources) break;
    if (!isRecord(entry) || typeof entry.url !== 'string') continue;
    const url = normalizeWebUrl(entry.url);
    if (url === undefined || seen.has(withoutFragment(url))) continue;
    seen.add(withoutFragment(url));
    const id = typeof entry.id === 'string' || typeof entry.id === 'number' ? String(entry.id) : url;
    const title = typeof entry.title === 'string' ? cleanText(entry.title) : '';
    resources.push({
      id: id.slice(0, maxCitedTextLength),
      url,
      ...(title !== '' && { title }),
      ...(typeof entry.type === 'string' && { type: entry.type.slice(0, maxCitedTextLength) }),
    });
  }
  return resources;
}

/** The address in its normal form if it is an absolute http(s) URL of a host, short enough. */
function normalizeWebUrl(value: string): string | undefined {
  if (value.length > maxCitedUrlLength) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') return undefined;
  // Normalizing can lengthen an address (percent-encoding): the cap holds for what is kept.
  return url.href.length > maxCitedUrlLength ? undefined : url.href;
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** A title as plain, visible text on one line, cut to length. */
function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').replace(CONTROL_OR_SPACE, ' ').trim().slice(0, maxCitedTextLength);
}
