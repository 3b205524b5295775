import type { Strings } from '../i18n/strings';
import { copyText } from './clipboard';

/** The texts the frames show and name themselves with. */
export type FrameLabels = Pick<Strings, 'copyCode' | 'copied' | 'table'>;

/** How long "Copied" shows on a code block's button. */
const copiedMs = 1500;

/**
 * Frames the code blocks and tables of a reply once DOMPurify has judged its HTML: a code
 * block gets a bar with its language and a Copy code button, and scrolls sideways instead
 * of wrapping; a table scrolls sideways in a named box (see {@link followOverflow} for the
 * focus either takes when it does scroll). The frames are
 * nodes built here, never HTML: the sanitizer stays the only judge of what a reply may
 * contain, and as it removes every class but a code element's language, a reply can
 * neither fake a frame nor reach into one.
 */
export function frameBlocks(root: DocumentFragment, labels: FrameLabels): void {
  for (const pre of root.querySelectorAll('pre')) frameCode(pre, labels);
  for (const table of root.querySelectorAll('table')) frameTable(table, labels);
}

function frameCode(pre: HTMLPreElement, labels: FrameLabels): void {
  const frame = document.createElement('div');
  frame.className = 'code-block';
  const bar = document.createElement('div');
  bar.className = 'code-bar';
  const language = languageOf(pre.querySelector('code'));
  if (language) {
    const label = document.createElement('span');
    label.className = 'code-language';
    label.textContent = language;
    bar.append(label);
  }
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'code-copy';
  button.textContent = labels.copyCode;
  button.addEventListener('click', () => copyCode(button, labels));
  bar.append(button);
  groupLines(pre.querySelector('code'));
  pre.replaceWith(frame);
  frame.append(bar, pre);
}

/**
 * Lines of code a group holds. Each group is a block of its own, so that while a long code
 * block streams, the browser lays out and paints again its last group, not every line: at
 * 6x CPU throttling, a 1,000-line block took 50 ms of layout at each update as one text,
 * under 2 ms in groups. A visitor's selection copies the same text either way.
 */
const linesPerGroup = 40;

/** Puts the lines of a code element that holds only text into groups, if it has more than one group's worth. */
function groupLines(code: Element | null): void {
  const text = code?.firstChild;
  if (!(text instanceof Text) || text.nextSibling) return;
  const lines = text.data.split(/(?<=\n)/);
  if (lines.length <= linesPerGroup) return;
  const groups: HTMLSpanElement[] = [];
  for (let start = 0; start < lines.length; start += linesPerGroup) {
    const group = document.createElement('span');
    group.className = 'code-lines';
    group.textContent = lines.slice(start, start + linesPerGroup).join('');
    groups.push(group);
  }
  text.replaceWith(...groups);
}

function frameTable(table: HTMLTableElement, labels: FrameLabels): void {
  const frame = document.createElement('div');
  frame.className = 'table-scroll';
  // A group, not a region: a reply's tables are no landmarks of the page.
  frame.setAttribute('role', 'group');
  frame.setAttribute('aria-label', labels.table);
  table.replaceWith(frame);
  frame.append(table);
}

/** The boxes that may scroll sideways: a code block's `pre`, a table's box. */
const scrollingBoxes = '.code-block > pre, .table-scroll';

/**
 * Puts the code blocks and table boxes of `container` that scroll sideways in the Tab
 * order, so that a keyboard can scroll them, and only those: a table that fits is no stop.
 * Whether one scrolls changes as the panel is resized, so each box is watched for its own
 * resizes, from when the patcher adds it until it removes it. A ResizeObserver reports
 * after the browser's own layout, so reading a box's widths there costs no layout of its
 * own: a streamed reply forces none. It also changes as a box's content grows in place (the
 * patcher keeps a streamed block's nodes), where a line growing wider than a code block
 * leaves its size as it was: a box whose content changed is observed again, which brings a
 * fresh report after the next layout.
 * Returns the function that stops following.
 */
export function followOverflow(container: HTMLElement): () => void {
  const resizes = new ResizeObserver((entries) => {
    for (const { target } of entries) {
      const box = target as HTMLElement;
      const scrolls = box.scrollWidth > box.clientWidth;
      if (scrolls && !box.hasAttribute('tabindex')) box.tabIndex = 0;
      else if (!scrolls) box.removeAttribute('tabindex');
    }
  });
  const changes = new MutationObserver((records) => {
    const grown = new Set<Element>();
    for (const { target, addedNodes, removedNodes } of records) {
      for (const node of removedNodes) for (const box of boxesIn(node)) resizes.unobserve(box);
      for (const node of addedNodes) for (const box of boxesIn(node)) resizes.observe(box);
      const box = (target instanceof Element ? target : target.parentElement)?.closest(scrollingBoxes);
      if (box) grown.add(box);
    }
    for (const box of grown) {
      resizes.unobserve(box);
      resizes.observe(box);
    }
  });
  for (const box of container.querySelectorAll(scrollingBoxes)) resizes.observe(box);
  changes.observe(container, { childList: true, characterData: true, subtree: true });
  return () => {
    resizes.disconnect();
    changes.disconnect();
  };
}

function boxesIn(node: Node): Element[] {
  if (!(node instanceof Element)) return [];
  return [...(node.matches(scrollingBoxes) ? [node] : []), ...node.querySelectorAll(scrollingBoxes)];
}

/** marked writes a fence's info string as `language-…` on the code element (the only class the sanitizer keeps). */
function languageOf(code: Element | null): string | undefined {
  return code?.className.match(/^language-(\S+)$/)?.[1];
}

/**
 * Copies the code of the frame the button is in when clicked: the block patcher keeps a
 * streamed block's nodes where it can, so a button may have been framed with another copy
 * of the code than the one now beside it.
 */
function copyCode(button: HTMLButtonElement, labels: FrameLabels): void {
  // The code alone: marked ends a block with a newline that nobody selected.
  const code = (button.closest('.code-block')?.querySelector('pre')?.textContent ?? '').replace(/\n$/, '');
  // As the reply's Copy does, with its fallback where the async clipboard is missing (plain http).
  void copyText(code, button.getRootNode()).then((isDone) => {
    if (!isDone) return console.warn('[tinytalk-widget] Copy failed: the browser refused the clipboard.');
    button.textContent = labels.copied;
    setTimeout(() => (button.textContent = labels.copyCode), copiedMs);
  });
}
