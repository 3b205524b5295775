import { describe, expect, test } from 'vitest';
import { mergeConversation } from './merge';
import type { ChatMessage } from './types';

function message(id: string, content = id, status: ChatMessage['status'] = 'done'): ChatMessage {
  return { id, role: id.startsWith('u') ? 'user' : 'assistant', content, status, citedResources: [] };
}

describe('mergeConversation', () => {
  test('adopts the turns another tab added', () => {
    const local = [message('u1'), message('a1')];
    const incoming = [...local, message('u2'), message('a2')];
    expect(mergeConversation(incoming, local, new Set())).toEqual(incoming);
  });

  test("keeps this tab's newer version of a reply it is streaming", () => {
    const streaming = message('a1', 'Hello wor', 'streaming');
    const seenByOther = message('a1', 'Hel', 'streaming');
    const merged = mergeConversation(
      [message('u1'), seenByOther, message('u2')],
      [message('u1'), streaming],
      new Set(['a1']),
    );
    expect(merged).toEqual([message('u1'), streaming, message('u2')]);
  });

  test("keeps this tab's turn that the other tab has not seen yet", () => {
    const merged = mergeConversation(
      [message('u1'), message('a1')],
      [message('u1'), message('a1'), message('u9')],
      new Set(['u9']),
    );
    expect(merged.map((each) => each.id)).toEqual(['u1', 'a1', 'u9']);
  });

  test('follows the other tab when it removed one of its own replies (a retry)', () => {
    const merged = mergeConversation(
      [message('u1'), message('a2')],
      [message('u1'), message('a1', 'x', 'error')],
      new Set(),
    );
    expect(merged.map((each) => each.id)).toEqual(['u1', 'a2']);
  });
});
