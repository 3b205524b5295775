/**
 * Puts `text` on the clipboard; false when the browser refused. The async API needs a
 * secure context: the dev server opened by its LAN address (a phone on the same network)
 * has none, so the older copy of a selection stands in.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyBySelection(text);
  }
}

function copyBySelection(text: string): boolean {
  const focused = document.activeElement;
  const area = document.createElement('textarea');
  area.value = text;
  area.readOnly = true;
  area.className = 'offscreen';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } finally {
    area.remove();
    // Selecting moved focus to the text; the visitor was on the button.
    if (focused instanceof HTMLElement) focused.focus();
  }
}
