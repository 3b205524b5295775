/**
 * Makes the still-growing end of a streamed reply look as it will once written: an open
 * code fence is closed, a half-typed link shows its text, a lone `**` is closed, a table
 * waits for its delimiter row. The result is only ever shown while streaming; the
 * finished reply is rendered from its real source.
 */
export function settleMarkdown(block: string): string {
  const fence = openFence(block);
  // The start of a closing fence would show inside the code until the fence is complete.
  if (fence !== undefined) return `${block.replace(/\n {0,3}[`~]*$/, '')}\n${fence}`;
  const lines = block.split('\n');
  hidePendingTable(lines);
  hidePendingLine(lines);
  return settleInline(lines.join('\n'));
}

const fenceLine = /^ {0,3}(`{3,}|~{3,})/;

/** The fence that would close a code block left open, if one is. */
function openFence(block: string): string | undefined {
  let open: string | undefined;
  for (const line of block.split('\n')) {
    const marker = fenceLine.exec(line)?.[1];
    if (!marker) continue;
    if (open === undefined) open = marker;
    else if (marker[0] === open[0] && marker.length >= open.length && line.trim() === marker) open = undefined;
  }
  return open;
}

const tableRow = /^ {0,3}\|/;
const delimiterCell = /^\s*:?-+:?\s*$/;

/** A table shows as text until its delimiter row is complete: hold the table back until then. */
function hidePendingTable(lines: string[]): void {
  const end = lines.at(-1) === '' ? lines.length - 1 : lines.length;
  let start = end;
  while (start > 0 && tableRow.test(lines[start - 1] ?? '')) start--;
  if (start === end) return;
  const header = cellsOf(lines[start] ?? '');
  const delimiter = lines[start + 1];
  // The delimiter row counts once a line break has ended it.
  const hasDelimiter =
    delimiter !== undefined &&
    start + 1 < lines.length - 1 &&
    cellsOf(delimiter).length === header.length &&
    cellsOf(delimiter).every((cell) => delimiterCell.test(cell));
  if (!hasDelimiter) lines.splice(start);
}

function cellsOf(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
}

/** A line that is only the start of a marker (`-`, `1.`, `` ` ``, `#`) would flash as text. */
function hidePendingLine(lines: string[]): void {
  if (/^\s*([-*+]|\d+[.)]?|`{1,2}|~{1,2}|#{1,6}|>)\s*$/.test(lines.at(-1) ?? '')) lines.pop();
}

/** Hides or closes inline syntax left open at the end of the text. */
function settleInline(text: string): string {
  const settled = text
    // A link or image in the making shows its text: `[docs](https://ex` → `docs`.
    .replace(/!?\[([^\]\n]*)\](\([^)\n]*)?$/, '$1')
    .replace(/!?\[([^\]\n]*)$/, '$1')
    // Half a tag or entity would show as text until its end arrives.
    .replace(/<\/?([a-zA-Z][^>\n]*)?$/, '')
    .replace(/&#?\w*$/, '');
  const parts = settled.split('`');
  // An odd number of parts means every code span is closed.
  if (parts.length % 2 === 0) return parts.at(-1) === '' ? settled.slice(0, -1) : `${settled}\``;
  return closeEmphasis(settled);
}

const emphasisRun = /\*+|_+|~~/g;

/**
 * Closes the emphasis left open at the end (`**bold` → `**bold**`), and drops a marker
 * run at the very end that closes nothing yet (`**bold*`), following CommonMark's rule
 * that an opener is followed, and a closer preceded, by a non-space character.
 */
function closeEmphasis(text: string): string {
  const open: string[] = [];
  let end = text.length;
  for (const match of text.matchAll(emphasisRun)) {
    const run = match[0];
    const before = text[match.index - 1] ?? ' ';
    const after = text[match.index + run.length];
    const isAtEnd = after === undefined;
    if (open.at(-1) === run && /\S/.test(before)) open.pop();
    else if (isAtEnd) end = match.index;
    else if (/\S/.test(after) && !(run[0] === '_' && /[\p{L}\p{N}]/u.test(before))) open.push(run);
  }
  return text.slice(0, end).trimEnd() + open.reverse().join('');
}
