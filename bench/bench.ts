import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { test, type Browser, type CDPSession, type Page } from '@playwright/test';
import { build } from 'vite';
import { benchDocument, benchShapes, type BenchShape } from '../agent/knowledge-base.ts';
import type { ChatMessage } from '../src/state/types.ts';
import {
  agentOrigin,
  botId,
  launcherClick,
  markdownReply,
  openPage,
  pageOrigin,
  preloadMarkdown,
  rendered,
  scrollToTop,
  widgetPage,
} from './bench-page.ts';
import { heapMb, longTasksSince, mainThread, measure, settle, type Measurement } from './measure.ts';
import { measurePaced, startProfile, type Contender } from './paced.ts';
import { createReport, formatTable, median } from './report.ts';
import { longTasksIn, startTaskTrace } from './trace.ts';

const runs = Number(process.env.BENCH_RUNS) || 5;
const replySizes = [5_000, 20_000, 80_000];
/** The 80 KB reply streams for half a minute (4 ms a chunk): fewer runs keep the whole bench to a few minutes. */
const runsOf = (size: number) => (size >= 80_000 ? Math.min(runs, 3) : runs);
const storedTurns = 300;
/**
 * `BENCH_ONLY=load` (or `load-4x`, the throttled loads alone, `streaming`, `restore`, `paced`, comma-separated) runs only those
 * parts, for a quick look while working on one; the table is printed, results.json is left alone.
 */
const only = process.env.BENCH_ONLY?.split(',');
const runsPart = (part: 'load' | 'load-4x' | 'streaming' | 'restore' | 'paced') =>
  !only || only.includes(part) || (part === 'load-4x' && only.includes('load'));

/** The CPU of a mid-range phone, as Lighthouse's mobile run assumes: page loads are also measured so. */
const loadThrottle = 4;

/**
 * The paced scenarios: a model's pace (`BENCH_INTERVAL_MS`, one 5-character chunk every 20 ms
 * by default) on a low-end phone's CPU (`BENCH_THROTTLE`, 6x by default). Each stream lasts
 * as long as the reply takes at that pace (80 KB: over 5 minutes), so one run each by
 * default (`BENCH_PACED_RUNS`); `BENCH_PACED=5,code` picks scenarios, `BENCH_CONTENDERS=tinytalk`
 * leaves deep-chat and the floors out. deep-chat gets the stream's own length plus `BENCH_LIMIT_S` (60 s).
 */
const paced = {
  intervalMs: Number(process.env.BENCH_INTERVAL_MS) || 20,
  throttle: Number(process.env.BENCH_THROTTLE) || 6,
  runs: Number(process.env.BENCH_PACED_RUNS) || 1,
  graceS: Number(process.env.BENCH_LIMIT_S) || 60,
  scenarios: [
    { key: '5', name: 'mixed 5 KB', shape: 'mixed', size: 5_000 },
    { key: '20', name: 'mixed 20 KB', shape: 'mixed', size: 20_000 },
    { key: '80', name: 'mixed 80 KB', shape: 'mixed', size: 80_000 },
    { key: 'code', name: 'one 40 KB code block', shape: 'code', size: 40_000 },
    { key: 'table', name: 'a 200-row table', shape: 'table', size: 200 },
    { key: 'paragraph', name: 'one 20 KB paragraph', shape: 'paragraph', size: 20_000 },
  ] satisfies { key: string; name: string; shape: BenchShape; size: number }[],
  only: process.env.BENCH_PACED?.split(','),
  contenders: (process.env.BENCH_CONTENDERS?.split(',') ?? [
    'reading alone',
    'plain text',
    'tinytalk',
    'deep-chat',
  ]) as Contender[],
};

const root = fileURLToPath(new URL('..', import.meta.url));

const report = createReport();

