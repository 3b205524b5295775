import type { Page } from '@playwright/test';
import { agentOrigin, ask, chat, expect, test, type Agent, type Attributes } from './fixtures.ts';

/** A page of the two-page test site (see `sitePage` in pages.ts), for this test's agent. */
async function openSite(
  page: Page,
  agent: Agent,
  name: 'pricing' | 'contact',
  attributes: Attributes = {},
): Promise<void> {
  const params = new URLSearchParams({ 'bot-id': agent.botId, 'api-base': agentOrigin, ...attributes });
  await page.goto(`/site/${name}?${params}`);
}

/** Says the pricing question with the agent slowed down, and waits until its reply is streaming. */
async function startSlowReply(page: Page, agent: Agent): Promise<void> {
  await agent.arm('slow');
  await chat(page).say('What are your pricing plans?');
  await expect(chat(page).lastReply).toContainText('Pricing');
  await expect(chat(page).lastReply).toHaveAttribute('data-status', 'streaming');
}

// Each test loads two or three pages of the site, some with a reply slowed down on purpose.
test.describe.configure({ timeout: 40_000 });

const question = [{ role: 'user', content: 'What are your pricing plans?' }];

test.describe('the conversation follows the visitor across page loads', () => {
  test('a page load in the middle of a streamed reply ends with the full answer on the second page', async ({
    page,
    agent,
  }) => {
    await openSite(page, agent, 'pricing', { open: 'true' });
    await startSlowReply(page, agent);
    await page.locator('#site-link').click();
    await expect(page).toHaveURL(/\/site\/contact/);

    const widget = chat(page);
    await expect(page.getByRole('dialog', { name: 'Chat' })).toBeVisible();
    await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
    await expect(widget.lastReply).toContainText('Yearly billing saves two months.');
    await expect(widget.messages).toHaveCount(2);
    // The panel came back open without taking the focus from the page.
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

    // The first request was cut by the page load; the second asked for the same conversation.
    const requests = await agent.requests();
    expect(requests.map(({ body }) => body.messages)).toEqual([question, question]);
    expect(requests[0]?.outcome).toBe('disconnected');
  });

  test('with resume="false", the cut reply stays stopped and nothing is asked again', async ({ page, agent }) => {
    await openSite(page, agent, 'pricing', { open: 'true', resume: 'false' });
    await startSlowReply(page, agent);
    await page.locator('#site-link').click();
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'stopped');
    await expect(chat(page).lastReply).toContainText('Pricing');
    expect(await agent.requests()).toHaveLength(1);
  });

  test('two tabs opening at once after the cut: only one asks again, and both show the answer', async ({
    page,
    context,
    agent,
  }) => {
    await openSite(page, agent, 'pricing', { open: 'true' });
    await startSlowReply(page, agent);
    await page.goto('about:blank');
    const [first, second] = [await context.newPage(), await context.newPage()];
    await Promise.all([
      openSite(first, agent, 'contact', { open: 'true' }),
      openSite(second, agent, 'pricing', { open: 'true' }),
    ]);
    for (const tab of [first, second])
      await expect(chat(tab).lastReply).toContainText('Yearly billing saves two months.');
    expect((await agent.requests()).map(({ body }) => body.messages)).toEqual([question, question]);
  });

  test("the panel comes back closed when it was closed, and at the reader's place in the conversation", async ({
    page,
    agent,
  }) => {
    await openSite(page, agent, 'pricing');
    await expect(chat(page).launcher).toHaveAccessibleName('Open chat');
    await page.locator('#site-link').click();
    await expect(chat(page).launcher).toHaveAccessibleName('Open chat');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await chat(page).launcher.click();
    await ask(page, `echo: ${Array.from({ length: 40 }, (_, index) => `Line ${index + 1}.`).join('\n\n')}`);
    const scroller = page.locator('tinytalk-chat .scroller');
    await scroller.hover();
    await page.mouse.wheel(0, -600);
    await expect(chat(page).button('Jump to latest')).toBeVisible();
    const before = await scroller.evaluate(
      (element) => element.scrollHeight - element.scrollTop - element.clientHeight,
    );
    await page.locator('#site-link').click();
    await expect(page).toHaveURL(/\/site\/pricing/);
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'done');
    await expect(chat(page).button('Jump to latest')).toBeVisible();
    await expect
      .poll(() => scroller.evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight))
      .toBeCloseTo(before, -1);
  });

  test('the next page shows the open conversation as markdown from the start, never as raw text first', async ({
    page,
    agent,
  }) => {
    await openSite(page, agent, 'pricing', { open: 'true' });
    await ask(page, 'What are your pricing plans?');
    await expect(chat(page).lastReply.getByRole('table')).toBeVisible();
    // On the next page, note every reply that is ever shown as plain text (its markdown unrendered).
    await page.addInitScript(() => {
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const shadow = attach.call(this, init);
        const look = () => {
          if (shadow.querySelector('.markdown.plain')) document.documentElement.dataset.sawPlainReply = '';
        };
        new MutationObserver(look).observe(shadow, { subtree: true, childList: true, attributeFilter: ['class'] });
        return shadow;
      };
    });
    await page.locator('#site-link').click();
    await expect(page).toHaveURL(/\/site\/contact/);
    await expect(chat(page).lastReply.getByRole('table')).toBeVisible();
    await expect(page.locator('html')).not.toHaveAttribute('data-saw-plain-reply');
  });

  test('with persist="none" nothing comes back', async ({ page, agent }) => {
    await openSite(page, agent, 'pricing', { open: 'true', persist: 'none' });
    await ask(page, 'echo: Hello');
    await page.locator('#site-link').click();
    await expect(page).toHaveURL(/\/site\/contact/);
    await expect(chat(page).messages).toHaveCount(0);
  });
});

