// The script-tag build's markdown source (see ui/markdown-source.ts): the markdown stack
// is a third file, beside the panel's (which imports this), fetched with the panel.
import { markdownChunkName } from './chunk-names';

export function importMarkdown(): Promise<typeof import('../markdown/index')> {
  return import(/* @vite-ignore */ new URL(markdownChunkName, import.meta.url).href);
}