function addMeasurement(
  scenario: string,
  measured: Measurement,
  targets: Partial<Record<keyof Measurement, string>> = {},
): void {
  const labels: [keyof Measurement, string][] = [
    ['cpuMs', 'main thread CPU (ms)'],
    ['busyMs', 'main thread busy (ms)'],
    ['scriptMs', 'script (ms)'],
    ['wallMs', 'wall (ms)'],
    ['longTasks', 'long tasks'],
    ['longestTaskMs', 'longest task (ms)'],
    ['maxFrameGapMs', 'max frame gap (ms)'],
    ['framesOver17Pct', 'frames > 16.7 ms (%)'],
    ['framesOver34Pct', 'frames > 33.3 ms (%)'],
  ];
  for (const [key, label] of labels) {
    const value = measured[key];
    if (value !== undefined) report.add(scenario, label, value, targets[key]);
  }
}

/** Preact and signals rendering one button, built as the script tag is: what the widget's load cost is held against. */
async function buildReference(): Promise<string> {
  const result = await build({
    configFile: false,
    root,
    publicDir: false,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      target: 'es2022',
      lib: {
        entry: 'bench/reference/preact-signals.ts',
        formats: ['iife'],
        name: 'Reference',
        fileName: () => 'reference.js',
      },
    },
  });
  const output = Array.isArray(result) ? result[0] : result;
  const chunk = output && 'output' in output ? output.output[0] : undefined;
  if (!chunk) throw new Error('The reference bundle did not build');
  return chunk.code;
}

/** A deterministic stored conversation: short questions, replies of 300 to 800 bytes. */
function storedConversation(turns: number): ChatMessage[] {
  return Array.from({ length: turns }, (_, index): ChatMessage => {
    const isUser = index % 2 === 0;
    return {
      id: `stored-${index}`,
      role: isUser ? 'user' : 'assistant',
      content: isUser
        ? `Question ${index / 2 + 1}: how does step ${index} work?`
        : benchDocument(300 + ((index * 137) % 500), index),
      status: 'done',
      citedResources: [],
    };
  });
}

