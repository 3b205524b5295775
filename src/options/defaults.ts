import type { ResolvedOptions } from './types';

/** The options that have a default of their own, apart from the page's language. */
type Defaults = Pick<
  ResolvedOptions,
  'apiBase' | 'sendCookies' | 'stream' | 'theme' | 'position' | 'open' | 'persist' | 'resume'
> & {
  greetingDelay: number;
  replyTimeout: number;
  stallTimeout: number;
  starters: readonly string[];
  context: Readonly<Record<string, string>>;
};

/**
 * What an option is when a page leaves it out or gives a value that is not valid: the one
 * place a default is written. The TSDoc of the options, the element's attribute types, the
 * README's table and the playground's fields are checked against it (documented-defaults.test.ts).
 * Not here: `title`, `placeholder` and `locale`, which follow the page's language, and the
 * options that are simply absent unless given (`apiKey`, `model`, `target`...).
 */
export const defaults: Readonly<Defaults> = {
  apiBase: 'https://api.tinytalk.ai',
  sendCookies: false,
  stream: true,
  starters: [],
  theme: 'auto',
  // On a right-to-left page the launcher goes to the left, unless placed (see resolve.ts).
  position: 'right',
  open: false,
  persist: 'local',
  resume: true,
  greetingDelay: 3000,
  replyTimeout: 30_000,
  stallTimeout: 20_000,
  context: {},
};
