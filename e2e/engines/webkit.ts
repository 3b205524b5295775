import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { scriptFor, withTimeout, type Browser, type Key, type Tab } from './browser.ts';
import { enginesServerPort } from './ports.ts';

/** WebKitGTK's own browser, which WebKitWebDriver starts in automation mode; `WEBKIT_BROWSER` names another. */
const miniBrowserPath = process.env.WEBKIT_BROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** The driver's port: next to the suite's servers (see ports.ts). */
const driverPort = enginesServerPort + 2;

/** No WebDriver command may take longer; a page load included. */
const commandTimeoutMs = 30_000;

/** The WebDriver key codes of the keys a test presses. */
const keyCodes: Record<Key, string[]> = {
  Tab: ['\uE004'],
  'Shift+Tab': ['\uE008', '\uE004'],
  Enter: ['\uE007'],
  'Shift+Enter': ['\uE008', '\uE007'],
  Escape: ['\uE00C'],
  Space: [' '],
  'Control+v': ['\uE009', 'v'],
  ArrowRight: ['\uE014'],
};

/** Presses `codes` down in order and lets them go in reverse, as a chord. */
function chord(codes: string[]) {
  return [
    ...codes.map((value) => ({ type: 'keyDown', value })),
    ...[...codes].reverse().map((value) => ({ type: 'keyUp', value })),
  ];
}

class WebDriverError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/** One classic WebDriver session over HTTP: a command is a request, its answer `{value}`. */
function createSession(base: string) {
  let path = '';
  async function send<T>(method: 'GET' | 'POST' | 'DELETE', route: string, body?: unknown): Promise<T> {
    const response = await fetch(`${base}${path}${route}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
      signal: AbortSignal.timeout(commandTimeoutMs),
    });
    const answer = (await response.json()) as { value: T & { error?: string; message?: string } };
    if (!response.ok)
      throw new WebDriverError(answer.value.error ?? String(response.status), answer.value.message ?? '');
    return answer.value;
  }
  return {
    send,
    async start(capabilities: object): Promise<{ sessionId: string; capabilities: Record<string, unknown> }> {
      const started = await send<{ sessionId: string; capabilities: Record<string, unknown> }>('POST', '/session', {
        capabilities,
      });
      path = `/session/${started.sessionId}`;
      return started;
    },
  };
}

/** Starts WebKitWebDriver on its own X server and waits until it answers. */
async function startDriver(): Promise<ChildProcess> {
  const driver = spawn('xvfb-run', ['-a', '-s', '-screen 0 1600x1200x24', 'WebKitWebDriver', `--port=${driverPort}`], {
    // A process group of its own, so that Xvfb, the driver and the browser are killed together.
    detached: true,
    stdio: 'ignore',
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (driver.exitCode !== null)
      throw new Error(`WebKitWebDriver exited (${driver.exitCode}); is port ${driverPort} taken?`);
    try {
      const response = await fetch(`http://127.0.0.1:${driverPort}/status`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return driver;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  killGroup(driver);
  throw new Error('WebKitWebDriver did not answer within 60 s');
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function missingPieces(): string | undefined {
  const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
  if (!has('WebKitWebDriver')) return 'No WebKitWebDriver: apt-get install -y webkit2gtk-driver.';
  if (!existsSync(miniBrowserPath))
    return `No MiniBrowser at ${miniBrowserPath}: apt-get install -y webkit2gtk-driver, or set WEBKIT_BROWSER.`;
  if (!has('xvfb-run')) return 'No xvfb-run: apt-get install -y xvfb.';
  return undefined;
}

/**
 * WebKit (WebKitGTK, the engine Safari is built on) through WebKitWebDriver, classic
 * WebDriver over HTTP, with MiniBrowser in automation mode on an Xvfb display. One window
 * at a time takes commands: each tab switches to itself first.
 */
export async function launchWebKit(): Promise<Browser> {
  const missing = missingPieces();
  if (missing) throw new Error(missing);
  const driver = await startDriver();
  const onExit = () => killGroup(driver);
  process.once('exit', onExit);
  const session = createSession(`http://127.0.0.1:${driverPort}`);
  let current = '';
  try {
    const started = await session.start({
      alwaysMatch: {
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: miniBrowserPath, args: ['--automation'] },
      },
    });
    await session.send('POST', '/timeouts', { script: 25_000, pageLoad: 25_000, implicit: 0 });
    current = await session.send<string>('GET', '/window');

    function tab(handle: string): Tab {
      async function focus(): Promise<void> {
        if (current === handle) return;
        await session.send('POST', '/window', { handle });
        current = handle;
      }
      async function actions(sources: object[]): Promise<void> {
        await focus();
        await session.send('POST', '/actions', { actions: sources });
        await session.send('DELETE', '/actions');
      }
      const self: Tab = {
        async goto(url) {
          await focus();
          await session.send('POST', '/url', { url });
        },
        async reload() {
          await focus();
          await session.send('POST', '/refresh');
        },
        async run(fn, ...args) {
          await focus();
          return session.send('POST', '/execute/sync', { script: `return ${scriptFor(fn as never, args)};`, args: [] });
        },
        async click({ x, y }) {
          await actions([
            {
              type: 'pointer',
              id: 'mouse',
              parameters: { pointerType: 'mouse' },
              actions: [
                { type: 'pointerMove', x, y, origin: 'viewport', duration: 0 },
                { type: 'pointerDown', button: 0 },
                { type: 'pointerUp', button: 0 },
              ],
            },
          ]);
        },
        async press(key) {
          await actions([{ type: 'key', id: 'keyboard', actions: chord(keyCodes[key]) }]);
        },
        async wheel({ x, y }, deltaY) {
          await actions([
            {
              type: 'wheel',
              id: 'wheel',
              actions: [{ type: 'scroll', x, y, deltaX: 0, deltaY, origin: 'viewport', duration: 0 }],
            },
          ]);
        },
        async type(text) {
          await actions([
            { type: 'key', id: 'keyboard', actions: [...text].flatMap((character) => chord([character])) },
          ]);
        },
        async resize({ width, height }) {
          await focus();
          // The rect is the window's, toolbar included: aim, measure the viewport, correct once.
          await session.send('POST', '/window/rect', { width, height });
          const inner = await self.run(() => ({ width: innerWidth, height: innerHeight }));
          await session.send('POST', '/window/rect', {
            width: 2 * width - inner.width,
            height: 2 * height - inner.height,
          });
        },
        async openDialog() {
          await focus();
          try {
            return await session.send<string>('GET', '/alert/text');
          } catch (error) {
            if (error instanceof WebDriverError && error.code === 'no such alert') return undefined;
            throw error;
          }
        },
        bringToFront: focus,
        async close() {
          await focus();
          await session.send('DELETE', '/window');
          current = '';
        },
      };
      return self;
    }

    return {
      name: 'webkit',
      version: `WebKitGTK ${String(started.capabilities.browserVersion)}`,
      // The session's own window: WebKit ends the session when its last window closes.
      tab: tab(current),
      async newTab() {
        // A window, not a tab: WebKitGTK delivers no input to a tab hidden behind another.
        const { handle } = await session.send<{ handle: string }>('POST', '/window/new', { type: 'window' });
        return tab(handle);
      },
      async close() {
        try {
          await withTimeout(session.send('DELETE', ''), 15_000, 'closing WebKit');
        } finally {
          process.off('exit', onExit);
          killGroup(driver);
        }
      },
    };
  } catch (error) {
    process.off('exit', onExit);
    killGroup(driver);
    throw error;
  }
}