async function nonStreamedReply(text: string): Promise<string> {
  const response = await fetch(`${agentOrigin}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ botId, messages: [{ role: 'user', content: text }], stream: false }),
  });
  if (!response.ok) throw new Error(`The agent answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { choices: [{ message: { content: string } }] };
  return body.choices[0].message.content;
}

const log = (line: string) => console.log(`  ${line}`);

test('widget benchmark', async ({ browser }) => {
  const widgetScript = readFileSync(new URL('../dist/tinytalk-widget.js', import.meta.url), 'utf8');
  const referenceScript = await buildReference();

  if (runsPart('load'))
    await test.step('page load', async () => {
      const variants = [
        { name: 'no script', script: '', url: widgetPage() },
        { name: 'preact + signals', script: referenceScript, url: widgetPage() },
        { name: 'widget, no bot-id', script: widgetScript, url: `${pageOrigin}/script-tag` },
        { name: 'widget mounted', script: widgetScript, url: widgetPage() },
      ];
      // What the widget and the reference cost beyond an empty script, run by run.
      const widgetOwn: number[] = [];
      const referenceOwn: number[] = [];
      // Loads are quick and the widget's share of one is small: twice the runs, for steadier medians.
      const loadRuns = runs * 2;
      for (let run = 1; run <= loadRuns; run++) {
        log(`page load ${run}/${loadRuns}`);
        // Variants interleave within a run, so drift on the machine hits them alike.
        for (const { name, script, url } of variants) {
          const { page, cdp, hasFetchedPanel, close } = await openPage(browser, { script });
          await page.goto(url);
          await settle(page);
          // Anything the widget puts off until the page is idle counts too.
          await page.waitForTimeout(200);
          const counters = await mainThread(cdp);
          const { longTasks } = await longTasksSince(page, 0);
          report.add(`load: ${name}`, 'main thread CPU (ms)', counters.cpuMs);
          report.add(`load: ${name}`, 'script (ms)', counters.scriptMs);
          report.add(`load: ${name}`, 'style + layout (ms)', counters.styleLayoutMs);
          if (name === 'widget mounted') {
            report.add(`load: ${name}`, 'main thread busy (ms)', counters.busyMs);
            report.add(`load: ${name}`, 'long tasks', longTasks, '0');
            report.add(`load: ${name}`, 'layout shift (CLS)', await page.evaluate(() => window.benchProbes.cls()), '0');
            report.add(`load: ${name}`, 'panel fetched (0/1)', Number(hasFetchedPanel()), '0: not before opening');
          }
          report.add(`load: ${name}`, 'JS heap (MB)', await heapMb(cdp));
          await close();
        }
        // A whole load varies by more than the widget costs, so its own cost is measured apart.
        const empty = await measureScript(browser, '');
        const widget = await measureScript(browser, widgetScript);
        const widgetUnmounted = await measureScript(browser, widgetScript, {});
        const reference = await measureScript(browser, referenceScript);
        widgetOwn.push(widget - empty);
        referenceOwn.push(reference - empty);
        report.add('load: widget own', 'main thread CPU (ms)', widget - empty);
        report.add('load: widget own, no bot-id', 'main thread CPU (ms)', widgetUnmounted - empty);
        report.add('load: preact + signals own', 'main thread CPU (ms)', reference - empty);
      }
      report.add('load: widget / preact + signals', 'own CPU ratio', median(widgetOwn) / median(referenceOwn), '≤ 2');
    });

  if (runsPart('load-4x'))
    await test.step(`page load at ${loadThrottle}x CPU throttling`, async () => {
      // A page's own long tasks vary from load to load: the widget's share is told apart by
      // loading the same page without it, interleaved, three times as often as the other loads.
      const loadRuns = runs * 3;
      // `BENCH_BASELINE=<another tinytalk-widget.js>`: that build too, interleaved, to compare a change in one run.
      const baseline = process.env.BENCH_BASELINE;
      const variants: [name: string, script: string][] = [
        ['no script', ''],
        ['widget mounted', widgetScript],
        ...(baseline ? [['baseline mounted', readFileSync(baseline, 'utf8')] as [string, string]] : []),
      ];
      for (let run = 1; run <= loadRuns; run++) {
        log(`page load at ${loadThrottle}x ${run}/${loadRuns}`);
        let withoutWidgetTbt = 0;
        for (const [name, script] of variants) {
          const { page, cdp, close } = await openPage(browser, { script });
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: loadThrottle });
          // `BENCH_TRACE_DIR=<folder>`: a DevTools trace of each load, and what its long tasks are made of.
          const saveTo =
            process.env.BENCH_TRACE_DIR &&
            `${process.env.BENCH_TRACE_DIR}/load-${loadThrottle}x-${name.replace(/\W+/g, '-')}-${run}.json`;
          const trace = saveTo ? await startTaskTrace(cdp, { saveTo }) : undefined;
          const profile = saveTo ? await startProfile(cdp, saveTo.replace(/json$/, 'cpuprofile')) : undefined;
          await page.goto(widgetPage());
          await settle(page);
          // What the widget puts off until the page is idle (the rest of its code) counts too.
          await page.evaluate(() => new Promise((done) => requestIdleCallback(done, { timeout: 3000 })));
          await page.waitForTimeout(1500);
          const durations = await page.evaluate(() => window.benchProbes.longTasks.map(({ duration }) => duration));
          const scenario = `load at ${loadThrottle}x: ${name}`;
          if (trace && saveTo) {
            await profile?.stop();
            await trace.stop();
            logLongTasks(name, saveTo);
          }
          report.add(
            scenario,
            'long tasks',
            durations.length,
            name === 'widget mounted' ? 'as without the widget' : '',
          );
          report.add(scenario, 'longest task (ms)', Math.max(0, ...durations));
          const tbt = durations.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0);
          report.add(
            scenario,
            'total blocking time (ms)',
            tbt,
            name === 'widget mounted' ? 'as without the widget' : '',
          );
          // Paired with the load without the widget just before it: what the widget added in this run.
          if (name === 'no script') withoutWidgetTbt = tbt;
          else report.add(scenario, 'TBT added (ms)', tbt - withoutWidgetTbt, name === 'widget mounted' ? '0' : '');
          await close();
        }
      }
    });

  if (runsPart('streaming'))
    await test.step('streaming vs one-shot', async () => {
      for (const size of replySizes) {
        const scenario = `reply ${size / 1000} KB`;
        const text = await nonStreamedReply(`bench:${size}`);
        const stored: ChatMessage[] = [
          { id: 'q', role: 'user', content: `bench:${size}`, status: 'done', citedResources: [] },
          { id: 'a', role: 'assistant', content: text, status: 'done', citedResources: [] },
        ];
        const streamed: number[] = [];
        const oneShot: number[] = [];
        const reading: number[] = [];
        for (let run = 1; run <= runsOf(size); run++) {
          log(`${scenario} ${run}/${runsOf(size)}`);
          const stream = await measureStreaming(browser, size);
          addMeasurement(`${scenario}: streaming`, stream.measured, { longTasks: '0', maxFrameGapMs: '≤ 50' });
          report.add(`${scenario}: streaming`, 'network reads', stream.networkReads);
          report.add(
            `${scenario}: streaming`,
            'CPU per KB (ms)',
            stream.measured.cpuMs / (text.length / 1000),
            'flat across sizes',
          );
          report.add(`${scenario}: streaming`, 'JS heap after (MB)', stream.heapMb);
          if (stream.replyLength !== text.length)
            throw new Error(`The streamed reply has ${stream.replyLength} characters, not ${text.length}`);

          // What any page pays to receive the same stream, before a widget does anything with it.
          const read = await measureReading(browser, size);
          report.add(`${scenario}: reading the stream alone`, 'main thread CPU (ms)', read.cpuMs);
          reading.push(read.cpuMs);

          const once = await measureOpening(browser, stored);
          addMeasurement(`${scenario}: one-shot`, once.measured, { longTasks: '0' });
          report.add(`${scenario}: one-shot`, 'JS heap after (MB)', once.heapMb);
          streamed.push(stream.measured.cpuMs);
          oneShot.push(once.measured.cpuMs);
        }
        report.add(`${scenario}: streaming / one-shot`, 'CPU ratio', median(streamed) / median(oneShot), '≤ 3');
        report.add(`${scenario}: reading alone / one-shot`, 'CPU ratio', median(reading) / median(oneShot));
        report.add(
          `${scenario}: (streaming - reading) / one-shot`,
          'CPU ratio',
          (median(streamed) - median(reading)) / median(oneShot),
        );
      }
    });

  if (runsPart('restore'))
    await test.step(`restore and scroll ${storedTurns} turns`, async () => {
      const stored = storedConversation(storedTurns);
      for (let run = 1; run <= runs; run++) {
        log(`restore ${run}/${runs}`);
        let scrolled: Measurement | undefined;
        let rest: Measurement | undefined;
        const opened = await measureOpening(browser, stored, async (page, cdp) => {
          const isAtBottom = await page.evaluate(() => {
            const scroller = document.querySelector('tinytalk-chat')?.shadowRoot?.querySelector('.scroller');
            return !!scroller && scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 2;
          });
          if (!isAtBottom) throw new Error('The restored conversation did not open at its end');
          // The older turns render while the page is idle: what that costs, and that it never blocks.
          rest = await measure(page, cdp, () => rendered(page, `[data-role]:nth-child(${storedTurns})`));
          scrolled = await measure(page, cdp, () => page.evaluate(scrollToTop, 2000), { frames: true });
        });
        addMeasurement(`${storedTurns} turns: open`, opened.measured, { longTasks: '0', cpuMs: '≤ 100' });
        if (rest) addMeasurement(`${storedTurns} turns: the rest, rendered when idle`, rest, { longTasks: '0' });
        if (scrolled)
          addMeasurement(`${storedTurns} turns: scroll to top`, scrolled, { longTasks: '0', framesOver34Pct: '0' });
        report.add(`${storedTurns} turns: scroll to top`, 'JS heap after (MB)', opened.heapMb);
      }
    });

  if (runsPart('paced'))
    await test.step(`paced at ${paced.intervalMs} ms a chunk, ${paced.throttle}x CPU throttling`, async () => {
      for (const { key, name, shape, size } of paced.scenarios) {
        if (paced.only && !paced.only.includes(key)) continue;
        const expected = benchShapes[shape](size);
        const question = `bench:${shape}:${size} every:${paced.intervalMs}ms`;
        // How long the stream lasts at its pace, before any widget does anything with it.
        const streamS = (Math.ceil(expected.length / 5) * paced.intervalMs) / 1000;
        for (let run = 1; run <= paced.runs; run++) {
          for (const contender of paced.contenders) {
            const scenario = `paced ${name}: ${contender}`;
            const limitS = Math.round(streamS + paced.graceS);
            log(`${scenario} ${run}/${paced.runs} (the stream alone lasts ${Math.round(streamS)} s)`);
            const result = await measurePaced(browser, {
              contender,
              question,
              expected,
              throttle: paced.throttle,
              limitS: contender === 'deep-chat' ? limitS : 20 * 60,
            });
            if (!result.finished) {
              report.add(scenario, `did not finish in ${result.limitS} s`, 1);
              continue;
            }
            const { measured } = result;
            // The whole table prints at the end; a line now, so a long run shows its progress.
            log(
              `  ${measured.busyPct.toFixed(1)} % busy, ${measured.longTasks} long tasks, ${(measured.wallMs / 1000).toFixed(1)} s`,
            );
            const isShape = shape === 'table' || shape === 'paragraph';
            report.add(scenario, 'main thread busy (% of wall)', measured.busyPct, isShape ? '≤ 25' : '≤ 15');
            report.add(scenario, 'long tasks', measured.longTasks, '0');
            report.add(scenario, 'longest task (ms)', measured.longestTaskMs);
            report.add(scenario, 'frames over 50 ms', measured.longFrames, isShape ? '' : '0');
            report.add(scenario, 'update at start (ms)', measured.updateMs.start);
            report.add(scenario, 'update in the middle (ms)', measured.updateMs.middle);
            report.add(scenario, 'update at the end (ms)', measured.updateMs.end, isShape ? '' : '≤ 1.5x mixed 5 KB');
            report.add(scenario, 'wall (s)', measured.wallMs / 1000);
            report.add(scenario, 'network reads', measured.networkReads);
          }
        }
      }
    });

  const rows = report.rows();
  console.log(`\n${formatTable(rows)}\n`);
  if (only) return;
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium: browser.version(),
  };
  const results = { date: new Date().toISOString(), machine, runs, rows };
  const path = fileURLToPath(new URL('results.json', import.meta.url));
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`Written to ${path}`);
});

