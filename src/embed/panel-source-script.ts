// The script-tag build's panel source (see panel-source.ts): the panel is a second file
// beside the script, fetched when the visitor is about to open the chat, so that the
// script every page loads holds the launcher and little else.
import * as signalsCore from '@preact/signals-core';
import { panelChunkName } from './chunk-names';
import { sharedSignalsKey, type SharedSignalsHolder } from './shared-signals';

// Only readable while the script first runs; the panel's file sits next to the script.
const scriptUrl = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : '';

export function importPanel(): Promise<typeof import('./panel')> {
  const url = new URL(panelChunkName, scriptUrl || document.baseURI).href;
  const holder = globalThis as SharedSignalsHolder;
  // Read once, as the panel's file is evaluated (signals-core-script.ts); then gone from the page.
  holder[sharedSignalsKey] = signalsCore;
  return import(/* @vite-ignore */ url).finally(() => delete holder[sharedSignalsKey]);
}
