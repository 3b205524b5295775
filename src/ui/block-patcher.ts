import { frameBlocks, type FrameLabels } from './block-frames';
import { trustSanitizedHtml } from './trusted-html';

/**
 * Keeps a container's children equal to a list of HTML blocks, replacing only the blocks
 * whose HTML changed. While a reply streams, the finished blocks keep their nodes, so
 * a visitor's text selection and the browser's layout of them survive each chunk.
 */
export function createBlockPatcher(container: HTMLElement, labels: FrameLabels): (blocks: readonly string[]) => void {
  let rendered: { html: string; nodes: ChildNode[] }[] = [];
  return (blocks) => {
    const next = blocks.map((html, index) => {
      const current = rendered[index];
      if (current?.html === html) return current;
      const nodes = parse(html, labels);
      const anchor = current?.nodes[0] ?? rendered[index + 1]?.nodes[0] ?? null;
      for (const node of nodes) container.insertBefore(node, anchor);
      for (const node of current?.nodes ?? []) node.remove();
      return { html, nodes };
    });
    for (const stale of rendered.slice(blocks.length)) for (const node of stale.nodes) node.remove();
    rendered = next;
  };
}

/**
 * Sanitized HTML from the markdown stack, as nodes, code blocks and tables framed. This is
 * the only place a reply's HTML reaches the DOM, and it only ever receives `sanitizeHtml`'s output
 * (or, for a block the sanitizer failed on, its source with every `<`, `>` and `&` escaped).
 */
function parse(html: string, labels: FrameLabels): ChildNode[] {
  const template = document.createElement('template');
  try {
    // lib.dom types innerHTML as a string; browsers take TrustedHTML there too.
    template.innerHTML = trustSanitizedHtml(html) as string;
  } catch {
    // Trusted Types are enforced and our policy could not be created (see
    // trusted-html.ts): the reply's words are better than an empty bubble.
    return [document.createTextNode(textOf(html))];
  }
  frameBlocks(template.content, labels);
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
