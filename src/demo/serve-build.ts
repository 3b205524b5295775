// A dev-server plugin, not page code: it serves the built script the playground's snippets
// point at, so that a snippet pasted into any page, on any origin, works.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const dist = new URL('../../dist/', import.meta.url);

/**
 * Serves `dist/*.js` as a CDN would: as built, untouched by Vite, and with CORS, as the
 * script tag imports the markdown file beside it as a module, across origins.
 */
export function serveBuild(): Plugin {
  return {
    name: 'tinytalk-serve-build',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = /^\/dist\/([\w-]+\.js)(?:\?|$)/.exec(req.url ?? '')?.[1];
        if (!name) return next();
        readFile(fileURLToPath(new URL(name, dist))).then(
          (body) => {
            res.writeHead(200, {
              'Content-Type': 'text/javascript; charset=utf-8',
              'Access-Control-Allow-Origin': '*',
              'Cache-Control': 'no-store',
            });
            res.end(body);
          },
          () => {
            res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Access-Control-Allow-Origin': '*' });
            res.end(`dist/${name} is not built: run npm run build.\n`);
          },
        );
      });
    },
  };
}
