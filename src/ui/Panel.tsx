import { useEffect, useRef } from 'preact/hooks';
import type { Strings } from '../i18n/strings';
import type { ResolvedOptions } from '../options/types';
import type { ChatModel } from '../state/chat-model';
import type { ComposerModel } from '../state/composer-model';
import type { ChatMessage, CitedResource } from '../state/types';
import { Announcer } from './Announcer';
import { Composer } from './Composer';
import { keepFocusInside } from './focus-trap';
import { Header } from './Header';
import { loadMarkdown } from './markdown-loader';
import { MessageList } from './MessageList';
import { renderedText } from './rendered-text';
import { useMediaQuery } from './use-media-query';
import { useVisualViewport } from './use-visual-viewport';

interface PanelProps {
  chat: ChatModel;
  options: ResolvedOptions;
  strings: Strings;
  composer: ComposerModel;
  isOnline: boolean;
  isFloating: boolean;
  autoFocus: boolean;
  /** Floating mode: hide the panel (Minimize, Escape). */
  onClose?: (() => void) | undefined;
  /** The greeting the visitor opened the chat from: the first assistant message. */
  greeting: string | undefined;
  fromBottom: number | undefined;
  onPosition: (fromBottom: number | undefined) => void;
  onSourceOpen: (message: ChatMessage, resource: CitedResource) => void;
}

/** Ids are scoped to the shadow root, so a fixed one cannot collide with the page's. */
const titleId = 'tinytalk-title';

/**
 * Characters of a finished reply the status announces at most, some 650 words: minutes of
 * speech. A longer reply is announced up to a line, sentence or word end before that, then
 * that it continues in the conversation, where it can be read at the listener's pace: an
 * announcement is heard once and cannot be browsed. Whole, an 80 KB reply's text also
 * took a 6x-throttled CPU 150 ms to read and 200 to 300 ms to lay out in the status.
 */
const announcedLength = 4000;

/** The chat itself: a dialog over the page in floating mode, a region in inline mode. */
export function Panel({
  chat,
  options,
  strings,
  composer,
  isOnline,
  isFloating,
  autoFocus,
  onClose,
  greeting,
  fromBottom,
  onPosition,
  onSourceOpen,
}: PanelProps) {
  const messages = chat.messages.value;
  const status = chat.status.value;
  // Fetch the markdown stack as the panel opens, so the first reply does not wait for it.
  useEffect(() => void loadMarkdown(), []);

  // On a phone the floating panel covers the screen: it is modal, and focus stays inside.
  const isModal = useMediaQuery('(max-width: 639px)') && isFloating;
  const section = useRef<HTMLElement>(null);
  // Full screen, it fits the visual viewport, so the composer stays above the keyboard.
  useVisualViewport(section, isModal);

  function readLastReply(): string {
    const bubble = section.current?.querySelector('.messages > :last-child .bubble');
    if (!bubble) return '';
    const { text, isCut } = renderedText(bubble, announcedLength);
    return isCut ? `${text}\n${strings.replyContinues}` : text;
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && onClose) {
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Tab' && isModal && section.current) {
      keepFocusInside(event, section.current);
    }
  }

  return (
    <section
      ref={section}
      class="panel"
      part="panel"
      role={isFloating ? 'dialog' : 'region'}
      aria-modal={isModal ? 'true' : undefined}
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
    >
      <Header
        title={options.title}
        avatar={options.avatar}
        titleId={titleId}
        strings={strings}
        onReset={chat.reset}
        onMinimize={onClose}
      />
      <MessageList
        messages={messages}
        welcomeMessage={options.welcomeMessage}
        greeting={greeting}
        starters={options.starters}
        retryableId={chat.retryableId.value}
        isReady={status === 'ready'}
        editingId={composer.editingId.value}
        fromBottom={fromBottom}
        onPosition={onPosition}
        strings={strings}
        onRetry={chat.retry}
        onRegenerate={chat.regenerate}
        onEdit={composer.startEditing}
        onSend={chat.send}
        onRate={chat.rate}
        onSourceOpen={onSourceOpen}
      />
      {!isOnline && (
        <p class="offline" role="status">
          {composer.isWaitingForConnection.value ? strings.offlineWaiting : strings.offline}
        </p>
      )}
      {composer.editingId.value !== undefined && (
        <p class="editing">
          {strings.editing}
          <button type="button" class="link-button" onClick={composer.cancelEditing}>
            {strings.cancelEdit}
          </button>
        </p>
      )}
      <Composer
        composer={composer}
        isBusy={status !== 'ready'}
        placeholder={options.placeholder}
        strings={strings}
        autoFocus={autoFocus}
        onStop={chat.stop}
      />
      <Announcer status={status} lastMessage={messages.at(-1)} readLastReply={readLastReply} strings={strings} />
    </section>
  );
}
