import type { OutboxMessage } from '../../domain';

/** What the order of a conversation's messages looks at. */
export type OrderFields = Pick<OutboxMessage, 'id' | 'createdAt'>;

/** Send order within a conversation: the message created first goes first, the id breaks ties. */
export function inSendOrder(a: OrderFields, b: OrderFields): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * True when an unsent message keeps the later messages of its conversation waiting: it is being sent, waits for
 * a retry, or is due. A message scheduled for later that was never tried (a reminder) holds nothing back.
 */
export function holdsBack(message: Pick<OutboxMessage, 'status' | 'attempts' | 'notBefore'>, now: number): boolean {
  if (message.status === 'sending') return true;
  if (message.status !== 'pending') return false;
  return message.attempts > 0 || Date.parse(message.notBefore) <= now;
}

/**
 * The candidates that may go now: those with no message of their conversation before them that holds back
 * (`holdsBack`) and is not among the candidates themselves (those the worker sorts and sends in order).
 */
export function inConversationOrder<T extends OutboxMessage>(
  candidates: readonly T[],
  unsent: readonly OutboxMessage[],
  now: number,
): T[] {
  const going = new Set(candidates.map((c) => c.id));
  const earliest = new Map<string, OutboxMessage>();
  for (const message of unsent) {
    if (going.has(message.id) || !holdsBack(message, now)) continue;
    const first = earliest.get(message.conversationRefId);
    if (!first || inSendOrder(message, first) < 0) earliest.set(message.conversationRefId, message);
  }
  return candidates.filter((c) => {
    const first = earliest.get(c.conversationRefId);
    return !first || inSendOrder(first, c) > 0;
  });
}
