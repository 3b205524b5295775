import { afterEach, describe, expect, test, vi } from 'vitest';
import { createEmitter } from './emitter';

interface Events {
  message: string;
  open: undefined;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createEmitter', () => {
  test('calls every listener of an event with its payload, in the order they subscribed', () => {
    const emitter = createEmitter<Events>();
    const calls: string[] = [];
    emitter.on('message', (text) => calls.push(`first ${text}`));
    emitter.on('message', (text) => calls.push(`second ${text}`));
    emitter.emit('message', 'hi');
    expect(calls).toEqual(['first hi', 'second hi']);
  });

  test('calls only the listeners of the event emitted', () => {
    const emitter = createEmitter<Events>();
    const onOpen = vi.fn();
    emitter.on('open', onOpen);
    emitter.emit('message', 'hi');
    expect(onOpen).not.toHaveBeenCalled();
    emitter.emit('open', undefined);
    expect(onOpen).toHaveBeenCalledOnce();
  });

  test('stops calling a listener once unsubscribed, and keeps calling the others', () => {
    const emitter = createEmitter<Events>();
    const gone = vi.fn();
    const kept = vi.fn();
    const unsubscribe = emitter.on('message', gone);
    emitter.on('message', kept);
    unsubscribe();
    unsubscribe();
    emitter.emit('message', 'hi');
    expect(gone).not.toHaveBeenCalled();
    expect(kept).toHaveBeenCalledWith('hi');
  });

  test('drops every listener on clear', () => {
    const emitter = createEmitter<Events>();
    const onMessage = vi.fn();
    const onOpen = vi.fn();
    emitter.on('message', onMessage);
    emitter.on('open', onOpen);
    emitter.clear();
    emitter.emit('message', 'hi');
    emitter.emit('open', undefined);
    expect(onMessage).not.toHaveBeenCalled();
    expect(onOpen).not.toHaveBeenCalled();
  });

  test('does nothing when an event has no listeners', () => {
    expect(() => createEmitter<Events>().emit('message', 'hi')).not.toThrow();
  });

  test('reports a listener that throws and still calls the others', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const emitter = createEmitter<Events>();
    const failure = new Error('host page bug');
    const after = vi.fn();
    emitter.on('message', () => {
      throw failure;
    });
    emitter.on('message', after);
    expect(() => emitter.emit('message', 'hi')).not.toThrow();
    expect(after).toHaveBeenCalledWith('hi');
    expect(error).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalledWith(expect.stringContaining('"message" listener threw'), failure);
  });
});
