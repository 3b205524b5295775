import type { ChatMessage } from './types';

/**
 * Combines a conversation another tab just stored with this tab's own. The other tab's
 * list is taken as it is (so its retries and resets carry over), except for the
 * messages this tab created: for those this tab's version is newer (a reply it is still
 * streaming), and those the other tab has not seen yet are kept after the rest.
 */
export function mergeConversation(
  incoming: readonly ChatMessage[],
  local: readonly ChatMessage[],
  ownIds: ReadonlySet<string>,
): ChatMessage[] {
  const ours = new Map(local.filter((message) => ownIds.has(message.id)).map((message) => [message.id, message]));
  const merged = incoming.map((message) => {
    const own = ours.get(message.id);
    ours.delete(message.id);
    return own ?? message;
  });
  return [...merged, ...ours.values()];
}
