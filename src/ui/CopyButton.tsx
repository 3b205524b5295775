import { useEffect, useState } from 'preact/hooks';
import type { Strings } from '../i18n/strings';
import { CheckIcon, CopyIcon } from './icons';
import { useMarkdown } from './markdown-loader';

/**
 * Copies a reply's markdown source, without what the widget does not show of it
 * (comments, scripts, styles: see `visibleMarkdown`); the icon confirms for a moment.
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

  function copy(): void {
    navigator.clipboard?.writeText(markdown ? markdown.visibleMarkdown(text) : text).then(
      () => setIsCopied(true),
      (error: unknown) => console.warn('[tinytalk-widget] Copy failed.', error),
    );
  }

  return (
    <button type="button" class="icon-button small" aria-label={strings.copy} title={isCopied ? strings.copied : strings.copy} onClick={copy}>
      {isCopied ? <CheckIcon /> : <CopyIcon />}
    </button>
  );
}
