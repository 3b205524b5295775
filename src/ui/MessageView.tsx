import { Component, type ComponentChild } from 'preact';
import { describeError } from '../i18n/describe-error';
import type { Strings } from '../i18n/strings';
import type { ChatMessage, CitedResource, Feedback } from '../state/types';
import { CopyButton } from './CopyButton';
import { ErrorNotice } from './ErrorNotice';
import { FeedbackButtons } from './FeedbackButtons';
import { EditIcon, RegenerateIcon } from './icons';
import { Markdown } from './Markdown';
import { SourceList } from './SourceList';

interface MessageViewProps {
  message: ChatMessage;
  strings: Strings;
  /** The welcome message is the page's text, not a reply: nothing to copy. */
  isWelcome?: boolean;
  onRetry?: (() => void) | undefined;
  /** The last reply, finished: ask for it again. */
  onRegenerate?: ((id: string) => void) | undefined;
  /** The visitor's last message: put it back in the composer. */
  onEdit?: ((id: string) => void) | undefined;
  onRate?: (id: string, feedback: Feedback | undefined) => void;
  onSourceOpen?: (message: ChatMessage, resource: CitedResource) => void;
}

/** One turn. Messages are immutable, so while a reply streams only that reply re-renders. */
export class MessageView extends Component<MessageViewProps> {
  override shouldComponentUpdate(next: MessageViewProps): boolean {
    const current = this.props;
    return (
      next.message !== current.message ||
      next.strings !== current.strings ||
      next.onRetry !== current.onRetry ||
      next.onRegenerate !== current.onRegenerate ||
      next.onEdit !== current.onEdit ||
      next.onRate !== current.onRate ||
      next.onSourceOpen !== current.onSourceOpen
    );
  }

  override render() {
    return <MessageBody {...this.props} />;
  }
}

function MessageBody({
  message,
  strings,
  isWelcome = false,
  onRetry,
  onRegenerate,
  onEdit,
  onRate,
  onSourceOpen,
}: MessageViewProps) {
  const { role, content, status } = message;
  const isReply = role === 'assistant' && !isWelcome;
  return (
    <article
      class={`message ${role}`}
      aria-label={role === 'user' ? strings.you : strings.assistant}
      data-role={role}
      data-status={status}
      data-welcome={isWelcome ? '' : undefined}
    >
      {(content !== '' || status === 'streaming') && (
        <div class="bubble">
          <Content message={message} strings={strings} />
        </div>
      )}
      {role === 'assistant' && (
        <SourceList
          resources={message.citedResources}
          strings={strings}
          onOpen={onSourceOpen && ((resource) => onSourceOpen(message, resource))}
        />
      )}
      {status === 'stopped' && <p class="note">{strings.stopped}</p>}
      {message.isTruncated && <p class="note">{strings.truncated}</p>}
      {status === 'error' && message.error && (
        <ErrorNotice
          text={describeError(message.error, strings)}
          strings={strings}
          retryAt={message.retryAt}
          onRetry={onRetry}
        />
      )}
      {isReply && status !== 'streaming' && content !== '' && (
        <div class="actions">
          <CopyButton text={content} strings={strings} />
          {onRate && (
            <FeedbackButtons
              feedback={message.feedback}
              strings={strings}
              onRate={(feedback) => onRate(message.id, feedback)}
            />
          )}
          {onRegenerate && (
            <ActionButton
              label={strings.regenerate}
              icon={<RegenerateIcon />}
              onClick={() => onRegenerate(message.id)}
            />
          )}
        </div>
      )}
      {onEdit && role === 'user' && (
        <div class="actions">
          <ActionButton label={strings.edit} icon={<EditIcon />} onClick={() => onEdit(message.id)} />
        </div>
      )}
    </article>
  );
}

function ActionButton({ label, icon, onClick }: { label: string; icon: ComponentChild; onClick: () => void }) {
  return (
    <button type="button" class="icon-button small" aria-label={label} title={label} onClick={onClick}>
      {icon}
    </button>
  );
}

/** The visitor's words as typed; a reply as markdown, or dots until its first words arrive. */
function Content({ message: { role, content, status }, strings }: { message: ChatMessage; strings: Strings }) {
  if (role === 'user') {
    return (
      <p class="plain" dir="auto">
        {content}
      </p>
    );
  }
  if (content === '') {
    return (
      <span class="typing" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
    );
  }
  return (
    <Markdown
      source={content}
      progress={status === 'stopped' || status === 'error' ? 'cut' : status === 'streaming' ? 'streaming' : 'done'}
      labels={strings}
    />
  );
}
