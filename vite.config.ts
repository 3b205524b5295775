import { fileURLToPath } from 'node:url';
import { defineConfig, type BuildEnvironmentOptions, type Plugin } from 'vite';
import { createDemoAgent } from './agent/agent.ts';
import { serveBuild } from './src/demo/serve-build.ts';
import { markdownChunkName, panelChunkName } from './src/embed/chunk-names.ts';

/** The runtime libraries: the ESM build leaves them to the app's bundler. */
const dependencies = [
  'preact',
  'preact/hooks',
  'preact/jsx-runtime',
  '@preact/signals',
  '@preact/signals-core',
  'marked',
  'dompurify',
  'eventsource-parser',
];

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

/**
 * V8 compiles a function the first time it is called, on the main thread: left to that,
 * loading the script tag compiles some 85 functions inside the page's load, a third of the
 * widget's long task on a slow phone. This comment, first in the file, has Chromium compile
 * them all with the script, on a background thread while it downloads. Other engines ignore
 * it. Added after minifying, which drops comments.
 */
function compileHint(): Plugin {
  return {
    name: 'tinytalk-compile-hint',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle))
        if (file.type === 'chunk') file.code = `//# allFunctionsCalledOnLoad\n${file.code}`;
    },
  };
}

/**
 * Resolves each module of `swaps` to another: a package by its name, a module of ours by
 * its path from the project's root.
 */
function swapModules(swaps: Record<string, string>): Plugin {
  const path = (file: string) => fileURLToPath(new URL(file, import.meta.url));
  const byName = new Map<string, string>();
  const byPath = new Map<string, string>();
  for (const [source, replacement] of Object.entries(swaps)) {
    if (source.startsWith('src/')) byPath.set(path(source), path(replacement));
    else byName.set(source, path(replacement));
  }
  return {
    name: 'tinytalk-swap-modules',
    enforce: 'pre',
    async resolveId(id, importer, options) {
      if (byName.has(id)) return byName.get(id);
      const resolved = await this.resolve(id, importer, { ...options, skipSelf: true });
      return (resolved && byPath.get(resolved.id)) ?? null;
    },
  };
}

/**
 * The script tag is three files side by side: the page script (the launcher), and the panel
 * and the markdown stack, which it fetches when the chat is about to open. The panel's file
 * takes its signals library from the page script (see shared-signals.ts).
 */
const scriptTagPlugins: Record<string, Plugin[]> = {
  script: [swapModules({ 'src/embed/panel-source.ts': 'src/embed/panel-source-script.ts' }), compileHint()],
  panel: [
    swapModules({
      'src/ui/markdown-source.ts': 'src/embed/markdown-source-script.ts',
      '@preact/signals-core': 'src/embed/signals-core-script.ts',
    }),
    compileHint(),
  ],
};

const common: BuildEnvironmentOptions = { copyPublicDir: false, target: 'es2022' };

/**
 * `vite build` writes the ESM entries, `index.js` and `element.js` (dependencies external,
 * the panel and markdown split by the app's bundler); `--mode script` the script tag's page
 * script; `--mode panel` the panel it fetches when the chat is about to open; `--mode
 * markdown` the markdown stack, fetched beside the panel.
 */
const builds: Record<string, BuildEnvironmentOptions> = {
  production: {
    ...common,
    outDir: 'dist/esm',
    // The app's bundler minifies and maps what it ships; left readable, this build needs no
    // source maps for a stack trace into it to make sense.
    minify: false,
    lib: {
      entry: { index: 'src/index.ts', element: 'src/element.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rollupOptions: {
      external: (id: string) => dependencies.includes(id),
      // Apart from the entries, whose names are the package's exports.
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  script: {
    ...common,
    outDir: 'dist',
    emptyOutDir: false,
    lib: {
      entry: 'src/embed/script-tag.ts',
      formats: ['iife'],
      name: 'TinyTalkWidget',
      fileName: () => 'tinytalk-widget.js',
    },
  },
  panel: {
    ...common,
    outDir: 'dist',
    emptyOutDir: false,
    lib: { entry: 'src/embed/panel.tsx', formats: ['es'], fileName: () => panelChunkName },
    rollupOptions: { output: { minify: true } },
  },
  markdown: {
    ...common,
    outDir: 'dist',
    emptyOutDir: false,
    lib: { entry: 'src/markdown/index.ts', formats: ['es'], fileName: () => markdownChunkName },
    // Vite leaves library ES output unminified, for apps to minify; this file is served as is.
    rollupOptions: { output: { minify: true } },
  },
};

export default defineConfig(({ mode }) => ({
  plugins: scriptTagPlugins[mode] ?? [demoAgent(), serveBuild()],
  // The demo agent answers CORS itself, exactly as the real API does.
  server: { cors: false },
  build: builds[mode],
  define: mode === 'production' ? {} : { 'process.env.NODE_ENV': '"production"' },
}));
