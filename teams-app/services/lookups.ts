import { Agenda, AppError, acceptsUpdates, type Meeting } from '../domain';
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

/** The meeting that collects next: the soonest upcoming meeting not yet held. */
export async function nextMeeting(store: Pick<Store, 'meetings'>, now: string): Promise<Stored<Meeting> | null> {
  const meetings = await store.meetings.all({ orderBy: 'start' });
  return meetings.find((m) => m.start > now && acceptsUpdates(m.state)) ?? null;
}

/** Finds a meeting by id, by number ("32", "#32", "ISCG-9") or "next" (the default); `meeting.not-found` otherwise. */
export async function resolveMeeting(
  store: Pick<Store, 'meetings'>,
  now: string,
  ref: string | undefined,
): Promise<Stored<Meeting>> {
  const key = (ref ?? 'next').trim().toLowerCase();
  if (key === 'next' || key === '') {
    const next = await nextMeeting(store, now);
    if (!next) throw new AppError('meeting.not-found', 'No upcoming meeting is scheduled.');
    return next;
  }
  const byId = await store.meetings.get(key);
  if (byId) return byId;
  const meetings = await store.meetings.all({ orderBy: 'start' });
  const byNumber = meetings.filter(
    (m) => String(m.number) === key.replace(/^#/, '') || `${m.body}-${m.number}`.toLowerCase() === key,
  );
  const found = byNumber.find((m) => m.body === 'ISC-TF') ?? byNumber[0];
  if (!found) throw new AppError('meeting.not-found', `There is no meeting "${ref}".`, { ref });
  return found;
}
