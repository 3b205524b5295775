/**
 * A streamed render that took t ms is followed by the next no sooner than t times this.
 * On a fast machine (renders of a few ms) the text moves at the pacer's step; on a slow
 * phone, where the render and the layout and paint it causes take tens of ms, the reply
 * grows in fewer, larger steps and leaves the page most of its main thread.
 */
const renderSpacing = 12;

/**
 * The longest a growing reply waits between renders. One render can be slow for reasons
 * that do not last (the renderer's first, cold run; a garbage collection; a busy CPU): at
 * twelve times its time, a render of 400 ms would freeze the reply for five seconds. Only
 * renders over 160 ms, long tasks already, are spaced less than twelve times apart.
 */
const longestWaitMs = 2000;

/** How long after a streamed render that took `renderMs` the next may run. */
export function waitAfterRender(renderMs: number): number {
  return Math.min(renderMs * renderSpacing, longestWaitMs);
}
