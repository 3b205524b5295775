import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemoAgent } from '../agent/agent.ts';
import {
  asyncSnippetPage,
  elementPage,
  esmPage,
  pastedModulePage,
  pastedPage,
  reactPage,
  pinnedScriptCsp,
  scriptTagPage,
  sitePage,
  strictCsp,
  trustedTypesCsp,
  withTripwires,
} from './pages.ts';

/** The project root: everything the test server shows comes from here. */
const root = fileURLToPath(new URL('..', import.meta.url)).replace(/[\/]$/, '');

/** Only these folders of the project are served as files: the builds, the test pages, the ESM build's dependencies. */
const servedPrefixes = ['/dist/', '/e2e/pages/', '/node_modules/'];

/** Where the React page's bundle is served from. */
const reactAppPrefix = '/react-app/';

/** How the ESM page resolves the package and its dependencies without a bundler. */
const importMap: Record<string, string> = {
  'tinytalk-widget': '/dist/esm/index.js',
  'tinytalk-widget/element': '/dist/esm/element.js',
  preact: '/node_modules/preact/dist/preact.mjs',
  'preact/hooks': '/node_modules/preact/hooks/dist/hooks.mjs',
  'preact/jsx-runtime': '/node_modules/preact/jsx-runtime/dist/jsxRuntime.mjs',
  '@preact/signals': '/node_modules/@preact/signals/dist/signals.mjs',
  '@preact/signals-core': '/node_modules/@preact/signals-core/dist/signals-core.mjs',
  marked: '/node_modules/marked/lib/marked.esm.js',
  dompurify: '/node_modules/dompurify/dist/purify.es.mjs',
  'eventsource-parser': '/node_modules/eventsource-parser/dist/index.js',
};

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface TestServer {
  close(): Promise<void>;
}

/** What the server shows beyond the project's own files. */
export interface TestServerOptions {
  /** The folder of the React page's bundle (see global-setup.ts); without it, no React page. */
  reactApp?: string;
}

/**
 * Serves the test pages, the built files and the demo agent on one port. Pages load from
 * 127.0.0.1 and talk to the agent on localhost, so every request crosses origins and
 * CORS is exercised as on a real site.
 */
export async function startTestServer(port: number, { reactApp }: TestServerOptions = {}): Promise<TestServer> {
  const agent = createDemoAgent({ tokenDelayMs: 4 });
  const agentOrigins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    agent
      .handle(req, res)
      .then(async (isHandled) => {
        if (isHandled) return;
        const html = pageFor(url, reactApp !== undefined);
        if (html !== undefined) {
          // A page asks for a policy with ?csp=strict, ?csp=pinned or ?csp=trusted-types, and for
          // e2e/pages/tripwires.js with ?tripwires; the rest of its query is options.
          const csp = cspFor(url.searchParams.get('csp'), url.origin, agentOrigins);
          res.writeHead(200, {
            'Content-Type': 'text/html; charset=utf-8',
            ...(csp && { 'Content-Security-Policy': csp }),
          });
          res.end(url.searchParams.has('tripwires') ? withTripwires(html) : html);
          return;
        }
        // Browsers ask every page for one; a 404 would be a console error in every test.
        if (url.pathname === '/favicon.ico') res.writeHead(204).end();
        else await serveFile(fileFor(url.pathname, reactApp), res);
      })
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500).end(String(error));
      });
  });
  await new Promise<void>((done) => server.listen(port, done));
  return {
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function cspFor(name: string | null, pageOrigin: string, agentOrigins: readonly string[]): string | undefined {
  if (name === 'strict') return strictCsp(agentOrigins);
  if (name === 'pinned') return pinnedScriptCsp(pageOrigin, agentOrigins);
  if (name === 'trusted-types') return trustedTypesCsp(agentOrigins);
  return undefined;
}

function pageFor(url: URL, hasReactApp: boolean): string | undefined {
  const params = new URLSearchParams(url.searchParams);
  params.delete('csp');
  params.delete('tripwires');
  if (url.pathname === '/script-tag') return scriptTagPage(params);
  if (url.pathname === '/site/pricing' || url.pathname === '/site/contact')
    return sitePage(url.pathname.slice('/site/'.length), params);
  if (url.pathname === '/element') return elementPage(params);
  if (url.pathname === '/esm') return esmPage(importMap);
  if (url.pathname === '/async-snippet') return asyncSnippetPage(params);
  // The playground's snippets, pasted: `?html=` into a blank page, `?js=` into an app's module.
  if (url.pathname === '/pasted') return pastedPage(params.get('html') ?? '');
  if (url.pathname === '/pasted-module') return pastedModulePage(params.get('js') ?? '', importMap);
  if (hasReactApp && url.pathname.startsWith('/react/')) return reactPage(importMap);
  return undefined;
}

/** The file a URL path names, if it is one the server shows. */
function fileFor(pathname: string, reactApp: string | undefined): string | undefined {
  const isReactApp = reactApp !== undefined && pathname.startsWith(reactAppPrefix);
  if (!isReactApp && !servedPrefixes.some((prefix) => pathname.startsWith(prefix))) return undefined;
  const folder = isReactApp ? reactApp : root;
  const file = resolve(join(folder, decodeURIComponent(isReactApp ? pathname.slice(reactAppPrefix.length) : pathname)));
  return file.startsWith(folder + sep) ? file : undefined;
}

async function serveFile(file: string | undefined, res: import('node:http').ServerResponse): Promise<void> {
  try {
    if (file === undefined) throw new Error('not served');
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    res.end(body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  }
}
