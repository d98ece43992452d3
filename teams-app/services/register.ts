import {
  AppError,
  SectorId,
  collectionWindow,
  notYetEnded,
  pastMeetings,
  type Assignment,
  type Meeting,
  type MeetingView,
  type Person,
  type Topic,
  type TopicView,
} from '../domain';
import type { Store, Stored } from '../store';

/** Filters of the topic register. */
export interface TopicFilter {
  sector?: SectorId;
  kind?: Topic['kind'];
  status?: Topic['status'];
  q?: string;
  personId?: string;
}

/** The register joined for display, as read at one version of the store; shared and frozen, never changed. */
export interface RegisterSnapshot {
  /** The store's version of topics, assignments and people it was read at. */
  version: string;
  /** Every topic with its focal points, by English title. */
  topics: readonly TopicView[];
  topicsById: ReadonlyMap<string, TopicView>;
  /** Each topic's assignments as stored (ids of focal points and alternates, even of someone not in the register). */
  assignmentsByTopic: ReadonlyMap<string, readonly Stored<Assignment>[]>;
  /** The same assignments by id. */
  assignmentsById: ReadonlyMap<string, Stored<Assignment>>;
  /** Every person, by name. */
  people: readonly Stored<Person>[];
  peopleById: ReadonlyMap<string, Stored<Person>>;
  peopleByAadId: ReadonlyMap<string, Stored<Person>>;
}

/** The collections the register view is made of: a write to any of them makes it read again. */
const REGISTER_COLLECTIONS = ['topics', 'assignments', 'people'] as const;

/** Read side of the register: topics, people, assignments and meetings, joined for display. */
export class RegisterService {
  private cached: { version: string; snapshot: Promise<RegisterSnapshot> } | null = null;

  constructor(private readonly store: Store) {}

  /**
   * The register as of the store's current version, read and joined once per version: a write of a topic, an
   * assignment or a person (by any service, unit of work or process on the same store) makes the next call read
   * it again. Every read of topics and people below answers from it.
   */
  snapshot(): Promise<RegisterSnapshot> {
    // The version is read before the records: a write in between costs one more read, never a stale view.
    const version = this.store.version(...REGISTER_COLLECTIONS);
    if (this.cached?.version !== version) {
      const snapshot = this.read(version);
      this.cached = { version, snapshot };
      snapshot.catch(() => {
        if (this.cached?.snapshot === snapshot) this.cached = null;
      });
      return snapshot;
    }
    return this.cached.snapshot;
  }

  private async read(version: string): Promise<RegisterSnapshot> {
    const [topics, assignments, people] = await Promise.all([
      this.store.topics.all(),
      this.store.assignments.all(),
      this.store.people.all(),
    ]);
    const peopleById = new Map(people.map((p) => [p.id, Object.freeze(p)]));
    const peopleByAadId = new Map<string, Stored<Person>>();
    // People come ordered by id: the first one with an AAD object id keeps it, as a query by that id would find.
    // Someone retired from the register signs in as a stranger.
    for (const p of people) if (!p.retiredAt && !peopleByAadId.has(p.aadObjectId)) peopleByAadId.set(p.aadObjectId, p);
    const assignmentsByTopic = new Map<string, Stored<Assignment>[]>();
    const assignmentsById = new Map<string, Stored<Assignment>>();
    for (const a of assignments) {
      const list = assignmentsByTopic.get(a.topicId) ?? [];
      list.push(Object.freeze(a));
      assignmentsByTopic.set(a.topicId, list);
      assignmentsById.set(a.id, a);
    }
    const views = topics
      .sort((a, b) => a.title.en.localeCompare(b.title.en))
      .map((t) => Object.freeze(this.view(t, assignmentsByTopic.get(t.id) ?? [], peopleById)));
    return {
      version,
      topics: Object.freeze(views),
      topicsById: new Map(views.map((t) => [t.id, t])),
      assignmentsByTopic,
      assignmentsById,
      people: Object.freeze([...people].sort((a, b) => a.name.localeCompare(b.name))),
      peopleById,
      peopleByAadId,
    };
  }

