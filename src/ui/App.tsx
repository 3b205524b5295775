import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ResolvedOptions } from '../embed/options';
import type { PanelModel } from '../state/panel-model';
import type { Session } from '../state/session';
import type { ChatMessage, CitedResource } from '../state/types';
import { contrastRatio } from './contrast';
import { Launcher } from './Launcher';
import { Panel } from './Panel';
import { useBodyScrollLock } from './scroll-lock';
import { useMediaQuery } from './use-media-query';

/** `floating`: launcher bubble and a panel over the page; `inline`: the panel fills its container. */
export type DisplayMode = 'floating' | 'inline';

export interface AppProps {
  /** The conversation, once the widget has been used; a closed launcher has none yet. */
  session: ReadonlySignal<Session | undefined>;
  panel: PanelModel;
  options: ReadonlySignal<ResolvedOptions>;
  mode: DisplayMode;
  /** The visitor opened a page a reply cited. */
  onSourceOpen: (message: ChatMessage, resource: CitedResource) => void;
}

/** The widget's root: reads signals, renders, and sends user events to the models. */
export function App({ session, panel, options, mode, onSourceOpen }: AppProps) {
  const { theme, position, accentColor, strings, locale, dir } = options.value;
  const launcher = useRef<HTMLButtonElement>(null);
  // A panel open when the page loads must not steal focus from the page; one the
  // visitor opens takes it, so they can type at once.
  const hasRendered = useRef(false);
  useEffect(() => {
    hasRendered.current = true;
  }, []);

  // Focus moves once the launcher has re-rendered: on phones it is hidden while open.
  const shouldFocusLauncher = useRef(false);
  useEffect(() => {
    if (!shouldFocusLauncher.current) return;
    shouldFocusLauncher.current = false;
    launcher.current?.focus();
  });
  function closeToLauncher(): void {
    shouldFocusLauncher.current = true;
    panel.close();
  }

  const isFloating = mode === 'floating';
  const isOpen = !isFloating || panel.isOpen.value;

  // Focus rings are in the accent colour where it stands out 3:1 from the panel (WCAG
  // 1.4.11), else in the text colour: a pale accent on a light panel, or the default
  // indigo on a dark one, would hide them. Reading computed colours forces the page's
  // styles, so it waits until a ring can show: the panel open, or focus on the launcher.
  const root = useRef<HTMLDivElement>(null);
  const [hasBeenFocused, setHasBeenFocused] = useState(isOpen);
  const isDarkScheme = useMediaQuery('(prefers-color-scheme: dark)');
  useLayoutEffect(() => {
    const element = root.current;
    if (!element || !(hasBeenFocused || isOpen)) return;
    const style = getComputedStyle(element);
    const ratio = contrastRatio(style.getPropertyValue('--_accent'), style.getPropertyValue('--_background'));
    if (ratio !== undefined && ratio < 3) element.style.setProperty('--tt-auto-focus', 'var(--_text)');
    else element.style.removeProperty('--tt-auto-focus');
  }, [hasBeenFocused, isOpen, accentColor, theme, isDarkScheme]);

  // On phones the open panel covers the page, which must not scroll away underneath.
  useBodyScrollLock(isFloating && isOpen);
  const current = session.value;
  return (
    <div
      ref={root}
      class="root"
      onFocusIn={hasBeenFocused ? undefined : () => setHasBeenFocused(true)}
      lang={locale} dir={dir} data-theme={theme} data-mode={mode} data-position={position} style={accentColor ? { '--tt-option-accent': accentColor } : undefined}>
      {isOpen && current && (
        <Panel
          chat={current.chat}
          options={options.value}
          strings={strings}
          composer={current.composer}
          isOnline={current.isOnline.value}
          isFloating={isFloating}
          autoFocus={isFloating && hasRendered.current}
          onClose={isFloating ? closeToLauncher : undefined}
          onSourceOpen={onSourceOpen}
        />
      )}
      {isFloating && <Launcher isOpen={isOpen} avatar={options.value.avatar} strings={strings} onToggle={panel.toggle} buttonRef={launcher} />}
    </div>
  );
}
