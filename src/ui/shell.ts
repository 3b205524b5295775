import { effect, type ReadonlySignal } from '@preact/signals';
import type { ResolvedOptions } from '../options/types';
import type { PanelModel } from '../state/panel-model';
import { contrastRatio } from './contrast';
import { loadMarkdown } from './markdown-loader';

/** `floating`: launcher bubble and a panel over the page; `inline`: the panel fills its container. */
export type DisplayMode = 'floating' | 'inline';

/**
 * What every page pays for, before anyone opens the chat: the root element that carries
 * the theme, and the launcher. Plain DOM kept in step by signal effects, so that Preact's
 * rendering (and compiling its code) waits until the panel is first needed.
 */
export interface Shell {
  /** Where the panel renders: before the launcher, as in the Tab order. */
  panelHost: HTMLElement;
  /** The launcher button, floating; focus goes back to it when the panel closes. */
  launcher: HTMLButtonElement | undefined;
  /** Removes the elements and stops following the options. */
  dispose(): void;
}

export interface ShellConfig {
  options: ReadonlySignal<ResolvedOptions>;
  panel: PanelModel;
  mode: DisplayMode;
}

const chatIconPath = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z';
const closeIconPath = 'M6 6l12 12M18 6L6 18';

/** The launcher's icon, built as ui/icons.tsx builds the panel's: decorative, the button carries the name. */
function icon(path: string): SVGSVGElement {
  const namespace = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(namespace, 'svg');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const shape = document.createElementNS(namespace, 'path');
  shape.setAttribute('d', path);
  svg.append(shape);
  return svg;
}

function avatarImage(src: string): HTMLImageElement {
  const image = document.createElement('img');
  image.className = 'avatar';
  image.src = src;
  image.alt = '';
  return image;
}

/** Sets or removes an attribute: undefined removes it. */
function setAttribute(element: Element, name: string, value: string | undefined): void {
  if (value === undefined) element.removeAttribute(name);
  else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

function createLauncher({ options, panel }: ShellConfig): { element: HTMLButtonElement; dispose: () => void } {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'launcher';
  button.setAttribute('part', 'launcher');
  button.addEventListener('click', panel.toggle);
  // A visitor about to open the chat: fetch the markdown stack now, not after the click.
  button.addEventListener('pointerenter', loadMarkdown);
  button.addEventListener('focus', loadMarkdown);
  let shown = '';
  const dispose = effect(() => {
    const isOpen = panel.isOpen.value;
    const { strings, avatar } = options.value;
    button.setAttribute('aria-label', isOpen ? strings.closeChat : strings.openChat);
    button.setAttribute('aria-expanded', String(isOpen));
    const content = isOpen ? 'close' : avatar ? `avatar:${avatar}` : 'chat';
    if (content === shown) return;
    shown = content;
    button.replaceChildren(isOpen ? icon(closeIconPath) : avatar ? avatarImage(avatar) : icon(chatIconPath));
  });
  return { element: button, dispose };
}

/**
 * Builds the root and, floating, the launcher into `shadow`. Focus rings are in the accent
 * colour where it stands out 3:1 from the panel (WCAG 1.4.11), else in the text colour: a
 * pale accent on a light panel, or the default indigo on a dark one, would hide them.
 * Reading computed colours forces the page's styles, so that waits until a ring can show:
 * focus in the widget, or the panel open.
 */
export function createShell(shadow: ShadowRoot, config: ShellConfig): Shell {
  const { options, panel, mode } = config;
  const root = document.createElement('div');
  root.className = 'root';
  root.dataset.mode = mode;
  const panelHost = document.createElement('div');
  panelHost.className = 'panel-host';
  root.append(panelHost);
  const launcher = mode === 'floating' ? createLauncher(config) : undefined;
  if (launcher) root.append(launcher.element);

  /** Set once the focus colour is followed: the auto theme follows the system's scheme, and the panel's background with it. */
  let darkScheme: MediaQueryList | undefined;
  const applyFocusColour = () => {
    const style = getComputedStyle(root);
    const ratio = contrastRatio(style.getPropertyValue('--_accent'), style.getPropertyValue('--_background'));
    if (ratio !== undefined && ratio < 3) root.style.setProperty('--tt-auto-focus', 'var(--_text)');
    else root.style.removeProperty('--tt-auto-focus');
  };
  const followFocusColour = () => {
    if (darkScheme) return;
    darkScheme = window.matchMedia('(prefers-color-scheme: dark)');
    darkScheme.addEventListener('change', applyFocusColour);
    applyFocusColour();
  };
  root.addEventListener('focusin', followFocusColour, { once: true });

  const stopFollowingOptions = effect(() => {
    const { theme, position, accentColor, locale, dir } = options.value;
    setAttribute(root, 'lang', locale);
    setAttribute(root, 'dir', dir);
    setAttribute(root, 'data-theme', theme);
    setAttribute(root, 'data-position', position);
    if (accentColor) root.style.setProperty('--tt-option-accent', accentColor);
    else root.style.removeProperty('--tt-option-accent');
    if (darkScheme) applyFocusColour();
  });
  // Inline, the panel is always open.
  const stopFollowingPanel = effect(() => {
    if (panel.isOpen.value) followFocusColour();
  });
  shadow.append(root);

  return {
    panelHost,
    launcher: launcher?.element,
    dispose() {
      stopFollowingOptions();
      stopFollowingPanel();
      launcher?.dispose();
      darkScheme?.removeEventListener('change', applyFocusColour);
      root.remove();
    },
  };
}
