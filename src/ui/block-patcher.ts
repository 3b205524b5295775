/**
 * Keeps a container's children equal to a list of HTML blocks, replacing only the blocks
 * whose HTML changed. While a reply streams, the finished blocks keep their nodes, so
 * a visitor's text selection and the browser's layout of them survive each chunk.
 */
export function createBlockPatcher(container: HTMLElement): (blocks: readonly string[]) => void {
  let rendered: { html: string; nodes: ChildNode[] }[] = [];
  return (blocks) => {
    const next = blocks.map((html, index) => {
      const current = rendered[index];
      if (current?.html === html) return current;
      const nodes = parse(html);
      const anchor = current?.nodes[0] ?? rendered[index + 1]?.nodes[0] ?? null;
      for (const node of nodes) container.insertBefore(node, anchor);
      for (const node of current?.nodes ?? []) node.remove();
      return { html, nodes };
    });
    for (const stale of rendered.slice(blocks.length)) for (const node of stale.nodes) node.remove();
    rendered = next;
  };
}

/** Sanitized HTML from the markdown stack, as nodes. */
function parse(html: string): ChildNode[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return [...template.content.childNodes];
}
