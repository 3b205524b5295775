/**
 * Where the panel's module comes from. In the ESM build this is an ordinary dynamic import
 * that the app's bundler splits into a chunk; the script-tag build swaps this module for
 * `panel-source-script.ts`.
 */
export function importPanel(): Promise<typeof import('./panel')> {
  return import('./panel');
}
