import { defineConfig, type Plugin } from 'vite';
import { createDemoAgent } from './e2e/agent/agent.ts';

/** The runtime libraries: the ESM build leaves them to the app's bundler. */
const dependencies = ['preact', 'preact/hooks', 'preact/jsx-runtime', '@preact/signals', 'marked', 'dompurify', 'eventsource-parser'];

/** Mounts the local demo agent on the dev server, so `npm start` needs no network and no key. */
function demoAgent(): Plugin {
  const agent = createDemoAgent({ tokenDelayMs: 25 });
  return {
    name: 'tinytalk-demo-agent',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        agent.handle(req, res).then((isHandled) => isHandled || next(), next);
      });
    },
  };
}

// `vite build` writes the ESM entry; `vite build --mode script` the one-file script tag.
export default defineConfig(({ mode }) => ({
  plugins: [demoAgent()],
  // The demo agent answers CORS itself, exactly as the real API does.
  server: { cors: false },
  build:
    mode === 'script'
      ? {
          outDir: 'dist',
          emptyOutDir: false,
          copyPublicDir: false,
          target: 'es2022',
          lib: { entry: 'src/embed/script-tag.ts', formats: ['iife'], name: 'TinyTalkWidget', fileName: () => 'tinytalk-widget.js' },
        }
      : {
          outDir: 'dist/esm',
          copyPublicDir: false,
          target: 'es2022',
          sourcemap: true,
          lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'index.js' },
          rollupOptions: { external: (id: string) => dependencies.includes(id) },
        },
  define: mode === 'script' ? { 'process.env.NODE_ENV': '"production"' } : {},
}));
