import { existsSync } from 'node:fs';
import puppeteer, { type Page } from 'puppeteer-core';
import { scriptFor, withTimeout, type Browser, type Key, type Tab } from './browser.ts';

/** Where Debian puts Firefox ESR; `FIREFOX_PATH` names another build. */
const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Playwright's key names as Puppeteer's: a held modifier, then the key. */
const keys: Record<Key, [modifier: 'Shift' | 'Control' | undefined, key: string]> = {
  Tab: [undefined, 'Tab'],
  'Shift+Tab': ['Shift', 'Tab'],
  Enter: [undefined, 'Enter'],
  'Shift+Enter': ['Shift', 'Enter'],
  Escape: [undefined, 'Escape'],
  Space: [undefined, ' '],
  'Control+v': ['Control', 'v'],
  ArrowRight: [undefined, 'ArrowRight'],
};

function firefoxTab(page: Page): Tab {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  return {
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    async reload() {
      await page.reload({ waitUntil: 'load' });
    },
    run(fn, ...args) {
      return page.evaluate(scriptFor(fn as never, args)) as never;
    },
    async click({ x, y }) {
      await page.mouse.click(x, y);
    },
    async press(key) {
      const [modifier, name] = keys[key];
      if (!modifier) return page.keyboard.press(name as never);
      await page.keyboard.down(modifier);
      try {
        await page.keyboard.press(name as never);
      } finally {
        await page.keyboard.up(modifier);
      }
    },
    async wheel({ x, y }, deltaY) {
      await page.mouse.move(x, y);
      await page.mouse.wheel({ deltaY });
    },
    async type(text) {
      await page.keyboard.type(text);
    },
    async resize(size) {
      await page.setViewport(size);
    },
    async openDialog() {
      return dialogs[0];
    },
    async bringToFront() {
      await page.bringToFront();
    },
    async close() {
      await page.close();
    },
  };
}

/**
 * Firefox over WebDriver BiDi, through puppeteer-core, which starts it with a profile
 * of its own and speaks the protocol. Throws one line saying what to install when the
 * browser is missing.
 */
export async function launchFirefox(): Promise<Browser> {
  if (!existsSync(firefoxPath)) {
    throw new Error(`No Firefox at ${firefoxPath}: apt-get install -y firefox-esr, or set FIREFOX_PATH.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    // Starting takes seconds, and up to a minute on a loaded 2-core machine.
    timeout: 90_000,
    protocolTimeout: 30_000,
    extraPrefsFirefox: {
      // A visitor's Firefox gives a page the clipboard on a click; headless, it still needs the pref's say-so to paste it back.
      'dom.events.testing.asyncClipboard': true,
    },
  });
  try {
    return {
      name: 'firefox',
      version: await browser.version(),
      tab: firefoxTab(await browser.newPage()),
      async newTab() {
        return firefoxTab(await browser.newPage());
      },
      async close() {
        try {
          await withTimeout(browser.close(), 15_000, 'closing Firefox');
        } finally {
          browser.process()?.kill('SIGKILL');
        }
      },
    };
  } catch (error) {
    browser.process()?.kill('SIGKILL');
    throw error;
  }
}
