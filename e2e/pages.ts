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

function page(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/e2e/pages/host.css">
${head}
</head>
<body>
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

/** A plain page with the script tag; every query parameter becomes a `data-*` attribute. */
export function scriptTagPage(params: URLSearchParams): string {
  return page('Script tag page', `<script src="/dist/tinytalk-widget.js"${attributes(params, 'data-')} defer></script>`);
}

/** A page that places `<tinytalk-chat>` itself; query parameters become its attributes. */
export function elementPage(params: URLSearchParams): string {
  return page(
    'Element page',
    `<section id="chat-box"><tinytalk-chat${attributes(params, '')}></tinytalk-chat></section>
<script src="/dist/tinytalk-widget.js" defer></script>`,
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
