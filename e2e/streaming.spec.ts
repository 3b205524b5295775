import { chat, expect, openScriptTagPage, test } from './fixtures.ts';

test('streams a reply into the panel with rendered markdown and source chips', async ({ page, agent }) => {
  await openScriptTagPage(page, agent, { title: 'Support' });
  const widget = chat(page);
  await widget.launcher.click();
  await expect(page.getByRole('dialog', { name: 'Support' })).toBeVisible();
  await expect(widget.composer).toBeFocused();

  await widget.say('What are your pricing plans?');
  await expect(widget.lastReply).toHaveAttribute('data-status', 'done');

  await expect(widget.lastReply.getByRole('heading', { name: 'Pricing' })).toBeVisible();
  await expect(widget.lastReply.getByRole('table')).toContainText('Business');
  const sources = widget.lastReply.getByRole('list', { name: 'Sources' });
  await expect(sources.getByRole('link')).toHaveText(['Pricing and plans', 'Billing FAQ']);
  await expect(sources.getByRole('link').first()).toHaveAttribute('target', '_blank');
  await expect(sources.getByRole('link').first()).toHaveAttribute('rel', /noopener/);
  await expect(widget.button('Send')).toBeVisible();
});

test('shows a slow reply word by word, and Stop keeps what arrived', async ({ page, agent }) => {
  await agent.arm('slow');
  await openScriptTagPage(page, agent, { open: 'true' });
  const widget = chat(page);
  await widget.say('Tell me about your features');
  await expect(widget.lastReply).toHaveAttribute('data-status', 'streaming');
  await expect(widget.lastReply).toContainText('Features');
  const early = await widget.lastReply.innerText();
  await expect(widget.lastReply).not.toHaveText(early);
  expect((await widget.lastReply.innerText()).startsWith(early.trim())).toBe(true);

  await widget.button('Stop').click();
  await expect(widget.lastReply).toHaveAttribute('data-status', 'stopped');
  const kept = await widget.lastReply.locator('.markdown').innerText();
  expect(kept.length).toBeGreaterThan(0);
  await page.waitForTimeout(700);
  await expect(widget.lastReply.locator('.markdown')).toHaveText(kept);
  await expect(widget.button('Send')).toBeVisible();
});

// Each streamed in chunks, then shown from storage in slices. The mixed reply has hundreds
// of blocks; the table and the paragraph are one block each, sanitized and patched from a
// cut before what changed while they grew (see growing-sanitizer.ts, block-patcher.ts).
const longReplies = {
  'mixed markdown': 'bench:mixed:20000 every:1ms',
  'one 200-row table': 'bench:table:200 every:1ms',
  'one 8 KB paragraph': 'bench:paragraph:8000 every:1ms',
};

for (const [shape, question] of Object.entries(longReplies)) {
  test(`a long reply (${shape}) ends as the same HTML streamed and opened again, its blocks in the same groups`, async ({
    page,
    agent,
  }) => {
    await openScriptTagPage(page, agent, { open: 'true' });
    const widget = chat(page);
    await widget.say(question);
    // Some 4,000 chunks at most.
    await expect(widget.lastReply).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    const markdown = widget.lastReply.locator('.markdown');
    if (shape === 'mixed markdown') await expect(markdown.locator(':scope > .blocks')).not.toHaveCount(1);
    /** The reply's HTML, without the Tab stops the scrolling boxes take. */
    const html = () => markdown.evaluate((box) => box.innerHTML.replaceAll(' tabindex="0"', ''));
    const streamed = await html();
    await page.reload();
    // Shown a slice a frame: on a loaded 2-core CI machine, once over the default 5 s.
    await expect(markdown).not.toHaveAttribute('aria-busy', { timeout: 15_000 });
    await expect(markdown).not.toHaveClass(/plain/);
    expect(await html()).toBe(streamed);
  });
}
