/** Reads the server's refusal to compile while updates are still missing (`collection.incomplete`). */
import { MEETING_STATES } from '../../../../teams-app/domain/states';
import { refusal, type CollectionIncomplete } from '../../api';

function count(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, Math.trunc(value));
  if (Array.isArray(value)) return value.length;
  return null;
}

/** The counts behind a `collection.incomplete` refusal, or null when `error` is something else. */
export function collectionIncomplete(error: unknown): CollectionIncomplete | null {
  const details = refusal(error, 'collection.incomplete');
  if (!details) return null;
  const expected = count(details.expected) ?? 0;
  const answered = count(details.answered) ?? 0;
  const state = MEETING_STATES.find((s) => s === details.state) ?? null;
  const closesAt =
    typeof details.closesAt === 'string' && !Number.isNaN(Date.parse(details.closesAt)) ? details.closesAt : null;
  return { state, expected, answered, missing: count(details.missing) ?? Math.max(0, expected - answered), closesAt };
}
