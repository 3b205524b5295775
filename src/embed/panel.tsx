import type { ReadonlySignal } from '@preact/signals';
import { render } from 'preact';
import { createChatClient, type ChatTransport } from '../api/client';
import { withTimeouts } from '../api/timeouts';
import { describeError } from '../i18n/describe-error';
import type { ResolvedOptions } from '../options/types';
import type { GreetingModel } from '../state/greeting-model';
import type { PanelModel } from '../state/panel-model';
import { createSession, type Session } from '../state/session';
import type { ChatMessage } from '../state/types';
import { App } from '../ui/App';
import type { DisplayMode } from '../ui/shell';
import panelCss from '../ui/panel.css?inline';
import type { WidgetEventName, WidgetEvents } from './events';
import { adoptStyles } from './stylesheet';

import { isMarkdownLoaded, loadMarkdown } from '../ui/markdown-loader';

export { loadMarkdown };

/** How long a conversation waits for the markdown stack before it shows its replies as plain text. */
const markdownWaitMs = 1000;

/** What the widget on the page (widget.tsx) hands the panel when it first opens. */
export interface PanelContext {
  shadow: ShadowRoot;
  /** Where the panel renders (see ui/shell.ts). */
  container: HTMLElement;
  options: ReadonlySignal<ResolvedOptions>;
  mode: DisplayMode;
  panel: PanelModel;
  greeting: GreetingModel;
  launcher: HTMLButtonElement | undefined;
  /** Whether the panel was open when the page loaded: that panel must not take the focus. */
  wasOpenAtLoad: boolean;
  /** Where the reader was on the last page (px above the end); undefined: following the end. */
  fromBottom: number | undefined;
  onPosition(fromBottom: number | undefined): void;
  /** Dispatches one of the widget's events on its element. */
  emit<Name extends WidgetEventName>(name: Name, payload: WidgetEvents[Name]): void;
  /** A reply finished while the panel was closed. */
  onUnseenReply(): void;
}

export interface StartedPanel {
  session: Session;
  /** Unrenders the panel, aborts its reply and removes its listeners. */
  dispose(): void;
}

/**
 * Everything the visitor meets once the chat opens, and nothing a closed launcher needs:
 * Preact, the panel's components and styles, the conversation and its client. The script
 * tag loads it as a file of its own (see panel-source-script.ts), so that every page of a
 * site pays only for the launcher.
 */
export function startPanel(context: PanelContext): StartedPanel {
  const { shadow, container, options, panel, emit } = context;
  adoptStyles(shadow, { name: 'panel', css: panelCss });
  // Read per request, so options changed while the widget runs apply to the next turn.
  const transport: ChatTransport = (request) => {
    const { apiBase, botId, apiKey, model, stream, sendCookies, replyTimeout, stallTimeout } = options.value;
    const client = createChatClient({
      apiBase,
      botId,
      stream,
      sendCookies,
      ...(apiKey && { apiKey }),
      ...(model && { model }),
    });
    return withTimeouts(client, { replyMs: replyTimeout, stallMs: stallTimeout })(request);
  };
  // botId and persist never change for a widget: changing them starts another (see element.ts).
  const { botId, persist, resume } = options.peek();
  const session = createSession({
    botId,
    persist,
    resume,
    transport,
    onReplyStart: (message) => emit('message:start', message),
    onReplyText: ({ id, content }, delta) => emit('message:delta', { id, delta, content }),
    onReply: (message: ChatMessage) => {
      // A reply stopped before its first word is no message to report.
      if (message.status !== 'error' && message.content !== '') emit('message', message);
      if (message.status === 'done' && !panel.isOpen.value) context.onUnseenReply();
    },
    onFeedback: (message) =>
      emit('feedback', { message, feedback: message.feedback ?? null, context: options.value.context }),
    onError: (error) => {
      // The visitor reads plain words; the developer gets the details in the console.
      console.warn('[tinytalk-widget] A reply failed:', error);
      emit('error', {
        type: error.type,
        ...(error.status !== undefined && { status: error.status }),
        message: describeError(error, options.value.strings),
      });
    },
  });
  const renderApp = () =>
    render(
      <App
        session={session}
        panel={panel}
        options={options}
        mode={context.mode}
        wasOpenAtLoad={context.wasOpenAtLoad}
        launcher={context.launcher}
        greeting={context.greeting}
        fromBottom={context.fromBottom}
        onPosition={context.onPosition}
        onSourceOpen={(message, resource) => emit('citation:click', { message, resource })}
      />,
      container,
    );
  // Replies shown before the markdown stack is in would flash as raw markdown (on each page
  // of a visit, for a panel left open): they wait a moment for it. An empty conversation
  // has nothing to wait for.
  const hasReplies = session.chat.messages.value.some((message) => message.role === 'assistant');
  let stopWaiting: (() => void) | undefined;
  if (hasReplies && !isMarkdownLoaded()) stopWaiting = whenSettledOrLate(loadMarkdown(), renderApp);
  else renderApp();
  return {
    session,
    dispose() {
      stopWaiting?.();
      session.dispose();
      render(null, container);
    },
  };
}

/** Runs `then` once `promise` settles, or after {@link markdownWaitMs} at most; returns the cancel function. */
function whenSettledOrLate(promise: Promise<void>, then: () => void): () => void {
  let isDone = false;
  const finish = () => {
    if (isDone) return;
    isDone = true;
    clearTimeout(timer);
    then();
  };
  const timer = setTimeout(finish, markdownWaitMs);
  void promise.then(finish);
  return () => {
    isDone = true;
    clearTimeout(timer);
  };
}
