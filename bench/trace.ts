import { readFileSync, writeFileSync } from 'node:fs';
import type { CDPSession } from '@playwright/test';

/** A stretch of time on the renderer's main thread, in ms of the browser's monotonic clock. */
export interface Interval {
  start: number;
  end: number;
}

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

/**
 * Records a Chrome trace of top-level tasks only (the `toplevel` category): light enough to
 * run for the minutes an 80 KB reply streams, and enough to say when the main thread was
 * busy. `stop()` returns the busy stretches of the busiest renderer main thread (the page
 * measured: one page is open at a time), merged where tasks nest or touch.
 *
 * With `saveTo`, it records what DevTools' performance panel does as well (script, style,
 * layout, paint: where each task's time went) and writes the trace there, to open in
 * DevTools or read with a script. Heavier: for a look at one scenario, not for figures.
 */
export async function startTaskTrace(
  cdp: CDPSession,
  { saveTo }: { saveTo?: string } = {},
): Promise<{ stop(): Promise<Interval[]> }> {
  const detail = saveTo
    ? [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        'v8',
        'disabled-by-default-v8.compile',
        'blink.user_timing',
      ]
    : [];
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: ['toplevel', '__metadata', ...detail] },
  });
  return {
    async stop() {
      const complete = new Promise<string>((done) =>
        cdp.once('Tracing.tracingComplete', ({ stream }) => done(stream ?? '')),
      );
      await cdp.send('Tracing.end');
      const events = await readStream(cdp, await complete);
      if (saveTo) writeFileSync(saveTo, JSON.stringify({ traceEvents: events }));
      return mainThreadBusy(events);
    },
  };
}

async function readStream(cdp: CDPSession, handle: string): Promise<TraceEvent[]> {
  const parts: string[] = [];
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle, size: 4 << 20 });
    parts.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await cdp.send('IO.close', { handle });
  const trace = JSON.parse(parts.join('')) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(trace) ? trace : trace.traceEvents;
}

function mainThreadBusy(events: readonly TraceEvent[]): Interval[] {
  const mainThreads = new Set(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map(threadKey),
  );
  const byThread = new Map<string, Interval[]>();
  for (const event of events) {
    const key = threadKey(event);
    if (event.ph !== 'X' || event.dur === undefined || !mainThreads.has(key)) continue;
    const intervals = byThread.get(key) ?? [];
    intervals.push({ start: event.ts / 1000, end: (event.ts + event.dur) / 1000 });
    byThread.set(key, intervals);
  }
  const merged = [...byThread.values()].map(merge);
  return merged.sort((a, b) => total(b) - total(a))[0] ?? [];
}

const threadKey = (event: TraceEvent) => `${event.pid}:${event.tid}`;

function merge(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

const total = (intervals: readonly Interval[]) => intervals.reduce((sum, { start, end }) => sum + end - start, 0);

/** How much of `[from, to)` the busy stretches cover, in ms; `busy` sorted, `from` not decreasing between calls with one cursor. */
export function createBusyMeter(busy: readonly Interval[]): (from: number, to: number) => number {
  let first = 0;
  return (from, to) => {
    while (first < busy.length && busy[first]!.end <= from) first++;
    let sum = 0;
    for (let index = first; index < busy.length && busy[index]!.start < to; index++) {
      const { start, end } = busy[index]!;
      sum += Math.min(end, to) - Math.max(start, from);
    }
    return sum;
  };
}

/** One task over 50 ms on the page's main thread, and what its time went to. */
export interface LongTaskBreakdown {
  durationMs: number;
  /** ms by kind of work in the task (script compile, evaluation, style, layout, ...), largest first. */
  parts: [name: string, ms: number][];
  /** The scripts evaluated or compiled in it, by URL. */
  scripts: string[];
}

/** Events that only wrap the work of a task: their children say what it was. */
const wrappers = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'SimpleWatcher::OnHandleReady']);

/**
 * Reads a trace saved with `saveTo` (the `devtools.timeline` and `v8` categories): every
 * top-level task over 50 ms on the main thread of the renderer that loaded `origin`, with
 * the time of the work in it summed by name. Says what a long task is made of, where the
 * page's long-task entries only say that there was one.
 */
export function longTasksIn(path: string, origin: string): LongTaskBreakdown[] {
  const { traceEvents: events } = JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: TraceEvent[] };
  const mainThreads = new Set(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map(threadKey),
  );
  // The page's renderer is the one whose main thread parsed or ran something from its origin.
  const page = events.find(
    (event) => mainThreads.has(threadKey(event)) && JSON.stringify(event.args ?? {}).includes(origin),
  );
  if (!page) return [];
  const onThread = events
    .filter((event) => event.ph === 'X' && event.dur !== undefined && threadKey(event) === threadKey(page))
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // Tasks from before the page (the blank page the browser opened first) are not its own.
  const topLevel = childrenOf(onThread, -Infinity, Infinity);
  return topLevel
    .filter((task) => task.dur! > 50_000 && task.ts + task.dur! >= page.ts)
    .map((task) => {
      const parts = new Map<string, number>();
      const add = (name: string, ms: number) => parts.set(name, (parts.get(name) ?? 0) + ms);
      const scripts = new Set<string>();
      const visit = (event: TraceEvent) => {
        const children = childrenOf(onThread, event.ts, event.ts + event.dur!, event);
        if (wrappers.has(event.name)) {
          const covered = children.reduce((sum, child) => sum + child.dur!, 0);
          if (event.dur! - covered >= 1000) add(`(${event.name}, itself)`, (event.dur! - covered) / 1000);
          children.forEach(visit);
          return;
        }
        add(event.name, event.dur! / 1000);
        const url = (event.args as { data?: { url?: string } } | undefined)?.data?.url;
        if (url) scripts.add(url);
        // Compiling happens inside evaluating and calling: the script's own compile, and V8's
        // compiling of each function the first time it is called (V8.CompileCode).
        for (const inner of onThread)
          if (
            inner.ts >= event.ts &&
            inner.ts + inner.dur! <= event.ts + event.dur! &&
            (inner.name.startsWith('v8.compile') || inner.name === 'V8.CompileCode')
          )
            add(`${event.name}: of which compiling`, inner.dur! / 1000);
      };
      visit(task);
      return {
        durationMs: task.dur! / 1000,
        parts: [...parts].sort((a, b) => b[1] - a[1]).filter(([, ms]) => ms >= 1),
        scripts: [...scripts],
      };
    });
}

/** The events of `sorted` within [from, to) not inside another one of them (nor `parent` itself). */
function childrenOf(sorted: readonly TraceEvent[], from: number, to: number, parent?: TraceEvent): TraceEvent[] {
  const children: TraceEvent[] = [];
  for (const event of sorted) {
    if (event === parent || event.ts < from || event.ts + event.dur! > to) continue;
    const last = children.at(-1);
    if (!last || event.ts >= last.ts + last.dur!) children.push(event);
  }
  return children;
}
