import { AppError, type Meeting } from '../domain';
import type { Store, Stored } from '../store';

/** A meeting by id, or `meeting.not-found`. */
export async function requireMeeting(store: Pick<Store, 'meetings'>, id: string): Promise<Stored<Meeting>> {
  const meeting = await store.meetings.get(id);
  if (!meeting) throw new AppError('meeting.not-found', `There is no meeting "${id}".`, { id });
  return meeting;
}
