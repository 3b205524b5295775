import { signal } from '@preact/signals';
import { render } from 'preact';
import { createChatClient, type ChatTransport } from '../api/client';
import { withTimeouts } from '../api/timeouts';
import { describeError } from '../i18n/describe-error';
import { createChatModel } from '../state/chat-model';
import { createComposerModel } from '../state/composer-model';
import { createConnectivity } from '../state/connectivity';
import { createPanelModel } from '../state/panel-model';
import { conversationKey, createConversationStore } from '../state/storage';
import { syncAcrossTabs } from '../state/tab-sync';
import { App, type DisplayMode } from '../ui/App';
import { createEmitter } from './emitter';
import type { ResolvedOptions } from './options';
import { adoptStyles } from './stylesheet';
import type { WidgetEvents, WidgetHandle } from './types';

/** A running widget: the handle host pages get, plus what its element needs. */
export interface Widget extends Omit<WidgetHandle, 'element' | 'destroy'> {
  /** Applies new options that keep the same conversation (not botId, apiBase or persist). */
  update(options: ResolvedOptions): void;
  /** Unrenders, aborts, and removes every listener it added to the page. */
  dispose(): void;
}

/** Renders a widget into `host`'s shadow root and wires its models together. */
export function createWidget(host: HTMLElement, initialOptions: ResolvedOptions, mode: DisplayMode): Widget {
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  adoptStyles(shadow);
  const emitter = createEmitter<WidgetEvents>();
  const options = signal(initialOptions);

  // Read per request, so options changed while the widget runs apply to the next turn.
  const transport: ChatTransport = (request) => {
    const { apiBase, botId, apiKey, model, stream, replyTimeout, stallTimeout } = options.value;
    const client = createChatClient({ apiBase, botId, stream, ...(apiKey && { apiKey }), ...(model && { model }) });
    return withTimeouts(client, { replyMs: replyTimeout, stallMs: stallTimeout })(request);
  };
  const store = createConversationStore(initialOptions.persist, conversationKey(initialOptions.botId));
  const chat = createChatModel({
    transport,
    store,
    onReply: (message) => {
      // A reply stopped before its first word is no message to report.
      if (message.status !== 'error' && message.content !== '') emitter.emit('message', message);
    },
    onError: (error) => {
      // The visitor reads plain words; the developer gets the details in the console.
      console.warn('[tinytalk-widget] A reply failed:', error);
      emitter.emit('error', { type: error.type, ...(error.status !== undefined && { status: error.status }), message: describeError(error, options.value.strings) });
    },
  });
  const connectivity = createConnectivity(() => composer.reconnect());
  const composer = createComposerModel(chat, store, connectivity.isOnline);
  const stopSyncing = syncAcrossTabs(chat, store);
  const isFloating = mode === 'floating';
  host.toggleAttribute('data-floating', isFloating);
  const panel = createPanelModel(!isFloating || initialOptions.open, (isOpen) => emitter.emit(isOpen ? 'open' : 'close', undefined));

  render(<App chat={chat} panel={panel} options={options} composer={composer} isOnline={connectivity.isOnline} mode={mode} />, shadow);

  return {
    open: panel.open,
    close: () => isFloating && panel.close(),
    toggle: () => isFloating && panel.toggle(),
    send: chat.send,
    stop: chat.stop,
    reset: chat.reset,
    on: emitter.on,
    update(next) {
      options.value = next;
    },
    dispose() {
      chat.dispose();
      connectivity.dispose();
      stopSyncing();
      render(null, shadow);
      emitter.clear();
    },
  };
}
