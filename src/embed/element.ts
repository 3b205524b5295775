import { resolveOptions } from '../options/resolve';
import type { ResolvedOptions, WidgetOptions } from '../options/types';
import type { DisplayMode } from '../ui/shell';
import { attributeNames, optionsFromAttributes } from './attributes';
import { createWidget, type Widget } from './widget';

/** How `mount()` configures an element, instead of attributes. */
export interface ElementConfig {
  options: WidgetOptions;
  mode: DisplayMode;
}

export const tagName = 'tinytalk-chat';

const configs = new WeakMap<HTMLElement, ElementConfig>();
const widgets = new WeakMap<HTMLElement, Widget>();

/** Gives an element created by `mount()` its options before it is connected. */
export function configureElement(element: HTMLElement, config: ElementConfig): void {
  configs.set(element, config);
}

/** Set by the element class: applies new options as changed attributes would be. */
let applyOptions: (element: TinyTalkChatElement) => void;

/** Gives an element created by `mount()` new options, and applies them now. */
export function reconfigureElement(element: HTMLElement, options: WidgetOptions): void {
  const config = configs.get(element);
  if (!config || !(element instanceof TinyTalkChatElement)) return;
  configs.set(element, { ...config, options });
  if (element.isConnected) applyOptions(element);
}

/** The widget an element currently runs, if any. */
export function widgetOf(element: HTMLElement): Widget | undefined {
  return widgets.get(element);
}

/**
 * Removes an element and its widget at once. Removal alone disposes a microtask later;
 * a host calling destroy() expects no request or listener to outlive the call.
 */
export function destroyElement(element: HTMLElement): void {
  widgets.get(element)?.dispose();
  widgets.delete(element);
  element.remove();
}

/** On the element, the title is `chat-title`: HTML's own `title` would show as a tooltip. */
function elementAttribute(name: string): string {
  return name === attributeNames.title ? 'chat-title' : name;
}

/** Changing these starts another conversation, so the widget starts over. */
const identityOptions = ['botId', 'apiBase', 'persist'] as const satisfies readonly (keyof ResolvedOptions)[];

// Server-side rendering imports this module where no DOM exists; defining the class
// must not throw there (defineElement is what needs a browser).
const ElementBase: typeof HTMLElement =
  typeof HTMLElement === 'undefined' ? (class {} as typeof HTMLElement) : HTMLElement;

/**
 * `<tinytalk-chat bot-id="...">`: the widget's home in every embedding. Placed in a page
 * it renders inline and fills its parent; `mount()` also uses it for the floating widget.
 */
export class TinyTalkChatElement extends ElementBase {
  static {
    applyOptions = (element) => element.#applyAttributes();
  }

  static get observedAttributes(): string[] {
    return Object.values(attributeNames).map(elementAttribute);
  }

  #options: ResolvedOptions | undefined;
  #isUpdateQueued = false;

  connectedCallback(): void {
    if (!widgets.has(this)) this.#start();
  }

  disconnectedCallback(): void {
    // Moving the element in the page disconnects and reconnects it at once: wait a
    // moment so that a move keeps the conversation and the reply in flight.
    queueMicrotask(() => {
      if (!this.isConnected) this.#stop();
    });
  }

  attributeChangedCallback(): void {
    if (configs.has(this) || !this.isConnected || this.#isUpdateQueued) return;
    // Several attributes set in a row are applied together.
    this.#isUpdateQueued = true;
    queueMicrotask(() => {
      this.#isUpdateQueued = false;
      this.#applyAttributes();
    });
  }

  /** The options to run on, or undefined (and a console error) without a bot id. */
  #resolve(): ResolvedOptions | undefined {
    const options =
      configs.get(this)?.options ?? optionsFromAttributes((name) => this.getAttribute(elementAttribute(name)));
    if (typeof options.botId !== 'string' || options.botId.trim() === '') {
      console.error(
        '[tinytalk-widget] <tinytalk-chat> needs a bot-id attribute: the id of your Tiny Talk agent. Nothing is shown.',
      );
      return undefined;
    }
    return resolveOptions(options as WidgetOptions);
  }

  #start(): void {
    const options = this.#resolve();
    if (options) this.#run(options);
  }

  #run(options: ResolvedOptions): void {
    this.#options = options;
    widgets.set(this, createWidget(this, options, configs.get(this)?.mode ?? 'inline'));
  }

  #stop(): void {
    widgets.get(this)?.dispose();
    widgets.delete(this);
    this.#options = undefined;
  }

  #applyAttributes(): void {
    const next = this.#resolve();
    const widget = widgets.get(this);
    const current = this.#options;
    if (widget && next && current && identityOptions.every((name) => next[name] === current[name])) {
      this.#options = next;
      widget.update(next);
      return;
    }
    this.#stop();
    if (next) this.#run(next);
  }
}

/** Registers `<tinytalk-chat>` unless this page already has it (the script twice, or two builds). */
export function defineElement(): void {
  if (!customElements.get(tagName)) customElements.define(tagName, TinyTalkChatElement);
}
