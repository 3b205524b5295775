import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createGreetingModel, parseGreetingFate, type GreetingFate, type GreetingModelConfig } from './greeting-model';
import type { StoredRecord } from './records';

/** A record in memory, standing for sessionStorage across the pages of one visit. */
function memoryRecord(initial?: GreetingFate): StoredRecord<GreetingFate> {
  let value = initial;
  return {
    load: () => value,
    save(next) {
      value = next;
    },
  };
}

/** A greeting over a closed panel and an empty conversation, unless told otherwise. */
function setup(config: Partial<GreetingModelConfig> = {}) {
  const isPanelOpen = signal(false);
  const record = config.record ?? memoryRecord();
  const greeting = createGreetingModel({ record, delay: 3000, isPanelOpen, canGreet: () => true, ...config });
  return { greeting, isPanelOpen, record };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createGreetingModel', () => {
  test('shows once the delay is over, not before', () => {
    const { greeting } = setup();
    vi.advanceTimersByTime(2999);
    expect(greeting.isShown.value).toBe(false);
    vi.advanceTimersByTime(1);
    expect(greeting.isShown.value).toBe(true);
    expect(greeting.isInConversation.value).toBe(false);
  });

  test('does not show when, at the end of the delay, there is nothing to greet with', () => {
    let isConversationEmpty = true;
    const { greeting } = setup({ canGreet: () => isConversationEmpty });
    // The visitor started a conversation (a host's send()) while it waited.
    isConversationEmpty = false;
    vi.advanceTimersByTime(3000);
    expect(greeting.isShown.value).toBe(false);
  });

  test('does not show over an open panel, nor later on that page when the panel closes', () => {
    const { greeting, isPanelOpen, record } = setup();
    isPanelOpen.value = true;
    vi.advanceTimersByTime(3000);
    expect(greeting.isShown.value).toBe(false);
    isPanelOpen.value = false;
    vi.runAllTimers();
    expect(greeting.isShown.value).toBe(false);
    // It was never seen: the next page may greet again.
    expect(record.load()).toBeUndefined();
  });

  test('opening the panel while it shows makes it the first message, for the rest of the visit', () => {
    const { greeting, isPanelOpen, record } = setup();
    vi.advanceTimersByTime(3000);
    isPanelOpen.value = true;
    expect(greeting.isShown.value).toBe(false);
    expect(greeting.isInConversation.value).toBe(true);
    expect(record.load()).toBe('opened');

    const nextPage = setup({ record });
    expect(nextPage.greeting.isInConversation.value).toBe(true);
    vi.runAllTimers();
    expect(nextPage.greeting.isShown.value).toBe(false);
  });

  test('Dismiss hides it for the rest of the visit, and it never becomes a message', () => {
    const { greeting, record } = setup();
    vi.advanceTimersByTime(3000);
    greeting.dismiss();
    expect(greeting.isShown.value).toBe(false);
    expect(greeting.isInConversation.value).toBe(false);
    expect(record.load()).toBe('dismissed');

    const nextPage = setup({ record });
    vi.runAllTimers();
    expect(nextPage.greeting.isShown.value).toBe(false);
    expect(nextPage.greeting.isInConversation.value).toBe(false);
  });

  test('opening the panel after a dismissal keeps it out of the conversation', () => {
    const { greeting, isPanelOpen } = setup();
    vi.advanceTimersByTime(3000);
    greeting.dismiss();
    isPanelOpen.value = true;
    expect(greeting.isInConversation.value).toBe(false);
  });

  test('disposed before the delay is over, it never shows', () => {
    const { greeting } = setup();
    greeting.dispose();
    vi.runAllTimers();
    expect(greeting.isShown.value).toBe(false);
  });
});

describe('parseGreetingFate', () => {
  test('takes back only the fates it stores', () => {
    expect(['opened', 'dismissed', 'shown', 'waiting', 1, null].map(parseGreetingFate)).toEqual([
      'opened',
      'dismissed',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
