import type { Locator } from '@playwright/test';
import { ask, chat, expect, openScriptTagPage, test } from './fixtures.ts';

/** A fenced block with a line far wider than any bubble, and a second line. */
const longLine = `const widget = mount({ botId: 'demo', title: 'Ask us anything about pricing, installing, features and languages', open: true });`;
const codeReply = ['echo: Paste this:', '', '```ts', longLine, "widget.send('Hello');", '```', '', 'Then reload.'].join(
  '\n',
);

/** A table with more columns than a bubble can hold. */
const wideTable = [
  'echo: Every plan:',
  '',
  `| ${Array.from({ length: 12 }, (_, index) => `Column number ${index + 1}`).join(' | ')} |`,
  `|${' --- |'.repeat(12)}`,
  `| ${Array.from({ length: 12 }, (_, index) => `value ${index + 1}`).join(' | ')} |`,
].join('\n');

/** Whether the element's content is wider than its box, so that it scrolls sideways. */
const scrollsSideways = (element: Locator) => element.evaluate((box) => box.scrollWidth > box.clientWidth + 1);

test.describe('code blocks', () => {
  test('have a Copy code button that copies the code alone, and show the language the fence names', async ({
    page,
    agent,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await openScriptTagPage(page, agent, { open: 'true' });
    await ask(page, codeReply);
    const reply = chat(page).lastReply;
    await expect(reply.locator('.code-language')).toHaveText('ts');
    await reply.getByRole('button', { name: 'Copy code', exact: true }).click();
    await expect(reply.getByRole('button', { name: 'Copied', exact: true })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${longLine}\nwidget.send('Hello');`);
    // The whole reply's Copy is still there, and still copies the markdown.
    await expect(reply.getByRole('button', { name: 'Copy', exact: true })).toBeVisible();
  });

  test('copy by selection where the async clipboard refuses, as on a site served over plain http', async ({
    page,
    agent,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await page.addInitScript(() => {
      Clipboard.prototype.writeText = () => Promise.reject(new DOMException('Write permission denied.'));
    });
    await openScriptTagPage(page, agent, { open: 'true' });
    await ask(page, codeReply);
    const reply = chat(page).lastReply;
    await reply.getByRole('button', { name: 'Copy code', exact: true }).click();
    await expect(reply.getByRole('button', { name: 'Copied', exact: true })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${longLine}\nwidget.send('Hello');`);
  });

  test('show no language when the fence names none', async ({ page, agent }) => {
    await openScriptTagPage(page, agent, { open: 'true' });
    await ask(page, 'echo: ```\nplain text\n```');
    await expect(chat(page).lastReply.getByRole('button', { name: 'Copy code' })).toBeVisible();
    await expect(chat(page).lastReply.locator('.code-language')).toHaveCount(0);
  });

  test('inside a numbered list leave its numbering going on after them', async ({ page, agent }) => {
    await openScriptTagPage(page, agent, { open: 'true' });
    await ask(page, 'echo: 1. Copy the id.\n2. Paste the tag:\n\n```html\n<script></script>\n```\n\n3. Reload.');
    const goesOn = chat(page).lastReply.locator('ol[start="3"]');
    await expect(goesOn).toContainText('Reload.');
    // Skipped out of view, the list would be style-contained: Firefox then counts it from 1.
    await expect(goesOn).toHaveCSS('content-visibility', 'visible');
  });

  test('streamed long, keep the lines already shown, and end as the same reply shows when opened again', async ({
    page,
    agent,
  }) => {
    await openScriptTagPage(page, agent, { open: 'true' });
    const widget = chat(page);
    await widget.say('bench:code:6000 every:2ms');
    const reply = widget.lastReply;
    // Taken while the block still grows: its first 40 lines are written by then.
    const firstLines = await reply.locator('.code-lines').first().elementHandle();
    await expect(reply).toHaveAttribute('data-status', 'done');
    expect(await firstLines?.evaluate((group) => group.isConnected)).toBe(true);
    await expect(reply.locator('.code-lines')).toHaveCount(3);
    // Its lines as tall as in one piece of text: the same block, its code ungrouped, beside it.
    const heights = await reply.locator('pre').evaluate((pre) => {
      const twin = pre.cloneNode() as HTMLElement;
      const code = pre.querySelector('code')?.cloneNode() as HTMLElement;
      code.textContent = pre.textContent;
      twin.append(code);
      pre.after(twin);
      const both = [pre, twin].map((box) => box.getBoundingClientRect().height);
      twin.remove();
      return both;
    });
    expect(heights[0]).toBe(heights[1]);
    /** The reply's markdown as HTML, without the Tab stops the scrolling boxes take. */
    const html = () => reply.locator('.markdown').evaluate((box) => box.innerHTML.replaceAll(' tabindex="0"', ''));
    const streamed = await html();
    await page.reload();
    await expect(reply.locator('.code-lines')).toHaveCount(3);
    await expect(reply.locator('.markdown')).not.toHaveAttribute('aria-busy');
    expect(await html()).toBe(streamed);
  });

  test('with one line that grows wider than the bubble as it streams, become a Tab stop', async ({ page, agent }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await openScriptTagPage(page, agent, { open: 'true' });
    // One 70-character line, five characters every 20 ms: the block keeps its node and its
    // height as the line outgrows it.
    await ask(page, 'bench:code:60 every:20ms');
    const pre = chat(page).lastReply.locator('pre');
    expect(await scrollsSideways(pre)).toBe(true);
    await expect(pre).toHaveAttribute('tabindex', '0');
  });

  test('keep their lines whole and scroll sideways, focusable from the keyboard', async ({ page, agent }) => {
    await openScriptTagPage(page, agent, { open: 'true' });
    await ask(page, codeReply);
    const pre = chat(page).lastReply.locator('pre');
    await expect(pre).toHaveAttribute('tabindex', '0');
    await expect(pre).toHaveCSS('white-space', 'pre');
    expect(await scrollsSideways(pre)).toBe(true);
    // Two lines of code, two lines of text: nothing wrapped.
    const lines = await pre.evaluate((element) => {
      const style = getComputedStyle(element);
      return Math.round(
        (element.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)) /
          parseFloat(style.lineHeight),
      );
    });
    expect(lines).toBe(2);
    await pre.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => pre.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  });

  test('read left to right from the left edge in a right-to-left panel', async ({ page, agent }) => {
    await openScriptTagPage(page, agent, { open: 'true', locale: 'he' });
    const composer = page.locator('tinytalk-chat textarea');
    await composer.fill(codeReply);
    await composer.press('Enter');
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
    const pre = chat(page).lastReply.locator('pre');
    await expect(pre).toHaveCSS('direction', 'ltr');
    expect(await scrollsSideways(pre)).toBe(true);
    // Scrolled to its start, which is the left: the first characters show.
    expect(await pre.evaluate((element) => element.scrollLeft)).toBe(0);
    const starts = await pre.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element.querySelector('code')!);
      return range.getClientRects()[0]!.x - element.getBoundingClientRect().x;
    });
    expect(starts).toBeLessThan(20);
    await expect(chat(page).lastReply.getByRole('button', { name: 'העתקת קוד', exact: true })).toBeVisible();
  });
});

