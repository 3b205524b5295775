import { signal } from '@preact/signals';

type MarkdownModule = typeof import('../markdown/index');

const module = signal<MarkdownModule | undefined>(undefined);
let loading: Promise<void> | undefined;

/**
 * Starts loading the markdown stack (marked and DOMPurify). Nothing calls it before the
 * visitor opens the panel, so a page that never opens the chat never pays for it: the
 * script-tag build carries the code but evaluates it here, the ESM build splits it into
 * its own chunk.
 */
export function loadMarkdown(): void {
  loading ??= import('../markdown/index').then(
    (loaded) => {
      module.value = loaded;
    },
    (error: unknown) => {
      // A chunk that failed to load (offline, a deploy in between) may load next time.
      loading = undefined;
      console.error('[tinytalk-widget] The markdown renderer could not be loaded.', error);
    },
  );
}

/** The markdown stack once loaded; reading it in a component re-renders it on arrival. */
export function useMarkdown(): MarkdownModule | undefined {
  const loaded = module.value;
  if (!loaded) loadMarkdown();
  return loaded;
}
