import { describe, expect, test } from 'vitest';
import { queryFor, valuesFrom } from './address-bar';
import { defaultValues, type FieldValues } from './option-values';

function values(changes: Partial<FieldValues>): FieldValues {
  return { ...defaultValues(), botId: 'demo', ...changes };
}

describe('the address bar', () => {
  const start = values({ title: 'Tiny Talk demo', starters: '[\n  "Hi"\n]' });

  test('keeps only what differs from the start, in one spelling', () => {
    expect(queryFor(start, start)).toBe('');
    expect(
      queryFor({ ...start, starters: '["Hi"]', theme: 'dark', title: '', strings: '{ "send": "Go" }' }, start),
    ).toBe(`?${new URLSearchParams({ title: '', strings: '{"send":"Go"}', theme: 'dark' })}`);
  });

  test('reads back what it wrote, and ignores parameters that are no option', () => {
    const changed = { ...start, title: 'Say "hi" & <b>', open: 'true', starters: '[]' };
    const query = new URLSearchParams(queryFor(changed, start));
    query.set('utm_source', 'mail');
    expect(valuesFrom(query, start)).toEqual(changed);
  });

  test('keeps the API key out, to be read by no one the link is shared with', () => {
    expect(queryFor({ ...start, apiKey: 'secret', title: 'Hi' }, start)).toBe('?title=Hi');
  });
});
