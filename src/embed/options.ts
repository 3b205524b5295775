import { isRightToLeft, locales, matchLocale, type Locale } from '../i18n/locales/index';
import type { Strings } from '../i18n/strings';

/** Where the conversation survives a reload. */
export type Persistence = 'local' | 'session' | 'none';
/** Colour scheme; `auto` follows the visitor's `prefers-color-scheme`. */
export type Theme = 'light' | 'dark' | 'auto';
/** The corner of the launcher bubble. */
export type Position = 'right' | 'left';

/** Options of {@link mount}, the script tag's `data-*` attributes and the element's attributes. */
export interface WidgetOptions {
  /** The agent's id (Tiny Talk dashboard, Settings → General). Required. */
  botId: string;
  /** API origin; requests go to `${apiBase}/v1/chat/completions`. Default `https://api.tinytalk.ai`. */
  apiBase?: string;
  /**
   * Sent as the `api-key` header, for private agents. Anything in a page is public:
   * prefer a public agent, or a proxy of your own that adds the key.
   */
  apiKey?: string;
  /** Overrides the agent's model; must be allowed on the agent's plan. */
  model?: string;
  /** Stream replies as they are written (default), or wait for the whole reply. */
  stream?: boolean;
  /** Panel heading and the dialog's accessible name. Default `Chat`. */
  title?: string;
  /** Shown first as an assistant message; never sent to the agent. */
  welcomeMessage?: string;
  /** Suggested first messages, shown while the conversation is empty. */
  starters?: string[];
  /** Composer placeholder. Default `Type a message…`. */
  placeholder?: string;
  /** Default `auto`. */
  theme?: Theme;
  /** Any CSS colour for the launcher, the visitor's messages and buttons. */
  accentColor?: string;
  /**
   * URL of an image for the agent: in the launcher instead of the chat icon, and beside
   * the title. A page with a CSP must allow it in `img-src`.
   */
  avatar?: string;
  /** Launcher corner in floating mode. Default `right`. */
  position?: Position;
  /** Start with the panel open. Default false. */
  open?: boolean;
  /** Default `local`: the conversation survives reloads and new tabs of the site. */
  persist?: Persistence;
  /**
   * Ask again, on the next page of the site that loads the widget, for a reply that a page
   * load cut short (the visitor followed a link while it streamed). Default true; false
   * leaves that reply stopped. Needs `persist` `local` or `session`.
   */
  resume?: boolean;
  /**
   * A greeting shown beside the closed launcher after `greetingDelay`, while the
   * conversation is empty: clicking it opens the chat, where it is the first assistant
   * message (never sent to the agent). Dismissed or opened, it stays away for the rest of
   * the browser session. None by default.
   */
  greeting?: string;
  /** Milliseconds after the page loads before the greeting shows. Default 3000. */
  greetingDelay?: number;
  /** Element or CSS selector to render into (inline mode) instead of floating over the page. */
  target?: string | HTMLElement;
  /**
   * The interface language: `en`, `es`, `fr`, `de`, `pt`, `ja`, `zh`, `ar` or `he` (a
   * region such as `pt-BR` is fine). Default: the page's `<html lang>`, else English.
   * Arabic and Hebrew lay the panel out right to left.
   */
  locale?: string;
  /** Replaces any interface text, accessible names included, e.g. `{ send: 'Go' }`. */
  strings?: Partial<Strings>;
  /** Milliseconds to wait for a reply to start before saying the agent is not answering. Default 30000. */
  replyTimeout?: number;
  /** Milliseconds a started reply may pause before it counts as stalled. Default 20000. */
  stallTimeout?: number;
  /**
   * Tags of your own for this visitor's session (plan, page, user id...), handed back with
   * every `feedback` event so you know where a rating came from. Strings only; never sent
   * to the agent.
   */
  context?: Record<string, string>;
}

/** Options with every default applied and every value checked; what the widget runs on. */
export interface ResolvedOptions {
  botId: string;
  apiBase: string;
  apiKey: string | undefined;
  model: string | undefined;
  stream: boolean;
  title: string;
  welcomeMessage: string | undefined;
  starters: string[];
  placeholder: string;
  theme: Theme;
  accentColor: string | undefined;
  avatar: string | undefined;
  position: Position;
  open: boolean;
  persist: Persistence;
  resume: boolean;
  greeting: string | undefined;
  greetingDelay: number;
  replyTimeout: number;
  stallTimeout: number;
  context: Readonly<Record<string, string>>;
  locale: Locale;
  /** The locale's texts with the page's overrides. */
  strings: Strings;
  dir: 'ltr' | 'rtl';
}

