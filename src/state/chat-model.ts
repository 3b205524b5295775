import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { ChatTransport } from '../api/client';
import { isRetryable, toChatError, type ChatErrorInfo } from '../api/errors';
import type { WireMessage } from '../api/types';
import type { ConversationStore } from './storage';
import type { ChatMessage } from './types';

/** `ready` to send; `submitted` until the first words arrive; then `streaming`. */
export type ChatStatus = 'ready' | 'submitted' | 'streaming';

export interface ChatModelConfig {
  transport: ChatTransport;
  store: ConversationStore;
  /** A reply finished (done, stopped or failed). */
  onReply?: (message: ChatMessage) => void;
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
  /** Forgets the conversation, here and in storage. */
  reset(): void;
  dispose(): void;
}

/** The conversation: its messages, the request in flight, and the actions on them. */
export function createChatModel({ transport, store, onReply, onError }: ChatModelConfig): ChatModel {
  const messages = signal<readonly ChatMessage[]>(store.load());
  const status = signal<ChatStatus>('ready');
  const retryableId = computed(() => {
    const last = messages.value.at(-1);
    return last?.status === 'error' && last.error && isRetryable(last.error) ? last.id : undefined;
  });
  let controller: AbortController | undefined;

  function update(id: string, change: (message: ChatMessage) => ChatMessage): ChatMessage | undefined {
    let updated: ChatMessage | undefined;
    messages.value = messages.value.map((message) => (message.id === id ? (updated = change(message)) : message));
    return updated;
  }

  async function requestReply(): Promise<void> {
    const history = toWire(messages.value);
    const reply: ChatMessage = { id: createId(), role: 'assistant', content: '', status: 'streaming', citedResources: [] };
    const request = new AbortController();
    controller = request;
    batch(() => {
      messages.value = [...messages.value, reply];
      status.value = 'submitted';
    });
    store.save(messages.value);

    let finished: ChatMessage | undefined;
    try {
      for await (const event of transport({ messages: history, signal: request.signal })) {
        batch(() => {
          if (event.type === 'text') {
            update(reply.id, (message) => ({ ...message, content: message.content + event.delta }));
            status.value = 'streaming';
          } else {
            update(reply.id, (message) => ({ ...message, citedResources: event.citedResources }));
          }
        });
      }
      finished = update(reply.id, (message) => ({ ...message, status: 'done' }));
    } catch (caught) {
      const error = toChatError(caught, request.signal);
      if (error.type === 'aborted') {
        finished = update(reply.id, (message) => ({ ...message, status: 'stopped' }));
      } else {
        finished = update(reply.id, (message) => ({ ...message, status: 'error', error: error.toInfo() }));
        if (finished) onError?.(error.toInfo(), finished);
      }
    } finally {
      if (controller === request) {
        controller = undefined;
        status.value = 'ready';
      }
    }
    // A reset while the reply streamed removed it: nothing left to store or report.
    if (!finished) return;
    store.save(messages.value);
    onReply?.(finished);
  }

  return {
    messages,
    status,
    retryableId,
    async send(text) {
      const content = text.trim();
      // One request at a time: a burst of Enter presses sends one turn.
      if (content === '' || status.value !== 'ready') return;
      messages.value = [...messages.value, { id: createId(), role: 'user', content, status: 'done', citedResources: [] }];
      await requestReply();
    },
    stop() {
      controller?.abort();
    },
    async retry() {
      if (status.value !== 'ready' || retryableId.value === undefined) return;
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
