import { useEffect, useRef, useState } from 'preact/hooks';
import type { Strings } from '../i18n/strings';
import type { ChatStatus } from '../state/chat-model';
import type { ChatMessage } from '../state/types';

interface AnnouncerProps {
  status: ChatStatus;
  lastMessage: ChatMessage | undefined;
  /** The words the visitor sees of the last reply, once it is rendered. */
  readLastReply: () => string;
  strings: Strings;
}

/**
 * A polite live region. The message list itself is silent, because a screen reader
 * would otherwise read a streamed reply token by token; this says once that the
 * assistant is responding, then reads the finished reply as a whole, as rendered.
 */
export function Announcer({ status, lastMessage, readLastReply, strings }: AnnouncerProps) {
  const [text, setText] = useState('');
  const wasBusy = useRef(false);
  // Read when the reply finishes, not a dependency: the effect would otherwise be
  // scheduled (a frame and a task) for every step of a streaming reply.
  const latest = useRef(lastMessage);
  latest.current = lastMessage;
  useEffect(() => {
    const isBusy = status !== 'ready';
    if (isBusy && !wasBusy.current) setText(strings.responding);
    if (!isBusy && wasBusy.current) {
      // A failed reply is announced by its alert; "responding" must not linger after it.
      const last = latest.current;
      const isReply = last?.role === 'assistant' && last.status !== 'error';
      // What was rendered, not the markdown: a reply's comments, scripts and styles are
      // hidden from the eye, and must not be read out either.
      setText(isReply ? readLastReply() : '');
    }
    wasBusy.current = isBusy;
  }, [status, strings]);
  return (
    <div class="visually-hidden" role="status" aria-live="polite">
      {text}
    </div>
  );
}
