// @ts-check
// Bundles two one-line apps against the built package, through its exports, as an app's
// bundler would, and fails unless package.json's sideEffects holds: importing
// `tinytalk-widget/element` keeps the registration of <tinytalk-chat>, and an unused import
// of the main entry leaves nothing in the app.
import { build } from 'vite';

/** Runtime dependencies stay out: what matters is what is kept of our files. */
const external = /^(preact|@preact\/signals|marked|dompurify|eventsource-parser)(\/|$)/;

/** @param {string} code the app's whole source */
async function bundle(code) {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [
      { name: 'app', resolveId: (id) => (id === 'app' ? '\0app' : null), load: (id) => (id === '\0app' ? code : null) },
    ],
    build: { write: false, minify: false, rollupOptions: { input: 'app', external: (id) => external.test(id) } },
  });
  const [output] = Array.isArray(result) ? result : [result];
  if (!output || !('output' in output)) throw new Error('vite build returned no bundle');
  return output.output[0].code.trim();
}

const failures = [];
if (!(await bundle("import 'tinytalk-widget/element';")).includes('customElements.define(')) {
  failures.push(
    "import 'tinytalk-widget/element' lost the registration of <tinytalk-chat>: is dist/esm/element.js in sideEffects?",
  );
}
const unused = await bundle("import { mount } from 'tinytalk-widget';");
if (unused !== '')
  failures.push(
    `an unused import of 'tinytalk-widget' left ${unused.length} bytes in the app: something in the main entry has a side effect`,
  );

if (failures.length > 0) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log('sideEffects: the element entry registers <tinytalk-chat>; an unused main entry leaves nothing');
