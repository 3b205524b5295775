import { test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { openPage, pageOrigin, botId, agentOrigin } from './bench-page.ts';
import { measure, settle } from './measure.ts';

test('load', async ({ browser }) => {
  const script = readFileSync(new URL('../dist/tinytalk-widget.js', import.meta.url), 'utf8');
  const results: number[] = [];
  for (let run = 0; run < 12; run++) {
    const { page, cdp, close } = await openPage(browser, { script: '' });
    const src = `${pageOrigin}/bench/script.js`;
    await page.route(src, (route) => route.fulfill({ contentType: 'text/javascript', body: script }));
    await page.goto(`${pageOrigin}/script-tag`);
    await settle(page);
    const profile = run === 11;
    if (profile) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 50 }); await cdp.send('Profiler.start'); }
    const { cpuMs } = await measure(page, cdp, () => page.evaluate(({ src, attributes }) => new Promise((done, fail) => {
      const element = Object.assign(document.createElement('script'), { src, onload: done, onerror: fail });
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(`data-${name}`, value);
      document.body.append(element);
    }), { src, attributes: { 'bot-id': botId, 'api-base': agentOrigin } }));
    await settle(page);
    if (profile) { const { profile: p } = await cdp.send('Profiler.stop'); writeFileSync('/tmp/load-cpu.json', JSON.stringify(p)); }
    else results.push(cpuMs);
    await close();
  }
  results.sort((a, b) => a - b);
  console.log('own-ish cpu median', results[Math.floor(results.length / 2)].toFixed(1), results.map((r) => r.toFixed(1)).join(' '));
});
