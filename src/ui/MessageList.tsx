import type { TargetedMouseEvent } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Strings } from '../i18n/strings';
import type { ChatMessage, CitedResource, Feedback } from '../state/types';
import { MessageView } from './MessageView';
import { Starters } from './Starters';
import { whenIdle } from './when-idle';

interface MessageListProps {
  messages: readonly ChatMessage[];
  welcomeMessage: string | undefined;
  /** The greeting the visitor opened the chat from, shown first. */
  greeting: string | undefined;
  starters: readonly string[];
  retryableId: string | undefined;
  /** No reply on its way: the last reply can be regenerated and the last message edited. */
  isReady: boolean;
  /** The message the visitor is editing, which shows no Edit button. */
  editingId: string | undefined;
  /** Where to put the reader at first (px above the end), as they left the last page; undefined: the end. */
  fromBottom: number | undefined;
  /** The reader moved: px above the end, or undefined at the end. */
  onPosition: (fromBottom: number | undefined) => void;
  strings: Strings;
  onRetry: () => void;
  onRegenerate: (id: string) => void;
  onEdit: (id: string) => void;
  onSend: (text: string) => void;
  onRate: (id: string, feedback: Feedback | undefined) => void;
  onSourceOpen: (message: ChatMessage, resource: CitedResource) => void;
}

/** How close to the end still counts as reading the latest message. */
const bottomSlackPx = 48;

/** Latest messages rendered when the list opens: about what a panel shows. */
const firstBatch = 6;
/**
 * Older messages rendered at a time after that, while the page is idle, so a long stored
 * conversation opens at once. Few, so that no idle moment becomes a long task, but each
 * batch also costs a render of the list and a layout: in the bench's 300 turns, batches
 * of 24 made a long task in most runs (up to 82 ms) for 267 ms of CPU in all, of 10 one
 * task over 50 ms in five runs for 409 ms, of 6 none for 541 ms.
 */
const laterBatch = 10;

/** How many of the latest messages to render: all of them, once the page has had idle moments to spare. */
function useRenderedCount(total: number, isAllAtOnce: boolean): number {
  const [count, setCount] = useState(isAllAtOnce ? Infinity : firstBatch);
  useEffect(() => {
    if (count >= total) return;
    return whenIdle(() => setCount((current) => (current + laterBatch >= total ? Infinity : current + laterBatch)));
  }, [count, total]);
  return count;
}

