import { describe, expect, test } from 'vitest';
import { ChatError, isRetryable, toChatError, type ChatErrorInfo } from './errors';

describe('isRetryable', () => {
  test.each([408, 429, 500, 502, 503])('says sending again may help after HTTP %i', (status) => {
    expect(isRetryable({ type: 'http', status })).toBe(true);
  });

  test.each(['network', 'cut', 'stream', 'protocol', 'timeout'] as const)(
    'says sending again may help after a %s error',
    (type) => {
      expect(isRetryable({ type })).toBe(true);
    },
  );

  test.each([400, 401, 403, 404])('says sending again cannot help after HTTP %i', (status) => {
    expect(isRetryable({ type: 'http', status })).toBe(false);
  });

  test('says an aborted request is not one to retry', () => {
    expect(isRetryable({ type: 'aborted' })).toBe(false);
  });
});

describe('toChatError', () => {
  test('returns a ChatError as it is', () => {
    const error = new ChatError({ type: 'http', status: 500 });
    expect(toChatError(error)).toBe(error);
  });

  test('turns an AbortError into aborted, keeping it as the cause', () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    const error = toChatError(abort);
    expect(error).toBeInstanceOf(ChatError);
    expect(error.type).toBe('aborted');
    expect(error.cause).toBe(abort);
  });

  test('turns any failure after its signal fired into aborted', () => {
    const controller = new AbortController();
    controller.abort();
    expect(toChatError(new TypeError('network error'), controller.signal).type).toBe('aborted');
  });

  test('turns anything else into network, described by its text', () => {
    const error = toChatError(new TypeError('Failed to fetch'), new AbortController().signal);
    expect(error.toInfo()).toEqual({ type: 'network', detail: 'TypeError: Failed to fetch' });
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});

describe('ChatError', () => {
  test('copies to an info object without the fields it does not have', () => {
    const info = new ChatError({ type: 'network' }).toInfo();
    expect(info).toEqual({ type: 'network' });
    expect(Object.keys(info)).toEqual(['type']);
  });

  test('copies every field it has', () => {
    const info: ChatErrorInfo = { type: 'http', status: 429, retryAfter: 30, detail: 'Slow down' };
    expect(new ChatError(info).toInfo()).toEqual(info);
  });

  test('is an Error named ChatError whose message carries the status and detail for developers', () => {
    const error = new ChatError({ type: 'http', status: 404, detail: 'Bot not found' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ChatError');
    expect(error.message).toContain('404');
    expect(error.message).toContain('Bot not found');
  });
});
