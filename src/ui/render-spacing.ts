/**
 * A streamed render that took t ms is followed by the next no sooner than t times this.
 * On a fast machine (renders of a millisecond or two) the text moves at the pacer's step;
 * on a slow phone, where the render and the layout and paint it causes take several ms,
 * the reply grows in fewer, larger steps and leaves the page most of its main thread. At
 * 6x CPU throttling a paced 5 KB reply's renders took some 6 ms: spaced 12 times, they came
 * 72 ms apart and kept the main thread 30 % busy; spaced 24 times, 181 ms apart (five or
 * six steps a second, a few words each) and 20 % busy, the reading itself 5 %.
 */
const renderSpacing = 24;

/**
 * The longest a growing reply waits between renders. One render can be slow for reasons
 * that do not last (the renderer's first, cold run; a garbage collection; a busy CPU): at
 * 24 times its time, a render of 400 ms would freeze the reply for ten seconds. Only renders
 * over 83 ms, long tasks already, are spaced less than 24 times apart.
 */
const longestWaitMs = 2000;

/** How long after a streamed render that took `renderMs` the next may run. */
export function waitAfterRender(renderMs: number): number {
  return Math.min(renderMs * renderSpacing, longestWaitMs);
}
