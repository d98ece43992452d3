import {
  AppError,
  SectorId,
  collectionWindow,
  type Assignment,
  type CollectionWindow,
  type Meeting,
  type Person,
  type Topic,
} from '../domain';
import type { Store, Stored } from '../store';

/** A focal-point slot of a topic as the register shows it. */
export interface TopicSector {
  sector: SectorId;
  focalPoint: { id: string; name: string } | null;
  alternate: { id: string; name: string } | null;
  iscgCoordinator: boolean;
  vacant: boolean;
}

/** A topic with its focal points, for the register. */
export interface TopicView extends Stored<Topic> {
  assignments: TopicSector[];
}

/** A meeting with its collection window. */
export interface MeetingView extends Stored<Meeting> {
  collection: CollectionWindow;
}

/** Filters of the topic register. */
export interface TopicFilter {
  sector?: SectorId;
  kind?: Topic['kind'];
  status?: Topic['status'];
  q?: string;
  personId?: string;
}

/** Read side of the register: topics, people, assignments and meetings, joined for display. */
export class RegisterService {
  constructor(private readonly store: Store) {}

  private async peopleById(): Promise<Map<string, Stored<Person>>> {
    return new Map((await this.store.people.all()).map((p) => [p.id, p]));
  }

  private view(topic: Stored<Topic>, assignments: Assignment[], people: Map<string, Person>): TopicView {
    const ref = (id: string | null) => {
      const p = id ? people.get(id) : undefined;
      return p ? { id: p.id, name: p.name } : null;
    };
    return {
      ...topic,
      assignments: assignments
        .filter((a) => a.topicId === topic.id)
        .sort((a, b) => SectorId.options.indexOf(a.sector) - SectorId.options.indexOf(b.sector))
        .map((a) => ({
          sector: a.sector,
          focalPoint: ref(a.focalPointId),
          alternate: ref(a.alternateId),
          iscgCoordinator: a.iscgCoordinator,
          vacant: a.focalPointId === null,
        })),
    };
  }

  /** The topic register, filtered; text search covers titles in every language and resolution numbers. */
  async listTopics(filter: TopicFilter = {}): Promise<TopicView[]> {
    const where: Partial<Record<'kind' | 'status', string>> = {};
    if (filter.kind) where.kind = filter.kind;
    if (filter.status) where.status = filter.status;
    const [topics, assignments, people] = await Promise.all([
      this.store.topics.all({ where }),
      this.store.assignments.all(),
      this.peopleById(),
    ]);
    const q = filter.q?.trim().toLocaleLowerCase();
    return topics
      .filter((t) => !filter.sector || t.sectors.includes(filter.sector))
      .filter(
        (t) =>
          !filter.personId ||
          assignments.some(
            (a) => a.topicId === t.id && (a.focalPointId === filter.personId || a.alternateId === filter.personId),
          ),
      )
      .filter(
        (t) =>
          !q ||
          Object.values(t.title).some((title) => title?.toLocaleLowerCase().includes(q)) ||
          t.resolutions.some((r) => `${r.body} ${r.number ?? ''}`.toLocaleLowerCase().includes(q)),
      )
      .sort((a, b) => a.title.en.localeCompare(b.title.en))
      .map((t) => this.view(t, assignments, people));
  }

  /** One topic with its focal points; `topic.not-found` when the id is unknown. */
  async getTopic(id: string): Promise<TopicView> {
    const topic = await this.store.topics.get(id);
    if (!topic) throw new AppError('topic.not-found', `There is no topic "${id}".`, { id });
    const [assignments, people] = await Promise.all([
      this.store.assignments.all({ where: { topicId: id } }),
      this.peopleById(),
    ]);
    return this.view(topic, assignments, people);
  }

  /** Meetings that have not ended yet, soonest first. */
  async upcomingMeetings(nowIso: string, body?: Meeting['body']): Promise<MeetingView[]> {
    const meetings = await this.store.meetings.all({ where: body ? { body } : {}, orderBy: 'start' });
    return meetings.filter((m) => m.end > nowIso).map((m) => ({ ...m, collection: collectionWindow(m) }));
  }

  /** Every meeting, newest first. */
  async allMeetings(): Promise<MeetingView[]> {
    const meetings = await this.store.meetings.all({ orderBy: 'start', descending: true });
    return meetings.map((m) => ({ ...m, collection: collectionWindow(m) }));
  }

  /** One meeting; `meeting.not-found` when the id is unknown. */
  async getMeeting(id: string): Promise<MeetingView> {
    const meeting = await this.store.meetings.get(id);
    if (!meeting) throw new AppError('meeting.not-found', `There is no meeting "${id}".`, { id });
    return { ...meeting, collection: collectionWindow(meeting) };
  }

  /** People, optionally of one sector. */
  async listPeople(sector?: SectorId): Promise<Stored<Person>[]> {
    const people = await this.store.people.all({ where: sector ? { sector } : {} });
    return people.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** One person; `person.not-found` when the id is unknown. */
  async getPerson(id: string): Promise<Stored<Person>> {
    const p = await this.store.people.get(id);
    if (!p) throw new AppError('person.not-found', `There is no person "${id}".`, { id });
    return p;
  }

  /** The person signed in to Teams with this AAD object id, or null when they are not in the register. */
  async personByAadId(aadObjectId: string): Promise<Stored<Person> | null> {
    const page = await this.store.people.list({ where: { aadObjectId }, pageSize: 1 });
    return page.items[0] ?? null;
  }

  /** Assignments, filtered by topic or person. */
  async listAssignments(filter: { topicId?: string; personId?: string }): Promise<Stored<Assignment>[]> {
    if (filter.personId) {
      const [asFocal, asAlternate] = await Promise.all([
        this.store.assignments.all({ where: { focalPointId: filter.personId } }),
        this.store.assignments.all({ where: { alternateId: filter.personId } }),
      ]);
      return [...asFocal, ...asAlternate].filter((a) => !filter.topicId || a.topicId === filter.topicId);
    }
    return this.store.assignments.all({ where: filter.topicId ? { topicId: filter.topicId } : {} });
  }

  /** The topics a person answers for (as focal point or alternate), with the next meeting that collects updates. */
  async myTopics(
    personId: string,
    nowIso: string,
  ): Promise<{
    topics: { topic: TopicView; role: 'focal-point' | 'alternate'; sector: SectorId }[];
    nextMeeting: MeetingView | null;
  }> {
    const assignments = await this.listAssignments({ personId });
    const all = await this.listTopics();
    const byId = new Map(all.map((t) => [t.id, t]));
    const topics = assignments
      .map((a) => ({
        topic: byId.get(a.topicId),
        role: a.focalPointId === personId ? ('focal-point' as const) : ('alternate' as const),
        sector: a.sector,
      }))
      .filter(
        (x): x is { topic: TopicView; role: 'focal-point' | 'alternate'; sector: SectorId } => x.topic !== undefined,
      )
      .sort((a, b) =>
        a.role === b.role ? a.topic.title.en.localeCompare(b.topic.title.en) : a.role === 'focal-point' ? -1 : 1,
      );
    const upcoming = await this.upcomingMeetings(nowIso);
    const nextMeeting = upcoming.find((m) => m.start > nowIso && m.state !== 'minutes-approved') ?? null;
    return { topics, nextMeeting };
  }
}
