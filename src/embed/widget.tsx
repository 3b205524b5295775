import { signal } from '@preact/signals';
import { render } from 'preact';
import { createChatClient, type ChatTransport } from '../api/client';
import { withTimeouts } from '../api/timeouts';
import { describeError } from '../i18n/describe-error';
import type { ResolvedOptions } from '../options/types';
import { createGreetingModel, parseGreetingFate } from '../state/greeting-model';
import { createPanelModel, parsePanelView, type PanelView } from '../state/panel-model';
import { createRecord, parseCount } from '../state/records';
import { createCutReplyRecord } from '../state/resume';
import { createSession, type Session } from '../state/session';
import { conversationKey, createConversationStore } from '../state/storage';
import { createUnreadModel } from '../state/unread-model';
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
  /** Replies that finished while the panel was closed. */
  unreadCount(): number;
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
  const { botId, persist } = initialOptions;
  const key = conversationKey(botId);
  const isFloating = mode === 'floating';
  // What the last page of this visit left: the panel open or not, where the reader was, replies unread.
  const view = createRecord<PanelView>(persist, 'tab', `${key}:view`, parsePanelView);
  const lastView = view.load();
  const unread = createUnreadModel(createRecord(persist, 'shared', `${key}:unread`, parseCount), (count) =>
    emit('unread', { count }),
  );

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
  let session: Session | undefined;
  /**
   * The conversation, the panel's styles and its Preact tree, made ready when first
   * needed: opening the panel, or a host's send().
   */
  function ensureSession(): Session {
    if (session) return session;
    adoptStyles(shadow, 'panel');
    session = createSession({
      botId,
      persist,
      resume: initialOptions.resume,
      transport,
      onReplyStart: (message) => emit('message:start', message),
      onReplyText: ({ id, content }, delta) => emit('message:delta', { id, delta, content }),
      onReply: (message) => {
        // A reply stopped before its first word is no message to report.
        if (message.status !== 'error' && message.content !== '') emit('message', message);
        if (message.status === 'done' && !panel.isOpen.value) unread.add();
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
    render(
      <App
        session={session}
        panel={panel}
        options={options}
        mode={mode}
        wasOpenAtLoad={isInitiallyOpen}
        launcher={shell.launcher}
        greeting={greeting}
        fromBottom={lastView?.fromBottom}
        onPosition={(fromBottom) =>
          view.save({ isOpen: panel.isOpen.value, ...(fromBottom !== undefined && { fromBottom }) })
        }
        onSourceOpen={(message, resource) => emit('citation:click', { message, resource })}
      />,
      shell.panelHost,
    );
    return session;
  }
  host.toggleAttribute('data-floating', isFloating);
  // A panel open when the visitor left the last page comes back open (without the focus).
  const isInitiallyOpen = !isFloating || initialOptions.open || lastView?.isOpen === true;
  const panel = createPanelModel(isInitiallyOpen, {
    beforeOpen: ensureSession,
    onChange: (isOpen) => {
      view.save({ ...view.load(), isOpen });
      if (isOpen) unread.clear();
      emit(isOpen ? 'open' : 'close', undefined);
    },
  });
  const greeting = createGreetingModel({
    record: createRecord(persist, 'tab', `${key}:greeting`, parseGreetingFate),
    delay: initialOptions.greetingDelay,
    isPanelOpen: panel.isOpen,
    canGreet: () => isFloating && options.value.greeting !== undefined && messages().length === 0,
  });
  const shell: Shell = createShell(shadow, { options, panel, mode, unreadCount: unread.count, greeting });
  // A reply the last page cut short is asked again at once, the panel open or not.
  if (isInitiallyOpen || (initialOptions.resume && createCutReplyRecord(persist, key).load())) ensureSession();
  if (isInitiallyOpen) unread.clear();

  /** The conversation, read from storage if the widget has not been used yet. */
  function messages(): readonly ChatMessage[] {
    // A read needs no panel, listener or Preact tree: before first use, the stored conversation is the conversation.
    return session?.chat.messages.value ?? createConversationStore(persist, key).load();
  }

  return {
    open: panel.open,
    close: () => isFloating && panel.close(),
    toggle: () => isFloating && panel.toggle(),
    send: (text) => ensureSession().chat.send(text),
    // Nothing to stop or forget before the first use: the stored conversation stays untouched.
    stop: () => session?.chat.stop(),
    reset: () => ensureSession().chat.reset(),
    messages,
    unreadCount: () => unread.count.value,
    update(next) {
      options.value = next;
    },
    dispose() {
      greeting.dispose();
      session?.dispose();
      render(null, shell.panelHost);
      shell.dispose();
    },
  };
}
