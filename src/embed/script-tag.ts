import type { WidgetOptions } from '../options/types';
import { optionsFromAttributes } from './attributes';
import { defineElement } from './element';
import type { WidgetEventName, WidgetEvents } from './events';
import { mount } from './mount';
import { launcherStyles } from './launcher-styles';
import { prepareStyles } from './stylesheet';
import { prepareLauncher } from '../ui/shell';
import type { WidgetHandle } from './types';

/** What `TinyTalk('name', ...args)` can call: the members of the script tag's widget. */
export type TinyTalkCommands = Pick<
  WidgetHandle,
  'open' | 'close' | 'toggle' | 'send' | 'stop' | 'reset' | 'destroy' | 'setOptions' | 'on'
>;

/**
 * `window.TinyTalk`, defined by the script-tag build. Call it with a member of the script
 * tag's widget, `TinyTalk('open')`, `TinyTalk('send', 'Hi')`, from anywhere: calls made
 * before the widget is there (see the async snippet in the README) wait for it, in order.
 */
export interface TinyTalkGlobal {
  // `on` is generic, which Parameters<> would flatten into every payload at once.
  <Name extends WidgetEventName>(command: 'on', name: Name, callback: (payload: WidgetEvents[Name]) => void): void;
  <Name extends keyof TinyTalkCommands>(command: Name, ...args: Parameters<TinyTalkCommands[Name]>): void;
  mount: typeof mount;
  /** The widget this script tag mounted from its `data-*` attributes, or null. */
  instance: WidgetHandle | null;
}

/** The async snippet's stand-in: a function that keeps its calls' arguments in `q`. */
interface QueueingStub {
  (...args: unknown[]): void;
  q?: ArrayLike<unknown>[];
}

/** `window.tinytalk`, as the official Tiny Talk embed has it: swap its `src` for ours and it keeps working. */
export interface OfficialEmbedGlobal {
  toggle(): void;
}

declare global {
  interface Window {
    TinyTalk?: TinyTalkGlobal;
    tinytalk?: OfficialEmbedGlobal;
  }
}

// Only readable while the script first runs.
const script = document.currentScript;

/** Before this script runs, `window.TinyTalk` is nothing, the async snippet's stub, or another copy's global. */
function isLoaded(value: TinyTalkGlobal | QueueingStub | undefined): value is TinyTalkGlobal {
  return typeof value === 'function' && 'mount' in value;
}

function createGlobal(): { api: TinyTalkGlobal; startSoon(readOptions: () => Partial<WidgetOptions>): void } {
  /** Calls waiting for the script tag's widget, until the page is parsed and it is mounted. */
  let waiting: unknown[][] | undefined = [];
  let instance: WidgetHandle | null = null;
  /** Set while the widget waits for its task, the page parsed: a host using it meanwhile gets it mounted at once. */
  let startNow: (() => void) | undefined;

  function run([command, ...args]: unknown[]): void {
    const widget = api.instance;
    const member =
      typeof command === 'string' && Object.hasOwn(commands, command) ? (command as keyof TinyTalkCommands) : undefined;
    if (!member)
      return console.warn(
        `[tinytalk-widget] TinyTalk(${JSON.stringify(command)}): no such command. Commands: ${Object.keys(commands).join(', ')}.`,
      );
    if (!widget)
      return console.warn(
        `[tinytalk-widget] TinyTalk("${member}"): this script tag mounted no widget (it has no data-bot-id).`,
      );
    const result: unknown = (widget[member] as (...values: unknown[]) => unknown)(...args);
    // A failed send is already an `error` event; the caller has no promise to catch.
    if (result instanceof Promise) result.catch((error: unknown) => console.warn('[tinytalk-widget]', error));
  }

  const call = (...args: unknown[]) => {
    if (!waiting) return run(args);
    waiting.push(args);
    startNow?.();
  };
  const api = Object.defineProperty(Object.assign(call, { mount }), 'instance', {
    enumerable: true,
    get: () => {
      startNow?.();
      return instance;
    },
    set: (value: WidgetHandle | null) => {
      instance = value;
    },
  }) as TinyTalkGlobal;

  function start(options: Partial<WidgetOptions>): void {
    startNow = undefined;
    instance = mountFrom(options, api);
    const calls = waiting ?? [];
    waiting = undefined;
    calls.forEach(run);
  }

  /**
   * On a slow phone, evaluating this script, getting the launcher ready and building the
   * widget would block the page for longer than 50 ms in one task: each step gets a task of
   * its own, reading the options too. A host that calls TinyTalk or reads TinyTalk.instance
   * meanwhile gets the widget mounted then, as it was before.
   */
  function startSoon(readOptions: () => Partial<WidgetOptions>): void {
    let options: Partial<WidgetOptions> | undefined;
    const optionsNow = () => (options ??= readOptions());
    const steps = [() => prepareLook(optionsNow()), () => openStorage(optionsNow()), () => startNow?.()];
    let timer: ReturnType<typeof setTimeout>;
    const runNextStep = () => {
      steps.shift()?.();
      if (steps.length > 0) timer = setTimeout(runNextStep);
    };
    timer = setTimeout(runNextStep);
    startNow = () => {
      clearTimeout(timer);
      start(optionsNow());
    };
  }
  return { api, startSoon };
}

