import { signal } from '@preact/signals';
import { describe, expect, test } from 'vitest';
import type { ChatModel } from './chat-model';
import { createComposerModel } from './composer-model';
import type { ChatMessage } from './types';

/** A chat that records what it is asked to send and retry. */
function fakeChat(last?: Partial<ChatMessage>) {
  const sent: string[] = [];
  let retries = 0;
  const chat = {
    status: signal('ready'),
    messages: signal(
      last ? [{ id: 'a1', role: 'assistant', content: '', status: 'error', citedResources: [], ...last }] : [],
    ),
    retryableId: signal(last ? 'a1' : undefined),
    send: async (text: string) => void sent.push(text),
    retry: async () => void (retries += 1),
  } as unknown as ChatModel;
  return { chat, sent, retries: () => retries };
}

function memoryDraft(initial = '') {
  const store = {
    draft: initial,
    loadDraft: () => store.draft,
    saveDraft: (text: string) => void (store.draft = text),
  };
  return store;
}

describe('createComposerModel', () => {
  test('starts from the stored draft and stores every change', () => {
    const store = memoryDraft('Half a thought');
    const composer = createComposerModel(fakeChat().chat, store, signal(true));
    expect(composer.draft.value).toBe('Half a thought');
    composer.setDraft('Half a thought, finished');
    expect(store.draft).toBe('Half a thought, finished');
  });

  test('sends the draft and clears it, here and in storage', () => {
    const { chat, sent } = fakeChat();
    const store = memoryDraft();
    const composer = createComposerModel(chat, store, signal(true));
    composer.setDraft('Hello');
    composer.submit();
    expect(sent).toEqual(['Hello']);
    expect(composer.draft.value).toBe('');
    expect(store.draft).toBe('');
  });

  test('offline, keeps the draft and sends it once the connection returns', () => {
    const { chat, sent } = fakeChat();
    const isOnline = signal(false);
    const composer = createComposerModel(chat, memoryDraft(), isOnline);
    composer.setDraft('Sent from a tunnel');
    composer.submit();
    expect(sent).toEqual([]);
    expect(composer.isWaitingForConnection.value).toBe(true);
    isOnline.value = true;
    composer.reconnect();
    expect(sent).toEqual(['Sent from a tunnel']);
    expect(composer.isWaitingForConnection.value).toBe(false);
  });

  test('on reconnecting, retries a reply that failed for want of a network', () => {
    const { chat, retries } = fakeChat({ error: { type: 'network' } });
    createComposerModel(chat, memoryDraft(), signal(true)).reconnect();
    expect(retries()).toBe(1);
  });

  test('sends nothing blank', () => {
    const { chat, sent } = fakeChat();
    const composer = createComposerModel(chat, memoryDraft(), signal(true));
    composer.setDraft('   ');
    composer.submit();
    expect(sent).toEqual([]);
  });
});
