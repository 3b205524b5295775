import { expect, test } from 'vitest';
import { plainText } from './plain-text';

test('reads a markdown reply as words, without its syntax', () => {
  const reply = '## Pricing\n\nEvery plan has **streaming** and [sources](https://x.example).\n\n| Plan | Price |\n| --- | ---: |\n| Team | $29 |\n\n- one\n- `two`';
  expect(plainText(reply)).toBe('Pricing\nEvery plan has streaming and sources.\nPlan Price\nTeam $29\none\ntwo');
});
