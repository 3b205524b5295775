import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { ResolvedOptions } from '../embed/options';
import type { ChatModel } from '../state/chat-model';
import type { ComposerModel } from '../state/composer-model';
import type { PanelModel } from '../state/panel-model';
import { contrastRatio, textColorOn } from './contrast';
import { Launcher } from './Launcher';
import { Panel } from './Panel';
import { useBodyScrollLock } from './scroll-lock';
import { useMediaQuery } from './use-media-query';

/** `floating`: launcher bubble and a panel over the page; `inline`: the panel fills its container. */
export type DisplayMode = 'floating' | 'inline';

export interface AppProps {
  chat: ChatModel;
  panel: PanelModel;
  options: ReadonlySignal<ResolvedOptions>;
  composer: ComposerModel;
  isOnline: ReadonlySignal<boolean>;
  mode: DisplayMode;
}

/** The widget's root: reads signals, renders, and sends user events to the models. */
export function App({ chat, panel, options, composer, isOnline, mode }: AppProps) {
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

  // Text on the accent colour (from the option or the page's --tt-accent) is black or
  // white, whichever contrasts more. Focus rings are in the accent colour where it stands
  // out 3:1 from the panel (WCAG 1.4.11), else in the text colour: a pale accent on a
  // light panel, or the default indigo on a dark one, would hide them.
  const root = useRef<HTMLDivElement>(null);
  const isDarkScheme = useMediaQuery('(prefers-color-scheme: dark)');
  useLayoutEffect(() => {
    const element = root.current;
    if (!element) return;
    const style = getComputedStyle(element);
    const accent = style.getPropertyValue('--_accent');
    const onAccent = textColorOn(accent);
    if (onAccent) element.style.setProperty('--tt-auto-on-accent', onAccent);
    const ratio = contrastRatio(accent, style.getPropertyValue('--_background'));
    if (ratio !== undefined && ratio < 3) element.style.setProperty('--tt-auto-focus', 'var(--_text)');
    else element.style.removeProperty('--tt-auto-focus');
  }, [accentColor, theme, isDarkScheme]);

  const isFloating = mode === 'floating';
  const isOpen = !isFloating || panel.isOpen.value;
  // On phones the open panel covers the page, which must not scroll away underneath.
  useBodyScrollLock(isFloating && isOpen);
  return (
    <div ref={root} class="root" lang={locale} dir={dir} data-theme={theme} data-mode={mode} data-position={position} style={accentColor ? { '--tt-option-accent': accentColor } : undefined}>
      {isOpen && (
        <Panel
          chat={chat}
          options={options.value}
          strings={strings}
          composer={composer}
          isOnline={isOnline.value}
          isFloating={isFloating}
          autoFocus={isFloating && hasRendered.current}
          onClose={isFloating ? closeToLauncher : undefined}
        />
      )}
      {isFloating && <Launcher isOpen={isOpen} avatar={options.value.avatar} strings={strings} onToggle={panel.toggle} buttonRef={launcher} />}
    </div>
  );
}
