import type { ChatModel } from './chat-model';
import { parseConversation, type ConversationStore } from './storage';

/**
 * Keeps a conversation in step across tabs of the same site (localStorage `storage`
 * events), and stores a reply still streaming when the page goes away. Returns the
 * function that removes its listeners.
 */
export function syncAcrossTabs(chat: ChatModel, store: Pick<ConversationStore, 'key' | 'persist'>): () => void {
  function onStorage(event: StorageEvent): void {
    if (event.key !== store.key || event.storageArea !== localStorage) return;
    try {
      chat.sync(event.newValue === null ? null : parseConversation(event.newValue, true));
    } catch {
      // Another tab wrote something unreadable: keep what this tab has.
    }
  }
  const onPageHide = () => chat.leave();
  const onPageShow = () => chat.resume();
  if (store.persist === 'local') window.addEventListener('storage', onStorage);
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('pageshow', onPageShow);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener('pagehide', onPageHide);
    window.removeEventListener('pageshow', onPageShow);
  };
}
