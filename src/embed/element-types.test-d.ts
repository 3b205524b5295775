// Compiled by `npm run typecheck`, never run: the attributes typed for JSX are exactly those
// the element reads, but the floating widget's, which an element placed in a page never is.
import { expectTypeOf } from 'vitest';
import type { TinyTalkChatAttributes } from './element-types';
import type { attributeNames } from './attributes';

/** The attribute names of the options, `title` renamed as the element reads it (see element.ts). */
type ElementAttribute =
  | Exclude<
      (typeof attributeNames)[keyof typeof attributeNames],
      'title' | 'target' | 'position' | 'open' | 'greeting' | 'greeting-delay'
    >
  | 'chat-title';

expectTypeOf<keyof TinyTalkChatAttributes>().toEqualTypeOf<ElementAttribute>();
