import type { ReadonlySignal, Signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { ResolvedOptions } from '../embed/options';
import type { Strings } from '../i18n/strings';
import type { ChatModel } from '../state/chat-model';
import type { PanelModel } from '../state/panel-model';
import { Launcher } from './Launcher';
import { Panel } from './Panel';

/** `floating`: launcher bubble and a panel over the page; `inline`: the panel fills its container. */
export type DisplayMode = 'floating' | 'inline';

export interface AppProps {
  chat: ChatModel;
  panel: PanelModel;
  options: ReadonlySignal<ResolvedOptions>;
  strings: Strings;
  draft: Signal<string>;
  mode: DisplayMode;
}

/** The widget's root: reads signals, renders, and sends user events to the models. */
export function App({ chat, panel, options, strings, draft, mode }: AppProps) {
  const { theme, position, accentColor } = options.value;
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
  return (
    <div class="root" data-theme={theme} data-mode={mode} data-position={position} style={accentColor ? { '--tt-option-accent': accentColor } : undefined}>
      {isOpen && (
        <Panel
          chat={chat}
          options={options.value}
          strings={strings}
          draft={draft}
          isFloating={isFloating}
          autoFocus={isFloating && hasRendered.current}
          onClose={isFloating ? closeToLauncher : undefined}
        />
      )}
      {isFloating && <Launcher isOpen={isOpen} strings={strings} onToggle={panel.toggle} buttonRef={launcher} />}
    </div>
  );
}
