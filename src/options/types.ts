import type { Locale } from '../i18n/locales/index';
import type { Strings } from '../i18n/strings';
import type { choices } from './choices';

/** Where the conversation survives a reload. */
export type Persistence = (typeof choices.persist)[number];
/** Colour scheme; `auto` follows the visitor's `prefers-color-scheme`. */
export type Theme = (typeof choices.theme)[number];
/** The corner of the launcher bubble. */
export type Position = (typeof choices.position)[number];

/**
 * Options of {@link mount}, the script tag's `data-*` attributes and the element's attributes.
 * Every optional member also takes `undefined`, which means its default: `setOptions({ title: undefined })`
 * gives the title back to the widget's language.
 */
export interface WidgetOptions {
  /** The agent's id (Tiny Talk dashboard, Settings → General). Required. */
  botId: string;
  /** API origin; requests go to `${apiBase}/v1/chat/completions`. Default `https://api.tinytalk.ai`. */
  apiBase?: string | undefined;
  /**
   * Sent as the `api-key` header, for private agents. Anything in a page is public:
   * prefer a public agent, or a proxy of your own that adds the key.
   */
  apiKey?: string | undefined;
  /** Overrides the agent's model; must be allowed on the agent's plan. */
  model?: string | undefined;
  /**
   * Sends the site's cookies with each request when `apiBase` is on the page's own origin,
   * for a proxy of your own that checks the visitor's session; never to another origin.
   * Without it requests carry no cookie. Default `false`.
   */
  sendCookies?: boolean | undefined;
  /** Stream replies as they are written, or wait for the whole reply. Default `true`. */
  stream?: boolean | undefined;
  /** Panel heading and the dialog's accessible name. Default `Chat`, in the widget's language. */
  title?: string | undefined;
  /** Shown first as an assistant message; never sent to the agent. */
  welcomeMessage?: string | undefined;
  /** Suggested first messages, shown while the conversation is empty. Default `[]`. */
  starters?: string[] | undefined;
  /** Composer placeholder. Default `Type a message…`, in the widget's language. */
  placeholder?: string | undefined;
  /** Default `auto`. */
  theme?: Theme | undefined;
  /**
   * A CSS colour for the launcher, the visitor's messages and buttons. Anything that is not
   * a colour (`url(...)`, a gradient, a typo) is ignored with a console warning.
   */
  accentColor?: string | undefined;
  /**
   * URL of an image for the agent: in the launcher instead of the chat icon, and beside
   * the title. A page with a CSP must allow it in `img-src`.
   */
  avatar?: string | undefined;
  /** Launcher corner in floating mode. Default `right` (`left` on a right-to-left page). */
  position?: Position | undefined;
  /** Start with the panel open. Default `false`. */
  open?: boolean | undefined;
  /** Default `local`: the conversation survives reloads and new tabs of the site. */
  persist?: Persistence | undefined;
  /**
   * Ask again, on the next page of the site that loads the widget, for a reply that a page
   * load cut short (the visitor followed a link while it streamed). `false` leaves that
   * reply stopped. Needs `persist` `local` or `session`. Default `true`.
   */
  resume?: boolean | undefined;
  /**
   * A greeting shown beside the closed launcher after `greetingDelay`, while the
   * conversation is empty: clicking it opens the chat, where it is the first assistant
   * message (never sent to the agent). Dismissed or opened, it stays away for the rest of
   * the browser session (sessionStorage). None by default.
   */
  greeting?: string | undefined;
  /** Milliseconds after the page loads before the greeting shows. Default `3000`. */
  greetingDelay?: number | undefined;
  /** Element or CSS selector to render into (inline mode) instead of floating over the page. */
  target?: string | HTMLElement | undefined;
  /**
   * The interface language: `en`, `es`, `fr`, `de`, `pt`, `ja`, `zh`, `ar` or `he` (a
   * region such as `pt-BR` is fine). Default: the page's `<html lang>`, else English.
   * Arabic and Hebrew lay the panel out right to left.
   */
  locale?: string | undefined;
  /** Replaces any interface text, accessible names included, e.g. `{ send: 'Go' }`. */
  strings?: Partial<Strings> | undefined;
  /** Milliseconds to wait for a reply to start before saying the agent is not answering. Default `30000`. */
  replyTimeout?: number | undefined;
  /** Milliseconds a started reply may pause before it counts as stalled. Default `20000`. */
  stallTimeout?: number | undefined;
  /**
   * Tags of your own for this visitor's session (plan, page, user id...), handed back with
   * every `feedback` event so you know where a rating came from. Strings only; never sent
   * to the agent. Default `{}`.
   */
  context?: Record<string, string> | undefined;
}

/** Options with every default applied and every value checked; what the widget runs on. */
export interface ResolvedOptions {
  botId: string;
  apiBase: string;
  apiKey: string | undefined;
  model: string | undefined;
  sendCookies: boolean;
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
