import type { Strings } from '../i18n/strings';

interface ErrorNoticeProps {
  text: string;
  strings: Strings;
  /** Present when sending the turn again may help. */
  onRetry?: (() => void) | undefined;
}

/** Why a reply failed, announced at once, with Retry where it can help. */
export function ErrorNotice({ text, strings, onRetry }: ErrorNoticeProps) {
  return (
    <div class="error">
      <p role="alert">{text}</p>
      {onRetry && (
        <button type="button" class="text-button" onClick={onRetry}>
          {strings.retry}
        </button>
      )}
    </div>
  );
}
