import type { WidgetOptions } from '../options/types';

/** Option names as attributes (`data-` prefixed on the script tag). */
export const attributeNames = {
  botId: 'bot-id',
  apiBase: 'api-base',
  apiKey: 'api-key',
  model: 'model',
  sendCookies: 'send-cookies',
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

/**
 * Reads options from attributes: `read('bot-id')` returns the attribute value or null.
 * Values stay strings where the JS option is not one; `resolveOptions` checks them.
 */
export function optionsFromAttributes(read: (name: string) => string | null): Partial<WidgetOptions> {
  const options: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributeNames)) {
    const value = read(attribute);
    if (value === null) continue;
    // Boolean attributes count as set when present: open, open="", open="open", open="true".
    if (name === 'stream' || name === 'open' || name === 'sendCookies' || name === 'resume')
      options[name] = value === '' || value === attribute ? true : value;
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