/** Option names as attributes (`data-` prefixed on the script tag). */
export const attributeNames = {
  botId: 'bot-id',
  apiBase: 'api-base',
  apiKey: 'api-key',
  model: 'model',
  stream: 'stream',
  title: 'title',
  welcomeMessage: 'welcome-message',
  starters: 'starters',
  placeholder: 'placeholder',
  theme: 'theme',
  accentColor: 'accent-color',
  avatar: 'avatar',
  position: 'position',
  open: 'open',
  persist: 'persist',
  resume: 'resume',
  greeting: 'greeting',
  greetingDelay: 'greeting-delay',
  target: 'target',
  replyTimeout: 'reply-timeout',
  stallTimeout: 'stall-timeout',
  locale: 'locale',
  strings: 'strings',
  context: 'context',
} as const satisfies Record<keyof WidgetOptions, string>;

export const defaultApiBase = 'https://api.tinytalk.ai';

const choices = {
  theme: ['auto', 'light', 'dark'],
  position: ['right', 'left'],
  persist: ['local', 'session', 'none'],
} as const;

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
    apiBase: text(options, 'apiBase', defaultApiBase),
    apiKey: text(options, 'apiKey'),
    model: text(options, 'model'),
    stream: flag(options, 'stream', true),
    title: text(options, 'title', strings.title),
    welcomeMessage: text(options, 'welcomeMessage'),
    starters: starters(options.starters),
    placeholder: text(options, 'placeholder', strings.placeholder),
    theme: choice(options, 'theme'),
    accentColor: text(options, 'accentColor'),
    avatar: text(options, 'avatar'),
    // Right-to-left pages expect the launcher in the other corner.
    position: options.position === undefined && dir === 'rtl' ? 'left' : choice(options, 'position'),
    open: flag(options, 'open', false),
    persist: choice(options, 'persist'),
    resume: flag(options, 'resume', true),
    greeting: text(options, 'greeting'),
    greetingDelay: duration(options, 'greetingDelay', 3000, 0),
    replyTimeout: duration(options, 'replyTimeout', 30_000),
    stallTimeout: duration(options, 'stallTimeout', 20_000),
    context: tags(options.context),
    locale,
    strings,
    dir,
  };
  if (resolved.apiKey) {
    console.warn('[tinytalk-widget] apiKey is visible to every visitor of this page. Use a public agent, or a proxy of your own that adds the key.');
  }
  return resolved;
}

/**
 * Reads options from attributes: `read('bot-id')` returns the attribute value or null.
 * Values stay strings where the JS option is not one; {@link resolveOptions} checks them.
 */
export function optionsFromAttributes(read: (name: string) => string | null): Partial<WidgetOptions> {
  const options: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributeNames)) {
    const value = read(attribute);
    if (value === null) continue;
    // Boolean attributes count as set when present: open, open="", open="open", open="true".
    if (name === 'stream' || name === 'open' || name === 'resume') options[name] = value === '' || value === attribute ? true : value;
    else if (name === 'starters' || name === 'strings' || name === 'context') options[name] = parseJson(value);
    else options[name] = value;
  }
  return options as Partial<WidgetOptions>;
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function warnInvalid(name: string, value: unknown, fallback: unknown): void {
  console.warn(`[tinytalk-widget] Ignoring invalid ${name}: ${JSON.stringify(value)}; using ${JSON.stringify(fallback)}.`);
}

type TextOption = 'apiBase' | 'apiKey' | 'model' | 'title' | 'welcomeMessage' | 'greeting' | 'placeholder' | 'accentColor' | 'avatar';

function text(options: WidgetOptions, name: TextOption): string | undefined;
function text(options: WidgetOptions, name: TextOption, fallback: string): string;
function text(options: WidgetOptions, name: TextOption, fallback?: string): string | undefined {
  const value: unknown = options[name];
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'string') return value;
  warnInvalid(name, value, fallback);
  return fallback;
}

function flag(options: WidgetOptions, name: 'stream' | 'open' | 'resume', fallback: boolean): boolean {
  const value: unknown = options[name];
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  warnInvalid(name, value, fallback);
  return fallback;
}

function choice<Name extends keyof typeof choices>(options: WidgetOptions, name: Name): (typeof choices)[Name][number] {
  const allowed: readonly string[] = choices[name];
  const fallback = choices[name][0];
  const value: unknown = options[name];
  if (value === undefined) return fallback;
  if (typeof value === 'string' && allowed.includes(value)) return value as (typeof choices)[Name][number];
  warnInvalid(name, value, fallback);
  return fallback;
}

/** Milliseconds, at least `minimum` (a timeout of 0 would never let a reply start). */
function duration(options: WidgetOptions, name: 'replyTimeout' | 'stallTimeout' | 'greetingDelay', fallback: number, minimum = 1): number {
  const value: unknown = options[name];
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

function tags(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  const isObject = typeof value === 'object' && !Array.isArray(value);
  const entries = isObject ? Object.entries(value) : [];
  const valid = entries.filter(([, tag]) => typeof tag === 'string');
  if (!isObject || valid.length !== entries.length) warnInvalid('context', value, Object.fromEntries(valid));
  return Object.fromEntries(valid);
}

function starters(value: unknown): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.filter((item) => item.trim() !== '');
  warnInvalid('starters', value, []);
  return [];
}
