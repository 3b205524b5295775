import { trustSanitizedHtml } from './trusted-html';

/**
 * Blocks a group holds. The container's children are groups of blocks, not the blocks
 * themselves: while a long reply streams, the browser lays out, walks and paints the
 * container's children at every update, and an 80 KB reply has over a thousand blocks.
 * In groups it visits some fifty, and the blocks of the last.
 */
export const blocksPerGroup = 24;

/** The class of a group of blocks: a plain block, so margins collapse through it as between blocks. */
export const blockGroupClass = 'blocks';

/**
 * Keeps a container's blocks equal to a list of HTML blocks, in groups of
 * {@link blocksPerGroup}. A block whose HTML is unchanged keeps its nodes; one that changed
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
  const groupAt = (index: number) => {
    const at = Math.floor(index / blocksPerGroup);
    // Blocks are added in order, so a new group goes last.
    return (groups[at] ??= container.appendChild(createGroup(container.ownerDocument)));
  };
  /** The first node after block `index` in its group, to insert its nodes before; null for the group's end. */
  const nodeAfter = (index: number, group: HTMLElement) => {
    for (let next = index + 1; next < rendered.length; next++) {
      const first = rendered[next]?.nodes[0];
      if (first) return first.parentNode === group ? first : null;
    }
    return null;
  };
  return (blocks) => {
    const next = blocks.map((html, index) => {
      const current = rendered[index];
      if (current?.html === html) return current;
      const group = groupAt(index);
      const anchor = current?.nodes.at(-1)?.nextSibling ?? nodeAfter(index, group);
      return { html, nodes: morphNodes(group, current?.nodes ?? [], parse(html, decorate), anchor) };
    });
    for (const stale of rendered.slice(blocks.length)) for (const node of stale.nodes) node.remove();
    const groupCount = Math.ceil(blocks.length / blocksPerGroup);
    for (const stale of groups.slice(groupCount)) stale.remove();
    groups = groups.slice(0, groupCount);
    rendered = next;
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
