/**
 * The register's API calls, one function per endpoint, typed by the domain's response schemas. The first view's calls
 * are not parsed (see `firstViewAnswer`); a topic's details are.
 */
import type { ApiClient } from './client';
import { firstViewAnswer, readAnswer } from './responses';
import type { Me, MeetingView, PersonView, TopicQuery, TopicView } from './types';

/** Who is signed in (or simulated in local mode) and the server's mode. */
export function getMe(api: ApiClient, signal?: AbortSignal): Promise<Me> {
  return firstViewAnswer(api.get('/me', undefined, signal), (s) => s.Me);
}

/** The topic register, filtered on the server. */
export async function listTopics(api: ApiClient, query: TopicQuery, signal?: AbortSignal): Promise<TopicView[]> {
  const { sector, kind, status, q, mine } = query;
  const answer = api.get('/topics', { sector, kind, status, q: q?.trim(), mine }, signal);
  return (await firstViewAnswer(answer, (s) => s.TopicList)).items;
}

/** One topic with its focal points. */
export function getTopic(api: ApiClient, id: string, signal?: AbortSignal): Promise<TopicView> {
  return readAnswer(api.get(`/topics/${encodeURIComponent(id)}`, undefined, signal), (s) => s.TopicView);
}

/** Meetings that have not ended yet, soonest first. */
export async function upcomingMeetings(api: ApiClient, signal?: AbortSignal): Promise<MeetingView[]> {
  return (await firstViewAnswer(api.get('/meetings', { upcoming: true }, signal), (s) => s.MeetingList)).items;
}

/** Everyone in the register (for the local-mode "Viewing as" picker). */
export async function listPeople(api: ApiClient, signal?: AbortSignal): Promise<PersonView[]> {
  return (await firstViewAnswer(api.get('/people', undefined, signal), (s) => s.PersonList)).items;
}
