import { expect, test } from 'vitest';
import { capReply, maxReplyLength } from './length-cap';

test('adds the text, unmarked, while the reply stays within the cap', () => {
  expect(capReply('Nine', ' to five.')).toEqual({ content: 'Nine to five.' });
  expect(capReply('x'.repeat(maxReplyLength - 1), 'y')).toEqual({ content: `${'x'.repeat(maxReplyLength - 1)}y` });
});

test('keeps the reply to the cap and marks it once text would go past it', () => {
  const capped = capReply('x'.repeat(maxReplyLength - 1), 'yz');
  expect(capped.content).toBe(`${'x'.repeat(maxReplyLength - 1)}y`);
  expect(capped.isTruncated).toBe(true);
});

test('adds nothing more to a reply already at the cap, and keeps it marked', () => {
  const full = 'x'.repeat(maxReplyLength);
  expect(capReply(full, 'more')).toEqual({ content: full, isTruncated: true });
});
