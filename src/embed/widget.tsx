import { signal } from '@preact/signals';
import { render } from 'preact';
import { createChatClient, type ChatTransport } from '../api/client';
import { withTimeouts } from '../api/timeouts';
import { describeError } from '../i18n/describe-error';
import type { ResolvedOptions } from '../options/types';
import { createPanelModel } from '../state/panel-model';
import { createSession, type Session } from '../state/session';
import { conversationKey, createConversationStore } from '../state/storage';
import type { ChatMessage } from '../state/types';
import { App } from '../ui/App';
import { createShell, type DisplayMode, type Shell } from '../ui/shell';
import { adoptStyles } from './stylesheet';
import type { WidgetControls } from './controls';
import type { WidgetEventName, WidgetEvents } from './events';

/** A running widget: the commands of the handle host pages get, plus what its element needs. */
export interface Widget extends WidgetControls {
  /** The conversation, read from storage if the widget has not been used yet. */
  messages(): readonly ChatMessage[];
  /** Applies new options that keep the same conversation (not botId, apiBase or persist). */
  update(options: ResolvedOptions): void;
  /** Unrenders, aborts, and removes every listener it added to the page. */
  dispose(): void;
}

/** Renders a widget into `host`'s shadow root and wires its models together. */
export function createWidget(host: HTMLElement, initialOptions: ResolvedOptions, mode: DisplayMode): Widget {
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  adoptStyles(shadow, 'launcher');
  /**
   * Every event is a CustomEvent on the element, which outlives the widget when a changed
   * botId starts another: the handle's on() listens there too (see mount.ts).
   */
  function emit<Name extends WidgetEventName>(name: Name, payload: WidgetEvents[Name]): void {
    host.dispatchEvent(new CustomEvent(name, { detail: payload }));
  }
  const options = signal(initialOptions);

  // Read per request, so options changed while the widget runs apply to the next turn.
  const transport: ChatTransport = (request) => {
    const { apiBase, botId, apiKey, model, stream, sendCookies, replyTimeout, stallTimeout } = options.value;
    const client = createChatClient({ apiBase, botId, stream, sendCookies, ...(apiKey && { apiKey }), ...(model && { model }) });
    return withTimeouts(client, { replyMs: replyTimeout, stallMs: stallTimeout })(request);
  };
  let session: Session | undefined;
  /**
   * The conversation, the panel's styles and its Preact tree, made ready when first
   * needed: opening the panel, or a host's send().
   */
  function ensureSession(): Session {
    if (session) return session;
    adoptStyles(shadow, 'panel');
    session = createSession({
      botId: initialOptions.botId,
      persist: initialOptions.persist,
      transport,
      onReplyStart: (message) => emit('message:start', message),
      onReplyText: ({ id, content }, delta) => emit('message:delta', { id, delta, content }),
      onReply: (message) => {
        // A reply stopped before its first word is no message to report.
        if (message.status !== 'error' && message.content !== '') emit('message', message);
      },
      onFeedback: (message) => emit('feedback', { message, feedback: message.feedback ?? null, context: options.value.context }),
      onError: (error) => {
        // The visitor reads plain words; the developer gets the details in the console.
        console.warn('[tinytalk-widget] A reply failed:', error);
        emit('error', { type: error.type, ...(error.status !== undefined && { status: error.status }), message: describeError(error, options.value.strings) });
      },
    });
    render(
      <App
        session={session}
        panel={panel}
        options={options}
        mode={mode}
        wasOpenAtLoad={isInitiallyOpen}
        launcher={shell.launcher}
        onSourceOpen={(message, resource) => emit('citation:click', { message, resource })}
      />,
      shell.panelHost,
    );
    return session;
  }
  const isFloating = mode === 'floating';
  host.toggleAttribute('data-floating', isFloating);
  const isInitiallyOpen = !isFloating || initialOptions.open;
  const panel = createPanelModel(isInitiallyOpen, {
    beforeOpen: ensureSession,
    onChange: (isOpen) => emit(isOpen ? 'open' : 'close', undefined),
  });
  const shell: Shell = createShell(shadow, { options, panel, mode });
  if (isInitiallyOpen) ensureSession();

  return {
    open: panel.open,
    close: () => isFloating && panel.close(),
    toggle: () => isFloating && panel.toggle(),
    send: (text) => ensureSession().chat.send(text),
    // Nothing to stop or forget before the first use: the stored conversation stays untouched.
    stop: () => session?.chat.stop(),
    reset: () => ensureSession().chat.reset(),
    // A read needs no panel, listener or Preact tree: before first use, the stored conversation is the conversation.
    messages: () => session?.chat.messages.value ?? createConversationStore(initialOptions.persist, conversationKey(initialOptions.botId)).load(),
    update(next) {
      options.value = next;
    },
    dispose() {
      session?.dispose();
      render(null, shell.panelHost);
      shell.dispose();
    },
  };
}
