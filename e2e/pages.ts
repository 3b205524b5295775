/**
 * The host pages the end-to-end suite embeds the widget into, built per request from
 * the query string so each test can give its own options. Every page is plain HTML
 * served by the test server, as a site owner's page would be.
 */

/** The strict policy a careful site sends: no inline script or style, no eval. */
export function strictCsp(agentOrigins: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${agentOrigins.join(' ')}`,
    "img-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The strict policy, but scripts allowed by their exact URL, and only the page script of
 * the widget's three files: a site that pinned what it was told to load.
 */
export function pinnedScriptCsp(pageOrigin: string, agentOrigins: readonly string[]): string {
  return strictCsp(agentOrigins).replace("script-src 'self'", `script-src ${pageOrigin}/dist/tinytalk-widget.js`);
}

/**
 * The strict policy plus Trusted Types: no string reaches an HTML or script sink unless
 * a policy the site named made it. The two names are the widget's (see
 * `src/markdown/trusted-html.ts` and `src/markdown/sanitize.ts`); `dompurify` is absent on
 * purpose, as the widget must not need it.
 */
export function trustedTypesCsp(agentOrigins: readonly string[]): string {
  return [
    strictCsp(agentOrigins),
    "require-trusted-types-for 'script'",
    'trusted-types tinytalk-widget tinytalk-widget#dompurify',
  ].join('; ');
}

/**
 * `html` with e2e/pages/tripwires.js first in its head, before any script that could
 * trip one: for engines that cannot add a script to a page before it runs, as
 * Playwright's init scripts do.
 */
export function withTripwires(html: string): string {
  return html.replace('<head>', '<head>\n<script src="/e2e/pages/tripwires.js"></script>');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** `name="value"` pairs from query parameters, each name prefixed. */
function attributes(params: URLSearchParams, prefix: string): string {
  return [...params]
    .filter(([name]) => /^[a-z-]+$/.test(name))
    .map(([name, value]) => ` ${prefix}${name}="${escapeAttribute(value)}"`)
    .join('');
}

/**
 * Stylesheets a test can add after host.css with `?host=<name>` (repeatable), each with the
 * markup it needs. The hostile ones copy what real sites do to every element, or over them
 * all; `theme-parts` themes the widget as a site's own stylesheet would.
 */
const hostileSheets: Record<string, string> = {
  'theme-parts': '',
  'hostile-universal': '',
  'hostile-layers': '',
  'hostile-rem': '',
  'hostile-elements': '',
  'hostile-content-box': '',
  // Before the page's content: the widget, appended to the body, comes after it.
  'hostile-overlay': '<div id="host-overlay"></div>',
};

interface HostSheets {
  links: string;
  markup: string;
}

/**
 * Splits `?host=` names off the query: their links and markup, and the other parameters.
 * A name we have no sheet for is an error, not a quietly plain page.
 */
function hostSheets(params: URLSearchParams): [HostSheets, URLSearchParams] {
  const names = params.getAll('host');
  const markup = names.map((name) => {
    const html = Object.hasOwn(hostileSheets, name) ? hostileSheets[name] : undefined;
    if (html === undefined) throw new Error(`No host stylesheet ${JSON.stringify(name)}`);
    return html;
  });
  const rest = new URLSearchParams(params);
  rest.delete('host');
  return [
    {
      links: names.map((name) => `\n<link rel="stylesheet" href="/e2e/pages/${name}.css">`).join(''),
      markup: markup.join(''),
    },
    rest,
  ];
}

function page(title: string, body: string, head = '', host: HostSheets = { links: '', markup: '' }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/e2e/pages/host.css">${host.links}
${head}
</head>
<body>${host.markup}
<main id="host-content">
  <h1>${title}</h1>
  <p>A host page. <button type="button" id="host-button">Host button</button></p>
  <div id="chat-target"></div>
</main>
${body}
</body>
</html>
`;
}

/**
 * A plain page with the script tag; every query parameter but `host` (see {@link hostSheets})
 * becomes a `data-*` attribute.
 */
export function scriptTagPage(params: URLSearchParams): string {
  const [host, options] = hostSheets(params);
  return page(
    'Script tag page',
    `<script src="/dist/tinytalk-widget.js"${attributes(options, 'data-')} defer></script>`,
    '',
    host,
  );
}

