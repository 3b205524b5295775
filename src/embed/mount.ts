import { configureElement, defineElement, destroyElement, tagName, widgetOf } from './element';
import type { WidgetOptions } from './options';
import type { WidgetHandle } from './types';

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
  const widget = widgetOf(element);
  if (!widget) throw new Error('tinytalk-widget: <tinytalk-chat> is registered by another copy of the widget on this page.');
  return {
    element,
    open: widget.open,
    close: widget.close,
    toggle: widget.toggle,
    send: widget.send,
    stop: widget.stop,
    reset: widget.reset,
    on: widget.on,
    destroy: () => destroyElement(element),
  };
}

function findTarget(target: WidgetOptions['target']): HTMLElement | undefined {
  if (target === undefined || target === null || target === '') return undefined;
  if (target instanceof HTMLElement) return target;
  const found = typeof target === 'string' ? document.querySelector<HTMLElement>(target) : null;
  if (!found) console.warn(`[tinytalk-widget] Ignoring invalid target: ${JSON.stringify(target)} matches no element; the widget floats over the page instead.`);
  return found ?? undefined;
}
