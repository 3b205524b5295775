import { defineElement } from './element';
import { mount } from './mount';
import { optionsFromAttributes, type WidgetOptions } from './options';
import type { WidgetHandle } from './types';

/** `window.TinyTalk`, defined by the script-tag build. */
export interface TinyTalkGlobal {
  mount: typeof mount;
  /** The widget this script tag mounted from its `data-*` attributes, or null. */
  instance: WidgetHandle | null;
}

declare global {
  interface Window {
    TinyTalk?: TinyTalkGlobal;
  }
}

// Only readable while the script first runs.
const script = document.currentScript;

function start(script: HTMLOrSVGScriptElement, api: TinyTalkGlobal): void {
  const options = optionsFromAttributes((name) => script.getAttribute(`data-${name}`));
  // Without a bot id the page places <tinytalk-chat> itself: mount nothing, say nothing.
  if (!options.botId) return;
  const handle = mount(options as WidgetOptions);
  api.instance = {
    ...handle,
    destroy() {
      handle.destroy();
      if (api.instance?.element === handle.element) api.instance = null;
    },
  };
}

// The script included twice keeps the first copy's widget and global.
if (!window.TinyTalk) {
  const api: TinyTalkGlobal = { mount, instance: null };
  window.TinyTalk = api;
  defineElement();
  if (script) {
    // A data-target element further down the page exists only once the document is parsed.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => start(script, api), { once: true });
    else start(script, api);
  }
}
