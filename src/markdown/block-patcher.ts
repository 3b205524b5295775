import { type Cut, lastCut, START, startTagsOf } from './html-cuts';
import { trustSanitizedHtml } from './trusted-html';

/**
 * Top-level nodes a group holds: some 24 blocks, each an element and the line break after
 * it. The container's children are groups of nodes, not the nodes themselves: while a long
 * reply streams, the browser lays out, walks and paints the container's children at every
 * update, and an 80 KB reply has over a thousand blocks. In groups it visits some fifty,
 * and the nodes of the last. Grouped by nodes, not by blocks, a reply's groups are the same
 * however its HTML came in pieces: streamed, or shown from storage a slice at a time.
 */
export const nodesPerGroup = 48;

/** The class of a group of blocks: a plain block, so margins collapse through it as between blocks. */
const blockGroupClass = 'blocks';

/**
 * Keeps a container's blocks equal to a list of HTML blocks, their nodes in groups of
 * {@link nodesPerGroup}. A block whose HTML is unchanged keeps its nodes; one that changed
 * (the block still growing while a reply streams) is brought to its new HTML by changing
 * only what differs (see {@link morphNodes}): the finished blocks and the written part of
 * the growing one keep their nodes, so a visitor's text selection survives each chunk, and
 * the browser lays out and paints again only what was added.
 *
 * @param decorate - Given each block's nodes, parsed and sanitized, before they are
 *   compared: the frames of code blocks and tables are added there.
 */
export function createBlockPatcher(
  container: HTMLElement,
  decorate: (fragment: DocumentFragment) => void,
): (blocks: readonly string[]) => void {
  let rendered: RenderedBlock[] = [];
  let groups: HTMLElement[] = [];

  /** Puts every node in its group, from the group of block `fromBlock`'s first node on. */
  function placeInGroups(fromBlock: number): void {
    const nodes = rendered.flatMap((block) => block.nodes);
    const nodesBefore = rendered.slice(0, fromBlock).reduce((count, block) => count + block.nodes.length, 0);
    const groupCount = Math.ceil(nodes.length / nodesPerGroup);
    for (let at = Math.floor(nodesBefore / nodesPerGroup); at < groupCount; at++) {
      const group = (groups[at] ??= container.appendChild(createGroup(container.ownerDocument)));
      const wanted = nodes.slice(at * nodesPerGroup, (at + 1) * nodesPerGroup);
      wanted.forEach((node, index) => {
        const there = group.childNodes[index] ?? null;
        if (there !== node) group.insertBefore(node, there);
      });
      // What is left belongs to the next group, which takes it from here.
      while (group.childNodes.length > wanted.length) group.lastChild?.remove();
    }
    for (const stale of groups.slice(groupCount)) stale.remove();
    groups = groups.slice(0, groupCount);
  }

  return (blocks) => {
    // Nodes new to the container wait here for their place in a group.
    const arriving = container.ownerDocument.createDocumentFragment();
    let firstChanged = Math.min(blocks.length, rendered.length);
    const next = blocks.map((html, index) => {
      const current = rendered[index];
      if (current?.html === html) return current;
      firstChanged = Math.min(firstChanged, index);
      return (
        (current && patchAfterCut(arriving, current, html, decorate)) ?? {
          html,
          nodes: morphNodes(arriving, current?.nodes ?? [], parse(html, decorate), null),
          cut: START,
        }
      );
    });
    for (const stale of rendered.slice(blocks.length)) for (const node of stale.nodes) node.remove();
    rendered = next;
    placeInGroups(firstChanged);
  };
}

/** A block as the container shows it. */
interface RenderedBlock {
  html: string;
  /** Its top-level nodes, in their groups. */
  nodes: ChildNode[];
  /** Where the last change to it began: what is before it can be read from there on. */
  cut: Cut;
}

/**
 * Brings a block that grew (the one still streaming) to its new HTML by parsing and
 * comparing only what follows a cut before the first change: a 200-row table or a long
 * paragraph, parsed and compared whole, made each update cost more the longer it grew.
 * The cut is before a tag inside block containers (see {@link lastCut}); their start tags
 * are parsed again with the rest of the HTML, and what follows them is brought to what
 * follows the same elements in the DOM, level by level. `undefined` where there is no such
 * cut, or the DOM holds other elements where the cut says (a frame holds a table, see
 * `decorate`): the whole block is compared instead.
 */
