export { mount } from './embed/mount';
export { defineElement, TinyTalkChatElement } from './embed/element';
export type { TinyTalkChatAttributes } from './embed/element-types';
export type { WidgetOptions, Theme, Position, Persistence } from './options/types';
export type { WidgetHandle } from './embed/types';
export type { WidgetControls } from './embed/controls';
export type {
  WidgetEvents,
  WidgetEventName,
  WidgetError,
  MessageDelta,
  CitationClick,
  FeedbackEvent,
  UnreadEvent,
} from './embed/events';
export type { ChatMessage, MessageStatus, CitedResource, ChatErrorType, Feedback } from './state/types';

// No side effect here, so a bundler drops whatever the app does not use: mount() registers
// <tinytalk-chat> itself, and `tinytalk-widget/element` registers it for markup.
