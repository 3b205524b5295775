/** Elements that end a line of text where they end. */
const LINE_ENDING = new Set([
  'P',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'PRE',
  'BLOCKQUOTE',
  'TR',
  'TABLE',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'DETAILS',
  'SUMMARY',
  'DIV',
  'HR',
  'BR',
]);
/** Table cells, read one after the other on their row. */
const CELL = new Set(['TD', 'TH']);

/**
 * The words a visitor sees in a rendered reply, a line per block, for a screen reader
 * to read out: the rendered text, not the markdown, so that no syntax is read as noise
 * and nothing the widget hides (comments, scripts, styles) is read at all. It reads
 * the DOM rather than the layout (`innerText`), which skips messages scrolled out of view.
 */
export function renderedText(root: Node): string {
  let text = '';
  const read = (node: Node, isPreformatted: boolean) => {
    for (const child of node.childNodes) {
      // Outside <pre> a line break in the HTML source is a space on screen (marked writes
      // one between table cells), so only the elements below end a line.
      if (child.nodeType === Node.TEXT_NODE) {
        const data = (child as Text).data;
        text += isPreformatted ? data : data.replace(/\s+/g, ' ');
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      read(child, isPreformatted || child.nodeName === 'PRE');
      if (LINE_ENDING.has(child.nodeName)) text += '\n';
      else if (CELL.has(child.nodeName)) text += ' ';
    }
  };
  read(root, false);
  return text
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}
