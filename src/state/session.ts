import type { ReadonlySignal } from '@preact/signals';
import type { Persistence } from '../options/types';
import { createChatModel, type ChatModelConfig, type ChatModel } from './chat-model';
import { createComposerModel, type ComposerModel } from './composer-model';
import { createConnectivity } from './connectivity';
import { createCutReplyRecord, takeCutReply } from './resume';
import { conversationKey, createConversationStore } from './storage';
import { syncAcrossTabs } from './tab-sync';

/** Everything a conversation needs beyond the launcher. */
export interface Session {
  chat: ChatModel;
  composer: ComposerModel;
  isOnline: ReadonlySignal<boolean>;
  /** Aborts the reply in flight and removes every listener the session added. */
  dispose(): void;
}

export interface SessionConfig extends Omit<ChatModelConfig, 'store'> {
  botId: string;
  persist: Persistence;
  /** Ask again for a reply that the last page cut by going away. */
  resume: boolean;
}

/**
 * Reads the stored conversation and draft and starts following the network and the
 * other tabs. A closed launcher needs none of it, so the widget creates a session on
 * first use: the host page does not pay for it on every load.
 */
export function createSession({ botId, persist, resume, ...chatConfig }: SessionConfig): Session {
  const key = conversationKey(botId);
  const store = createConversationStore(persist, key);
  const chat = createChatModel({ ...chatConfig, store });
  const connectivity = createConnectivity(() => composer.reconnect());
  const composer = createComposerModel(chat, store, connectivity.isOnline);
  const cutReply = createCutReplyRecord(persist, key);
  const stopSyncing = syncAcrossTabs(chat, store, cutReply);
  let isDisposed = false;
  // The API is stateless: the same conversation, sent again, streams the reply again.
  if (!resume) cutReply.save(undefined);
  else {
    takeCutReply(persist, key).then(
      (cut) => (cut && !isDisposed ? chat.regenerate(cut.id) : undefined),
      () => undefined,
    );
  }
  return {
    chat,
    composer,
    isOnline: connectivity.isOnline,
    dispose() {
      isDisposed = true;
      chat.dispose();
      connectivity.dispose();
      stopSyncing();
    },
  };
}