test.describe('tables', () => {
  test('wider than the bubble scroll sideways in a named box that the keyboard can focus', async ({ page, agent }) => {
    await openScriptTagPage(page, agent, { open: 'true' });
    await ask(page, wideTable);
    const box = chat(page).lastReply.getByRole('group', { name: 'Table', exact: true });
    await expect(box.getByRole('table')).toContainText('Column number 12');
    expect(await scrollsSideways(box)).toBe(true);
    // The bubble keeps its width: the table scrolls inside it, not the panel.
    const bubble = (await chat(page).lastReply.locator('.bubble').boundingBox())!;
    const boxBounds = (await box.boundingBox())!;
    expect(boxBounds.x + boxBounds.width).toBeLessThanOrEqual(bubble.x + bubble.width);

    // In the Tab order, and scrolled with the arrow keys once focused.
    await expect(box).toHaveAttribute('tabindex', '0');
    await box.focus();
    await expect(box).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => box.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  });

  test('that fit are named but no Tab stop, until the panel narrows and they scroll', async ({ page, agent }) => {
    await openScriptTagPage(page, agent, { open: 'true' });
    await ask(page, 'What are your pricing plans?');
    const box = chat(page).lastReply.getByRole('group', { name: 'Table' });
    await expect(box.getByRole('cell', { name: 'Business' })).toBeVisible();
    expect(await scrollsSideways(box)).toBe(false);
    await expect(box).not.toHaveAttribute('tabindex');

    await page.setViewportSize({ width: 260, height: 700 });
    await expect.poll(() => scrollsSideways(box)).toBe(true);
    await expect(box).toHaveAttribute('tabindex', '0');
  });
});
