// The inline preview is <tinytalk-chat> in markup, as the element snippet has it: registered as the package's element entry does.
import '../element';
import { mount, type WidgetHandle } from '../index';
import { optionFields } from './option-fields';
import { widgetOptions, type ChosenOption } from './option-values';
import { elementAttributes } from './snippets';

/** The widget on the playground page, kept in step with the options. */
export interface WidgetPreview {
  /** Shows the widget for `chosen`, changing only what changed. */
  show(chosen: readonly ChosenOption[]): void;
}

interface Floating {
  handle: WidgetHandle;
  /** The options it runs on, as JSON, to tell whether new ones differ. */
  options: string;
}

/**
 * Floating, the widget is what the script tag and npm snippets make: `mount()`. Inline, it
 * is what the element snippet makes: `<tinytalk-chat>` with the same attributes, in `box`.
 */
export function createWidgetPreview(box: HTMLElement): WidgetPreview {
  let floating: Floating | undefined;
  let element: HTMLElement | undefined;

  function showFloating(chosen: readonly ChosenOption[]): void {
    const options = widgetOptions(chosen);
    const json = JSON.stringify(options);
    if (floating?.options === json) return;
    if (!floating) {
      floating = { handle: mount(options), options: json };
      return;
    }
    // Options left out go back to their defaults: setOptions() keeps what it is not given.
    const { target: _floating, ...changed } = {
      ...Object.fromEntries(optionFields.map(({ name }) => [name, undefined])),
      ...options,
    };
    floating.handle.setOptions(changed);
    if (options.open) floating.handle.open();
    floating.options = json;
  }

  function showInline(chosen: readonly ChosenOption[]): void {
    const wanted = new Map(elementAttributes(chosen));
    const current = element ?? document.createElement('tinytalk-chat');
    // The element applies changed attributes together, in place, and starts over only for
    // another agent or storage. Only option attributes are ours: the widget marks its host too.
    for (const { elementAttribute } of optionFields)
      if (!wanted.has(elementAttribute)) current.removeAttribute(elementAttribute);
    for (const [name, value] of wanted) if (current.getAttribute(name) !== value) current.setAttribute(name, value);
    if (!element) box.append(current);
    element = current;
  }

  return {
    show(chosen) {
      const isInline = chosen.some(({ field }) => field.name === 'target');
      if (isInline) {
        floating?.handle.destroy();
        floating = undefined;
        showInline(chosen);
      } else {
        element?.remove();
        element = undefined;
        showFloating(chosen);
      }
    },
  };
}
