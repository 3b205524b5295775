import { parseCitedResources } from '../api/cited-resources';
import type { ChatErrorInfo, ChatErrorType } from '../api/errors';
import type { Persistence } from '../embed/options';
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

const statuses: readonly MessageStatus[] = ['streaming', 'done', 'stopped', 'error'];
const errorTypes: readonly ChatErrorType[] = ['http', 'network', 'stream', 'cut', 'protocol', 'timeout', 'aborted'];

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
      write(key, JSON.stringify({ version: schemaVersion, messages }));
    },
    clear() {
      write(key, null);
    },
    loadDraft() {
      return read(draftKey) ?? '';
    },
    saveDraft(text) {
      write(draftKey, text === '' ? null : text);
    },
  };
}

/**
 * Reads stored JSON defensively: anything malformed is dropped, not trusted. A reply
 * stored while streaming was interrupted by a reload, unless `isLive` (another tab is
 * streaming it right now).
 */
export function parseConversation(raw: string, isLive = false): ChatMessage[] {
  const data: unknown = JSON.parse(raw);
  if (!isObject(data) || data.version !== schemaVersion || !Array.isArray(data.messages)) return [];
  return data.messages.filter(isStoredMessage).map((stored) => {
    const { error, feedback, ...message } = stored;
    return {
      ...message,
      ...((feedback === 'up' || feedback === 'down') && { feedback }),
      citedResources: parseCitedResources(stored.citedResources),
      // A reply still streaming when the page went away was interrupted, not lost.
      status: stored.status === 'streaming' && !isLive ? 'stopped' : stored.status,
      ...(isErrorInfo(error) && { error }),
    };
  });
}

function isStoredMessage(value: unknown): value is ChatMessage {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    (value.role === 'user' || value.role === 'assistant') &&
    typeof value.content === 'string' &&
    statuses.includes(value.status as MessageStatus) &&
    Array.isArray(value.citedResources)
  );
}

function isErrorInfo(value: unknown): value is ChatErrorInfo {
  return isObject(value) && errorTypes.includes(value.type as ChatErrorType) && (value.status === undefined || typeof value.status === 'number');
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
