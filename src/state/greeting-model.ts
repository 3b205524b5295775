import { computed, effect, signal, type ReadonlySignal } from '@preact/signals-core';
import type { StoredRecord } from './records';

/** What became of the greeting in this browser session; until then it waits, then shows. */
export type GreetingFate = 'opened' | 'dismissed';

export interface GreetingModel {
  /** The bubble beside the launcher shows. */
  isShown: ReadonlySignal<boolean>;
  /** The visitor opened the chat while the greeting showed: it is the conversation's first message. */
  isInConversation: ReadonlySignal<boolean>;
  dismiss(): void;
  dispose(): void;
}

export interface GreetingModelConfig {
  /** Where its fate is kept for the rest of the browser session. */
  record: StoredRecord<GreetingFate>;
  /** Milliseconds before it shows. */
  delay: number;
  isPanelOpen: ReadonlySignal<boolean>;
  /** Whether to greet, once the delay is over: a greeting to show, and an empty conversation. */
  canGreet: () => boolean;
}

/** The greeting beside the closed launcher: shown once after a delay, until opened or dismissed. */
export function createGreetingModel({ record, delay, isPanelOpen, canGreet }: GreetingModelConfig): GreetingModel {
  const state = signal<'waiting' | 'shown' | GreetingFate>(record.load() ?? 'waiting');
  function settle(fate: GreetingFate): void {
    state.value = fate;
    record.save(fate);
  }
  const timer =
    state.value === 'waiting'
      ? setTimeout(() => {
          if (!isPanelOpen.value && canGreet()) state.value = 'shown';
        }, delay)
      : undefined;
  // However the panel opens (the greeting, or the launcher beside it), the visitor has met it.
  const stopFollowing = effect(() => {
    if (isPanelOpen.value && state.peek() === 'shown') settle('opened');
  });
  return {
    isShown: computed(() => state.value === 'shown'),
    isInConversation: computed(() => state.value === 'opened'),
    dismiss: () => settle('dismissed'),
    dispose() {
      clearTimeout(timer);
      stopFollowing();
    },
  };
}

/** A fate read back from storage. */
export function parseGreetingFate(value: unknown): GreetingFate | undefined {
  return value === 'opened' || value === 'dismissed' ? value : undefined;
}
