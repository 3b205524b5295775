/**
 * The `tinytalk-widget/react` types: teaches React's JSX `<tinytalk-chat>`. Opt-in, as
 * `declare module 'react'` needs React's types, which not every user of the package has:
 * add `import type {} from 'tinytalk-widget/react';` once, in any file of a React app.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { TinyTalkChatElement } from './embed/element';
import type { TinyTalkChatAttributes } from './embed/element-types';

/** The props of `<tinytalk-chat>` in React's JSX: React's own, and the element's attributes. */
export type TinyTalkChatProps = Omit<
  DetailedHTMLProps<HTMLAttributes<TinyTalkChatElement>, TinyTalkChatElement>,
  keyof TinyTalkChatAttributes
> &
  TinyTalkChatAttributes;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      /** The Tiny Talk chat widget; import `tinytalk-widget/element` once to register it. */
      'tinytalk-chat': TinyTalkChatProps;
    }
  }
}
