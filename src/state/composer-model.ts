import { signal, type ReadonlySignal } from '@preact/signals';
import type { ChatModel } from './chat-model';
import type { ConversationStore } from './storage';

export interface ComposerModel {
  /** What the visitor is typing; survives a reload. */
  draft: ReadonlySignal<string>;
  /** The visitor sent while offline: the draft goes out when the connection returns. */
  isWaitingForConnection: ReadonlySignal<boolean>;
  /** The visitor's message being edited: sending replaces it and its reply. */
  editingId: ReadonlySignal<string | undefined>;
  setDraft(text: string): void;
  /** Puts the visitor's last message, `id`, back in the draft, to edit it. */
  startEditing(id: string): void;
  /** Leaves the message as it was, and the draft empty. */
  cancelEditing(): void;
  /** Sends the draft, or keeps it to send once back online. */
  submit(): void;
  /** The connection is back: send what was waiting, and retry a reply the outage broke. */
  reconnect(): void;
}

/** The message box's state: the draft and what happens to it when the visitor sends. */
export function createComposerModel(
  chat: ChatModel,
  store: Pick<ConversationStore, 'loadDraft' | 'saveDraft'>,
  isOnline: ReadonlySignal<boolean>,
): ComposerModel {
  const draft = signal(store.loadDraft());
  const isWaitingForConnection = signal(false);
  const editingId = signal<string | undefined>(undefined);

  function setDraft(text: string): void {
    draft.value = text;
    store.saveDraft(text);
  }

  function submit(): void {
    if (draft.value.trim() === '' || chat.status.value !== 'ready') return;
    if (!isOnline.value) {
      isWaitingForConnection.value = true;
      return;
    }
    const text = draft.value;
    const edited = editingId.value;
    isWaitingForConnection.value = false;
    editingId.value = undefined;
    setDraft('');
    void (edited ? chat.edit(edited, text) : chat.send(text));
  }

  return {
    draft,
    isWaitingForConnection,
    editingId,
    setDraft,
    submit,
    startEditing(id) {
      const message = chat.messages.value.find((candidate) => candidate.id === id);
      if (message?.role !== 'user') return;
      editingId.value = id;
      setDraft(message.content);
    },
    cancelEditing() {
      editingId.value = undefined;
      setDraft('');
    },
    reconnect() {
      const last = chat.messages.value.at(-1);
      if (last?.error?.type === 'network' && chat.retryableId.value === last.id) void chat.retry();
      else if (isWaitingForConnection.value) submit();
    },
  };
}
