import type { Signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { ResolvedOptions } from '../embed/options';
import type { Strings } from '../i18n/strings';
import type { ChatModel } from '../state/chat-model';
import { Announcer } from './Announcer';
import { Composer } from './Composer';
import { Header } from './Header';
import { loadMarkdown } from './markdown-loader';
import { MessageList } from './MessageList';

interface PanelProps {
  chat: ChatModel;
  options: ResolvedOptions;
  strings: Strings;
  draft: Signal<string>;
  isFloating: boolean;
  autoFocus: boolean;
  /** Floating mode: hide the panel (Minimize, Escape). */
  onClose?: (() => void) | undefined;
}

/** Ids are scoped to the shadow root, so a fixed one cannot collide with the page's. */
const titleId = 'tinytalk-title';

/** The chat itself: a dialog over the page in floating mode, a region in inline mode. */
export function Panel({ chat, options, strings, draft, isFloating, autoFocus, onClose }: PanelProps) {
  const messages = chat.messages.value;
  const status = chat.status.value;
  // Fetch the markdown stack as the panel opens, so the first reply does not wait for it.
  useEffect(loadMarkdown, []);

  function onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && onClose) {
      event.stopPropagation();
      onClose();
    }
  }

  return (
    <section class="panel" part="panel" role={isFloating ? 'dialog' : 'region'} aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <Header title={options.title} titleId={titleId} strings={strings} onReset={chat.reset} onMinimize={onClose} />
      <MessageList
        messages={messages}
        welcomeMessage={options.welcomeMessage}
        starters={options.starters}
        retryableId={chat.retryableId.value}
        strings={strings}
        onRetry={chat.retry}
        onSend={chat.send}
      />
      <Composer
        draft={draft}
        isBusy={status !== 'ready'}
        placeholder={options.placeholder}
        strings={strings}
        autoFocus={autoFocus}
        onSend={chat.send}
        onStop={chat.stop}
      />
      <Announcer status={status} lastMessage={messages.at(-1)} strings={strings} />
    </section>
  );
}
