/** One of the widget's stylesheets: its name (one sheet per name and shadow root) and its CSS. */
export interface StyleSource {
  /** `launcher`: the host, the theme and the launcher, on every page; `panel`: the rest, on first open. */
  name: 'launcher' | 'panel';
  css: string;
}

const sheets: Partial<Record<StyleSource['name'], CSSStyleSheet>> = {};

/**
 * Gives a shadow root one of the widget's stylesheets, after those it has. A constructable
 * stylesheet is parsed once for every instance and needs no 'unsafe-inline' in the page's
 * CSP; browsers without one get a <style> element instead.
 */
export function adoptStyles(shadow: ShadowRoot, source: StyleSource): void {
  const sheet = 'adoptedStyleSheets' in shadow ? prepareStyles(source) : undefined;
  if (sheet) {
    if (!shadow.adoptedStyleSheets.includes(sheet)) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    return;
  }
  if (shadow.querySelector(`style[data-sheet="${source.name}"]`)) return;
  const style = document.createElement('style');
  style.dataset.sheet = source.name;
  style.textContent = source.css;
  shadow.append(style);
}

/**
 * Parses one of the stylesheets ahead of the first shadow root that needs it, where
 * constructable stylesheets exist: the script tag does it in a task of its own, so that
 * the task that mounts the widget does less on a slow phone.
 */
export function prepareStyles({ name, css }: StyleSource): CSSStyleSheet | undefined {
  return isConstructable() ? (sheets[name] ??= createSheet(css)) : undefined;
}

const isConstructable = () => typeof CSSStyleSheet.prototype.replaceSync === 'function';

function createSheet(css: string): CSSStyleSheet {
  const created = new CSSStyleSheet();
  created.replaceSync(css);
  return created;
}
