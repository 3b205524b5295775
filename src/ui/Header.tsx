import type { Strings } from '../i18n/strings';
import { MinimizeIcon, NewIcon } from './icons';

interface HeaderProps {
  title: string;
  titleId: string;
  strings: Strings;
  onReset: () => void;
  /** Present in floating mode only: inline panels cannot be closed. */
  onMinimize?: (() => void) | undefined;
}

/** The panel's title bar with its conversation-level actions. */
export function Header({ title, titleId, strings, onReset, onMinimize }: HeaderProps) {
  return (
    <header class="header" part="header">
      <h2 id={titleId} class="title">
        {title}
      </h2>
      <button type="button" class="icon-button" aria-label={strings.newConversation} title={strings.newConversation} onClick={onReset}>
        <NewIcon />
      </button>
      {onMinimize && (
        <button type="button" class="icon-button" aria-label={strings.minimize} title={strings.minimize} onClick={onMinimize}>
          <MinimizeIcon />
        </button>
      )}
    </header>
  );
}
