import { collectionWindow, walk, type Meeting } from '../../domain';
import { write, type Stored } from '../../store';
import { requireMeeting } from '../lookups';
import { MEETINGS_COLLECTING, type CollectionDeps } from './collection-deps';
import { openCollection } from './open-collection';
import { queuePrompts } from './prompts';
import { remind } from './reminders';
import { targetsOf } from './targets';

/** What one scheduler pass did. */
export interface TickResult {
  opened: string[];
  reminded: number;
  closed: string[];
  prompted: number;
}

/**
 * One scheduler pass over every meeting: opens windows that are due, queues prompts an interrupted opening
 * left out, sends the due reminder once, closes windows that have ended. Safe to run any number of times
 * and after downtime.
 */
export async function collectionTick(deps: CollectionDeps): Promise<TickResult> {
  const now = deps.now();
  const result: TickResult = { opened: [], reminded: 0, closed: [], prompted: 0 };
  const meetings = await deps.store.meetings.all({ orderBy: 'start' });
  for (const meeting of meetings.filter((m) => MEETINGS_COLLECTING.includes(m.state))) {
    const window = collectionWindow(meeting);
    let current: Stored<Meeting> = meeting;
    if (current.state === 'scheduled' && now >= window.opensAt && now < window.closesAt) {
      current = (await openCollection(deps, current.id, 'scheduler')).meeting;
      result.opened.push(current.id);
    } else if (current.state === 'open' && now < window.closesAt) {
      result.prompted += (await queuePrompts(deps, current, await targetsOf(deps, current))).queued;
    }
    if (current.state === 'open' && now >= window.closesAt) {
      current = await closeCollection(deps, current);
      result.closed.push(current.id);
    }
    if (current.state === 'open') result.reminded += await remind(deps, current);
  }
  return result;
}

/** Closes collection at the end of the window (the scheduler); the audit entry is written with the move. */
async function closeCollection(
  deps: Pick<CollectionDeps, 'store' | 'now'>,
  meeting: Stored<Meeting>,
): Promise<Stored<Meeting>> {
  await deps.store.commit([
    write.update('meetings', { ...meeting, state: walk(meeting.state, 'closed') }),
    write.ensure('audit', {
      id: `collection.close:${meeting.id}:${meeting.reopenedAt ?? 'first'}`,
      at: deps.now(),
      actorId: 'scheduler',
      action: 'collection.close',
      entity: 'meetings',
      entityId: meeting.id,
      detail: '',
    }),
  ]);
  return requireMeeting(deps.store, meeting.id);
}
