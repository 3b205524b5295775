import type { Ref } from 'preact';
import type { Strings } from '../i18n/strings';
import { ChatIcon, CloseIcon } from './icons';
import { loadMarkdown } from './markdown-loader';

interface LauncherProps {
  isOpen: boolean;
  /** The agent's image, shown instead of the chat icon. */
  avatar: string | undefined;
  strings: Strings;
  onToggle: () => void;
  buttonRef: Ref<HTMLButtonElement>;
}

/** The bubble in the page corner that opens and closes the floating panel. */
export function Launcher({ isOpen, avatar, strings, onToggle, buttonRef }: LauncherProps) {
  return (
    <button
      ref={buttonRef}
      type="button"
      class="launcher"
      part="launcher"
      aria-label={isOpen ? strings.closeChat : strings.openChat}
      aria-expanded={isOpen}
      onClick={onToggle}
      // A visitor about to open the chat: fetch the markdown stack now, not after the click.
      onPointerEnter={loadMarkdown}
      onFocus={loadMarkdown}
    >
      {isOpen ? <CloseIcon /> : avatar ? <img class="avatar" src={avatar} alt="" /> : <ChatIcon />}
    </button>
  );
}
