import type { Strings } from '../i18n/strings';
import { MinimizeIcon, NewIcon } from './icons';

interface HeaderProps {
  title: string;
  /** The agent's image, beside the title; decorative, the title names the panel. */
  avatar: string | undefined;
  titleId: string;
  strings: Strings;
  onReset: () => void;
  /** Present in floating mode only: inline panels cannot be closed. */
  onMinimize?: (() => void) | undefined;
}

/** The panel's title bar with its conversation-level actions. */
export function Header({ title, avatar, titleId, strings, onReset, onMinimize }: HeaderProps) {
  // role="none": inside the dialog, which is not a sectioning element to a browser's
  // accessibility tree, a header would be a second banner landmark of the host page.
  return (
    <header class="header" part="header" role="none">
      {avatar && <img class="avatar" src={avatar} alt="" />}
      <h2 id={titleId} class="title">
        {title}
      </h2>
      <button
        type="button"
        class="icon-button"
        aria-label={strings.newConversation}
        title={strings.newConversation}
        onClick={onReset}
      >
        <NewIcon />
      </button>
      {onMinimize && (
        <button
          type="button"
          class="icon-button"
          aria-label={strings.minimize}
          title={strings.minimize}
          onClick={onMinimize}
        >
          <MinimizeIcon />
        </button>
      )}
    </header>
  );
}
