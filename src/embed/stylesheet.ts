import css from '../ui/styles.css?inline';

let sheet: CSSStyleSheet | undefined;

/**
 * Gives a shadow root the widget's styles. A constructable stylesheet is shared by every
 * instance and needs no 'unsafe-inline' in the page's CSP; browsers without one get a
 * <style> element instead.
 */
export function adoptStyles(shadow: ShadowRoot): void {
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    sheet ??= createSheet();
    if (!shadow.adoptedStyleSheets.includes(sheet)) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = css;
  shadow.append(style);
}

function createSheet(): CSSStyleSheet {
  const created = new CSSStyleSheet();
  created.replaceSync(css);
  return created;
}
