/**
 * Where the markdown stack comes from. In the ESM build this is an ordinary dynamic
 * import that the app's bundler splits into a chunk; the script-tag build swaps this
 * module for `embed/markdown-source-script.ts`.
 */
export function importMarkdown(): Promise<typeof import('../markdown/index')> {
  return import('../markdown/index');
}
