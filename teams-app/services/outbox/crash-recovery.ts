import type { OutboxMessage } from '../../domain';
import { truncate } from './retry-policy';

/**
 * What to do with a new message (not a card update) found in 'sending' after its lease expired — the worker
 * died between marking it 'sending' and recording the connector's answer, so nobody knows whether Teams got it.
 * - 'resend' (default, at-least-once): send again. Nothing is lost; a duplicate appears only if the crash hit
 *   the sub-second window after the connector accepted the post and before 'sent' was written. lastError says so.
 * - 'fail' (at-most-once): mark it 'failed' for a person to check and requeue. Nothing is duplicated.
 * Card updates are always sent again: replacing an activity with the same content is harmless.
 */
export type InterruptedSendPolicy = 'resend' | 'fail';

/** The record to write for a message whose send was interrupted by a crash (its lease expired in 'sending'). */
export function recoverInterrupted(
  message: OutboxMessage,
  nowIso: string,
  policy: InterruptedSendPolicy,
  maxAttempts: number,
): OutboxMessage {
  const base = { ...message, leaseUntil: null };
  if (message.attempts >= maxAttempts) {
    return {
      ...base,
      status: 'failed',
      lastError: truncate(`interrupted during attempt ${message.attempts} of ${maxAttempts}; not retried`),
    };
  }
  if (message.replaceActivityId !== null) {
    return {
      ...base,
      status: 'pending',
      notBefore: nowIso,
      lastError: 'card update interrupted by a restart; updating again',
    };
  }
  if (policy === 'fail') {
    return {
      ...base,
      status: 'failed',
      lastError:
        'interrupted while sending (worker restart); not resent to avoid a duplicate: check the chat and requeue',
    };
  }
  return {
    ...base,
    status: 'pending',
    notBefore: nowIso,
    lastError: 'interrupted while sending (worker restart); resent: possibly a duplicate if Teams had accepted it',
  };
}
