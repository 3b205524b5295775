import { signal, type ReadonlySignal } from '@preact/signals-core';

export interface PanelModel {
  isOpen: ReadonlySignal<boolean>;
  open(): void;
  close(): void;
  toggle(): void;
}

export interface PanelModelConfig {
  /** Runs just before the panel opens, so what it shows can be made ready first. */
  beforeOpen?: () => void;
  /** Hears every real change. */
  onChange?: (isOpen: boolean) => void;
}

/** Whether the floating panel is open. */
export function createPanelModel(
  isInitiallyOpen: boolean,
  { beforeOpen, onChange }: PanelModelConfig = {},
): PanelModel {
  const isOpen = signal(isInitiallyOpen);
  function set(value: boolean): void {
    if (isOpen.value === value) return;
    if (value) beforeOpen?.();
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

/** How the panel stood when the visitor left the page, for the next page of the visit. */
export interface PanelView {
  isOpen: boolean;
  /** How far above the end of the conversation the reader was, in px; absent: following the end. */
  fromBottom?: number;
}

/** A panel view read back from storage. */
export function parsePanelView(value: unknown): PanelView | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { isOpen, fromBottom } = value as Record<string, unknown>;
  if (typeof isOpen !== 'boolean') return undefined;
  return typeof fromBottom === 'number' && Number.isFinite(fromBottom) && fromBottom > 0
    ? { isOpen, fromBottom }
    : { isOpen };
}
