/**
 * What the benchmark installs in every page before the page's own scripts run: long
 * tasks and layout shifts from the start, and a frame recorder it switches on around
 * the actions it measures.
 */
export interface Probes {
  /** Every long task (over 50 ms) so far, with `performance.now()` times. */
  longTasks: { startTime: number; duration: number }[];
  /**
   * Every long animation frame so far: a frame whose rendering came over 50 ms after the
   * work before it began, or a task that long with nothing to render. Watched without
   * asking for frames, so, unlike the frame recorder, it costs the page nothing.
   */
  longFrames: { startTime: number; duration: number }[];
  /** Cumulative layout shift so far, shifts right after input excluded. */
  cls(): number;
  /** Starts recording animation frames. */
  startFrames(): void;
  /** Stops recording; the gaps between consecutive frames, in ms. */
  stopFrames(): number[];
  /** Resolves with the length of the next reply the script tag's widget finishes. */
  nextReply?: Promise<number>;
}

declare global {
  interface Window {
    benchProbes: Probes;
  }
}

/** Not in TypeScript's DOM types yet. */
interface LayoutShift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
}

/** Runs in the page (`page.addInitScript`), so it must not refer to anything outside itself. */
export function installProbes(): void {
  const longTasks: Probes['longTasks'] = [];
  const longFrames: Probes['longFrames'] = [];
  let cls = 0;
  let frames: number[] = [];
  let isRecording = false;
  new PerformanceObserver((list) => {
    for (const { startTime, duration } of list.getEntries()) longTasks.push({ startTime, duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const { startTime, duration } of list.getEntries()) longFrames.push({ startTime, duration });
  }).observe({ type: 'long-animation-frame', buffered: true });
  new PerformanceObserver((list) => {
    for (const shift of list.getEntries() as LayoutShift[]) if (!shift.hadRecentInput) cls += shift.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const onFrame = (time: number) => {
    if (!isRecording) return;
    frames.push(time);
    requestAnimationFrame(onFrame);
  };
  window.benchProbes = {
    longTasks,
    longFrames,
    cls: () => cls,
    startFrames() {
      frames = [];
      isRecording = true;
      requestAnimationFrame(onFrame);
    },
    stopFrames() {
      isRecording = false;
      return frames.slice(1).map((time, index) => time - (frames[index] ?? time));
    },
  };
}
