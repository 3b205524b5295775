import { describe, expect, test } from 'vitest';
import type { ChatErrorInfo } from '../api/errors';
import { describeError } from './describe-error';
import { englishStrings, format } from './strings';

const detail = '{"error":{"message":"Internal: upstream provider key sk-123 rejected"}}';

/** One of each failure a visitor can meet, by name, each with the agent's raw answer attached. */
const failures: [string, ChatErrorInfo][] = [
  ...[400, 401, 403, 404, 429, 500, 418].map((status): [string, ChatErrorInfo] => [
    `HTTP ${status}`,
    { type: 'http', status, detail },
  ]),
  ...(['network', 'stream', 'cut', 'protocol', 'timeout', 'redirect'] as const).map((type): [string, ChatErrorInfo] => [
    `a ${type} error`,
    { type, detail },
  ]),
];

const say = (info: ChatErrorInfo): string => describeError(info, englishStrings);

describe('describeError', () => {
  test('gives each kind of failure a message of its own', () => {
    const messages = failures.map(([, info]) => say(info));
    expect(new Set(messages).size).toBe(failures.length);
  });

  test.each(failures)('never shows the raw detail or JSON for %s', (_, info) => {
    const message = say(info);
    expect(message).not.toBe('');
    expect(message).not.toContain('Internal');
    expect(message).not.toContain('sk-123');
    expect(message).not.toMatch(/[{}"]/);
  });

  test('reads the same for every server error', () => {
    expect(say({ type: 'http', status: 503 })).toBe(say({ type: 'http', status: 500 }));
    expect(say({ type: 'http', status: 502 })).toBe(englishStrings.errorServer);
  });

  test('names the wait when the agent asked for one', () => {
    expect(say({ type: 'http', status: 429, retryAfter: 30 })).toContain('30 seconds');
  });

  test('asks for a moment when the agent named no wait', () => {
    expect(say({ type: 'http', status: 429 })).toBe(englishStrings.errorRateLimited);
  });

  test('names an unusual status', () => {
    expect(say({ type: 'http', status: 418 })).toContain('418');
  });

  test('says Stopped for an aborted request', () => {
    expect(say({ type: 'aborted' })).toBe(englishStrings.stopped);
  });
});

describe('format', () => {
  test('fills every placeholder it has a value for', () => {
    expect(format('{a} and {b}, then {a}', { a: 'one', b: 2 })).toBe('one and 2, then one');
  });

  test('leaves a placeholder it has no value for as it is', () => {
    expect(format('Wait {seconds}s ({unit})', { seconds: 5 })).toBe('Wait 5s ({unit})');
  });

  test('leaves placeholders named like Object methods as they are', () => {
    expect(format('{constructor} {toString}', {})).toBe('{constructor} {toString}');
  });
});
