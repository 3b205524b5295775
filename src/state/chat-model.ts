import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { ChatTransport } from '../api/client';
import { ChatError, isRetryable, type ChatErrorInfo } from '../api/errors';
import type { WireMessage } from '../api/types';
import { capReply } from './length-cap';
import { mergeConversation } from './merge';
import { readReply, type ReplyEnding } from './read-reply';
import { createSavePolicy, type SavePolicy } from './save-policy';
import type { ConversationStore } from './storage';
import type { ChatMessage, Feedback } from './types';

/**
 * How long before the page goes away a broken connection still counts as cut by it: the
 * time a navigation takes from its start, when Firefox and Safari cancel the page's
 * requests, to the next page's first bytes, when the old page is hidden.
 */
const leaveGraceMs = 5000;

/** `ready` to send; `submitted` until the first words arrive; then `streaming`. */
export type ChatStatus = 'ready' | 'submitted' | 'streaming';

export interface ChatModelConfig {
  transport: ChatTransport;
  store: Pick<ConversationStore, 'load' | 'save' | 'clear'>;
  /** A reply was asked for: it is empty, and streaming. */
  onReplyStart?: (message: ChatMessage) => void;
  /** Text reached the reply (in steps: see text-pacer.ts). */
  onReplyText?: (message: ChatMessage, delta: string) => void;
  /** A reply finished (done, stopped or failed). */
  onReply?: (message: ChatMessage) => void;
  /** The visitor rated a reply, or took the rating back. */
  onFeedback?: (message: ChatMessage) => void;
  /** A reply failed. */
  onError?: (error: ChatErrorInfo, message: ChatMessage) => void;
}

export interface ChatModel {
  messages: ReadonlySignal<readonly ChatMessage[]>;
  status: ReadonlySignal<ChatStatus>;
  /** The failed reply that Retry would send again, if any: the last one, when retrying can help. */
  retryableId: ReadonlySignal<string | undefined>;
  /** Sends a visitor's turn; resolves when the reply has finished, however it ended. */
  send(text: string): Promise<void>;
  /** Aborts the reply in flight; its partial text is kept. */
  stop(): void;
  /** Sends the last turn again after its reply failed, without repeating the turn. */
  retry(): Promise<void>;
  /**
   * Asks again for the last reply, `id`, once it has finished (done, stopped or failed):
   * the reply is replaced, and the agent gets the conversation without it.
   */
  regenerate(id: string): Promise<void>;
  /**
   * Replaces the visitor's last message, `id`, and the reply to it, with `text`, and asks
   * for a reply to that: the agent gets the conversation as edited.
   */
  edit(id: string, text: string): Promise<void>;
  /** Forgets the conversation, here and in storage. */
  reset(): void;
  /** Rates a finished reply (undefined takes the rating back); kept with the message. */
  rate(id: string, feedback: Feedback | undefined): void;
  /** Takes in the conversation another tab stored (null: that tab started a new one). */
  sync(stored: readonly ChatMessage[] | null): void;
  /**
   * The page is going away: see {@link SavePolicy.leave}. Returns the id of the reply it
   * cuts: one in flight, or one whose connection broke in the moments before.
   */
  leave(): string | undefined;
  /** The page came back from the back-forward cache. */
  resume(): void;
  dispose(): void;
}

