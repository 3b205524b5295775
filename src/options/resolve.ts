import { isRightToLeft, locales, matchLocale, type Locale } from '../i18n/locales/index';
import type { Strings } from '../i18n/strings';
import { choices } from './choices';
import { defaults } from './defaults';
import type { ResolvedOptions, WidgetOptions } from './types';

/**
 * Applies defaults and checks each value. A wrong value never throws into the host
 * page: it is replaced by the default, with a console warning naming both.
 */
export function resolveOptions(options: WidgetOptions): ResolvedOptions {
  const locale = localeOf(options.locale);
  const strings = { ...locales[locale], ...overrides(options.strings) };
  const dir = isRightToLeft(locale) ? 'rtl' : 'ltr';
  const resolved: ResolvedOptions = {
    botId: options.botId,
    apiBase: text(options, 'apiBase', defaults.apiBase),
    apiKey: text(options, 'apiKey'),
    model: text(options, 'model'),
    sendCookies: flag(options, 'sendCookies'),
    stream: flag(options, 'stream'),
    title: text(options, 'title', strings.title),
    welcomeMessage: text(options, 'welcomeMessage'),
    starters: starters(options.starters),
    placeholder: text(options, 'placeholder', strings.placeholder),
    theme: choice(options, 'theme'),
    accentColor: colour(options.accentColor),
    avatar: text(options, 'avatar'),
    // Right-to-left pages expect the launcher in the other corner.
    position: options.position === undefined && dir === 'rtl' ? 'left' : choice(options, 'position'),
    open: flag(options, 'open'),
    persist: choice(options, 'persist'),
    resume: flag(options, 'resume'),
    greeting: text(options, 'greeting'),
    greetingDelay: duration(options, 'greetingDelay', 0),
    replyTimeout: duration(options, 'replyTimeout'),
    stallTimeout: duration(options, 'stallTimeout'),
    context: tags(options.context),
    locale,
    strings,
    dir,
  };
  if (resolved.apiKey) {
    console.warn(
      '[tinytalk-widget] apiKey is visible to every visitor of this page. Use a public agent, or a proxy of your own that adds the key.',
    );
  }
  return resolved;
}

function warnInvalid(name: string, value: unknown, fallback: unknown): void {
  console.warn(
    `[tinytalk-widget] Ignoring invalid ${name}: ${JSON.stringify(value)}; using ${JSON.stringify(fallback)}.`,
  );
}

type TextOption = 'apiBase' | 'apiKey' | 'model' | 'title' | 'welcomeMessage' | 'greeting' | 'placeholder' | 'avatar';

function text(options: WidgetOptions, name: TextOption): string | undefined;
function text(options: WidgetOptions, name: TextOption, fallback: string): string;
function text(options: WidgetOptions, name: TextOption, fallback?: string): string | undefined {
  const value: unknown = options[name];
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'string') return value;
  warnInvalid(name, value, fallback);
  return fallback;
}

/**
 * A colour, and only a colour: the value becomes a custom property of the launcher, where
 * `url(...)` (alone, in `image-set()` or in a list) would make the page fetch it at load,
 * before anyone opens the chat, and anything else unreadable would leave the launcher and
 * Send button transparent. `CSS.supports` is the browser's own judgement; where there is no
 * CSS (tests in Node), the `url(` check alone stands.
 */
function colour(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const isColour =
    typeof value === 'string' &&
    !/url\s*\(/i.test(value) &&
    (typeof CSS === 'undefined' || CSS.supports('color', value));
  if (isColour) return value;
  warnInvalid('accentColor', value, 'the default indigo');
  return undefined;
}

function flag(options: WidgetOptions, name: 'sendCookies' | 'stream' | 'open' | 'resume'): boolean {
  const value: unknown = options[name];
  const fallback = defaults[name];
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  warnInvalid(name, value, fallback);
  return fallback;
}

function choice<Name extends keyof typeof choices>(options: WidgetOptions, name: Name): (typeof choices)[Name][number] {
  const allowed: readonly string[] = choices[name];
  const fallback = defaults[name];
  const value: unknown = options[name];
  if (value === undefined) return fallback;
  if (typeof value === 'string' && allowed.includes(value)) return value as (typeof choices)[Name][number];
  warnInvalid(name, value, fallback);
  return fallback;
}

/** Milliseconds, at least `minimum` (a timeout of 0 would never let a reply start). */
function duration(
  options: WidgetOptions,
  name: 'replyTimeout' | 'stallTimeout' | 'greetingDelay',
  minimum = 1,
): number {
  const value: unknown = options[name];
  const fallback = defaults[name];
  if (value === undefined) return fallback;
  const ms = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof ms === 'number' && Number.isFinite(ms) && ms >= minimum) return ms;
  warnInvalid(name, value, fallback);
  return fallback;
}

function localeOf(value: unknown): Locale {
  const fallback = matchLocale(typeof document === 'undefined' ? undefined : document.documentElement.lang) ?? 'en';
  if (value === undefined || value === '') return fallback;
  const locale = typeof value === 'string' ? matchLocale(value) : undefined;
  if (locale) return locale;
  warnInvalid('locale', value, fallback);
  return fallback;
}

function overrides(value: unknown): Partial<Strings> {
  if (value === undefined) return {};
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  const entries = isObject ? Object.entries(value) : [];
  const valid = entries.filter(([key, text]) => key in locales.en && typeof text === 'string');
  if (!isObject || valid.length !== entries.length) warnInvalid('strings', value, Object.fromEntries(valid));
  return Object.fromEntries(valid);
}

function tags(value: unknown): Readonly<Record<string, string>> {
  if (value === undefined || value === null) return defaults.context;
  const isObject = typeof value === 'object' && !Array.isArray(value);
  const entries = isObject ? Object.entries(value) : [];
  const valid = entries.filter(([, tag]) => typeof tag === 'string');
  if (!isObject || valid.length !== entries.length) warnInvalid('context', value, Object.fromEntries(valid));
  return Object.fromEntries(valid);
}

function starters(value: unknown): string[] {
  if (value === undefined) return [...defaults.starters];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return value.filter((item) => item.trim() !== '');
  warnInvalid('starters', value, defaults.starters);
  return [...defaults.starters];
}
