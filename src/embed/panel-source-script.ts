// The script-tag build's panel source (see panel-source.ts): the panel is a second file
// beside the script, fetched when the visitor is about to open the chat, so that the
// script every page loads holds the launcher and little else.
import * as signalsCore from '@preact/signals-core';
import { markdownChunkName, panelChunkName } from './chunk-names';
import { sharedSignalsKey, type SharedSignalsHolder } from './shared-signals';

// Only readable while the script first runs; the panel's file sits next to the script.
const scriptUrl = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : '';

export function importPanel(): Promise<typeof import('./panel')> {
  const base = scriptUrl || document.baseURI;
  const holder = globalThis as SharedSignalsHolder;
  // Read once, as the panel's file is evaluated (signals-core-script.ts); then gone from the page.
  holder[sharedSignalsKey] = signalsCore;
  const panel = import(/* @vite-ignore */ new URL(panelChunkName, base).href);
  // The panel asks for the markdown file as soon as it is here: fetched now, side by side,
  // it arrives a round trip sooner. The panel's own import gets this same module; its failure
  // is the panel's to report.
  import(/* @vite-ignore */ new URL(markdownChunkName, base).href).catch(() => undefined);
  return panel.finally(() => delete holder[sharedSignalsKey]);
}
