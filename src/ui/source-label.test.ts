import { describe, expect, test } from 'vitest';
import { sourceLabel } from './source-label';

describe('sourceLabel (issue 10: source chips could lie)', () => {
  test('shows the host beside a title that names another host', () => {
    // The right-to-left override is already gone (parseCitedResources): the title reads reversed.
    expect(sourceLabel({ id: '1', url: 'https://attacker.example/x', title: 'Official docs: moc.elgoog.www' })).toEqual(
      {
        title: 'Official docs: moc.elgoog.www',
        host: 'attacker.example',
      },
    );
    expect(sourceLabel({ id: '2', url: 'https://attacker.example/x', title: 'www.google.com' })).toEqual({
      title: 'www.google.com',
      host: 'attacker.example',
    });
  });

  test("shows a title alone when it names no host, or the link's own", () => {
    expect(sourceLabel({ id: '1', url: 'https://docs.tinytalk.example/pricing', title: 'Pricing and plans' })).toEqual({
      title: 'Pricing and plans',
    });
    expect(
      sourceLabel({ id: '2', url: 'https://docs.tinytalk.example/pricing', title: 'Pricing on tinytalk.example' }),
    ).toEqual({
      title: 'Pricing on tinytalk.example',
    });
  });

  test('names a page without a title by its host', () => {
    expect(sourceLabel({ id: '1', url: 'https://docs.tinytalk.example/theming' })).toEqual({
      title: 'docs.tinytalk.example',
    });
  });
});
