import type { CDPSession, Page } from '@playwright/test';

/** Main-thread time, from Chromium's own counters (CDP `Performance`), in ms. */
export interface MainThread {
  /**
   * CPU time of the renderer's main thread. The steadiest figure on a busy machine:
   * task durations also count the time the thread waits for a core.
   */
  cpuMs: number;
  /** Wall time of the main thread's tasks: script, style, layout, paint, parsing, GC. What a visitor waits on. */
  busyMs: number;
  scriptMs: number;
  styleLayoutMs: number;
}

/** What one measured action cost. */
export interface Measurement extends MainThread {
  /** From just before the action to the page settling after it. */
  wallMs: number;
  /** Tasks over 50 ms that started during the action. */
  longTasks: number;
  longestTaskMs: number;
  /** When frames were recorded: the longest gap between two, in ms. */
  maxFrameGapMs?: number;
  /** Share of frame gaps over one frame (60 Hz, 1 ms slack), in %. */
  framesOver17Pct?: number;
  /** Share of frame gaps over two frames, in %. */
  framesOver34Pct?: number;
}

/** Opens a CDP session on the page with the performance counters on. */
export async function openCdp(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}

export async function mainThread(cdp: CDPSession): Promise<MainThread> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  // Durations and times come in seconds.
  const ms = (name: string) => (metrics.find((metric) => metric.name === name)?.value ?? 0) * 1000;
  return {
    cpuMs: ms('ThreadTime'),
    busyMs: ms('TaskDuration'),
    scriptMs: ms('ScriptDuration'),
    styleLayoutMs: ms('RecalcStyleDuration') + ms('LayoutDuration'),
  };
}

/** Live JS heap after a full garbage collection, in MB: what the page keeps, not what it has yet to collect. */
export async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20;
}

/** Waits two frames and a task, so whatever the last action set off (a render, a layout, a paint) is over. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)))),
  );
}

/** Long tasks that started at or after `since` (page time). */
export async function longTasksSince(page: Page, since: number): Promise<{ longTasks: number; longestTaskMs: number }> {
  const durations = await entriesSince(page, 'longTasks', since);
  return { longTasks: durations.length, longestTaskMs: Math.max(0, ...durations) };
}

/** The durations of the long tasks or long animation frames that started at or after `since` (page time). */
export async function entriesSince(page: Page, kind: 'longTasks' | 'longFrames', since: number): Promise<number[]> {
  // Entries are reported after their task or frame ends; let them arrive.
  await page.waitForTimeout(50);
  return page.evaluate(
    ({ kind, from }) =>
      window.benchProbes[kind].filter(({ startTime }) => startTime >= from).map(({ duration }) => duration),
    { kind, from: since },
  );
}

/**
 * Measures `action` and whatever it sets off until the page settles: main-thread time
 * (counter deltas), long tasks and, with `frames`, the gaps between animation frames.
 */
export async function measure(
  page: Page,
  cdp: CDPSession,
  action: () => Promise<unknown>,
  { frames = false } = {},
): Promise<Measurement> {
  const since = await page.evaluate((isRecording) => {
    if (isRecording) window.benchProbes.startFrames();
    return performance.now();
  }, frames);
  const before = await mainThread(cdp);
  const start = Date.now();
  await action();
  await settle(page);
  const wallMs = Date.now() - start;
  const after = await mainThread(cdp);
  const gaps = frames ? await page.evaluate(() => window.benchProbes.stopFrames()) : [];
  return {
    cpuMs: after.cpuMs - before.cpuMs,
    busyMs: after.busyMs - before.busyMs,
    scriptMs: after.scriptMs - before.scriptMs,
    styleLayoutMs: after.styleLayoutMs - before.styleLayoutMs,
    wallMs,
    ...(await longTasksSince(page, since)),
    ...(frames && frameStats(gaps)),
  };
}

function frameStats(
  gaps: readonly number[],
): Pick<Measurement, 'maxFrameGapMs' | 'framesOver17Pct' | 'framesOver34Pct'> {
  const share = (limit: number) => (100 * gaps.filter((gap) => gap > limit).length) / Math.max(1, gaps.length);
  return {
    maxFrameGapMs: Math.max(0, ...gaps),
    framesOver17Pct: share(1000 / 60 + 1),
    framesOver34Pct: share(2000 / 60 + 1),
  };
}
