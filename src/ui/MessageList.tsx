import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Strings } from '../i18n/strings';
import type { ChatMessage } from '../state/types';
import { MessageView } from './MessageView';
import { Starters } from './Starters';

interface MessageListProps {
  messages: readonly ChatMessage[];
  welcomeMessage: string | undefined;
  starters: readonly string[];
  retryableId: string | undefined;
  strings: Strings;
  onRetry: () => void;
  onSend: (text: string) => void;
}

/** How close to the end still counts as reading the latest message. */
const bottomSlackPx = 48;

/** The conversation, which follows new text only while the reader is at the end. */
export function MessageList({ messages, welcomeMessage, starters, retryableId, strings, onRetry, onSend }: MessageListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const isAtBottom = useRef(true);

  // Replies grow between renders (markdown is painted frame by frame), so follow the
  // content's size rather than the renders.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !content.current) return;
    const follow = () => {
      if (isAtBottom.current) element.scrollTop = element.scrollHeight;
    };
    follow();
    const observer = new ResizeObserver(follow);
    observer.observe(content.current);
    return () => observer.disconnect();
  }, []);

  function trackPosition(): void {
    const element = scroller.current;
    if (element) isAtBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight <= bottomSlackPx;
  }

  return (
    <div class="scroller" ref={scroller} onScroll={trackPosition}>
      <div class="messages" part="messages" role="log" aria-live="off" aria-label={strings.conversation} ref={content}>
        {welcomeMessage && (
          <MessageView message={{ id: 'welcome', role: 'assistant', content: welcomeMessage, status: 'done', citedResources: [] }} strings={strings} isWelcome />
        )}
        {messages.map((message) => (
          <MessageView key={message.id} message={message} strings={strings} onRetry={message.id === retryableId ? onRetry : undefined} />
        ))}
      </div>
      {messages.length === 0 && starters.length > 0 && <Starters starters={starters} strings={strings} onPick={onSend} />}
    </div>
  );
}
