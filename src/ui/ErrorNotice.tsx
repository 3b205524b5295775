import { format, type Strings } from '../i18n/strings';
import { useSecondsUntil } from './use-seconds-until';

interface ErrorNoticeProps {
  text: string;
  strings: Strings;
  /** When the agent said to try again (after a 429): Retry waits until then. */
  retryAt?: number | undefined;
  /** Present when sending the turn again may help. */
  onRetry?: (() => void) | undefined;
}

/**
 * Why a reply failed, announced once, with Retry where it can help. After a 429 the
 * button counts down the wait the agent asked for; the alert itself stays still, so a
 * screen reader is not interrupted every second.
 */
export function ErrorNotice({ text, strings, retryAt, onRetry }: ErrorNoticeProps) {
  const secondsLeft = useSecondsUntil(retryAt);
  const isWaiting = secondsLeft > 0;
  return (
    <div class="error">
      <p role="alert">{retryAt !== undefined && !isWaiting ? strings.errorRateLimitedOver : text}</p>
      {onRetry && (
        <button type="button" class="text-button" aria-label={strings.retry} disabled={isWaiting} onClick={onRetry}>
          {isWaiting ? format(strings.retryIn, { seconds: secondsLeft }) : strings.retry}
        </button>
      )}
    </div>
  );
}
