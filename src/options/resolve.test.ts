// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest';
import { englishStrings } from '../i18n/strings';
import { resolveOptions } from './resolve';
import type { ResolvedOptions, WidgetOptions } from './types';

let warn: MockInstance<typeof console.warn>;

beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** Resolves `botId: 'bot-1'` plus `options`, which may hold values of the wrong type, as pages pass them. */
function resolve(options: Record<string, unknown> = {}) {
  return resolveOptions({ botId: 'bot-1', ...options } as WidgetOptions);
}

describe('resolveOptions', () => {
  test('fills in every default', () => {
    expect(resolve()).toEqual({
      botId: 'bot-1',
      apiBase: 'https://api.tinytalk.ai',
      apiKey: undefined,
      model: undefined,
      sendCookies: false,
      stream: true,
      title: 'Chat',
      welcomeMessage: undefined,
      starters: [],
      placeholder: 'Type a message…',
      theme: 'auto',
      accentColor: undefined,
      avatar: undefined,
      position: 'right',
      open: false,
      persist: 'local',
      resume: true,
      greeting: undefined,
      greetingDelay: 3000,
      replyTimeout: 30_000,
      stallTimeout: 20_000,
      context: {},
      locale: 'en',
      strings: englishStrings,
      dir: 'ltr',
    });
    expect(warn).not.toHaveBeenCalled();
  });

  test('keeps every valid value it is given', () => {
    const options = {
      apiBase: 'https://proxy.example',
      model: 'gpt-4o-mini',
      sendCookies: true,
      stream: false,
      title: 'Support',
      welcomeMessage: 'Hi there!',
      starters: ['Opening hours?', 'Prices?'],
      placeholder: 'Ask us',
      theme: 'dark',
      accentColor: '#0a7',
      avatar: 'https://cdn.example/agent.png',
      position: 'left',
      open: true,
      persist: 'session',
      resume: false,
      greeting: 'Questions? Ask me.',
      greetingDelay: 0,
      replyTimeout: 5000,
      stallTimeout: 4000,
      context: { plan: 'pro', page: '/pricing' },
    };
    expect(resolve(options)).toEqual({
      botId: 'bot-1',
      apiKey: undefined,
      locale: 'en',
      strings: englishStrings,
      dir: 'ltr',
      ...options,
    });
    expect(warn).not.toHaveBeenCalled();
  });

  test.each([
    ['theme', 'purple', 'auto'],
    ['position', 'top', 'right'],
    ['persist', 'cookie', 'local'],
    ['stream', 'yes', true],
    ['open', 1, false],
    ['resume', 'no', true],
    ['greetingDelay', -1, 3000],
    ['greetingDelay', 'later', 3000],
    ['sendCookies', 'yes', false],
    ['replyTimeout', -5, 30_000],
    ['stallTimeout', 'soon', 20_000],
    ['locale', 'klingon', 'en'],
    ['starters', 'Opening hours?', []],
    ['starters', ['Opening hours?', 42], []],
    ['context', 'pro', {}],
    ['context', { plan: 'pro', seats: 3 }, { plan: 'pro' }],
  ])(
    'replaces an invalid %s of %j by its default, warning once with the name, the value and the default',
    (name, value, fallback) => {
      expect(resolve({ [name]: value })[name as keyof ResolvedOptions]).toEqual(fallback);
      expect(warn).toHaveBeenCalledOnce();
      const [text] = warn.mock.calls[0] ?? [];
      expect(text).toContain(name);
      expect(text).toContain(JSON.stringify(value));
      expect(text).toContain(JSON.stringify(fallback));
    },
  );

  test.each([
    ['title', 'Chat'],
    ['placeholder', 'Type a message…'],
    ['apiBase', 'https://api.tinytalk.ai'],
  ])('names the default it really uses when %s is not a string', (name, fallback) => {
    expect(resolve({ [name]: 42 })[name as keyof ResolvedOptions]).toBe(fallback);
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toContain(JSON.stringify(fallback));
  });

  test('accepts stream and open given as the strings true and false', () => {
    expect(resolve({ stream: 'false', open: 'true' })).toMatchObject({ stream: false, open: true });
    expect(warn).not.toHaveBeenCalled();
  });

  test('leaves out starters that are only whitespace', () => {
    expect(resolve({ starters: ['Hi', '  ', ''] }).starters).toEqual(['Hi']);
  });

  test('warns that an apiKey is visible to every visitor', () => {
    expect(resolve({ apiKey: 'secret-key' }).apiKey).toBe('secret-key');
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toMatch(/apiKey is visible to every visitor/);
  });
});

describe('languages', () => {
  test('a built-in locale, with a region or not, translates every text and the default title', () => {
    const options = resolveOptions({ botId: 'b', locale: 'pt-BR' });
    expect(options.locale).toBe('pt');
    expect(options.strings.send).toBe('Enviar');
    expect(options.title).toBe('Chat');
    expect(options.placeholder).toBe('Digite uma mensagem…');
  });

  test('Arabic and Hebrew lay out right to left, with the launcher on the left unless placed', () => {
    expect(resolveOptions({ botId: 'b', locale: 'he' })).toMatchObject({ dir: 'rtl', position: 'left' });
    expect(resolveOptions({ botId: 'b', locale: 'ar', position: 'right' })).toMatchObject({
      dir: 'rtl',
      position: 'right',
    });
  });

  test('follows the page language when no locale is given', () => {
    document.documentElement.lang = 'de-AT';
    try {
      expect(resolveOptions({ botId: 'b' }).strings.openChat).toBe('Chat öffnen');
    } finally {
      document.documentElement.lang = '';
    }
  });

  test('strings override any text, accessible names included, and unknown keys are reported', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const options = resolveOptions({ botId: 'b', strings: { send: 'Go', nonsense: 'x' } as never });
    expect(options.strings.send).toBe('Go');
    expect(options.strings.stop).toBe('Stop');
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});

describe('accentColor (issue 10: url() in it made the launcher fetch that address at page load)', () => {
  /** The browser's judgement, as far as these values go. */
  const supportsColour = (property: string, value: string) =>
    property === 'color' && /^(#[0-9a-f]{3,8}|rgb\([^()]*\)|red)$/i.test(value);

  test.each(['#0f766e', 'rgb(0 118 110)', 'red'])('takes the colour %s', (value) => {
    vi.stubGlobal('CSS', { supports: supportsColour });
    expect(resolve({ accentColor: value }).accentColor).toBe(value);
    expect(warn).not.toHaveBeenCalled();
  });

  test.each([
    'url(https://attacker.example/track)',
    'image-set(url(https://attacker.example/a) 1x)',
    'red, url(https://attacker.example/b)',
    'not-a-colour',
    'expression(alert(1))',
  ])('falls back to indigo with a warning for %s', (value) => {
    vi.stubGlobal('CSS', { supports: supportsColour });
    expect(resolve({ accentColor: value }).accentColor).toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toContain('accentColor');
    expect(warn.mock.calls[0]?.[0]).toContain(JSON.stringify(value));
  });

  test('refuses url( even where there is no CSS to ask', () => {
    expect(resolve({ accentColor: 'URL (https://attacker.example/x)' }).accentColor).toBeUndefined();
    expect(resolve({ accentColor: 'url(https://attacker.example/x)' }).accentColor).toBeUndefined();
  });
});
