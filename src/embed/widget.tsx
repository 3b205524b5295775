import { signal } from '@preact/signals-core';
import type { ResolvedOptions } from '../options/types';
import { createGreetingModel, parseGreetingFate } from '../state/greeting-model';
import { createPanelModel, parsePanelView, type PanelView } from '../state/panel-model';
import { createRecord, parseCount } from '../state/records';
import { createCutReplyRecord } from '../state/resume';
import type { Session } from '../state/session';
import { conversationKey, createConversationStore } from '../state/storage';
import { createUnreadModel } from '../state/unread-model';
import type { ChatMessage } from '../state/types';
import { createShell, type DisplayMode, type Shell } from '../ui/shell';
import type { WidgetControls } from './controls';
import type { WidgetEventName, WidgetEvents } from './events';
import { launcherStyles } from './launcher-styles';
import type { StartedPanel } from './panel';
import { loadedPanel, loadPanel, prepareToOpen } from './panel-loader';
import { adoptStyles } from './stylesheet';

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
  adoptStyles(shadow, launcherStyles);
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

  let started: StartedPanel | undefined;
  let isDisposed = false;
  /** The panel's styles, the conversation and its Preact tree, from the panel's module. */
  function start(module: typeof import('./panel')): Session {
    started ??= module.startPanel({
      shadow,
      container: shell.panelHost,
      options,
      mode,
      panel,
      greeting,
      launcher: shell.launcher,
      wasOpenAtLoad: isInitiallyOpen,
      fromBottom: lastView?.fromBottom,
      onPosition: (fromBottom) =>
        view.save({ isOpen: panel.isOpen.value, ...(fromBottom !== undefined && { fromBottom }) }),
      emit,
      onUnseenReply: unread.add,
    });
    return started.session;
  }
  /**
   * The conversation, made ready when first needed: opening the panel, or a host's
   * send(). In the same task if the panel's module is here (the pointer on the launcher
   * fetched it), else once it arrives; the panel shows then.
   */
  function ensureSession(): Promise<Session> {
    const loaded = loadedPanel();
    if (loaded) return Promise.resolve(start(loaded));
    shell.showFailure(undefined);
    return loadPanel().then(
      (module) => {
        if (isDisposed) throw new Error('tinytalk-widget: the widget was destroyed before its panel loaded.');
        try {
          return start(module);
        } catch (error) {
          // Opened by a click, nothing else would report it: the click's task is over.
          console.error('[tinytalk-widget] The chat panel failed to start.', error);
          throw error;
        }
      },
      (error: unknown) => {
        if (!isDisposed) reportLoadFailure(error);
        throw error;
      },
    );
  }
  /** Without its panel the chat cannot open: say so, and leave the launcher ready to try again. */
  function reportLoadFailure(error: unknown): void {
    console.error(
      "[tinytalk-widget] The chat panel could not be loaded. The script tag needs tinytalk-widget-panel.js beside tinytalk-widget.js, reachable and allowed by the page's Content-Security-Policy.",
      error,
    );
    const message = options.value.strings.errorNetwork;
    emit('error', { type: 'network', message });
    panel.close();
    shell.showFailure(message);
  }
  /** Runs `use` on the session: at once if it can start now, else once the panel has loaded (a failure is reported). */
  function withSession(use: (session: Session) => void): void {
    const loaded = loadedPanel();
    if (loaded) use(start(loaded));
    else ensureSession().then(use, () => undefined);
  }
  const startSession = () => withSession(() => undefined);
  host.toggleAttribute('data-floating', isFloating);
  // A panel open when the visitor left the last page comes back open (without the focus).
  const isInitiallyOpen = !isFloating || initialOptions.open || lastView?.isOpen === true;
  const panel = createPanelModel(isInitiallyOpen, {
    beforeOpen: startSession,
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
  const shell: Shell = createShell(shadow, {
    options,
    panel,
    mode,
    unreadCount: unread.count,
    greeting,
    onIntent: prepareToOpen,
  });
  // A reply the last page cut short is asked again at once, the panel open or not.
  if (isInitiallyOpen || (initialOptions.resume && createCutReplyRecord(persist, key).load())) startSession();
  if (isInitiallyOpen) unread.clear();

  /** The conversation, read from storage if the widget has not been used yet. */
  function messages(): readonly ChatMessage[] {
    // A read needs no panel, listener or Preact tree: before first use, the stored conversation is the conversation.
    return started?.session.chat.messages.value ?? createConversationStore(persist, key).load();
  }

  return {
    open: panel.open,
    close: () => isFloating && panel.close(),
    toggle: () => isFloating && panel.toggle(),
    send: async (text) => (await ensureSession()).chat.send(text),
    // Nothing to stop or forget before the first use: the stored conversation stays untouched.
    stop: () => started?.session.chat.stop(),
    reset: () => withSession((session) => session.chat.reset()),
    messages,
    unreadCount: () => unread.count.value,
    update(next) {
      options.value = next;
    },
    dispose() {
      isDisposed = true;
      greeting.dispose();
      started?.dispose();
      shell.dispose();
    },
  };
}