/**
 * One page of a small site of two, `/site/pricing` and `/site/contact`, each with the
 * script tag (query parameters as `data-*`, as on {@link scriptTagPage}) and a link to the
 * other that keeps the query: following it is a full page load, as on a multi-page site.
 */
export function sitePage(name: string, params: URLSearchParams): string {
  const [host, options] = hostSheets(params);
  const other = name === 'pricing' ? 'contact' : 'pricing';
  return page(
    `Site: ${name}`,
    `<nav><a id="site-link" href="/site/${other}?${escapeAttribute(params.toString())}">Go to ${other}</a></nav>
<script src="/dist/tinytalk-widget.js"${attributes(options, 'data-')} defer></script>`,
    '',
    host,
  );
}

/** A page that places `<tinytalk-chat>` itself; query parameters but `host` become its attributes. */
export function elementPage(params: URLSearchParams): string {
  const [host, options] = hostSheets(params);
  return page(
    'Element page',
    `<section id="chat-box"><tinytalk-chat${attributes(options, '')}></tinytalk-chat></section>
<script src="/dist/tinytalk-widget.js" defer></script>`,
    '',
    host,
  );
}

/**
 * A page that imports the ESM build as an app would, its dependencies resolved by an
 * import map (no bundler), and exposes `window.widget = mount(options)` where options
 * come from `?options=<json>`.
 */
export function esmPage(imports: Record<string, string>): string {
  return page(
    'ESM page',
    '<script type="module" src="/e2e/pages/esm-page.js"></script>',
    `<script type="importmap">${JSON.stringify({ imports })}</script>`,
  );
}

/**
 * The README's async snippet: `TinyTalk(...)` works before the script has arrived, its
 * calls kept in `TinyTalk.q`. The same text as documented, so the test proves what users copy.
 */
export const asyncSnippetStub =
  'window.TinyTalk=window.TinyTalk||function(){(TinyTalk.q=TinyTalk.q||[]).push(arguments)};';

/**
 * A page with the async snippet: the stub, then the calls in `?calls=<json array of
 * argument lists>`, then the script tag (`async`) with the other parameters as `data-*`.
 * Every event the calls subscribe to lands in `window.heard` as `[name, detail]`.
 */
export function asyncSnippetPage(params: URLSearchParams): string {
  const options = new URLSearchParams(params);
  options.delete('calls');
  // JSON in an inline script: `<` escaped, so no value can close the script element.
  const calls = (params.get('calls') ?? '[]').replace(/</g, '\\u003c');
  return page(
    'Async snippet page',
    `<script>
${asyncSnippetStub}
window.heard = [];
const listen = (name) => TinyTalk('on', name, (detail) => heard.push([name, detail]));
for (const call of ${calls}) call[0] === 'listen' ? listen(call[1]) : TinyTalk(...call);
</script>
<script src="/dist/tinytalk-widget.js"${attributes(options, 'data-')} async></script>`,
  );
}

/**
 * A blank HTML file with a snippet from the playground pasted into its body, as a new
 * user would make one: no stylesheet, no policy, nothing of the suite's.
 */
export function pastedPage(snippet: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>My page</title>
</head>
<body>
${snippet}
</body>
</html>
`;
}

/**
 * The npm snippet of the playground as an app's module, with an import map in place of
 * the app's bundler to resolve the package.
 */
export function pastedModulePage(code: string, imports: Record<string, string>): string {
  return pastedPage(`<script type="importmap">${JSON.stringify({ imports })}</script>
<script type="module">
${code}
</script>`);
}

/**
 * The React app of `e2e/pages/react-app.tsx`, on every path under `/react/` (its routes are
 * the client's). React is in its bundle; the package and its dependencies come from the import
 * map, as on the ESM page. The agent is `?bot-id=` and `?api-base=`.
 */
export function reactPage(imports: Record<string, string>): string {
  return page(
    'React page',
    '<div id="root"></div>\n<script type="module" src="/react-app/main.js"></script>',
    `<script type="importmap">${JSON.stringify({ imports })}</script>`,
  );
}
