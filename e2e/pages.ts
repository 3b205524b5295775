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
 * The strict policy plus Trusted Types: no string reaches an HTML or script sink unless
 * a policy the site named made it. The two names are the widget's (see
 * `src/ui/trusted-html.ts` and `src/markdown/sanitize.ts`); `dompurify` is absent on
 * purpose, as the widget must not need it.
 */
export function trustedTypesCsp(agentOrigins: readonly string[]): string {
  return [strictCsp(agentOrigins), "require-trusted-types-for 'script'", 'trusted-types tinytalk-widget tinytalk-widget#dompurify'].join('; ');
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
  return [{ links: names.map((name) => `\n<link rel="stylesheet" href="/e2e/pages/${name}.css">`).join(''), markup: markup.join('') }, rest];
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
  return page('Script tag page', `<script src="/dist/tinytalk-widget.js"${attributes(options, 'data-')} defer></script>`, '', host);
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
