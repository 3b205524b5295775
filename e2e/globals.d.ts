import type { WidgetHandle } from '../src/embed/types.ts';
import type { mount } from '../src/embed/mount.ts';

/** What the test pages put on window, for page.evaluate. */
declare global {
  interface Window {
    widget: WidgetHandle;
    tinytalkEsm: { mount: typeof mount };
    /** Every event of `widget`, heard through `widget.on()`. */
    events: { name: string; payload: unknown }[];
    /** The same, heard as DOM events on `widget.element`. */
    domEvents: { name: string; payload: unknown }[];
    /** The async snippet page: each event its calls listened to, with its detail. */
    heard: [string, unknown][];
    tinytalk?: { toggle(): void };
  }
}
