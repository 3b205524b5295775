import type { WidgetHandle } from '../src/embed/types.ts';
import type { mount } from '../src/embed/mount.ts';

/** What the test pages put on window, for page.evaluate. */
declare global {
  interface Window {
    widget: WidgetHandle;
    tinytalk: { mount: typeof mount };
    events: { name: string; payload: unknown }[];
  }
}
