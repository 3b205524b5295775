/**
 * Every text the widget shows or announces, accessible names included. `{name}` marks a
 * value filled in at run time. Host pages pick a built-in language with the `locale`
 * option and override any text with the `strings` option.
 */
export interface Strings {
  openChat: string;
  closeChat: string;
  minimize: string;
  newConversation: string;
  messageLabel: string;
  send: string;
  stop: string;
  copy: string;
  copied: string;
  retry: string;
  /** Retry's visible label while a 429's wait runs; `{seconds}` left. */
  retryIn: string;
  sources: string;
  /** Name of the message list. */
  conversation: string;
  /** Name of the suggested first messages. */
  suggestions: string;
  /** Announced while a reply streams. */
  responding: string;
  /** Shown under a reply the visitor stopped. */
  stopped: string;
  /** Shown under a reply cut because it was too long to keep. */
  truncated: string;
  /** Read out after the start of a reply too long to announce whole. */
  replyContinues: string;
  offline: string;
  /** Offline, with a message waiting in the composer. */
  offlineWaiting: string;
  /** After a 429, once the wait is over. */
  errorRateLimitedOver: string;
  errorBadRequest: string;
  errorUnauthorized: string;
  errorForbidden: string;
  errorNotFound: string;
  /** `{seconds}`: the wait the agent asked for. */
  errorRateLimitedFor: string;
  errorRateLimited: string;
  errorServer: string;
  /** `{status}`: the HTTP status. */
  errorHttp: string;
  errorNetwork: string;
  errorStream: string;
  errorCut: string;
  errorProtocol: string;
  errorTimeout: string;
  /** The agent's address answered with a redirect, which the widget never follows. */
  errorRedirect: string;
  /** The default panel title. */
  title: string;
  /** The default composer placeholder. */
  placeholder: string;
  /** The button that appears when the reader has scrolled up while a reply arrives. */
  jumpToLatest: string;
  /** Names of the turns, for screen readers moving through the conversation. */
  you: string;
  assistant: string;
  /** Feedback on a reply. */
  helpful: string;
  notHelpful: string;
  /** The button on each code block that copies its code alone. */
  copyCode: string;
  /** Name of the focusable box a wide table scrolls sideways in. */
  table: string;
  /** The button that closes the greeting beside the launcher. */
  dismiss: string;
  /** The launcher's description with one unread reply. */
  newReply: string;
  /** The launcher's description with `{count}` unread replies, more than one. */
  newReplies: string;
  /** The button under the last reply that asks for it again. */
  regenerate: string;
  /** The button on the visitor's last message that puts it back in the composer. */
  edit: string;
  /** Shown above the composer while the visitor edits their last message. */
  editing: string;
  /** Leaves editing, the message kept as it was. */
  cancelEdit: string;
}

/** The built-in English strings. */
export const englishStrings: Strings = {
  openChat: 'Open chat',
  closeChat: 'Close chat',
  minimize: 'Minimize',
  newConversation: 'New conversation',
  messageLabel: 'Message',
  send: 'Send',
  stop: 'Stop',
  copy: 'Copy',
  copied: 'Copied',
  retry: 'Retry',
  retryIn: 'Retry in {seconds}s',
  sources: 'Sources',
  conversation: 'Conversation',
  suggestions: 'Suggestions',
  responding: 'The assistant is responding…',
  stopped: 'Stopped',
  truncated: 'This reply was too long to show in full.',
  replyContinues: 'The reply continues in the conversation.',
  offline: 'You are offline. Replies will work again when the connection returns.',
  offlineWaiting: 'You are offline. Your message will be sent when the connection returns.',
  errorRateLimitedOver: 'You can try again now.',
  errorBadRequest: 'The assistant could not process this message.',
  errorUnauthorized: 'This chat is private, and its access key is missing or not valid.',
  errorForbidden: 'This chat has reached its usage limit, or is not allowed to use the requested model.',
  errorNotFound: 'This chat assistant could not be found.',
  errorRateLimitedFor: 'Too many messages right now. Please try again in {seconds} seconds.',
  errorRateLimited: 'Too many messages right now. Please try again in a moment.',
  errorServer: 'The chat service is having trouble right now. Please try again.',
  errorHttp: 'The chat service refused this message (error {status}).',
  errorNetwork: 'The chat service could not be reached. Check your connection and try again.',
  errorStream: 'The assistant ran into a problem while answering.',
  errorCut: 'The reply was cut off before it finished.',
  errorProtocol: 'The chat service sent an answer that could not be read.',
  errorTimeout: 'The chat service took too long to answer.',
  errorRedirect: 'The chat service tried to redirect this message elsewhere, so it was not sent.',
  title: 'Chat',
  placeholder: 'Type a message…',
  jumpToLatest: 'Jump to latest',
  you: 'You',
  assistant: 'Assistant',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  copyCode: 'Copy code',
  table: 'Table',
  dismiss: 'Dismiss',
  newReply: '1 new reply',
  newReplies: '{count} new replies',
  regenerate: 'Regenerate',
  edit: 'Edit',
  editing: 'Editing your message',
  cancelEdit: 'Cancel',
};

/** Fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : match,
  );
}
