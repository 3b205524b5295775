import { beforeEach, expect, test, vi } from 'vitest';

const importPanel = vi.fn();
vi.mock('./panel-source', () => ({ importPanel }));

/** The loader afresh: it keeps what it loaded for the page's lifetime. */
async function freshLoader() {
  vi.resetModules();
  return import('./panel-loader');
}

beforeEach(() => importPanel.mockReset());

test('loads the panel once for every caller, and has it at hand afterwards', async () => {
  const panel = { startPanel: vi.fn(), loadMarkdown: vi.fn() };
  importPanel.mockResolvedValue(panel);
  const { loadPanel, loadedPanel } = await freshLoader();
  expect(loadedPanel()).toBeUndefined();
  const [first, second] = await Promise.all([loadPanel(), loadPanel()]);
  expect(first).toBe(panel);
  expect(second).toBe(panel);
  expect(loadedPanel()).toBe(panel);
  expect(importPanel).toHaveBeenCalledTimes(1);
});

test('after a failed load, the next call tries again', async () => {
  const panel = { startPanel: vi.fn(), loadMarkdown: vi.fn() };
  importPanel
    .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
    .mockResolvedValue(panel);
  const { loadPanel, loadedPanel } = await freshLoader();
  await expect(loadPanel()).rejects.toThrow('Failed to fetch');
  expect(loadedPanel()).toBeUndefined();
  await expect(loadPanel()).resolves.toBe(panel);
  expect(importPanel).toHaveBeenCalledTimes(2);
});

test('the visitor about to open the chat fetches the markdown stack with the panel, and a failure stays quiet until the chat opens', async () => {
  const panel = { startPanel: vi.fn(), loadMarkdown: vi.fn() };
  importPanel.mockRejectedValueOnce(new TypeError('offline')).mockResolvedValue(panel);
  const { prepareToOpen, loadPanel } = await freshLoader();
  prepareToOpen();
  await vi.waitFor(() => expect(importPanel).toHaveBeenCalledTimes(1));
  // The failed load is forgotten, so the click that opens the chat loads again.
  await expect(loadPanel()).resolves.toBe(panel);
  prepareToOpen();
  await vi.waitFor(() => expect(panel.loadMarkdown).toHaveBeenCalledTimes(1));
});