/** The conversation: its messages, the request in flight, and the actions on them. */
export function createChatModel({
  transport,
  store,
  onReplyStart,
  onReplyText,
  onReply,
  onFeedback,
  onError,
}: ChatModelConfig): ChatModel {
  const messages = signal<readonly ChatMessage[]>(store.load());
  const status = signal<ChatStatus>('ready');
  const retryableId = computed(() => {
    const last = messages.value.at(-1);
    return last?.status === 'error' && last.error && isRetryable(last.error) ? last.id : undefined;
  });
  /** Messages created in this tab: another tab's copy of them may be older. */
  const ownIds = new Set<string>();
  let controller: AbortController | undefined;
  /** The last reply whose connection broke, and when: see `leave`. */
  let broken: { id: string; at: number } | undefined;
  const saving = createSavePolicy(() => store.save(messages.value));

  function append(message: Omit<ChatMessage, 'id' | 'createdAt'>): ChatMessage {
    const created: ChatMessage = { id: createId(), createdAt: Date.now(), ...message };
    ownIds.add(created.id);
    messages.value = [...messages.value, created];
    return created;
  }

  function update(id: string, change: (message: ChatMessage) => ChatMessage): ChatMessage | undefined {
    let updated: ChatMessage | undefined;
    messages.value = messages.value.map((message) => (message.id === id ? (updated = change(message)) : message));
    return updated;
  }

  /** Records how the reply ended; undefined when a reset removed it meanwhile. */
  function end(id: string, ending: ReplyEnding): ChatMessage | undefined {
    // A reply cut at its length cap is kept as far as it goes, like a finished one.
    if (!(ending instanceof ChatError))
      return update(id, (message) => ({ ...message, status: ending === 'stopped' ? 'stopped' : 'done' }));
    const error = ending.toInfo();
    const retryAt = error.retryAfter === undefined ? {} : { retryAt: Date.now() + error.retryAfter * 1000 };
    const failed = update(id, (message) => ({ ...message, status: 'error', error, ...retryAt }));
    if (failed) onError?.(error, failed);
    return failed;
  }

  async function requestReply(): Promise<void> {
    const history = toWire(messages.value);
    const request = new AbortController();
    controller = request;
    const reply = batch(() => {
      status.value = 'submitted';
      return append({ role: 'assistant', content: '', status: 'streaming', citedResources: [] });
    });
    saving.save();
    onReplyStart?.(reply);
    const ending = await readReply(transport, history, request, {
      onText(text) {
        const updated = batch(() => {
          status.value = 'streaming';
          return update(reply.id, (message) => ({ ...message, ...capReply(message.content, text) }));
        });
        saving.saveWhileStreaming();
        if (updated) onReplyText?.(updated, text);
        return updated?.isTruncated === true;
      },
      onSources: (citedResources) => update(reply.id, (message) => ({ ...message, citedResources })),
    });
    const finished = end(reply.id, ending);
    // A connection lost before the reply (network) or during it (cut), or cancelled by the browser.
    const isBroken = ending instanceof ChatError ? /^(network|cut)$/.test(ending.type) : ending === 'stopped';
    if (isBroken && !request.signal.aborted) broken = { id: reply.id, at: Date.now() };
    if (controller === request) {
      controller = undefined;
      status.value = 'ready';
    }
    // A reset while the reply streamed removed it: nothing left to store or report.
    if (!finished) return;
    saving.save();
    onReply?.(finished);
  }

  async function send(text: string): Promise<void> {
    const content = text.trim();
    // One request at a time: a burst of Enter presses sends one turn.
    if (content === '' || status.value !== 'ready') return;
    append({ role: 'user', content, status: 'done', citedResources: [] });
    await requestReply();
  }

  return {
    messages,
    status,
    retryableId,
    send,
    stop() {
      controller?.abort();
    },
    async regenerate(id) {
      const last = messages.value.at(-1);
      if (status.value !== 'ready' || last?.id !== id || last.role !== 'assistant') return;
      messages.value = messages.value.slice(0, -1);
      await requestReply();
    },
    async edit(id, text) {
      const index = messages.value.map(({ role }) => role).lastIndexOf('user');
      if (messages.value[index]?.id !== id || text.trim() === '' || status.value !== 'ready') return;
      messages.value = messages.value.slice(0, index);
      await send(text);
    },
    async retry() {
      const last = messages.value.at(-1);
      // Before the wait a 429 asked for is over, trying again would only fail again.
      if (status.value !== 'ready' || retryableId.value === undefined || (last?.retryAt ?? 0) > Date.now()) return;
      messages.value = messages.value.slice(0, -1);
      await requestReply();
    },
    reset() {
      controller?.abort();
      batch(() => {
        messages.value = [];
        status.value = 'ready';
      });
      store.clear();
    },
    rate(id, feedback) {
      const message = messages.value.find((candidate) => candidate.id === id);
      const isFinished = message?.role === 'assistant' && (message.status === 'done' || message.status === 'stopped');
      if (!isFinished || message.feedback === feedback) return;
      const rated = update(id, ({ feedback: _previous, ...rest }) => (feedback ? { ...rest, feedback } : rest));
      if (!rated) return;
      saving.save();
      onFeedback?.(rated);
    },
    sync(stored) {
      if (stored === null) {
        controller?.abort();
        messages.value = [];
        return;
      }
      messages.value = mergeConversation(stored, messages.value, ownIds);
    },
    leave() {
      saving.leave();
      const last = messages.value.at(-1)?.id;
      // Firefox and Safari cancel the page's requests as soon as it starts to navigate,
      // before pagehide: a reply whose connection broke just before was cut by the page.
      const isJustBroken = broken !== undefined && broken.id === last && Date.now() - broken.at < leaveGraceMs;
      return controller || isJustBroken ? last : undefined;
    },
    resume: saving.resume,
    dispose() {
      controller?.abort();
    },
  };
}

/** The conversation as the agent gets it: failed and empty replies are left out. */
export function toWire(messages: readonly ChatMessage[]): WireMessage[] {
  return messages
    .filter((message) => message.content !== '' && !(message.role === 'assistant' && message.status === 'error'))
    .map(({ role, content }) => ({ role, content }));
}

let counter = 0;
/** Unique enough within one conversation, and works outside secure contexts (no crypto.randomUUID). */
function createId(): string {
  counter += 1;
  return `${Date.now().toString(36)}-${counter.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
