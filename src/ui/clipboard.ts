/**
 * Puts `text` on the clipboard; false when the browser refused. The async API is missing
 * outside a secure context (a site on plain http, the dev server opened by its LAN
 * address from a phone) and can be refused by a frame's permissions policy: the older
 * copy of a selection stands in. Its text field goes into `container` (the widget's
 * shadow root, so the page's CSS never touches it), unseen, and is gone at once.
 */
export async function copyText(text: string, container: Node = document.body): Promise<boolean> {
  try {
    if (!navigator.clipboard) throw new Error('no async clipboard');
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyBySelection(text, container);
  }
}

function copyBySelection(text: string, container: Node): boolean {
  const focused = (container.getRootNode() as Document | ShadowRoot).activeElement;
  const area = document.createElement('textarea');
  area.value = text;
  area.readOnly = true;
  // Through the CSSOM, which a strict CSP allows: fixed, so selecting it scrolls nothing.
  for (const [name, value] of [
    ['position', 'fixed'],
    ['top', '0'],
    ['left', '0'],
    ['opacity', '0'],
    ['pointer-events', 'none'],
  ]) {
    area.style.setProperty(name!, value!);
  }
  container.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    // Selecting moved focus to the text; the visitor was on the button.
    if (focused instanceof HTMLElement) focused.focus();
  }
}
