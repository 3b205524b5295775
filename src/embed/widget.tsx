import { signal } from '@preact/signals';
import { render } from 'preact';
import { createChatClient, type ChatTransport } from '../api/client';
import { describeError } from '../i18n/describe-error';
import { englishStrings } from '../i18n/strings';
import { createChatModel } from '../state/chat-model';
import { createPanelModel } from '../state/panel-model';
import { conversationKey, createConversationStore } from '../state/storage';
import { App, type DisplayMode } from '../ui/App';
import { createEmitter } from './emitter';
import type { ResolvedOptions } from './options';
import { adoptStyles } from './stylesheet';
import type { WidgetEvents, WidgetHandle } from './types';

/** A running widget: the handle host pages get, plus what its element needs. */
export interface Widget extends Omit<WidgetHandle, 'element' | 'destroy'> {
  /** Applies new options that keep the same conversation (not botId, apiBase or persist). */
  update(options: ResolvedOptions): void;
  /** Unrenders, aborts and forgets listeners; the element stays. */
  dispose(): void;
}

/** Renders a widget into `host`'s shadow root and wires its models together. */
export function createWidget(host: HTMLElement, initialOptions: ResolvedOptions, mode: DisplayMode): Widget {
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  adoptStyles(shadow);
  const emitter = createEmitter<WidgetEvents>();
  const options = signal(initialOptions);
  const strings = englishStrings;

  // Read per request, so options changed while the widget runs apply to the next turn.
  const transport: ChatTransport = (request) => {
    const { apiBase, botId, apiKey, model, stream } = options.value;
    return createChatClient({ apiBase, botId, stream, ...(apiKey && { apiKey }), ...(model && { model }) })(request);
  };
  const chat = createChatModel({
    transport,
    store: createConversationStore(initialOptions.persist, conversationKey(initialOptions.botId)),
    onReply: (message) => {
      // A reply stopped before its first word is no message to report.
      if (message.status !== 'error' && message.content !== '') emitter.emit('message', message);
    },
    onError: (error) => {
      // The visitor reads plain words; the developer gets the details in the console.
      console.warn('[tinytalk-widget] A reply failed:', error);
      emitter.emit('error', { type: error.type, ...(error.status !== undefined && { status: error.status }), message: describeError(error, strings) });
    },
  });
  const isFloating = mode === 'floating';
  host.toggleAttribute('data-floating', isFloating);
  const panel = createPanelModel(!isFloating || initialOptions.open, (isOpen) => emitter.emit(isOpen ? 'open' : 'close', undefined));
  const draft = signal('');

  render(<App chat={chat} panel={panel} options={options} strings={strings} draft={draft} mode={mode} />, shadow);

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
      render(null, shadow);
      emitter.clear();
    },
  };
}
