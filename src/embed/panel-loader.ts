import { importPanel } from './panel-source';

type PanelModule = typeof import('./panel');

let loaded: PanelModule | undefined;
let loading: Promise<PanelModule> | undefined;

/** The panel's module if it has arrived: a panel opened then starts in the same task. */
export function loadedPanel(): PanelModule | undefined {
  return loaded;
}

/** Loads the panel's module once for every widget on the page; after a failure, the next call tries again. */
export function loadPanel(): Promise<PanelModule> {
  loading ??= importPanel().then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * The visitor is about to open the chat (the pointer on the launcher, or the focus):
 * fetch the panel and the markdown stack now, not after the click. A failure here is
 * reported when the chat is opened and the load is tried again.
 */
export function prepareToOpen(): void {
  loadPanel().then(
    (module) => void module.loadMarkdown(),
    () => undefined,
  );
}