/** The conversation, which follows new text only while the reader is at the end. */
export function MessageList(props: MessageListProps) {
  const {
    messages,
    welcomeMessage,
    greeting,
    starters,
    retryableId,
    isReady,
    editingId,
    fromBottom,
    onPosition,
    strings,
    onRetry,
    onRegenerate,
    onEdit,
    onSend,
    onRate,
    onSourceOpen,
  } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const isAtBottom = useRef(fromBottom === undefined);
  /** Where the reader was on the last page, held as replies render and grow, until they scroll themselves. */
  const heldFromBottom = useRef(fromBottom);
  // A position away from the end is measured on the whole conversation.
  const renderedCount = useRenderedCount(messages.length, fromBottom !== undefined);
  // One object for as long as the text stays, so the list's renders skip the welcome.
  const welcome = useMemo(() => pageMessage('welcome', welcomeMessage), [welcomeMessage]);
  const greetingMessage = useMemo(() => pageMessage('greeting', greeting), [greeting]);
  const last = messages.at(-1);
  const regenerableId =
    isReady && last?.role === 'assistant' && (last.status === 'done' || last.status === 'stopped')
      ? last.id
      : undefined;
  const lastUserId = [...messages].reverse().find((message) => message.role === 'user')?.id;
  const editableId = isReady && lastUserId !== editingId ? lastUserId : undefined;
  const isComplete = renderedCount >= messages.length;

  // Replies grow between renders (markdown is painted frame by frame), so follow the
  // content's size rather than the renders; and the list's own, which an on-screen
  // keyboard shrinks on a phone.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !content.current) return;
    const follow = () => {
      if (isAtBottom.current) element.scrollTop = element.scrollHeight;
      else if (heldFromBottom.current !== undefined)
        element.scrollTop = element.scrollHeight - element.clientHeight - heldFromBottom.current;
    };
    // The reader's own scrolling ends the hold.
    const release = () => (heldFromBottom.current = undefined);
    const intents = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
    for (const type of intents) element.addEventListener(type, release, { passive: true });
    // Its first observation follows too, in the first frame before it is painted: called
    // here, follow() laid out the whole panel inside the task that opens it.
    const observer = new ResizeObserver(follow);
    observer.observe(content.current);
    observer.observe(element);
    return () => {
      observer.disconnect();
      for (const type of intents) element.removeEventListener(type, release);
    };
  }, []);

  // A reader who scrolled up stays where they are, with a way back down.
  const [isAway, setIsAway] = useState(fromBottom !== undefined);
  const lastScrollTop = useRef(0);
  const reported = useRef(fromBottom);
  function trackPosition(): void {
    const element = scroller.current;
    if (!element) return;
    const { scrollTop } = element;
    const distance = element.scrollHeight - scrollTop - element.clientHeight;
    if (distance <= bottomSlackPx) isAtBottom.current = true;
    // Only a move up leaves the end. The scroll event of our own follow() comes a frame
    // late, when a fast reply may have grown past the slack: that is no reader leaving.
    else if (scrollTop < lastScrollTop.current) isAtBottom.current = false;
    lastScrollTop.current = scrollTop;
    setIsAway(!isAtBottom.current);
    const position = isAtBottom.current ? undefined : Math.round(distance);
    if (heldFromBottom.current === undefined && position !== reported.current)
      onPosition((reported.current = position));
  }
  function jumpToLatest(event: TargetedMouseEvent<HTMLButtonElement>): void {
    const element = scroller.current;
    const isReduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    element?.scrollTo({ top: element.scrollHeight, behavior: isReduced ? 'auto' : 'smooth' });
    isAtBottom.current = true;
    // The button goes once the list is at the end: focus on it would fall back to the
    // page. It goes to the conversation instead, where the reader wanted to be.
    const button = event.currentTarget;
    if ((button.getRootNode() as ShadowRoot | Document).activeElement === button)
      content.current?.focus({ preventScroll: true });
  }

  return (
    <div class="scroller" ref={scroller} onScroll={trackPosition}>
      <div
        class="messages"
        part="messages"
        role="log"
        aria-live="off"
        aria-label={strings.conversation}
        tabIndex={-1}
        ref={content}
      >
        {greetingMessage && isComplete && <MessageView message={greetingMessage} strings={strings} isWelcome />}
        {welcome && isComplete && <MessageView message={welcome} strings={strings} isWelcome />}
        {(isComplete ? messages : messages.slice(-renderedCount)).map((message) => (
          <MessageView
            key={message.id}
            message={message}
            strings={strings}
            onRetry={message.id === retryableId ? onRetry : undefined}
            onRegenerate={message.id === regenerableId ? onRegenerate : undefined}
            onEdit={message.id === editableId ? onEdit : undefined}
            onRate={onRate}
            onSourceOpen={onSourceOpen}
          />
        ))}
      </div>
      {messages.length === 0 && starters.length > 0 && (
        <Starters starters={starters} strings={strings} onPick={onSend} />
      )}
      {/* Last in the list, as it is shown: at its foot, just before the composer in the Tab order. */}
      {isAway && (
        <button type="button" class="jump" onClick={jumpToLatest}>
          {strings.jumpToLatest}
        </button>
      )}
    </div>
  );
}

/** Text of the page's (welcome, greeting) shown as an assistant message; never sent to the agent. */
function pageMessage(id: string, text: string | undefined): ChatMessage | undefined {
  return text ? { id, role: 'assistant', content: text, status: 'done', citedResources: [] } : undefined;
}
