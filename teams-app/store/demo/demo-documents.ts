/**
 * The documents of the demo's past meeting as its cycle left them: the agenda compiled from the meeting's updates and
 * published the day before, the minutes compiled at its end, its actions added in the review, then approved. Built
 * with the domain's own compilers and review edits from the records the seed writes, so they agree with them; the
 * same input gives the same documents. No .docx is rendered at seeding: the versions name no file.
 */
import {
  AppError,
  addAction,
  captureChat,
  compileAgenda,
  compileMinutes,
  type Action,
  type Agenda,
  type Assignment,
  type DocumentVersion,
  type Meeting,
  type Minutes,
  type Person,
  type StatusUpdate,
  type Topic,
} from '../../domain';

/** The register and the meeting's records the documents are compiled from. */
export interface PastMeetingRecords {
  meeting: Meeting;
  topics: readonly Topic[];
  assignments: readonly Assignment[];
  people: readonly Person[];
  /** The updates sent for the meeting. */
  updates: readonly StatusUpdate[];
  /** The actions its approved minutes recorded, in the order the minutes list them (`<meeting>.a1` first). */
  actions: readonly Action[];
}

/** Who prepared the meeting: the secretariat compiles and publishes the agenda, the chair approves the minutes. */
export interface PastMeetingStaff {
  secretariatId: string;
  chairId: string;
}

/** The documents' contents and their version records, to write with the meeting. */
export interface PastMeetingDocuments {
  agenda: Agenda;
  minutes: Minutes;
  versions: DocumentVersion[];
}

const DAY_MS = 864e5;

function shifted(instant: string, ms: number): string {
  return new Date(Date.parse(instant) + ms).toISOString();
}

/** The minutes item and sub-item an action on `topicId` goes under: the topic's own sub-item. */
function placeOfTopic(minutes: Minutes, topicId: string | null): { item: number; sub: number } {
  for (const item of minutes.items) {
    const sub = topicId ? item.subItems.indexOf(topicId) : -1;
    if (sub >= 0) return { item: item.number, sub: sub + 1 };
  }
  throw new AppError('request.invalid', `The agenda has no sub-item for topic "${topicId ?? ''}".`, { topicId });
}

/**
 * The published agenda and approved minutes of a held meeting: the agenda compiled a day before the start and
 * published two hours later, the minutes (attendance: the chair, the secretariat, those who reported or took an
 * action) compiled and approved when the actions were recorded (their `createdAt`).
 */
export function pastMeetingDocuments(records: PastMeetingRecords, staff: PastMeetingStaff): PastMeetingDocuments {
  const { meeting } = records;
  const compiledAt = shifted(meeting.start, -DAY_MS);
  const publishedAt = shifted(compiledAt, 2 * 36e5);
  const approvedAt = records.actions[0]?.createdAt ?? meeting.end;
  const agenda = compileAgenda({
    meeting,
    topics: [...records.topics],
    assignments: [...records.assignments],
    people: [...records.people],
    updates: [...records.updates],
    actions: [],
    now: compiledAt,
  });
  const chair = records.people.find((p) => p.id === staff.chairId);
  const by = { personId: staff.chairId, name: chair?.name ?? staff.chairId };
  // Present: the chair, the secretariat, and everyone who reported for the meeting or took an action from it.
  const present = new Set([
    staff.chairId,
    staff.secretariatId,
    ...records.updates.map((u) => u.authorId),
    ...records.actions.map((a) => a.ownerId),
  ]);
  const participants = records.people
    .filter((p) => present.has(p.id))
    .map((p) => ({ id: p.id, name: p.name, aadObjectId: p.aadObjectId }));
  const compiled = compileMinutes({
    meeting,
    agenda,
    captured: captureChat([]),
    participants,
    updates: records.updates,
    topics: records.topics,
    people: records.people,
    now: approvedAt,
  });
  const minutes = records.actions.reduce(
    (draft, action) =>
      addAction(
        draft,
        {
          ...placeOfTopic(draft, action.topicId),
          text: action.text,
          ownerId: action.ownerId,
          ownerName: action.ownerName,
          due: action.due,
        },
        by,
        approvedAt,
      ),
    compiled,
  );
  const version = (kind: 'agenda' | 'minutes', content: Agenda | Minutes): DocumentVersion => ({
    id: `${meeting.id}.${kind}.v1`,
    meetingId: meeting.id,
    kind,
    version: 1,
    status: 'published',
    content,
    file: null,
    addendumFile: null,
    createdAt: kind === 'agenda' ? compiledAt : approvedAt,
    createdBy: kind === 'agenda' ? staff.secretariatId : staff.chairId,
    publishedAt: kind === 'agenda' ? publishedAt : approvedAt,
    publishedBy: kind === 'agenda' ? staff.secretariatId : staff.chairId,
  });
  return { agenda, minutes, versions: [version('agenda', agenda), version('minutes', minutes)] };
}
