import { useEffect, useState } from 'preact/hooks';
import type { Strings } from '../i18n/strings';
import { copyText } from './clipboard';
import { CheckIcon, CopyIcon } from './icons';
import { useMarkdown } from './markdown-loader';

/**
 * Copies a reply's markdown source, without what the widget does not show of it
 * (comments, scripts, styles: see `visibleMarkdown`), where the async clipboard is missing
 * too; the icon confirms for a moment.
 * Until the markdown stack has loaded the reply shows as plain text, all of it visible.
 */
export function CopyButton({ text, strings }: { text: string; strings: Strings }) {
  const markdown = useMarkdown();
  const [isCopied, setIsCopied] = useState(false);
  useEffect(() => {
    if (!isCopied) return;
    const timer = setTimeout(() => setIsCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [isCopied]);

  function copy(event: { currentTarget: HTMLButtonElement }): void {
    // The fallback's text field goes beside the button, in the shadow root.
    void copyText(markdown ? markdown.visibleMarkdown(text) : text, event.currentTarget.getRootNode()).then(
      (isDone) => {
        if (isDone) setIsCopied(true);
        else console.warn('[tinytalk-widget] Copy failed: the browser refused the clipboard.');
      },
    );
  }

  return (
    <button
      type="button"
      class="icon-button small"
      aria-label={strings.copy}
      title={isCopied ? strings.copied : strings.copy}
      onClick={copy}
    >
      {isCopied ? <CheckIcon /> : <CopyIcon />}
    </button>
  );
}
