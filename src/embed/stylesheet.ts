import launcherCss from '../ui/styles.css?inline';
import panelCss from '../ui/panel.css?inline';

/** `launcher`: the host, the theme and the launcher, needed at once; `panel`: the rest, on first open. */
export type StyleSheetName = 'launcher' | 'panel';

const sources: Record<StyleSheetName, string> = { launcher: launcherCss, panel: panelCss };
const sheets: Partial<Record<StyleSheetName, CSSStyleSheet>> = {};

/**
 * Gives a shadow root one of the widget's stylesheets, after those it has. A constructable
 * stylesheet is parsed once for every instance and needs no 'unsafe-inline' in the page's
 * CSP; browsers without one get a <style> element instead.
 */
export function adoptStyles(shadow: ShadowRoot, name: StyleSheetName): void {
  const sheet = 'adoptedStyleSheets' in shadow ? prepareStyles(name) : undefined;
  if (sheet) {
    if (!shadow.adoptedStyleSheets.includes(sheet)) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    return;
  }
  if (shadow.querySelector(`style[data-sheet="${name}"]`)) return;
  const style = document.createElement('style');
  style.dataset.sheet = name;
  style.textContent = sources[name];
  shadow.append(style);
}

/**
 * Parses one of the stylesheets ahead of the first shadow root that needs it, where
 * constructable stylesheets exist: the script tag does it in a task of its own, so that
 * the task that mounts the widget does less on a slow phone.
 */
export function prepareStyles(name: StyleSheetName): CSSStyleSheet | undefined {
  return isConstructable() ? (sheets[name] ??= createSheet(sources[name])) : undefined;
}

const isConstructable = () => typeof CSSStyleSheet.prototype.replaceSync === 'function';

function createSheet(css: string): CSSStyleSheet {
  const created = new CSSStyleSheet();
  created.replaceSync(css);
  return created;
}
