// The markdown stack, loaded on first use: marked and DOMPurify cost nothing until then.
export { renderMarkdown } from './render';
export { createBlockRenderer, type BlockRenderer } from './blocks';
