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
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    const sheet = (sheets[name] ??= createSheet(sources[name]));
    if (!shadow.adoptedStyleSheets.includes(sheet)) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    return;
  }
  if (shadow.querySelector(`style[data-sheet="${name}"]`)) return;
  const style = document.createElement('style');
  style.dataset.sheet = name;
  style.textContent = sources[name];
  shadow.append(style);
}

function createSheet(css: string): CSSStyleSheet {
  const created = new CSSStyleSheet();
  created.replaceSync(css);
  return created;
}
