import type { WidgetOptions } from '../options/types';
import { configureElement, defineElement, destroyElement, reconfigureElement, tagName, widgetOf } from './element';
import { createEmitter } from './emitter';
import type { WidgetEventName, WidgetEvents } from './events';
import type { WidgetHandle } from './types';

/** Every event the element dispatches; a record, so that a new event cannot be left out. */
const eventNames: Record<WidgetEventName, true> = {
  open: true,
  close: true,
  'message:start': true,
  'message:delta': true,
  message: true,
  error: true,
  'citation:click': true,
  feedback: true,
  unread: true,
};

/**
 * Puts a widget on the page: floating over it (launcher bubble and panel), or inline in
 * `options.target`. Returns the handle that controls it.
 *
 * @throws TypeError when `options.botId` is missing: there is no agent to talk to.
 */
export function mount(options: WidgetOptions): WidgetHandle {
  if (typeof options?.botId !== 'string' || options.botId.trim() === '') {
    throw new TypeError('tinytalk-widget: mount() needs options.botId, the id of your Tiny Talk agent.');
  }
  defineElement();
  const target = findTarget(options.target);
  const element = document.createElement(tagName);
  configureElement(element, { options, mode: target ? 'inline' : 'floating' });
  (target ?? document.body).append(element);

  // Connecting the element rendered it synchronously.
  if (!widgetOf(element))
    throw new Error('tinytalk-widget: <tinytalk-chat> is registered by another copy of the widget on this page.');
  // The handle's callbacks hear the element's events: a callback that throws is reported
  // and does not stop the others, and destroy() drops them all.
  const emitter = createEmitter<WidgetEvents>();
  for (const name of Object.keys(eventNames) as WidgetEventName[]) {
    element.addEventListener(name, (event) =>
      emitter.emit(name, (event as CustomEvent<WidgetEvents[typeof name]>).detail),
    );
  }
  let current = options;
  // Changing botId, apiBase or persist starts another widget on the element: always ask for the one running now.
  const widget = () => widgetOf(element);
  return {
    element,
    get messages() {
      return widget()?.messages() ?? [];
    },
    get unreadCount() {
      return widget()?.unreadCount() ?? 0;
    },
    open: () => widget()?.open(),
    close: () => widget()?.close(),
    toggle: () => widget()?.toggle(),
    send: async (text) => widget()?.send(text),
    stop: () => widget()?.stop(),
    reset: () => widget()?.reset(),
    on: emitter.on,
    setOptions(next) {
      if ('target' in next)
        console.warn(
          '[tinytalk-widget] setOptions() cannot move the widget: target is ignored. Mount it again instead.',
        );
      const { target: _ignored, ...rest } = next as WidgetOptions;
      current = { ...current, ...rest, target: current.target };
      reconfigureElement(element, current);
    },
    destroy() {
      destroyElement(element);
      emitter.clear();
    },
  };
}

function findTarget(target: WidgetOptions['target']): HTMLElement | undefined {
  if (target === undefined || target === null || target === '') return undefined;
  if (target instanceof HTMLElement) return target;
  const found = typeof target === 'string' ? document.querySelector<HTMLElement>(target) : null;
  if (!found)
    console.warn(
      `[tinytalk-widget] Ignoring invalid target: ${JSON.stringify(target)} matches no element; the widget floats over the page instead.`,
    );
  return found ?? undefined;
}
