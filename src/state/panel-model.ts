import { signal, type ReadonlySignal } from '@preact/signals';

export interface PanelModel {
  isOpen: ReadonlySignal<boolean>;
  open(): void;
  close(): void;
  toggle(): void;
}

/** Whether the floating panel is open; `onChange` hears every real change. */
export function createPanelModel(isInitiallyOpen: boolean, onChange?: (isOpen: boolean) => void): PanelModel {
  const isOpen = signal(isInitiallyOpen);
  function set(value: boolean): void {
    if (isOpen.value === value) return;
    isOpen.value = value;
    onChange?.(value);
  }
  return {
    isOpen,
    open: () => set(true),
    close: () => set(false),
    toggle: () => set(!isOpen.value),
  };
}
