import { effect, type ReadonlySignal } from '@preact/signals-core';
import type { ResolvedOptions } from '../options/types';
import { format } from '../i18n/strings';
import type { GreetingModel } from '../state/greeting-model';
import type { PanelModel } from '../state/panel-model';
import { contrastRatio } from './contrast';

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
  /** Says why the chat could not open, above the launcher (inline: in the widget's box); undefined takes it away. */
  showFailure(text: string | undefined): void;
  /** Removes the elements and stops following the options. */
  dispose(): void;
}

export interface ShellConfig {
  options: ReadonlySignal<ResolvedOptions>;
  panel: PanelModel;
  mode: DisplayMode;
  /** Replies that finished while the panel was closed: the launcher's badge. */
  unreadCount: ReadonlySignal<number>;
  greeting: GreetingModel;
  /** The visitor is about to open the chat: the pointer is on the launcher or the greeting, or the focus. */
  onIntent: () => void;
}

/** Ids are scoped to the shadow root, so a fixed one cannot collide with the page's. */
const unreadId = 'tinytalk-unread';

const chatIconPath = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z';
const closeIconPath = 'M6 6l12 12M18 6L6 18';

/** The launcher's icons, built once per page and cloned: see {@link prepareLauncher}. */
const iconTemplates = new Map<string, SVGSVGElement>();

/** The launcher's icon, built as ui/icons.tsx builds the panel's: decorative, the button carries the name. */
function icon(path: string): SVGSVGElement {
  let template = iconTemplates.get(path);
  if (!template) {
    const namespace = 'http://www.w3.org/2000/svg';
    template = document.createElementNS(namespace, 'svg');
    template.setAttribute('class', 'icon');
    template.setAttribute('viewBox', '0 0 24 24');
    template.setAttribute('aria-hidden', 'true');
    template.setAttribute('focusable', 'false');
    const shape = document.createElementNS(namespace, 'path');
    shape.setAttribute('d', path);
    template.append(shape);
    iconTemplates.set(path, template);
  }
  return template.cloneNode(true) as SVGSVGElement;
}

/**
 * Builds the closed launcher's icon ahead of the task that mounts the widget: a page's
 * first SVG element costs a slow phone several milliseconds (the browser sets up its SVG
 * types), which the script tag spends in a task of its own.
 */
export function prepareLauncher(): void {
  icon(chatIconPath);
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

/** Builds an element with a class and, optionally, its text. */
function element<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  className: string,
  text?: string,
): HTMLElementTagNameMap[Tag] {
  const created = document.createElement(tag);
  created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}

function createLauncher({ options, panel, unreadCount, onIntent }: ShellConfig): {
  element: HTMLButtonElement;
  extras: HTMLElement[];
  dispose: () => void;
} {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'launcher';
  button.setAttribute('part', 'launcher');
  button.addEventListener('click', panel.toggle);
  // A visitor about to open the chat: fetch what it needs now, not after the click.
  button.addEventListener('pointerenter', onIntent);
  button.addEventListener('focus', onIntent);
  // The count is the badge's text, hidden from screen readers, which hear the description
  // instead. Both sit beside the button: text inside it would not be in its name.
  const badge = element('span', 'badge');
  badge.setAttribute('aria-hidden', 'true');
  const description = element('span', 'visually-hidden');
  description.id = unreadId;
  description.hidden = true;
  let shown = '';
  const dispose = effect(() => {
    const isOpen = panel.isOpen.value;
    const count = isOpen ? 0 : unreadCount.value;
    const { strings, avatar } = options.value;
    button.setAttribute('aria-label', isOpen ? strings.closeChat : strings.openChat);
    button.setAttribute('aria-expanded', String(isOpen));
    setAttribute(button, 'aria-describedby', count > 0 ? unreadId : undefined);
    description.textContent = count === 1 ? strings.newReply : format(strings.newReplies, { count });
    badge.textContent = count > 9 ? '9+' : String(count);
    badge.hidden = count === 0;
    const content = isOpen ? 'close' : avatar ? `avatar:${avatar}` : 'chat';
    if (content === shown) return;
    shown = content;
    button.replaceChildren(isOpen ? icon(closeIconPath) : avatar ? avatarImage(avatar) : icon(chatIconPath));
  });
  return { element: button, extras: [badge, description], dispose };
}

/**
 * The greeting beside the closed launcher: its text is a button that opens the chat, with
 * Dismiss beside it. It never takes the focus; a polite live region, there from the start
 * so that screen readers follow it, says the text once.
 */
function createGreeting(config: ShellConfig): {
  element: HTMLElement;
  dispose: () => void;
} {
  const { options, panel, greeting } = config;
  const area = element('div', 'greeting-area');
  const announcer = element('p', 'visually-hidden');
  announcer.setAttribute('aria-live', 'polite');
  area.append(announcer);
  // Most pages never show a greeting: its bubble is built the first time it shows.
  let bubble: ReturnType<typeof createGreetingBubble> | undefined;
  const dispose = effect(() => {
    const { greeting: text, strings } = options.value;
    const isShown = greeting.isShown.value && !panel.isOpen.value && text !== undefined;
    if (!isShown) return bubble?.element.remove();
    bubble ??= createGreetingBubble(config);
    bubble.open.textContent = text;
    bubble.dismiss.setAttribute('aria-label', strings.dismiss);
    bubble.dismiss.title = strings.dismiss;
    area.append(bubble.element);
    if (announcer.textContent === '') announcer.textContent = text;
  });
  return { element: area, dispose };
}

/** The greeting's bubble: its text, a button that opens the chat, and Dismiss. */
function createGreetingBubble({ panel, greeting, onIntent }: ShellConfig): {
  element: HTMLElement;
  open: HTMLButtonElement;
  dismiss: HTMLButtonElement;
} {
  const bubble = element('div', 'greeting');
  bubble.setAttribute('part', 'greeting');
  const open = element('button', 'greeting-text');
  open.type = 'button';
  open.addEventListener('click', panel.open);
  open.addEventListener('pointerenter', onIntent);
  const dismiss = element('button', 'greeting-dismiss');
  dismiss.type = 'button';
  dismiss.append(icon(closeIconPath));
  dismiss.addEventListener('click', greeting.dismiss);
  bubble.append(open, dismiss);
  return { element: bubble, open, dismiss };
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
  // Before the launcher, as it is read: the greeting, then the button it speaks of.
  const greeting = mode === 'floating' ? createGreeting(config) : undefined;
  if (greeting) root.append(greeting.element);
  if (launcher) root.append(launcher.element, ...launcher.extras);

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
  /** Built at the first failure only: an alert, read out as soon as it is added. */
  let failure: HTMLParagraphElement | undefined;

  return {
    panelHost,
    launcher: launcher?.element,
    showFailure(text) {
      if (text === undefined) return failure?.remove();
      if (!failure) {
        failure = element('p', 'greeting load-failure');
        failure.setAttribute('role', 'alert');
      }
      failure.textContent = text;
      root.prepend(failure);
    },
    dispose() {
      stopFollowingOptions();
      stopFollowingPanel();
      launcher?.dispose();
      greeting?.dispose();
      darkScheme?.removeEventListener('change', applyFocusColour);
      root.remove();
    },
  };
}
