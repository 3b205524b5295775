import type { HTMLAttributes } from 'preact';
import type { Persistence, Theme, WidgetOptions } from '../options/types';
import type { TinyTalkChatElement } from './element';

/** Milliseconds, as a number or its text: attributes are text either way. */
type Milliseconds = number | `${number}`;

/**
 * The attributes of `<tinytalk-chat>`: one per option of {@link WidgetOptions}, but those of
 * the floating widget (`target`, `position`, `open`, `greeting`, `greeting-delay`): placed in a page, the element renders
 * inline where it is. Values are attribute text; lists and overrides are JSON. An attribute
 * given `undefined` is left out, as JSX does.
 */
export interface TinyTalkChatAttributes {
  /** The agent's id (Tiny Talk dashboard, Settings → General). Without it nothing is shown. */
  'bot-id': string;
  /** API origin; requests go to `${api-base}/v1/chat/completions`. Default `https://api.tinytalk.ai`. */
  'api-base'?: string | undefined;
  /** Sent as the `api-key` header, for private agents. Anything in a page is public. */
  'api-key'?: string | undefined;
  /** Overrides the agent's model; must be allowed on the agent's plan. */
  model?: string | undefined;
  /**
   * Present (or `"true"`): sends the site's cookies when `api-base` is on the page's own
   * origin, for a proxy that checks the visitor's session; never to another origin. Default `false`.
   */
  'send-cookies'?: '' | 'true' | 'false' | undefined;
  /**
   * `"false"` waits for the whole reply instead of streaming it. Text, not a boolean: JSX
   * removes an attribute set to `false`, which would mean the default, streaming. Default `true`.
   */
  stream?: 'true' | 'false' | undefined;
  /** Panel heading and the region's accessible name (HTML's own `title` would be a tooltip). Default `Chat`. */
  'chat-title'?: string | undefined;
  /** Shown first as an assistant message; never sent to the agent. */
  'welcome-message'?: string | undefined;
  /** Suggested first messages, as a JSON array of strings. Default `[]`. */
  starters?: string | undefined;
  /** Composer placeholder. Default `Type a message…`. */
  placeholder?: string | undefined;
  /** Default `auto`: follows the visitor's `prefers-color-scheme`. */
  theme?: Theme | undefined;
  /** A CSS colour for the visitor's messages and buttons; anything else is ignored with a warning. */
  'accent-color'?: string | undefined;
  /** URL of an image for the agent, beside the title. */
  avatar?: string | undefined;
  /** Default `local`: the conversation survives reloads and new tabs of the site. */
  persist?: Persistence | undefined;
  /** `"false"` leaves a reply that a page load cut short stopped, instead of asking again on the next page. Default `true`. */
  resume?: 'true' | 'false' | undefined;
  /** Milliseconds to wait for a reply to start. Default `30000`. */
  'reply-timeout'?: Milliseconds | undefined;
  /** Milliseconds a started reply may pause before it counts as stalled. Default `20000`. */
  'stall-timeout'?: Milliseconds | undefined;
  /** The interface language, e.g. `fr` or `pt-BR`. Default: the page's `<html lang>`, else English. */
  locale?: string | undefined;
  /** Interface text overrides, as a JSON object, e.g. `{"send":"Go"}`. */
  strings?: string | undefined;
  /** Your own tags for the session, as a JSON object of strings, handed back with `feedback` events. Default `{}`. */
  context?: string | undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'tinytalk-chat': TinyTalkChatElement;
  }
}

// Preact is a dependency of the package, so its types are always there to augment. React's
// are not: its JSX learns the element from the opt-in `tinytalk-widget/react` (src/react.ts).
declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      /** The Tiny Talk chat widget; import `tinytalk-widget/element` once to register it. */
      'tinytalk-chat': Omit<HTMLAttributes<TinyTalkChatElement>, keyof TinyTalkChatAttributes> & TinyTalkChatAttributes;
    }
  }
}
