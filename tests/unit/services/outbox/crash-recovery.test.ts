import type { OutboxMessage } from '../../../../teams-app/domain';
import { recoverInterrupted } from '../../../../teams-app/services/outbox';

const now = '2026-03-01T09:05:00.000Z';

function interrupted(overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    id: 'prompt:m1:p1:t1:BR',
    kind: 'prompt',
    meetingId: 'm1',
    personId: 'p1',
    topicId: 't1',
    conversationRefId: 'personal.p1',
    activity: { type: 'message', text: 'hello' },
    replaceActivityId: null,
    status: 'sending',
    attempts: 1,
    notBefore: '2026-03-01T09:00:00.000Z',
    leaseUntil: '2026-03-01T09:02:00.000Z',
    lastError: null,
    sentActivityId: null,
    createdAt: '2026-03-01T09:00:00.000Z',
    sentAt: null,
    ...overrides,
  };
}

describe('recoverInterrupted', () => {
  it('sends an interrupted card update again, since replacing a card twice is harmless', () => {
    const next = recoverInterrupted(interrupted({ replaceActivityId: '1:abc' }), now, 'fail', 10);
    expect(next).toMatchObject({ status: 'pending', notBefore: now, leaseUntil: null, attempts: 1 });
  });

  it('resends an interrupted new message under the at-least-once policy and flags a possible duplicate', () => {
    const next = recoverInterrupted(interrupted(), now, 'resend', 10);
    expect(next).toMatchObject({ status: 'pending', notBefore: now, leaseUntil: null });
    expect(next.lastError).toContain('possibly a duplicate');
  });

  it('fails an interrupted new message under the at-most-once policy so nobody gets it twice', () => {
    const next = recoverInterrupted(interrupted(), now, 'fail', 10);
    expect(next).toMatchObject({ status: 'failed', leaseUntil: null });
    expect(next.lastError).toContain('not resent');
  });

  it('stops recovering a message that has used up its attempts', () => {
    expect(recoverInterrupted(interrupted({ attempts: 10 }), now, 'resend', 10).status).toBe('failed');
  });
});
