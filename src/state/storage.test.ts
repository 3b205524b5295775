// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { maxReplyLength } from './length-cap';
import { conversationKey, createConversationStore, maxStoredLength, parseConversation } from './storage';
import type { ChatMessage } from './types';

const conversation: ChatMessage[] = [
  { id: 'u1', role: 'user', content: 'Opening hours?', status: 'done', citedResources: [] },
  {
    id: 'a1',
    role: 'assistant',
    content: 'Nine to five.',
    status: 'done',
    citedResources: [{ id: 'kb-1', url: 'https://docs.example/hours', title: 'Hours' }],
  },
  { id: 'u2', role: 'user', content: 'And Sundays?', status: 'done', citedResources: [] },
  {
    id: 'a2',
    role: 'assistant',
    content: 'Clo',
    status: 'error',
    citedResources: [],
    error: { type: 'http', status: 503, retryAfter: 5 },
  },
];

/** Stored JSON as the store writes it, with whatever `messages` a test needs. */
function stored(messages: unknown, version: unknown = 1): string {
  return JSON.stringify({ version, messages });
}

/** Silences and counts the store's console warnings. */
function spyOnWarn() {
  return vi.spyOn(console, 'warn').mockImplementation(() => {});
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createConversationStore', () => {
  test('keeps a conversation in localStorage across stores, as across reloads', () => {
    createConversationStore('local', 'k').save(conversation);
    expect(createConversationStore('local', 'k').load()).toEqual(conversation);
    expect(sessionStorage.length).toBe(0);
  });

  test('keeps a conversation in sessionStorage when persist is session', () => {
    createConversationStore('session', 'k').save(conversation);
    expect(createConversationStore('session', 'k').load()).toEqual(conversation);
    expect(localStorage.length).toBe(0);
  });

  test('keeps nothing anywhere when persist is none', () => {
    const store = createConversationStore('none', 'k');
    store.save(conversation);
    expect(store.load()).toEqual([]);
    expect(localStorage.length + sessionStorage.length).toBe(0);
  });

  test('loads an empty conversation when nothing is stored', () => {
    expect(createConversationStore('local', 'k').load()).toEqual([]);
  });

  test('forgets the conversation on clear', () => {
    const store = createConversationStore('local', 'k');
    store.save(conversation);
    store.clear();
    expect(store.load()).toEqual([]);
    expect(localStorage.getItem('k')).toBeNull();
  });

  test("keeps each agent's conversation under its own key", () => {
    expect(conversationKey('bot-a')).not.toBe(conversationKey('bot-b'));
    createConversationStore('local', conversationKey('bot-a')).save(conversation);
    expect(createConversationStore('local', conversationKey('bot-b')).load()).toEqual([]);
    expect(createConversationStore('local', conversationKey('bot-a')).load()).toEqual(conversation);
    expect(localStorage.getItem(conversationKey('bot-a'))).not.toBeNull();
  });
});

describe('a store the browser refuses', () => {
  test('loads nothing from corrupt JSON, can still save, and warns once', () => {
    const warn = spyOnWarn();
    localStorage.setItem('k', '{"version":1,"messages":[');
    const store = createConversationStore('local', 'k');
    expect(store.load()).toEqual([]);
    expect(store.load()).toEqual([]);
    store.save(conversation);
    expect(store.load()).toEqual(conversation);
    expect(warn).toHaveBeenCalledOnce();
  });

  test('keeps working when saving exceeds the quota, and warns once', () => {
    const warn = spyOnWarn();
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const store = createConversationStore('local', 'k');
    expect(() => {
      store.save(conversation);
      store.save(conversation);
      store.save(conversation);
    }).not.toThrow();
    expect(store.load()).toEqual([]);
    expect(warn).toHaveBeenCalledOnce();
  });

  test('keeps working when merely reading localStorage throws, and warns once', () => {
    const warn = spyOnWarn();
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    const store = createConversationStore('local', 'k');
    expect(store.load()).toEqual([]);
    expect(() => {
      store.save(conversation);
      store.clear();
    }).not.toThrow();
    expect(store.load()).toEqual([]);
    expect(warn).toHaveBeenCalledOnce();
  });
});

