import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { Strings } from '../i18n/strings';
import type { ComposerModel } from '../state/composer-model';
import { SendIcon, StopIcon } from './icons';

interface ComposerProps {
  composer: ComposerModel;
  /** A reply is on its way: the button stops it instead of sending. */
  isBusy: boolean;
  placeholder: string;
  strings: Strings;
  autoFocus: boolean;
  onStop: () => void;
}

/** Tallest the textarea grows before it scrolls. */
const maxHeightPx = 160;

/** The message box: Enter sends, Shift+Enter breaks the line, Send turns into Stop while a reply streams. */
export function Composer({ composer, isBusy, placeholder, strings, autoFocus, onStop }: ComposerProps) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const text = composer.draft.value;

  useEffect(() => {
    if (autoFocus) textarea.current?.focus();
  }, [autoFocus]);

  // Edit puts the message in the composer: the visitor goes on there.
  const editingId = composer.editingId.value;
  useEffect(() => {
    if (editingId !== undefined) textarea.current?.focus();
  }, [editingId]);

  // Grow with the text (a long placeholder counts too). Setting style properties through
  // the CSSOM is allowed by a strict CSP.
  const isMounted = useRef(false);
  useLayoutEffect(() => {
    const fit = () => {
      const element = textarea.current;
      if (!element) return;
      element.style.height = 'auto';
      element.style.height = `${Math.min(element.scrollHeight, maxHeightPx)}px`;
    };
    if (isMounted.current) return fit();
    isMounted.current = true;
    // As the panel mounts, in its first frame before that is laid out: measured at once,
    // it laid out the whole panel inside the click that opens it, and the frame again.
    const frame = requestAnimationFrame(fit);
    return () => cancelAnimationFrame(frame);
  }, [text]);

  function submit(event?: Event): void {
    event?.preventDefault();
    composer.submit();
  }

  function onKeyDown(event: KeyboardEvent): void {
    // Enter that confirms an IME composition (Japanese, Chinese...) must not send.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    submit(event);
  }

  return (
    <form class="composer" part="composer" onSubmit={submit}>
      <textarea
        ref={textarea}
        rows={1}
        dir="auto"
        aria-label={strings.messageLabel}
        placeholder={placeholder}
        value={text}
        onInput={(event) => composer.setDraft(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {isBusy ? (
        <button type="button" class="send" aria-label={strings.stop} title={strings.stop} onClick={onStop}>
          <StopIcon />
        </button>
      ) : (
        <button type="submit" class="send" aria-label={strings.send} title={strings.send} disabled={text.trim() === ''}>
          <SendIcon />
        </button>
      )}
    </form>
  );
}
