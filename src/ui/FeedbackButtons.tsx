import type { Strings } from '../i18n/strings';
import type { Feedback } from '../state/types';
import { ThumbDownIcon, ThumbUpIcon } from './icons';

interface FeedbackButtonsProps {
  feedback: Feedback | undefined;
  strings: Strings;
  /** The visitor's rating, or undefined when they pressed the chosen one again to take it back. */
  onRate: (feedback: Feedback | undefined) => void;
}

/** Thumbs up and down on a finished reply: two toggle buttons, at most one pressed. */
export function FeedbackButtons({ feedback, strings, onRate }: FeedbackButtonsProps) {
  const choices = [
    { value: 'up', label: strings.helpful, Icon: ThumbUpIcon },
    { value: 'down', label: strings.notHelpful, Icon: ThumbDownIcon },
  ] as const;
  return (
    <>
      {choices.map(({ value, label, Icon }) => (
        <button
          key={value}
          type="button"
          class="icon-button small"
          aria-label={label}
          title={label}
          aria-pressed={feedback === value}
          onClick={() => onRate(feedback === value ? undefined : value)}
        >
          <Icon />
        </button>
      ))}
    </>
  );
}
