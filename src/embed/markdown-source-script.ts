// The script-tag build's markdown source (see ui/markdown-source.ts): the markdown stack
// is a second file beside the script, fetched the first time a reply is shown, so the
// script a page loads stays small and the launcher never waits for it.

import { markdownChunkName } from './markdown-chunk';

// Only readable while the script first runs; the chunk sits next to the script.
const scriptUrl = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : '';

export function importMarkdown(): Promise<typeof import('../markdown/index')> {
  const url = new URL(markdownChunkName, scriptUrl || document.baseURI).href;
  return import(/* @vite-ignore */ url);
}