/**
 * Main-thread CPU of one script on an idle page: added as the script tag is, with its
 * `data-*` attributes, and measured until it has run and the page has painted.
 */
async function measureScript(
  browser: Browser,
  script: string,
  attributes: Record<string, string> = { 'bot-id': botId, 'api-base': agentOrigin },
): Promise<number> {
  const { page, cdp, close } = await openPage(browser, { script: '' });
  const src = `${pageOrigin}/bench/script.js`;
  await page.route(src, (route) => route.fulfill({ contentType: 'text/javascript', body: script }));
  await page.goto(`${pageOrigin}/script-tag`);
  await settle(page);
  const { cpuMs } = await measure(page, cdp, () =>
    page.evaluate(
      ({ src, attributes }) =>
        new Promise((done, fail) => {
          const element = Object.assign(document.createElement('script'), { src, onload: done, onerror: fail });
          for (const [name, value] of Object.entries(attributes)) element.setAttribute(`data-${name}`, value);
          document.body.append(element);
        }),
      { src, attributes },
    ),
  );
  await close();
  return cpuMs;
}

/**
 * The floor under any streaming widget: the same request from the same page, its body read
 * to the end and thrown away. Thousands of network reads cost the browser this much alone.
 */
async function measureReading(browser: Browser, size: number): Promise<Measurement> {
  const { page, cdp, close } = await openPage(browser);
  await page.goto(widgetPage());
  await settle(page);
  const measured = await measure(page, cdp, () =>
    page.evaluate(
      async ({ url, body }) => {
        const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
        const reader = response.body!.getReader();
        while (!(await reader.read()).done);
      },
      {
        url: `${agentOrigin}/v1/chat/completions`,
        body: JSON.stringify({ botId, messages: [{ role: 'user', content: `bench:${size}` }], stream: true }),
      },
    ),
  );
  await close();
  return measured;
}

