import { Agenda, AppError, type Meeting } from '../domain';
import type { Store, Stored } from '../store';

/** A meeting by id, or `meeting.not-found`. */
export async function requireMeeting(store: Pick<Store, 'meetings'>, id: string): Promise<Stored<Meeting>> {
  const meeting = await store.meetings.get(id);
  if (!meeting) throw new AppError('meeting.not-found', `There is no meeting "${id}".`, { id });
  return meeting;
}

/** The agenda a meeting runs on (its newest published version), or null before publication. */
export async function publishedAgenda(store: Pick<Store, 'documents'>, meetingId: string): Promise<Agenda | null> {
  const versions = await store.documents.all({ where: { meetingId, kind: 'agenda' } });
  const published = versions.filter((v) => v.status === 'published').sort((a, b) => b.version - a.version)[0];
  return published ? Agenda.parse(published.content) : null;
}