function patchAfterCut(
  parent: Node,
  current: RenderedBlock,
  html: string,
  decorate: (fragment: DocumentFragment) => void,
): RenderedBlock | undefined {
  const from = html.startsWith(current.html.slice(0, current.cut.at)) ? current.cut : START;
  // Before a tag both HTMLs share, so that the nodes before it are the same in both.
  const cut = lastCut(html, from, sharedLength(current.html, html, from.at) - 1, false);
  if (cut.open.length === 0) return undefined;
  const fresh = parse(startTagsOf(cut) + html.slice(cut.at), decorate);
  // The elements open at the cut, outermost first: in the DOM, and parsed again (each first in its parent).
  const shown: Element[] = [];
  const renewed: Element[] = [];
  for (const { name, index } of cut.open) {
    const old = elementNamed((shown.at(-1)?.childNodes ?? current.nodes)[index], name);
    const again = elementNamed(renewed.at(-1)?.firstChild ?? fresh[0], name);
    if (!old || !again) return undefined;
    shown.push(old);
    renewed.push(again);
  }
  shown.forEach((old, depth) => {
    // The innermost keeps the nodes before the cut; each outer one, those up to the next open element.
    const kept = depth === shown.length - 1 ? cut.before : (cut.open[depth + 1]?.index ?? 0) + 1;
    const skipped = depth === shown.length - 1 ? 0 : 1;
    morphNodes(old, childNodesFrom(old, kept), childNodesFrom(renewed[depth]!, skipped), null);
  });
  const kept = cut.open[0]!.index + 1;
  const after = morphNodes(parent, current.nodes.slice(kept), fresh.slice(1), null);
  return { html, nodes: [...current.nodes.slice(0, kept), ...after], cut };
}

/** How long a prefix two strings share, known to share `from` characters. */
function sharedLength(one: string, other: string, from: number): number {
  let length = from;
  while (length < one.length && one[length] === other[length]) length++;
  return length;
}

/** The element named `name` at a place of a block: the node there, or the one its frame holds. */
function elementNamed(node: Node | null | undefined, name: string): Element | undefined {
  const element = node instanceof Element && node.localName !== name ? node.firstElementChild : node;
  return element instanceof Element && element.localName === name ? element : undefined;
}

function childNodesFrom(element: Element, start: number): ChildNode[] {
  return Array.prototype.slice.call(element.childNodes, start) as ChildNode[];
}

function createGroup(document: Document): HTMLElement {
  const group = document.createElement('div');
  group.className = blockGroupClass;
  return group;
}

/**
 * Makes `nodes`, a run of `parent`'s children that ends before `anchor`, equal to `fresh`,
 * and returns the nodes now in their place. A node equal to its fresh one is kept; text
 * that only grew gets the rest appended; an element of the same name keeps its node, takes
 * the fresh attributes and is brought to the fresh children the same way; anything else is
 * replaced. The result equals the fresh nodes, which the sanitizer judged, but for the
 * `tabindex` of the boxes that scroll sideways (see `followOverflow`) and event listeners
 * (a kept Copy code button keeps its own, which copies the code of the frame it is in).
 */
function morphNodes(parent: Node, nodes: readonly ChildNode[], fresh: readonly ChildNode[], anchor: Node | null) {
  const result = fresh.map((node, index) => {
    const old = nodes[index];
    if (!old) return parent.insertBefore(node, anchor);
    if (old.isEqualNode(node)) return old;
    if (old instanceof Text && node instanceof Text) {
      const { data } = node;
      if (data.startsWith(old.data)) old.appendData(data.slice(old.length));
      else old.data = data;
      return old;
    }
    if (old instanceof Element && node instanceof Element && old.tagName === node.tagName) {
      for (const { name } of [...old.attributes])
        if (name !== 'tabindex' && !node.hasAttribute(name)) old.removeAttribute(name);
      for (const { name, value } of node.attributes)
        if (old.getAttribute(name) !== value) old.setAttribute(name, value);
      morphNodes(old, [...old.childNodes], [...node.childNodes], null);
      return old;
    }
    old.replaceWith(node);
    return node;
  });
  for (const stale of nodes.slice(fresh.length)) stale.remove();
  return result;
}

/**
 * Sanitized HTML from the markdown stack, as nodes, decorated. This is the only place a
 * reply's HTML reaches the DOM, and it only ever receives `sanitizeHtml`'s output (or, for
 * a block the sanitizer failed on, its source with every `<`, `>` and `&` escaped).
 */
function parse(html: string, decorate: (fragment: DocumentFragment) => void): ChildNode[] {
  const template = document.createElement('template');
  try {
    // lib.dom types innerHTML as a string; browsers take TrustedHTML there too.
    template.innerHTML = trustSanitizedHtml(html) as string;
  } catch {
    // Trusted Types are enforced and our policy could not be created (see
    // trusted-html.ts): the reply's words are better than an empty bubble.
    return [document.createTextNode(textOf(html))];
  }
  decorate(template.content);
  return [...template.content.childNodes];
}

const BLOCK_END = /<\/(?:p|li|h[1-6]|pre|blockquote|tr|table|ul|ol|dl|dd|dt|details|summary)>|<br>|<hr>/g;
const TAG = /<[^>]*>/g;
const ENTITY = /&(amp|lt|gt|quot|nbsp|#39);/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\u00a0', '#39': "'" };

/**
 * The text of serialized HTML, without an HTML parser (a Trusted Types sink itself). The
 * serializer escapes `<` in text, so every `<` starts a tag; a `>` inside an attribute
 * value may leave some of the value behind, as text: it only ever becomes a text node.
 */
function textOf(html: string): string {
  return html
    .replace(BLOCK_END, '\n')
    .replace(TAG, '')
    .replace(ENTITY, (_, name: string) => ENTITIES[name] ?? '');
}
