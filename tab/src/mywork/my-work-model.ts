/**
 * What "My work" shows, worked out from the register, the next meeting's tracker and updates: the slots (topic ×
 * sector) the person answers for, as focal point or alternate, and where each update stands.
 */
import type { MeetingView, PersonRef, SectorId, TopicView, TrackerRowView, UpdateView } from '../api';

/** Where one of my updates stands, as the person reads it. */
export type SlotState = 'not-asked' | 'to-answer' | 'answered' | 'late';
export const SLOT_STATES: readonly SlotState[] = ['to-answer', 'late', 'not-asked', 'answered'];

/** Where the collection window stands now. */
export type WindowPhase = 'before' | 'open' | 'closed';

/** One topic × sector I answer for. */
export interface MySlot {
  topic: TopicView;
  sector: SectorId;
  role: 'focal' | 'alternate';
  /** The other person of the slot: my alternate when I am the focal point, the focal point when I am the alternate. */
  partner: PersonRef | null;
  state: SlotState;
  /** The update sent for the meeting, if any. */
  update: UpdateView | null;
  /** Who answered (when not me), by name. */
  answeredBy: string | null;
  /**
   * Who is asked this time when it is not the usual one: `partner` when my prompt went to my alternate (I delegated,
   * or I am away), `me` when the focal point's went to me; null otherwise.
   */
  handover: 'partner' | 'me' | null;
}

/** The phase of a meeting's collection window at `nowMs`. */
export function windowPhase(meeting: Pick<MeetingView, 'collection'>, nowMs: number): WindowPhase {
  if (nowMs < Date.parse(meeting.collection.opensAt)) return 'before';
  if (nowMs < Date.parse(meeting.collection.closesAt)) return 'open';
  return 'closed';
}

/**
 * The state of a slot: answered once an update is stored (even after the window); else late once the window has
 * closed; else to answer once the prompt went out (or the window is open); else not asked yet.
 */
export function slotState(
  row: Pick<TrackerRowView, 'status'> | undefined,
  hasUpdate: boolean,
  phase: WindowPhase,
): SlotState {
  if (hasUpdate || row?.status === 'answered' || row?.status === 'no-change' || row?.status === 'late')
    return 'answered';
  if (phase === 'closed') return 'late';
  if (phase === 'open' || row?.status === 'pending' || row?.status === 'undeliverable') return 'to-answer';
  return 'not-asked';
}

/** My slots, focal point ones first, each list in the order of `compare` (titles in the reader's language). */
export function mySlots(
  personId: string,
  topics: readonly TopicView[],
  context: {
    rows: readonly TrackerRowView[];
    updates: readonly UpdateView[];
    phase: WindowPhase;
    compare: (a: TopicView, b: TopicView) => number;
  },
): MySlot[] {
  const key = (topicId: string, sector: string) => `${topicId}.${sector}`;
  const rows = new Map(context.rows.map((r) => [key(r.topicId, r.sector), r]));
  const updates = new Map(context.updates.map((u) => [key(u.topicId, u.sector), u]));
  const slots: MySlot[] = [];
  for (const topic of topics) {
    for (const a of topic.assignments) {
      const role = a.focalPoint?.id === personId ? 'focal' : a.alternate?.id === personId ? 'alternate' : null;
      if (!role) continue;
      const row = rows.get(key(topic.id, a.sector));
      const update = updates.get(key(topic.id, a.sector)) ?? null;
      const answeredBy = update && update.authorId !== personId ? (row?.answeredByName ?? null) : null;
      const asked = row?.personId ?? null;
      const partner = role === 'focal' ? a.alternate : a.focalPoint;
      const handover =
        role === 'focal' && asked !== null && asked === partner?.id
          ? 'partner'
          : role === 'alternate' && asked === personId
            ? 'me'
            : null;
      slots.push({
        topic,
        sector: a.sector,
        role,
        partner,
        state: slotState(row, update !== null, context.phase),
        update,
        answeredBy,
        handover,
      });
    }
  }
  return slots.sort((a, b) => (a.role === b.role ? context.compare(a.topic, b.topic) : a.role === 'focal' ? -1 : 1));
}

/** How many of `slots` are in each state. */
export function countStates(slots: readonly MySlot[]): Record<SlotState, number> {
  const counts: Record<SlotState, number> = { 'not-asked': 0, 'to-answer': 0, answered: 0, late: 0 };
  for (const slot of slots) counts[slot.state] += 1;
  return counts;
}
