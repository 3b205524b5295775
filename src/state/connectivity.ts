import { signal, type ReadonlySignal } from '@preact/signals';

export interface Connectivity {
  /** What the browser believes; a failed request can still say otherwise. */
  isOnline: ReadonlySignal<boolean>;
  dispose(): void;
}

/** Follows the browser's online and offline events; `onReconnect` hears the way back. */
export function createConnectivity(onReconnect: () => void): Connectivity {
  const isOnline = signal(navigator.onLine);
  const online = () => {
    isOnline.value = true;
    onReconnect();
  };
  const offline = () => {
    isOnline.value = false;
  };
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  return {
    isOnline,
    dispose() {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    },
  };
}
