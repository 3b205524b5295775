import type { CitedResource } from '../state/types';

/** What a source chip says: the page's title, and its real host when the title names another. */
export interface SourceLabel {
  title: string;
  /** Shown beside the title when the title looks like a host name that is not the link's own. */
  host?: string;
}

/** Dot-separated labels ending in a word of letters: `www.google.com`, `docs.example.org`. */
const HOST_LIKE = /(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}/gu;

/**
 * A chip's words. A title is untrusted text and may name a site the link does not lead
 * to (`Official docs: www.google.com` on a link elsewhere); the tooltip alone is not
 * enough, so the link's host shows beside such a title. Titles arrive without invisible
 * characters (see `parseCitedResources`); a page without one is named by its host.
 */
export function sourceLabel({ url, title }: CitedResource): SourceLabel {
  const host = new URL(url).hostname;
  if (title === undefined) return { title: host };
  const named = title.toLowerCase().match(HOST_LIKE) ?? [];
  const isOwnHost = (name: string) => host === name || host.endsWith(`.${name}`);
  return named.every(isOwnHost) ? { title } : { title, host };
}
