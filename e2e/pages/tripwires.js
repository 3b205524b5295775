// Tripwires, installed before any other script of the page (Playwright adds this file as an
// init script; the test server puts it first in <head> for `?tripwires`). The hand-written XSS
// payloads call `__xss()`; DOMPurify's corpus calls `alert(1)` and friends. Policy violations,
// uncaught errors and console errors are kept too: every list must stay empty.
(() => {
  const calls = [];
  const violations = [];
  const errors = [];
  Object.defineProperty(window, '__tripwires', { value: { calls, violations, errors } });
  const record = (name, args) => {
    // window.event is unset for events inside a shadow root; where it is set, it names the culprit.
    const target = window.event?.target?.outerHTML?.slice(0, 160);
    calls.push(`${name}(${args.map(String).join(', ')})${target ? ` from ${target}` : ''}`);
    return null;
  };
  for (const name of ['__xss', 'alert', 'confirm', 'prompt', 'print', 'open']) {
    Object.defineProperty(window, name, { value: (...args) => record(name, args) });
  }
  document.addEventListener('securitypolicyviolation', (event) => {
    violations.push(
      `${event.effectiveDirective} ${event.blockedURI} ${event.sample} (${event.sourceFile}:${event.lineNumber})`,
    );
  });
  window.addEventListener('error', (event) => errors.push(`${event.message} (${event.filename}:${event.lineno})`));
  window.addEventListener('unhandledrejection', (event) => errors.push(`unhandled rejection: ${event.reason}`));
  const consoleError = console.error.bind(console);
  console.error = (...args) => {
    errors.push(args.map(String).join(' '));
    consoleError(...args);
  };
})();
