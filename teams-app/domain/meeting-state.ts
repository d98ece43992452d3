import type { MeetingState } from './entities';
import { AppError } from './errors';

/** The allowed moves of a meeting through its cycle (DESIGN.md, "The cycle"). */
const TRANSITIONS: Record<MeetingState, readonly MeetingState[]> = {
  scheduled: ['open', 'cancelled'],
  open: ['closed', 'cancelled'],
  closed: ['agenda-draft', 'open', 'cancelled'],
  'agenda-draft': ['agenda-published', 'agenda-draft', 'open', 'cancelled'],
  'agenda-published': ['held', 'agenda-draft', 'cancelled'],
  held: ['minutes-draft'],
  'minutes-draft': ['minutes-approved', 'minutes-draft'],
  'minutes-approved': [],
  cancelled: [],
};

/** True when a meeting may move from one state to another. */
export function canTransition(from: MeetingState, to: MeetingState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Returns the next state, or throws `meeting.invalid-transition` naming both states. */
export function transition(from: MeetingState, to: MeetingState): MeetingState {
  if (!canTransition(from, to)) {
    throw new AppError('meeting.invalid-transition', `A meeting cannot go from "${from}" to "${to}".`, { from, to });
  }
  return to;
}

/** The states in which a meeting may still be moved or cancelled: it has not been held. */
export const BEFORE_HELD: readonly MeetingState[] = ['scheduled', 'open', 'closed', 'agenda-draft', 'agenda-published'];

/** The states in which focal points may still send (possibly late) updates. */
export function acceptsUpdates(state: MeetingState): boolean {
  return (
    state === 'scheduled' ||
    state === 'open' ||
    state === 'closed' ||
    state === 'agenda-draft' ||
    state === 'agenda-published'
  );
}

/**
 * The state reached by walking a path of moves (states already passed are skipped), or
 * `meeting.invalid-transition` for the first move that is not allowed.
 */
export function walk(from: MeetingState, ...path: MeetingState[]): MeetingState {
  let current = from;
  for (const to of path) if (current !== to) current = transition(current, to);
  return current;
}
