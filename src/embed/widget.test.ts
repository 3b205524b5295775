// @vitest-environment jsdom
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { resolveOptions } from '../options/resolve';
import type { WidgetEvents } from './events';
import { createWidget } from './widget';

/** The panel's module as the loader hands it out; each test says how loading goes. */
const loader = vi.hoisted(() => ({ loadPanel: vi.fn(), loadedPanel: vi.fn(), prepareToOpen: vi.fn() }));
vi.mock('./panel-loader', () => loader);

// jsdom has neither media queries nor a canvas, which the open panel's focus rings use
// to follow the colour scheme and to compare colours.
beforeEach(() => {
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }));
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.body.replaceChildren();
  localStorage.clear();
});

/** A floating widget on an empty page, and the `error` events it dispatches. */
function floatingWidget() {
  const host = document.createElement('tinytalk-chat');
  document.body.append(host);
  const errors: WidgetEvents['error'][] = [];
  host.addEventListener('error', (event: Event) => errors.push((event as CustomEvent<WidgetEvents['error']>).detail));
  const widget = createWidget(host, resolveOptions({ botId: 'demo-test' }), 'floating');
  const launcher = host.shadowRoot!.querySelector('.launcher')!;
  return { host, widget, errors, launcher };
}

test('a panel that cannot load is said beside the launcher, reported, and tried again at the next open', async () => {
  const failure = new TypeError('Failed to fetch dynamically imported module');
  loader.loadedPanel.mockReturnValue(undefined);
  loader.loadPanel.mockRejectedValue(failure);
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const { host, widget, errors, launcher } = floatingWidget();

  widget.open();
  // Open at once, as the click asked; closed again once the load has failed.
  await vi.waitFor(() => expect(errors).toHaveLength(1));
  const message = 'The chat service could not be reached. Check your connection and try again.';
  expect(errors).toEqual([{ type: 'network', message }]);
  expect(launcher.getAttribute('aria-expanded')).toBe('false');
  expect(host.shadowRoot!.querySelector('[role="alert"]')?.textContent).toBe(message);
  expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('tinytalk-widget-panel.js'), failure);

  // The next try takes the notice away while it loads.
  loader.loadPanel.mockReturnValue(new Promise(() => undefined));
  widget.open();
  expect(host.shadowRoot!.querySelector('[role="alert"]')).toBeNull();
  expect(loader.loadPanel).toHaveBeenCalledTimes(2);
  widget.dispose();
});

test('a panel that loads but fails to start says so in the console instead of dying silently', async () => {
  const bug = new Error('a bug in the panel');
  loader.loadedPanel.mockReturnValue(undefined);
  loader.loadPanel.mockResolvedValue({
    startPanel: () => {
      throw bug;
    },
    loadMarkdown: () => Promise.resolve(),
  });
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const { widget } = floatingWidget();
  widget.open();
  await vi.waitFor(() => expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('failed to start'), bug));
  widget.dispose();
});

test('a panel already loaded starts in the same task as the open', () => {
  const session = { chat: { messages: { value: [] }, stop: vi.fn(), reset: vi.fn() } };
  const startPanel = vi.fn(() => ({ session, dispose: vi.fn() }));
  loader.loadedPanel.mockReturnValue({ startPanel, loadMarkdown: () => Promise.resolve() });
  const { widget, launcher } = floatingWidget();
  widget.open();
  expect(startPanel).toHaveBeenCalledOnce();
  expect(launcher.getAttribute('aria-expanded')).toBe('true');
  widget.reset();
  expect(session.chat.reset).toHaveBeenCalledOnce();
  widget.dispose();
});
