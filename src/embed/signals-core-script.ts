// Stands in for @preact/signals-core in the script tag's panel file (see vite.config.ts):
// the panel uses the page script's copy of the library, which panel-source-script.ts
// leaves where this reads it just before the file is evaluated.
import { sharedSignalsKey, type SharedSignalsHolder } from './shared-signals';

const core = (globalThis as SharedSignalsHolder)[sharedSignalsKey];
if (!core)
  throw new Error('[tinytalk-widget] tinytalk-widget-panel.js is loaded by tinytalk-widget.js, not on its own.');

export const { Computed, Effect, Signal, action, batch, computed, createModel, effect, signal, untracked } = core;
