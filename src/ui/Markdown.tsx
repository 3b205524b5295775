import { useMemo } from 'preact/hooks';
import { renderMarkdown } from '../markdown/render';

/** A reply's markdown, rendered and sanitized. */
export function Markdown({ source }: { source: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return <div class="markdown" dir="auto" dangerouslySetInnerHTML={{ __html: html }} />;
}
