// The markdown stack, loaded on first use: marked and DOMPurify cost nothing until then.
export { createBlockRenderer, renderSlices, type BlockRenderer } from './blocks';
export { createBlockPatcher } from './block-patcher';
export { warmUpSteps } from './warm-up';
export { visibleMarkdown } from './visible-markdown';
