/** @jsxImportSource react */
// React's JSX knows <tinytalk-chat> once the app opts in with this import.
import type {} from 'tinytalk-widget/react';
import { createRef } from 'react';
import type { TinyTalkChatElement } from 'tinytalk-widget';

const ref = createRef<TinyTalkChatElement>();

export const configured = (
  <tinytalk-chat
    ref={ref}
    className="support"
    bot-id="agent"
    api-base="https://chat.example"
    chat-title="Ask us"
    theme="dark"
    persist="session"
    stream="false"
    reply-timeout={8000}
    stall-timeout="4000"
    starters='["What does it cost?"]'
  />
);

// An attribute whose value may be missing is left out, under exactOptionalPropertyTypes too.
declare const maybeTitle: string | undefined;
export const maybeTitled = <tinytalk-chat bot-id="agent" chat-title={maybeTitle} theme={undefined} />;

// @ts-expect-error bot-id is required.
export const withoutBotId = <tinytalk-chat chat-title="Ask us" />;
// @ts-expect-error theme is light, dark or auto.
export const wrongTheme = <tinytalk-chat bot-id="agent" theme="blue" />;
// @ts-expect-error stream is text: JSX would drop `false`, which means streaming.
export const booleanStream = <tinytalk-chat bot-id="agent" stream={false} />;
// @ts-expect-error A misspelt name is caught when it has no dash (TypeScript lets any dashed name through).
export const misspelt = <tinytalk-chat bot-id="agent" chattitle="Ask us" />;
