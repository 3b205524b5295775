import { parseCitedResources } from '../api/cited-resources';
import type { ChatErrorInfo, ChatErrorType } from '../api/errors';
import type { Persistence } from '../options/types';
import { maxReplyLength } from './length-cap';
import type { ChatMessage, MessageStatus } from './types';

/** Keeps one conversation, and the visitor's unsent draft, across reloads. Never throws: storage may be full or forbidden. */
export interface ConversationStore {
  load(): ChatMessage[];
  save(messages: readonly ChatMessage[]): void;
  /** Forgets the conversation (the draft stays: it is the visitor's next message). */
  clear(): void;
  loadDraft(): string;
  saveDraft(text: string): void;
  /** The storage key, to recognise this conversation in `storage` events from other tabs. */
  readonly key: string;
  /** Where it lives; `storage` events come only for localStorage. */
  readonly persist: Persistence;
}

/** Bumped when the stored shape changes; older data is then ignored, not misread. */
const schemaVersion = 1;

/**
 * Most characters one agent's conversation takes in storage: about a fifth of the 5 M
 * characters browsers give an origin's localStorage, so the host page keeps room for
 * its own. Past it the oldest turns are no longer stored.
 */
export const maxStoredLength = 1_000_000;
/** Longest draft kept: a visitor's message, not a document. */
const maxDraftLength = 10_000;
/** Longest id and error detail read back: ours are far shorter. */
const maxIdLength = 100;
const maxDetailLength = 500;

const statuses: readonly MessageStatus[] = ['streaming', 'done', 'stopped', 'error'];
const errorTypes: readonly ChatErrorType[] = [
  'http',
  'network',
  'stream',
  'cut',
  'protocol',
  'timeout',
  'redirect',
  'aborted',
];

/** The storage key of an agent's conversation: each agent keeps its own. */
export function conversationKey(botId: string): string {
  return `tinytalk-widget:conversation:${botId}`;
}

/**
 * Creates the store for one agent's conversation in localStorage, sessionStorage or
 * nowhere. When the browser refuses storage (private mode, a sandboxed frame, a full
 * quota) the widget keeps working in memory and says so once in the console.
 */
export function createConversationStore(persist: Persistence, key: string): ConversationStore {
  let hasWarned = false;
  function warn(error: unknown): void {
    if (hasWarned) return;
    hasWarned = true;
    console.warn('[tinytalk-widget] The conversation cannot be stored, so it will not survive a reload.', error);
  }
  let hasWarnedOfLength = false;
  function storage(): Storage | undefined {
    if (persist === 'none') return undefined;
    // Merely reading `localStorage` throws in sandboxed frames and some privacy modes.
    return persist === 'local' ? window.localStorage : window.sessionStorage;
  }

  function read(slot: string): string | null {
    try {
      return storage()?.getItem(slot) ?? null;
    } catch (error) {
      warn(error);
      return null;
    }
  }
  function write(slot: string, value: string | null): void {
    try {
      if (value === null) storage()?.removeItem(slot);
      else storage()?.setItem(slot, value);
    } catch (error) {
      warn(error);
    }
  }
  const draftKey = `${key}:draft`;

  return {
    key,
    persist,
    load() {
      const raw = read(key);
      try {
        return raw ? parseConversation(raw) : [];
      } catch (error) {
        warn(error);
        return [];
      }
    },
    save(messages) {
      const json = serialize(messages);
      if (json.length <= maxStoredLength) return write(key, json);
      if (!hasWarnedOfLength) {
        hasWarnedOfLength = true;
        console.warn(
          `[tinytalk-widget] The conversation is longer than the ${maxStoredLength} characters stored; its oldest turns will not survive a reload.`,
        );
      }
      write(key, serialize(newestThatFit(messages)));
    },
    clear() {
      write(key, null);
    },
    loadDraft() {
      return (read(draftKey) ?? '').slice(0, maxDraftLength);
    },
    saveDraft(text) {
      write(draftKey, text === '' ? null : text.slice(0, maxDraftLength));
    },
  };
}

function serialize(messages: readonly ChatMessage[]): string {
  return JSON.stringify({ version: schemaVersion, messages });
}

/** The latest messages whose stored form fits {@link maxStoredLength}. */
function newestThatFit(messages: readonly ChatMessage[]): readonly ChatMessage[] {
  let length = serialize([]).length;
  let first = messages.length;
  // Each message adds its JSON and a comma.
  while (first > 0 && length + JSON.stringify(messages[first - 1]).length + 1 <= maxStoredLength) {
    first -= 1;
    length += JSON.stringify(messages[first]).length + 1;
  }
  return messages.slice(first);
}

/**
 * Reads stored JSON defensively: storage is shared with every script of the origin, so
 * each field is checked and capped as if it came from the network. A malformed message
 * is dropped, a malformed optional field left out; what is too long is cut as the widget
 * would have cut it, and the oldest messages go past {@link maxStoredLength}. A reply
 * stored while streaming was interrupted by a reload, unless `isLive` (another tab is
 * streaming it right now).
 */
export function parseConversation(raw: string, isLive = false): ChatMessage[] {
  const data: unknown = JSON.parse(raw);
  if (!isObject(data) || data.version !== schemaVersion || !Array.isArray(data.messages)) return [];
  const messages = data.messages.flatMap((stored: unknown) => {
    const message = parseMessage(stored, isLive);
    return message ? [message] : [];
  });
  return [...newestThatFit(messages)];
}

function parseMessage(stored: unknown, isLive: boolean): ChatMessage | undefined {
  if (!isObject(stored)) return undefined;
  const { id, role, content, status, citedResources, error, retryAt, isTruncated, createdAt, feedback } = stored;
  if (typeof id !== 'string' || id.length > maxIdLength || (role !== 'user' && role !== 'assistant')) return undefined;
  if (typeof content !== 'string' || !statuses.includes(status as MessageStatus) || !Array.isArray(citedResources))
    return undefined;
  const isCut = content.length > maxReplyLength;
  return {
    id,
    role,
    content: isCut ? content.slice(0, maxReplyLength) : content,
    // A reply still streaming when the page went away was interrupted, not lost.
    status: status === 'streaming' && !isLive ? 'stopped' : (status as MessageStatus),
    citedResources: role === 'assistant' ? parseCitedResources(citedResources) : [],
    ...(parseErrorInfo(error) ?? {}),
    ...(isTime(retryAt) && { retryAt }),
    ...((isTruncated === true || isCut) && { isTruncated: true }),
    ...(isTime(createdAt) && { createdAt }),
    ...((feedback === 'up' || feedback === 'down') && { feedback }),
  };
}

/** `{ error }` when `value` describes an error, every field of the right type. */
function parseErrorInfo(value: unknown): { error: ChatErrorInfo } | undefined {
  if (!isObject(value) || !errorTypes.includes(value.type as ChatErrorType)) return undefined;
  const { status, retryAfter, detail } = value;
  const error: ChatErrorInfo = { type: value.type as ChatErrorType };
  if (Number.isInteger(status) && (status as number) >= 100 && (status as number) <= 599)
    error.status = status as number;
  // Shown to the visitor ("try again in N seconds"): a number of seconds, nothing else.
  if (Number.isInteger(retryAfter) && (retryAfter as number) >= 0) error.retryAfter = retryAfter as number;
  if (typeof detail === 'string') error.detail = detail.slice(0, maxDetailLength);
  return { error };
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
