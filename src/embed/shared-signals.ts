import type * as SignalsCore from '@preact/signals-core';

/**
 * Where the script tag's page script leaves its signals library for the panel's file.
 * The panel reads signals the page script made (the panel's open state, the options, the
 * unread count), and a signal is only tracked by the copy of the library that made it:
 * the two files must share one. A symbol from the global registry, so that nothing shows
 * among the page's own globals.
 */
export const sharedSignalsKey = Symbol.for('tinytalk-widget:signals-core');

export type SharedSignalsHolder = typeof globalThis & { [sharedSignalsKey]?: typeof SignalsCore };