test.describe('a greeting', () => {
  const greeting = 'Questions about pricing? Ask me.';

  test('shows beside the closed launcher after the delay, without the focus; opening makes it the first message, never sent', async ({
    page,
    agent,
  }) => {
    await openSite(page, agent, 'pricing', { greeting, 'greeting-delay': '300' });
    const widget = page.locator('tinytalk-chat');
    const bubble = widget.getByRole('button', { name: greeting, exact: true });
    await expect(bubble).toBeVisible();
    await expect(widget.getByRole('button', { name: 'Dismiss', exact: true })).toBeVisible();
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    // Said once, politely, by a live region that was there before it.
    await expect(widget.locator('[aria-live="polite"]').first()).toHaveText(greeting);

    await bubble.click();
    await expect(page.getByRole('dialog', { name: 'Chat' })).toBeVisible();
    await expect(bubble).toHaveCount(0);
    await expect(chat(page).messages.first()).toHaveText(greeting);
    await ask(page, 'hello');
    expect((await agent.requests()).map(({ body }) => body.messages)).toEqual([[{ role: 'user', content: 'hello' }]]);

    // Opened, it does not come back on the next page of the visit.
    await chat(page).button('Minimize').click();
    await page.locator('#site-link').click();
    await expect(page).toHaveURL(/\/site\/contact/);
    // Absent once the widget is there and the greeting's delay has passed, not merely not yet there.
    await expect(chat(page).launcher).toBeVisible();
    await page.waitForTimeout(600);
    await expect(bubble).toHaveCount(0);
  });

  test('Dismiss takes it away for the rest of the visit', async ({ page, agent }) => {
    await openSite(page, agent, 'pricing', { greeting, 'greeting-delay': '0' });
    const widget = page.locator('tinytalk-chat');
    await widget.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await expect(widget.getByRole('button', { name: greeting })).toHaveCount(0);
    await page.locator('#site-link').click();
    await expect(page).toHaveURL(/\/site\/contact/);
    await expect(chat(page).launcher).toBeVisible();
    await page.waitForTimeout(300);
    await expect(widget.getByRole('button', { name: greeting })).toHaveCount(0);
  });

  test('does not show once there is a conversation', async ({ page, agent }) => {
    await openSite(page, agent, 'pricing', { open: 'true', greeting, 'greeting-delay': '0' });
    await ask(page, 'echo: Hi');
    await chat(page).button('Minimize').click();
    await page.reload();
    await expect(chat(page).launcher).toBeVisible();
    await page.waitForTimeout(300);
    await expect(page.locator('tinytalk-chat').getByRole('button', { name: greeting })).toHaveCount(0);
  });

  test("stays in the launcher's corner on a phone, and keeps still with reduced motion", async ({ page, agent }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openSite(page, agent, 'pricing', {
      greeting: `${greeting} We answer in seconds, day and night, in nine languages.`,
      'greeting-delay': '0',
    });
    const bubble = page.locator('tinytalk-chat .greeting');
    await expect(bubble).toBeVisible();
    const box = (await bubble.boundingBox())!;
    const launcher = (await chat(page).launcher.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    expect(box.y + box.height).toBeLessThan(launcher.y);
    expect(Math.abs(box.x + box.width - (launcher.x + launcher.width))).toBeLessThan(2);
    await expect(bubble).toHaveCSS('animation-name', 'none');
  });
});

test.describe('unread replies', () => {
  test('a reply that finishes while the panel is closed shows on the launcher, survives a page load, and opening clears it', async ({
    page,
    agent,
  }) => {
    // The reply streams slowly on purpose, for the panel to close while it does.
    test.setTimeout(40_000);
    await openSite(page, agent, 'pricing');
    await chat(page).launcher.click();
    await page.evaluate(() => {
      window.heard = [];
      document
        .querySelector('tinytalk-chat')!
        .addEventListener('unread', (event) => window.heard.push(['unread', (event as CustomEvent).detail]));
    });
    await agent.arm('slow');
    // About twenty pieces, 300 ms apart: time to close the panel while it streams.
    await chat(page).say(`echo: ${'Words that take a while. '.repeat(6)}`);
    await expect(chat(page).lastReply).toHaveAttribute('data-status', 'streaming');
    await chat(page).button('Minimize').click();
    const launcher = chat(page).launcher;
    await expect(launcher).toHaveAccessibleDescription('1 new reply', { timeout: 10_000 });
    await expect(launcher).toHaveAccessibleName('Open chat');
    await expect(page.locator('tinytalk-chat .badge')).toHaveText('1');
    expect(await page.evaluate(() => [window.TinyTalk?.instance?.unreadCount, window.heard])).toEqual([
      1,
      [['unread', { count: 1 }]],
    ]);

    await page.locator('#site-link').click();
    await expect(page).toHaveURL(/\/site\/contact/);
    await expect(launcher).toHaveAccessibleDescription('1 new reply');
    await launcher.click();
    await expect(page.locator('tinytalk-chat .badge')).toBeHidden();
    await chat(page).button('Minimize').click();
    await expect(launcher).toHaveAccessibleDescription('');
    expect(await page.evaluate(() => window.TinyTalk?.instance?.unreadCount)).toBe(0);
  });

  test("the count is said in the panel's language, and counts on", async ({ page, agent }) => {
    await openSite(page, agent, 'pricing', { locale: 'fr' });
    await page.evaluate(() => window.TinyTalk?.instance?.send('echo: un'));
    const launcher = page.locator('tinytalk-chat').getByRole('button', { name: 'Ouvrir le chat' });
    await expect(launcher).toHaveAccessibleDescription('1 nouvelle réponse');
    await page.evaluate(() => window.TinyTalk?.instance?.send('echo: deux'));
    await expect(launcher).toHaveAccessibleDescription('2 nouvelles réponses');
  });
});

test.describe('regenerate and edit', () => {
  test('Regenerate asks again for the last reply, and the agent gets the conversation without it', async ({
    page,
    agent,
  }) => {
    await openSite(page, agent, 'pricing', { open: 'true' });
    await ask(page, 'echo: First.');
    await ask(page, 'Tell me about your features');
    const widget = chat(page);
    await expect(widget.replies.first().getByRole('button', { name: 'Regenerate' })).toHaveCount(0);
    await widget.lastReply.getByRole('button', { name: 'Regenerate', exact: true }).click();
    await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
    await expect(widget.replies).toHaveCount(2);
    const requests = await agent.requests();
    expect(requests).toHaveLength(3);
    expect(requests[2]?.body.messages).toEqual(requests[1]?.body.messages);
    expect(requests[2]?.body.messages.at(-1)).toEqual({ role: 'user', content: 'Tell me about your features' });
  });

  test('Edit puts the last message back in the composer; sending replaces it and its reply', async ({
    page,
    agent,
  }) => {
    await openSite(page, agent, 'pricing', { open: 'true' });
    await ask(page, 'echo: First.');
    await ask(page, 'echo: Secnod.');
    const widget = chat(page);
    await expect(widget.userTurns.first().getByRole('button', { name: 'Edit' })).toHaveCount(0);
    await widget.userTurns.last().getByRole('button', { name: 'Edit', exact: true }).click();
    await expect(widget.composer).toBeFocused();
    await expect(widget.composer).toHaveValue('echo: Secnod.');
    await expect(page.locator('tinytalk-chat .editing')).toContainText('Editing your message');
    await widget.composer.fill('echo: Second.');
    await widget.composer.press('Enter');
    await expect(widget.lastReply).toHaveText(/Second\./);
    await expect(widget.lastReply).toHaveAttribute('data-status', 'done');
    await expect(widget.userTurns).toHaveText(['echo: First.', 'echo: Second.']);
    await expect(widget.replies).toHaveCount(2);
    expect((await agent.requests()).at(-1)?.body.messages).toEqual([
      { role: 'user', content: 'echo: First.' },
      { role: 'assistant', content: 'First.' },
      { role: 'user', content: 'echo: Second.' },
    ]);
  });

  test('Cancel leaves the message as it was', async ({ page, agent }) => {
    await openSite(page, agent, 'pricing', { open: 'true' });
    await ask(page, 'echo: Only.');
    const widget = chat(page);
    await widget.userTurns.last().getByRole('button', { name: 'Edit' }).click();
    await page.locator('tinytalk-chat').getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(widget.composer).toHaveValue('');
    await expect(widget.userTurns.last().getByRole('button', { name: 'Edit' })).toBeVisible();
    expect(await agent.requests()).toHaveLength(1);
  });
});
