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
  let rendered: { html: string; nodes: ChildNode[] }[] = [];
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
      return { html, nodes: morphNodes(arriving, current?.nodes ?? [], parse(html, decorate), null) };
    });
    for (const stale of rendered.slice(blocks.length)) for (const node of stale.nodes) node.remove();
    rendered = next;
    placeInGroups(firstChanged);
  };
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
