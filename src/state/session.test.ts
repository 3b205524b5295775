// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ChatRequest } from '../api/client';
import type { ChatEvent } from '../api/types';
import { createLockManager, useLocks } from './locks.test-helpers';
import { createCutReplyRecord } from './resume';
import { createSession, type Session } from './session';
import { conversationKey, createConversationStore } from './storage';
import type { ChatMessage } from './types';

const botId = 'demo';
const key = conversationKey(botId);

/** What the last page stored as it went away in the middle of a reply. */
function leaveCutReply(): void {
  const cut: ChatMessage[] = [
    { id: 'u1', role: 'user', content: 'Pricing?', status: 'done', citedResources: [] },
    { id: 'a1', role: 'assistant', content: 'Pri', status: 'streaming', citedResources: [] },
  ];
  createConversationStore('local', key).save(cut);
  createCutReplyRecord('local', key).save({ id: 'a1' });
}

/** Sessions, as tabs of the site would open them, over one agent that records its requests. */
function openTabs(count: number, { resume = true } = {}) {
  const requests: ChatRequest[] = [];
  async function* transport(request: ChatRequest): AsyncGenerator<ChatEvent> {
    requests.push(request);
    yield { type: 'text', delta: 'Pricing: three plans.' };
  }
  const sessions: Session[] = Array.from({ length: count }, () =>
    createSession({ botId, persist: 'local', resume, transport }),
  );
  return { sessions, requests };
}

const opened: Session[] = [];

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  useLocks(createLockManager());
  leaveCutReply();
});

afterEach(() => {
  for (const session of opened.splice(0)) session.dispose();
  Reflect.deleteProperty(navigator, 'locks');
});

describe('createSession, after a page cut a reply short', () => {
  test('asks again for the conversation without the cut reply, and the answer replaces it', async () => {
    const { sessions, requests } = openTabs(1);
    opened.push(...sessions);
    const { chat } = sessions[0]!;
    await vi.waitFor(() => expect(chat.messages.value.at(-1)?.status).toBe('done'));
    expect(requests.map(({ messages }) => messages)).toEqual([[{ role: 'user', content: 'Pricing?' }]]);
    expect(chat.messages.value.map(({ content }) => content)).toEqual(['Pricing?', 'Pricing: three plans.']);
    expect(createCutReplyRecord('local', key).load()).toBeUndefined();
  });

  test('two tabs opening at once ask once', async () => {
    const { sessions, requests } = openTabs(2);
    opened.push(...sessions);
    await vi.waitFor(() =>
      expect(createConversationStore('local', key).load().at(-1)).toMatchObject({
        content: 'Pricing: three plans.',
        status: 'done',
      }),
    );
    // Every promise settled: the other tab has taken nothing, or has asked too.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(requests).toHaveLength(1);
  });

  test('with resume false, asks nothing and forgets the cut reply', async () => {
    const { sessions, requests } = openTabs(1, { resume: false });
    opened.push(...sessions);
    expect(createCutReplyRecord('local', key).load()).toBeUndefined();
    // Every promise settled: a request, had one been made, would be recorded.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(requests).toEqual([]);
    expect(sessions[0]!.chat.messages.value.at(-1)?.content).toBe('Pri');
  });
});
