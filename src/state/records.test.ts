// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createRecord, parseCount } from './records';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createRecord', () => {
  test('keeps a shared record in localStorage and a tab record in sessionStorage when persist is local', () => {
    createRecord('local', 'shared', 'k:unread', parseCount).save(2);
    createRecord('local', 'tab', 'k:view', parseCount).save(3);
    expect(localStorage.getItem('k:unread')).toBe('2');
    expect(sessionStorage.getItem('k:view')).toBe('3');
    expect([localStorage.length, sessionStorage.length]).toEqual([1, 1]);
  });

  test('keeps both scopes in sessionStorage when persist is session', () => {
    createRecord('session', 'shared', 'k:unread', parseCount).save(2);
    createRecord('session', 'tab', 'k:view', parseCount).save(3);
    expect(localStorage.length).toBe(0);
    expect([sessionStorage.getItem('k:unread'), sessionStorage.getItem('k:view')]).toEqual(['2', '3']);
  });

  test('reads back, as on the next page, what an earlier record saved under the same key', () => {
    createRecord('local', 'shared', 'k:unread', parseCount).save(4);
    expect(createRecord('local', 'shared', 'k:unread', parseCount).load()).toBe(4);
  });

  test('with persist none, stores nothing anywhere and keeps the value only while the page lives', () => {
    const record = createRecord('none', 'shared', 'k:unread', parseCount);
    record.save(5);
    expect(record.load()).toBe(5);
    expect(localStorage.length + sessionStorage.length).toBe(0);
    expect(createRecord('none', 'shared', 'k:unread', parseCount).load()).toBeUndefined();
  });

  test('saving undefined forgets the value', () => {
    const record = createRecord('local', 'shared', 'k:unread', parseCount);
    record.save(1);
    record.save(undefined);
    expect(record.load()).toBeUndefined();
    expect(localStorage.getItem('k:unread')).toBeNull();
  });

  test('counts as nothing a stored value its parser refuses, or one that is not JSON', () => {
    const record = createRecord('local', 'shared', 'k:unread', parseCount);
    for (const raw of ['-1', '1.5', '"3"', '{"count":3}', 'null', '{not json', '']) {
      localStorage.setItem('k:unread', raw);
      expect(record.load(), raw).toBeUndefined();
    }
  });

  test('never throws when storage refuses to be read or written', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    vi.spyOn(Storage.prototype, 'removeItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const record = createRecord('local', 'shared', 'k:unread', parseCount);
    expect(() => record.save(1)).not.toThrow();
    expect(() => record.save(undefined)).not.toThrow();
    expect(record.load()).toBeUndefined();
  });

  test('never throws where merely reading localStorage throws, as in a sandboxed frame', () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const record = createRecord('local', 'shared', 'k:unread', parseCount);
    expect(() => record.save(1)).not.toThrow();
    expect(record.load()).toBeUndefined();
  });
});

describe('parseCount', () => {
  test('takes whole numbers from 0 up, and nothing else', () => {
    expect([0, 1, 42].map(parseCount)).toEqual([0, 1, 42]);
    expect([-1, 0.5, Number.NaN, Infinity, '2', null, undefined, {}].map(parseCount)).toEqual(
      Array.from({ length: 8 }, () => undefined),
    );
  });
});
