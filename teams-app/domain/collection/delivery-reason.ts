/**
 * Why a tracker row or a person needs attention, as a code: the code is also the message key, so it is shown
 * in the reader's language. The outbox stores a delivery failure as its code followed by a free detail for the
 * logs ("delivery.blocked: app not installed or blocked by the user (403 …)").
 */
export const REASON_CODES = [
  'delivery.not-installed',
  'delivery.blocked',
  'delivery.not-found',
  'delivery.refused',
  'delivery.poison',
  'tracker.no-focal-point',
] as const;

/** A coded reason. */
export type ReasonCode = (typeof REASON_CODES)[number];

/** A coded reason why a prompt could not be delivered. */
export type DeliveryReason = Extract<ReasonCode, `delivery.${string}`>;

/** A reason as read back: its code, or (for text stored before reasons were coded) the text as it was stored. */
export interface Reason {
  reasonCode: ReasonCode | null;
  /** The text stored without a code, shown as it is; null when there is a code. */
  reason: string | null;
}

/** The text the outbox stores for a failed delivery: the reason's code, then the detail for the logs. */
export function deliveryFailure(code: DeliveryReason, detail: string): string {
  return detail ? `${code}: ${detail}` : code;
}

const CODED = /^([a-z]+\.[a-z-]+)(?::|$)/;

/** Reads a stored delivery failure (null: nothing was stored, so Teams refused without saying why). */
export function readDeliveryFailure(stored: string | null): Reason {
  if (stored === null || stored.trim() === '') return { reasonCode: 'delivery.refused', reason: null };
  const code = CODED.exec(stored)?.[1];
  const known = REASON_CODES.find((candidate) => candidate === code);
  return known ? { reasonCode: known, reason: null } : { reasonCode: null, reason: stored };
}