/** Sends `bench:<size>` from the open panel and measures everything until the reply is done. */
async function measureStreaming(browser: Browser, size: number) {
  const { page, cdp, close } = await openPage(browser);
  await page.goto(widgetPage({ open: 'true' }));
  await preloadMarkdown(page);
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(`bench:${size}`);
  await settle(page);

  // Each network read of the reply's body reaches the page as one `dataReceived`.
  let networkReads = 0;
  const replyRequests = new Set<string>();
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
    if (request.method === 'POST' && request.url.endsWith('/v1/chat/completions')) replyRequests.add(requestId);
  });
  cdp.on('Network.dataReceived', ({ requestId }) => {
    if (replyRequests.has(requestId)) networkReads++;
  });
  await page.evaluate(() => {
    const widget = window.TinyTalk?.instance;
    if (!widget) throw new Error('The widget is not mounted');
    window.benchProbes.nextReply = new Promise((done) => {
      const stop = widget.on('message', (message) => {
        stop();
        done(message.content.length);
      });
    });
  });
  let replyLength = 0;
  const measured = await measure(
    page,
    cdp,
    async () => {
      await composer.press('Enter');
      replyLength = await page.evaluate(() => window.benchProbes.nextReply ?? 0);
    },
    { frames: true },
  );
  const heap = await heapMb(cdp);
  await close();
  return { measured, networkReads, replyLength, heapMb: heap };
}

