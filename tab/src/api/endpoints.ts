/** The API calls the tab makes, one function per endpoint. */
import type { ApiClient } from './client';
import type { ItemList, Me, MeetingView, Person, TopicQuery, TopicView } from './types';

/** Who is signed in (or simulated in local mode) and the server's mode. */
export function getMe(api: ApiClient, signal?: AbortSignal): Promise<Me> {
  return api.get<Me>('/me', undefined, signal);
}

/** The topic register, filtered on the server. */
export async function listTopics(api: ApiClient, query: TopicQuery, signal?: AbortSignal): Promise<TopicView[]> {
  const { sector, kind, status, q, mine } = query;
  const list = await api.get<ItemList<TopicView>>('/topics', { sector, kind, status, q: q?.trim(), mine }, signal);
  return list.items;
}

/** One topic with its focal points. */
export function getTopic(api: ApiClient, id: string, signal?: AbortSignal): Promise<TopicView> {
  return api.get<TopicView>(`/topics/${encodeURIComponent(id)}`, undefined, signal);
}

/** Meetings that have not ended yet, soonest first. */
export async function upcomingMeetings(api: ApiClient, signal?: AbortSignal): Promise<MeetingView[]> {
  const list = await api.get<ItemList<MeetingView>>('/meetings', { upcoming: true }, signal);
  return list.items;
}

/** Everyone in the register (for the local-mode "Viewing as" picker). */
export async function listPeople(api: ApiClient, signal?: AbortSignal): Promise<Person[]> {
  const list = await api.get<ItemList<Person>>('/people', undefined, signal);
  return list.items;
}