describe('parseConversation', () => {
  test('reads back what the store writes', () => {
    expect(parseConversation(stored(conversation))).toEqual(conversation);
  });

  test('drops malformed entries and keeps the rest', () => {
    const [first, second] = conversation;
    const malformed = [
      null,
      'text',
      { ...first, id: 7 },
      { ...first, role: 'system' },
      { ...first, content: null },
      { ...first, status: 'pending' },
      { ...first, citedResources: undefined },
    ];
    expect(parseConversation(stored([first, ...malformed, second]))).toEqual([first, second]);
  });

  test('keeps the reply, and of its cited resources only the objects with a url', () => {
    const valid = { id: 'kb-2', url: 'https://b.example/page' };
    const reply = { ...conversation[1], citedResources: [null, 'https://a.example', { title: 'no url' }, valid] };
    expect(parseConversation(stored([reply]))).toEqual([{ ...reply, citedResources: [valid] }]);
  });

  test('keeps a failed reply whose error is not an error description, without the error', () => {
    const { error: _valid, ...failed } = conversation[3]!;
    const replies = ['boom', { status: 500 }, { type: 'bogus' }].map((error, i) => ({ ...failed, id: `a${i}`, error }));
    expect(parseConversation(stored(replies))).toEqual(replies.map(({ error: _invalid, ...reply }) => reply));
  });

  test("keeps a reply's rating, and drops one that is not thumbs up or down", () => {
    const replies = (['up', 'down', 'meh', 1] as const).map((feedback, i) => ({
      ...conversation[1],
      id: `r${i}`,
      feedback,
    }));
    expect(parseConversation(stored(replies)).map((message) => message.feedback)).toEqual([
      'up',
      'down',
      undefined,
      undefined,
    ]);
  });

  test('ignores data written with another schema version', () => {
    expect(parseConversation(stored(conversation, 2))).toEqual([]);
    expect(parseConversation(JSON.stringify({ messages: conversation }))).toEqual([]);
  });

  test('ignores JSON of another shape', () => {
    expect(parseConversation('null')).toEqual([]);
    expect(parseConversation('[]')).toEqual([]);
    expect(parseConversation(JSON.stringify({ version: 1, messages: {} }))).toEqual([]);
  });

  test('turns a reply that was still streaming into a stopped one', () => {
    const reply = { id: 'a1', role: 'assistant', content: 'Half a', status: 'streaming', citedResources: [] };
    expect(parseConversation(stored([reply]))).toEqual([{ ...reply, status: 'stopped' }]);
  });
});

describe('storage with limits (issue 10: nothing capped what was stored)', () => {
  test('one reply with 1,245 long citations stores at most 20 of them, each page once', () => {
    const citations = Array.from({ length: 1245 }, (_, index) => ({
      id: `c${index}`,
      url: `https://docs.example/${index % 300}/${'x'.repeat(index % 2 ? 1900 : 4000)}`,
    }));
    const reply = { ...conversation[1], citedResources: citations };
    const store = createConversationStore('local', 'k');
    store.save(parseConversation(stored([reply])));
    const [loaded] = store.load();
    expect(loaded?.citedResources).toHaveLength(20);
    expect(new Set(loaded?.citedResources.map(({ url }) => url)).size).toBe(20);
    expect(localStorage.getItem('k')?.length).toBeLessThan(100_000);
  });

  test(`stores at most ${maxStoredLength} characters, dropping the oldest turns first, with one warning`, () => {
    const warn = spyOnWarn();
    const turns: ChatMessage[] = Array.from({ length: 30 }, (_, index) => ({
      id: `m${index}`,
      role: index % 2 ? 'assistant' : 'user',
      content: `${index} ${'x'.repeat(90_000)}`,
      status: 'done',
      citedResources: [],
    }));
    const store = createConversationStore('local', 'k');
    store.save(turns);
    store.save(turns);
    const raw = localStorage.getItem('k') ?? '';
    expect(raw.length).toBeLessThanOrEqual(maxStoredLength);
    const kept = store.load();
    expect(kept.at(-1)?.id).toBe('m29');
    expect(kept.map(({ id }) => id)).toEqual(turns.slice(-kept.length).map(({ id }) => id));
    expect(kept.length).toBeGreaterThanOrEqual(10);
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/oldest turns/);
  });

  test('a stored retryAfter that is a string is left out, and the rest of the error kept', () => {
    const reply = { ...conversation[3], error: { type: 'http', status: 429, retryAfter: '<b>soon</b>', detail: 7 } };
    expect(parseConversation(stored([reply]))[0]?.error).toEqual({ type: 'http', status: 429 });
  });

  test('every stored field is type-checked: a wrong optional field is left out, a wrong required one drops the message', () => {
    const reply = {
      ...conversation[1],
      retryAt: 'later',
      isTruncated: 'yes',
      createdAt: -1,
      feedback: 'up',
      extra: '<script>',
      error: { type: 'http', status: 'x' },
    };
    expect(parseConversation(stored([reply]))).toEqual([
      { ...conversation[1], feedback: 'up', error: { type: 'http' } },
    ]);
    expect(parseConversation(stored([{ ...conversation[0], id: 'x'.repeat(5000) }]))).toEqual([]);
  });

  test('a stored reply of 4.9 M characters is cut on load to what the widget keeps, and says so', () => {
    const reply = { ...conversation[1], content: 'x'.repeat(4_900_000) };
    const [loaded] = parseConversation(stored([reply]));
    expect(loaded?.content).toHaveLength(maxReplyLength);
    expect(loaded?.isTruncated).toBe(true);
  });

  test('a stored draft is capped on load', () => {
    localStorage.setItem('k:draft', 'x'.repeat(1_000_000));
    expect(createConversationStore('local', 'k').loadDraft().length).toBeLessThanOrEqual(10_000);
  });
});
