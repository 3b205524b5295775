import { afterEach, beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest';
import { resolveOptions } from '../options/resolve';
import type { WidgetOptions } from '../options/types';
import { optionsFromAttributes } from './attributes';

let warn: MockInstance<typeof console.warn>;

beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** An attribute reader over a plain record, as an element's getAttribute would answer. */
function attributes(values: Record<string, string>) {
  return (name: string): string | null => values[name] ?? null;
}

describe('optionsFromAttributes', () => {
  test('maps kebab-case attribute names, without a data- prefix, to options', () => {
    const read = attributes({
      'bot-id': 'bot-1',
      'api-base': 'https://proxy.example',
      'api-key': 'secret-key',
      'welcome-message': 'Hi there!',
      'accent-color': '#0a7',
      title: 'Support',
      'data-theme': 'dark',
    });
    expect(optionsFromAttributes(read)).toEqual({
      botId: 'bot-1',
      apiBase: 'https://proxy.example',
      apiKey: 'secret-key',
      welcomeMessage: 'Hi there!',
      accentColor: '#0a7',
      title: 'Support',
    });
  });

  test('parses context as a JSON object', () => {
    expect(optionsFromAttributes(attributes({ context: '{"plan":"pro"}' })).context).toEqual({ plan: 'pro' });
  });

  test('parses starters as a JSON array', () => {
    expect(optionsFromAttributes(attributes({ starters: '["Opening hours?","Prices?"]' })).starters).toEqual([
      'Opening hours?',
      'Prices?',
    ]);
  });

  test('passes starters that are not JSON on, for resolveOptions to refuse', () => {
    const options = optionsFromAttributes(attributes({ 'bot-id': 'bot-1', starters: 'Opening hours?' }));
    expect(resolveOptions(options as WidgetOptions).starters).toEqual([]);
    expect(warn).toHaveBeenCalledOnce();
  });

  test('reads stream="false" as false', () => {
    const options = optionsFromAttributes(attributes({ 'bot-id': 'bot-1', stream: 'false' }));
    expect(resolveOptions(options as WidgetOptions).stream).toBe(false);
  });

  test('reads a present but empty open as true', () => {
    const options = optionsFromAttributes(attributes({ 'bot-id': 'bot-1', open: '' }));
    expect(options.open).toBe(true);
    expect(resolveOptions(options as WidgetOptions).open).toBe(true);
  });

  test('leaves out every attribute that is absent', () => {
    expect(optionsFromAttributes(attributes({}))).toEqual({});
  });
});
