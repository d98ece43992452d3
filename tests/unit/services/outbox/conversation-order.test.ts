import type { OutboxMessage } from '../../../../teams-app/domain';
import { holdsBack, inConversationOrder } from '../../../../teams-app/services/outbox';

const NOW = Date.parse('2026-03-01T10:00:00.000Z');

/** A message of conversation `c`, created `createdSecond` seconds after a fixed instant. */
function message(id: string, c: string, createdSecond: number, overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    id,
    kind: 'prompt',
    meetingId: 'm1',
    personId: 'p1',
    topicId: 't1',
    conversationRefId: c,
    activity: { type: 'message', text: id },
    replaceActivityId: null,
    status: 'pending',
    attempts: 0,
    notBefore: new Date(NOW - 60_000).toISOString(),
    leaseUntil: null,
    lastError: null,
    sentActivityId: null,
    createdAt: new Date(NOW - 120_000 + createdSecond * 1000).toISOString(),
    sentAt: null,
    ...overrides,
  };
}

const later = new Date(NOW + 30_000).toISOString();

describe('conversation order', () => {
  it('holds back a message behind an earlier one of its conversation that waits on a retry', () => {
    const waiting = message('a', 'c1', 1, { attempts: 1, notBefore: later });
    const due = [message('b', 'c1', 2), message('x', 'c2', 3)];
    expect(inConversationOrder(due, [waiting], NOW).map((m) => m.id)).toEqual(['x']);
  });

  it('holds back a message behind an earlier one being sent, but not behind one going with it', () => {
    const sending = message('a', 'c1', 1, { status: 'sending', attempts: 1, leaseUntil: later });
    expect(inConversationOrder([message('b', 'c1', 2)], [sending], NOW)).toEqual([]);
    const first = message('a', 'c1', 1);
    expect(inConversationOrder([first, message('b', 'c1', 2)], [first], NOW).map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('lets a message go before an earlier one scheduled for later and never tried, or one finished', () => {
    const reminder = message('a', 'c1', 1, { notBefore: later });
    const withdrawn = message('w', 'c1', 0, { status: 'withdrawn' });
    expect(holdsBack(reminder, NOW)).toBe(false);
    expect(holdsBack(withdrawn, NOW)).toBe(false);
    expect(inConversationOrder([message('b', 'c1', 2)], [reminder, withdrawn], NOW).map((m) => m.id)).toEqual(['b']);
  });

  it('never lets a later message hold back an earlier one', () => {
    const laterRetry = message('b', 'c1', 2, { attempts: 1, notBefore: later });
    expect(inConversationOrder([message('a', 'c1', 1)], [laterRetry], NOW).map((m) => m.id)).toEqual(['a']);
  });
});
