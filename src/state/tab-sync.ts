import type { ChatModel } from './chat-model';
import type { StoredRecord } from './records';
import type { CutReply } from './resume';
import { parseConversation, type ConversationStore } from './storage';

/**
 * Keeps a conversation in step across tabs of the same site (localStorage `storage`
 * events), and stores a reply still streaming when the page goes away, noting it in
 * `cutReply` for the next page to ask again. Returns the function that removes its listeners.
 */
export function syncAcrossTabs(
  chat: ChatModel,
  store: Pick<ConversationStore, 'key' | 'persist'>,
  cutReply: StoredRecord<CutReply>,
): () => void {
  function onStorage(event: StorageEvent): void {
    if (event.key !== store.key || event.storageArea !== localStorage) return;
    try {
      chat.sync(event.newValue === null ? null : parseConversation(event.newValue, true));
    } catch {
      // Another tab wrote something unreadable: keep what this tab has.
    }
  }
  const onPageHide = () => {
    const id = chat.leave();
    if (id) cutReply.save({ id });
  };
  const onPageShow = (event: PageTransitionEvent) => {
    chat.resume();
    // Back from the back-forward cache: this page has its reply again, for no other to ask.
    if (event.persisted) cutReply.save(undefined);
  };
  if (store.persist === 'local') window.addEventListener('storage', onStorage);
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('pageshow', onPageShow);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener('pagehide', onPageHide);
    window.removeEventListener('pageshow', onPageShow);
  };
}
