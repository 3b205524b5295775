import type { ReadonlySignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import type { ResolvedOptions } from '../options/types';
import type { GreetingModel } from '../state/greeting-model';
import type { PanelModel } from '../state/panel-model';
import type { Session } from '../state/session';
import type { ChatMessage, CitedResource } from '../state/types';
import { Panel } from './Panel';
import { useBodyScrollLock } from './scroll-lock';
import type { DisplayMode } from './shell';

export interface AppProps {
  session: Session;
  panel: PanelModel;
  options: ReadonlySignal<ResolvedOptions>;
  mode: DisplayMode;
  /** Whether the panel was open when the page loaded: that panel must not take the focus. */
  wasOpenAtLoad: boolean;
  /** The launcher, floating: the focus goes back to it when the panel closes. */
  launcher: HTMLButtonElement | undefined;
  greeting: GreetingModel;
  /** Where the reader was on the last page (px above the end); undefined: following the end. */
  fromBottom: number | undefined;
  /** The reader moved: px above the end, or undefined at the end. */
  onPosition: (fromBottom: number | undefined) => void;
  /** The visitor opened a page a reply cited. */
  onSourceOpen: (message: ChatMessage, resource: CitedResource) => void;
}

/**
 * The panel's root, rendered once the conversation is first needed (see ui/shell.ts for
 * what comes before): reads signals, renders, and sends user events to the models.
 */
export function App({
  session,
  panel,
  options,
  mode,
  wasOpenAtLoad,
  launcher,
  greeting,
  fromBottom,
  onPosition,
  onSourceOpen,
}: AppProps) {
  const isFloating = mode === 'floating';
  const isOpen = !isFloating || panel.isOpen.value;
  // A panel open when the page loads must not steal focus from the page; one the
  // visitor opens takes it, so they can type at once.
  const isOpenSinceLoad = useRef(wasOpenAtLoad);
  if (!isOpen) isOpenSinceLoad.current = false;
  function closeToLauncher(): void {
    panel.close();
    // The launcher follows the panel at once (it shows again on phones), so it can take the focus now.
    launcher?.focus();
  }

  // On phones the open panel covers the page, which must not scroll away underneath.
  useBodyScrollLock(isFloating && isOpen);
  if (!isOpen) return null;
  const { strings } = options.value;
  return (
    <Panel
      chat={session.chat}
      options={options.value}
      strings={strings}
      composer={session.composer}
      isOnline={session.isOnline.value}
      isFloating={isFloating}
      autoFocus={isFloating && !isOpenSinceLoad.current}
      onClose={isFloating ? closeToLauncher : undefined}
      greeting={greeting.isInConversation.value ? options.value.greeting : undefined}
      fromBottom={fromBottom}
      onPosition={onPosition}
      onSourceOpen={onSourceOpen}
    />
  );
}
