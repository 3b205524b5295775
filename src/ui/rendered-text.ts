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
 *
 * At most `maxLength` characters, cut where a line, a sentence or a word ends (`isCut`),
 * read no further into the DOM than needed: reading an 80 KB reply whole took a
 * phone-speed CPU (6x) some 150 ms.
 */
export function renderedText(root: Node, maxLength = Infinity): { text: string; isCut: boolean } {
  // Whitespace shrinks when it is tidied below: read twice the length, then cut.
  const readLength = 2 * maxLength;
  let text = '';
  let isStopped = false;
  const read = (node: Node, isPreformatted: boolean) => {
    for (const child of node.childNodes) {
      if (text.length > readLength) {
        isStopped = true;
        return;
      }
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
  const tidy = text
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
  // Stopped early, it is cut even when what it read (whole text nodes) tidied down to less.
  if (tidy.length <= maxLength) return { text: tidy, isCut: isStopped };
  return { text: cutAtEnd(tidy.slice(0, maxLength + 1)), isCut: true };
}

/** Where a cut text may end, best first: before a line break, after a sentence, between words. */
const CUT_POINTS = [/\n/g, /(?<=[.!?])\s|(?<=[。！？])/g, /\s/g];

/**
 * `text` without its last character, cut at the last of the {@link CUT_POINTS} in its
 * second half, trying each kind in turn; cut anywhere when there is none.
 */
function cutAtEnd(text: string): string {
  for (const point of CUT_POINTS) {
    const end = [...text.matchAll(point)].at(-1)?.index;
    if (end !== undefined && end >= text.length / 2) return text.slice(0, end).trimEnd();
  }
  return text.slice(0, -1);
}