  private view(topic: Stored<Topic>, assignments: readonly Assignment[], people: Map<string, Person>): TopicView {
    const ref = (id: string | null) => {
      const p = id ? people.get(id) : undefined;
      return p ? { id: p.id, name: p.name } : null;
    };
    return {
      ...topic,
      assignments: [...assignments]
        .sort((a, b) => SectorId.options.indexOf(a.sector) - SectorId.options.indexOf(b.sector))
        .map((a) => ({
          sector: a.sector,
          focalPoint: ref(a.focalPointId),
          alternate: ref(a.alternateId),
          iscgCoordinator: a.iscgCoordinator,
          vacant: a.focalPointId === null,
          vacantSince: a.focalPointId === null ? (a.vacantSince ?? null) : null,
        })),
    };
  }

  /** The topic register, filtered; text search covers titles in every language and resolution numbers. */
  async listTopics(filter: TopicFilter = {}): Promise<TopicView[]> {
    const { topics, assignmentsByTopic } = await this.snapshot();
    const q = filter.q?.trim().toLocaleLowerCase();
    return topics.filter(
      (t) =>
        (!filter.kind || t.kind === filter.kind) &&
        (!filter.status || t.status === filter.status) &&
        (!filter.sector || t.sectors.includes(filter.sector)) &&
        (!filter.personId ||
          (assignmentsByTopic.get(t.id) ?? []).some(
            (a) => a.focalPointId === filter.personId || a.alternateId === filter.personId,
          )) &&
        (!q ||
          Object.values(t.title).some((title) => title?.toLocaleLowerCase().includes(q)) ||
          t.resolutions.some((r) => `${r.body} ${r.number ?? ''}`.toLocaleLowerCase().includes(q))),
    );
  }

  /** One topic with its focal points; `topic.not-found` when the id is unknown. */
  async getTopic(id: string): Promise<TopicView> {
    const topic = (await this.snapshot()).topicsById.get(id);
    if (!topic) throw new AppError('topic.not-found', `There is no topic "${id}".`, { id });
    return topic;
  }

  /** Meetings that have not ended yet (under way included), soonest first. */
  async upcomingMeetings(nowIso: string, body?: Meeting['body']): Promise<MeetingView[]> {
    const meetings = await this.store.meetings.all({ where: body ? { body } : {}, orderBy: 'start' });
    return notYetEnded(meetings, Date.parse(nowIso)).map((m) => ({ ...m, collection: collectionWindow(m) }));
  }

  /** Meetings whose end has passed (the archive), newest first: the upcoming ones' complement at the same instant. */
  async pastMeetings(nowIso: string, body?: Meeting['body']): Promise<MeetingView[]> {
    const meetings = await this.store.meetings.all({ where: body ? { body } : {} });
    return pastMeetings(meetings, Date.parse(nowIso)).map((m) => ({ ...m, collection: collectionWindow(m) }));
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

  /** People by name, optionally of one sector. */
  async listPeople(sector?: SectorId): Promise<Stored<Person>[]> {
    const { people } = await this.snapshot();
    return people.filter((p) => !sector || p.sector === sector);
  }

  /** One person; `person.not-found` when the id is unknown. */
  async getPerson(id: string): Promise<Stored<Person>> {
    const p = (await this.snapshot()).peopleById.get(id);
    if (!p) throw new AppError('person.not-found', `There is no person "${id}".`, { id });
    return p;
  }

  /** The person signed in to Teams with this AAD object id, or null when they are not in the register. */
  async personByAadId(aadObjectId: string): Promise<Stored<Person> | null> {
    return (await this.snapshot()).peopleByAadId.get(aadObjectId) ?? null;
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
    const nextMeeting =
      upcoming.find((m) => m.start > nowIso && m.state !== 'minutes-approved' && m.state !== 'cancelled') ?? null;
    return { topics, nextMeeting };
  }
}
