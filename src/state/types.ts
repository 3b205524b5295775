import type { ChatErrorInfo } from '../api/errors';
import type { CitedResource } from '../api/types';

/** Where a message is in its life: replies stream, then finish, are stopped, or fail. */
export type MessageStatus = 'streaming' | 'done' | 'stopped' | 'error';

/** A visitor's rating of a reply: thumbs up or down. */
export type Feedback = 'up' | 'down';

/** One turn of the conversation, as shown and as stored. */
export interface ChatMessage {
  /** Unique within the conversation; stable across reloads. */
  id: string;
  role: 'user' | 'assistant';
  /** Markdown source for replies, plain text for the visitor's turns. */
  content: string;
  status: MessageStatus;
  /** Knowledge-base pages the reply cited; empty for the visitor's turns. */
  citedResources: CitedResource[];
  /** Why the reply failed, when `status` is `error`. */
  error?: ChatErrorInfo;
  /** When the agent said to try again (ms since the epoch), after a 429 with `Retry-After`. */
  retryAt?: number;
  /** The reply was longer than the widget keeps, and was cut. */
  isTruncated?: boolean;
  /** When the message was created (ms since the epoch). */
  createdAt?: number;
  /** How the visitor rated the reply, if they did. */
  feedback?: Feedback;
}

export type { CitedResource } from '../api/types';
export type { ChatErrorInfo, ChatErrorType } from '../api/errors';
