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

/** What an English failure stored before reasons were coded says, read as a code (first match wins). */
const LEGACY: readonly [RegExp, DeliveryReason][] = [
  [/blocked|forbidden|\b403\b/i, 'delivery.blocked'],
  [/not installed|no 1:1 conversation/i, 'delivery.not-installed'],
  [/not found|no longer|\b404\b/i, 'delivery.not-found'],
  [/poison|cannot be (?:sent|delivered)|invalid activity/i, 'delivery.poison'],
];

/**
 * Reads a stored delivery failure as a code, shown in the reader's language (null: nothing was stored, so Teams
 * refused without saying why). English text stored before reasons were coded is read by what it says, and as
 * "Teams refused the message" when it says nothing known: never shown in English to a reader of another language.
 */
export function readDeliveryFailure(stored: string | null): Reason {
  if (stored === null || stored.trim() === '') return { reasonCode: 'delivery.refused', reason: null };
  const code = CODED.exec(stored)?.[1];
  const known = REASON_CODES.find((candidate) => candidate === code);
  if (known) return { reasonCode: known, reason: null };
  const legacy = LEGACY.find(([pattern]) => pattern.test(stored))?.[1];
  return { reasonCode: legacy ?? 'delivery.refused', reason: null };
}
