import { signal } from '@preact/signals';
import { importMarkdown } from './markdown-source';
import { whenIdle } from './when-idle';

type MarkdownModule = typeof import('../markdown/index');

const module = signal<MarkdownModule | undefined>(undefined);
let loading: Promise<void> | undefined;

/**
 * Starts loading the markdown stack (marked and DOMPurify), and settles once it is in or
 * has failed. Nothing calls it before the chat is about to open, so a page whose visitor
 * never opens it never pays for it. Replies show as plain text until it arrives, or if it
 * cannot be loaded.
 */
export function loadMarkdown(): Promise<void> {
  return (loading ??= importMarkdown().then(
    (loaded) => {
      module.value = loaded;
      // Loaded ahead of need (the pointer on the launcher): make the first reply's render quick.
      runWhenIdle(loaded.warmUpSteps());
    },
    (error: unknown) => {
      console.error('[tinytalk-widget] The markdown renderer could not be loaded; replies show as plain text.', error);
    },
  ));
}

/** Runs `steps` one idle moment each, in order. */
function runWhenIdle([step, ...rest]: (() => void)[]): void {
  if (!step) return;
  whenIdle(() => {
    step();
    runWhenIdle(rest);
  });
}

/** Whether the markdown stack is here, without subscribing to it. */
export function isMarkdownLoaded(): boolean {
  return module.peek() !== undefined;
}

/** The markdown stack once loaded; reading it in a component re-renders it on arrival. */
export function useMarkdown(): MarkdownModule | undefined {
  const loaded = module.value;
  if (!loaded) void loadMarkdown();
  return loaded;
}