/**
 * Loads a page whose stored conversation is `stored`, with the panel closed, and
 * measures the click on the launcher until the replies show as markdown; `then` runs
 * on the opened page before it closes.
 */
async function measureOpening(
  browser: Browser,
  stored: readonly ChatMessage[],
  then?: (page: Page, cdp: CDPSession) => Promise<void>,
) {
  const { page, cdp, close } = await openPage(browser, { stored });
  await page.goto(widgetPage());
  await preloadMarkdown(page);
  const click = await launcherClick(page);
  await settle(page);
  // `BENCH_TRACE_DIR=<folder>`: a DevTools trace and a CPU profile of the opening, and what its long tasks are made of.
  const saveTo =
    process.env.BENCH_TRACE_DIR &&
    `${process.env.BENCH_TRACE_DIR}/open-${stored.length}-messages-${stored.at(-1)?.content.length ?? 0}-characters.json`;
  const trace = saveTo ? await startTaskTrace(cdp, { saveTo }) : undefined;
  const profile = saveTo ? await startProfile(cdp, saveTo.replace(/json$/, 'cpuprofile')) : undefined;
  const measured = await measure(page, cdp, async () => {
    await click();
    await rendered(page, markdownReply);
  });
  if (trace && saveTo) {
    await profile?.stop();
    await trace.stop();
    logLongTasks('opening', saveTo);
  }
  await then?.(page, cdp);
  const heap = await heapMb(cdp);
  await close();
  return { measured, heapMb: heap };
}

/** Prints what each long task in the trace at `path` was made of, under `label`. */
function logLongTasks(label: string, path: string): void {
  for (const { durationMs, parts, scripts } of longTasksIn(path, pageOrigin))
    log(
      `  ${label}: a task of ${durationMs.toFixed(0)} ms: ${parts.map(([part, ms]) => `${part} ${ms.toFixed(1)}`).join(', ')}` +
        (scripts.length > 0 ? ` (${scripts.map((url) => url.replace(pageOrigin, '')).join(', ')})` : ''),
    );
}