/** Every command's name, checked against the handle's members by the type. */
const commands: Record<keyof TinyTalkCommands, true> = {
  open: true,
  close: true,
  toggle: true,
  send: true,
  stop: true,
  reset: true,
  destroy: true,
  setOptions: true,
  on: true,
};

/** The script tag's options: its data- attributes, and the official embed's bot id. */
function optionsFrom(script: HTMLOrSVGScriptElement | null): Partial<WidgetOptions> {
  if (!script) return {};
  const options = optionsFromAttributes((name) => script.getAttribute(`data-${name}`));
  // The official embed's attribute, so that changing its `src` is all a site has to do.
  options.botId ??= script.getAttribute('data-tiny-bot-id') ?? undefined;
  return options;
}

function mountFrom(options: Partial<WidgetOptions>, api: TinyTalkGlobal): WidgetHandle | null {
  // Without a bot id the page places <tinytalk-chat> itself: mount nothing, say nothing.
  if (!options.botId) return null;
  const handle = mount(options as WidgetOptions);
  const destroy = handle.destroy;
  handle.destroy = () => {
    destroy();
    if (api.instance === handle) api.instance = null;
  };
  return handle;
}

/**
 * What mounting the script tag's widget does first, done ahead: parsing the launcher's
 * styles and, for a floating widget, building its icon (a page's first SVG element costs a
 * slow phone several milliseconds). A script tag that mounts nothing prepares nothing.
 */
function prepareLook({ botId, target }: Partial<WidgetOptions>): void {
  if (!botId) return;
  prepareStyles(launcherStyles);
  // Inline in a target, the widget has no launcher.
  if (!target) prepareLauncher();
}

/** Done ahead too: the first read of a storage area asks the browser for all of it. */
function openStorage({ botId, persist }: Partial<WidgetOptions>): void {
  if (!botId || persist === 'none') return;
  try {
    void window.sessionStorage.length;
    if (persist !== 'session') void window.localStorage.length;
  } catch {
    // Forbidden storage is the widget's to handle when it mounts.
  }
}

// The script included twice keeps the first copy's widget and global.
const existing = window.TinyTalk as TinyTalkGlobal | QueueingStub | undefined;
if (!isLoaded(existing)) {
  const stub = existing;
  const { api, startSoon } = createGlobal();
  // Calls the async snippet queued before this script arrived go first, in order.
  for (const call of stub?.q ?? []) (api as QueueingStub)(...Array.from(call));
  window.TinyTalk = api;
  window.tinytalk ??= { toggle: () => api('toggle') };
  defineElement();
  // A data-target element further down the page exists only once the document is parsed.
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', () => startSoon(() => optionsFrom(script)), { once: true });
  else startSoon(() => optionsFrom(script));
}
