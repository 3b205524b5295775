import { describe, expect, test } from 'vitest';
import { createGrowingFlattener, flattenNesting, maxNestingDepth } from './nesting';

describe('flattenNesting', () => {
  test('leaves ordinary replies as they are', () => {
    const reply =
      '# Plans\n\n> Quoted *and* **bold**, snake_case_name.\n\n- one\n  - two\n    1. three\n\n---\n\n* * *\n\n2*3*4 = 24';
    expect(flattenNesting(reply)).toBe(reply);
  });

  test(`keeps ${maxNestingDepth} quote levels of the 2,000 on one line, and the text after them`, () => {
    const flat = flattenNesting(`Intro line.\n\n${'>'.repeat(2000)} deep\n\nOutro line.`);
    expect(flat).toBe(`Intro line.\n\n${'>'.repeat(maxNestingDepth)}deep\n\nOutro line.`);
  });

  test('counts list markers and quotes on one line together', () => {
    const flat = flattenNesting(`${'> - '.repeat(100)}x`);
    expect(flat).toBe(`${'> - '.repeat(maxNestingDepth / 2)}x`);
  });

  test('opens no more emphasis than the limit from 2,000 * on each side of a word', () => {
    const flat = flattenNesting(`${'*'.repeat(2000)}word${'*'.repeat(2000)}`);
    expect(flat).toBe(`${'*'.repeat(maxNestingDepth)}word${'*'.repeat(maxNestingDepth * 2)}`);
  });

  test('drops the openers of emphasis nested past the limit, and only those', () => {
    const flat = flattenNesting(`${'*a '.repeat(100)}x${' b*'.repeat(100)}`);
    expect(flat).toBe(`${'*a '.repeat(maxNestingDepth)}${'a '.repeat(100 - maxNestingDepth)}x${' b*'.repeat(100)}`);
  });

  test('leaves fenced code alone', () => {
    const code = `\`\`\`\n${'>'.repeat(100)}\n${'*'.repeat(100)}\n\`\`\``;
    expect(flattenNesting(code)).toBe(code);
  });

  test('changes nothing the second time', () => {
    for (const source of [
      `${'> - '.repeat(100)}x`,
      `${'*'.repeat(2000)}word${'*'.repeat(2000)}`,
      `${'_a '.repeat(100)}x`,
    ]) {
      const flat = flattenNesting(source);
      expect(flattenNesting(flat)).toBe(flat);
    }
  });
});

describe('createGrowingFlattener', () => {
  // Emphasis open across lines, a fence holding markers, deep quotes and lists, blank lines.
  const source = [
    `${'*a '.repeat(20)}line one`,
    `${'*b '.repeat(20)}line two${' c*'.repeat(10)}`,
    '',
    '```',
    `${'>'.repeat(100)} inside the fence`,
    '```',
    `${'> - '.repeat(50)}deep`,
    `${'_'.repeat(200)}word`,
    '',
    'The end.',
  ].join('\n');

  test('returns what flattenNesting does at every length of a growing text', () => {
    const flatten = createGrowingFlattener();
    for (let length = 0; length <= source.length; length += 7) {
      const text = source.slice(0, length);
      expect(flatten(text)).toBe(flattenNesting(text));
    }
    expect(flatten(source)).toBe(flattenNesting(source));
  });

  test('flattens a text that does not start as the last one did from its start', () => {
    const flatten = createGrowingFlattener();
    flatten(source);
    const other = `\`\`\`\n${'*'.repeat(100)}\n`;
    expect(flatten(other)).toBe(other);
    expect(flatten(source.slice(0, 300))).toBe(flattenNesting(source.slice(0, 300)));
  });
});
