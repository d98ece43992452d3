import { z } from 'zod';
import { detectOverlaps, type CandidateEvent } from '../agenda/event-overlaps';
import { Attendee } from '../minutes/minutes-schema';
import type { Action, Assignment, Decision, Escalation, Event, Meeting, StatusUpdate, Topic } from '../entities';
import { BodyId, DateOnly, Id, Instant, Locale, LocalizedText, SECTORS, SectorId } from '../reference';

/** The period a report covers, both days included; `from` not after `to`. */
export const ReportPeriod = z
  .object({ from: DateOnly, to: DateOnly })
  .refine((period) => period.from <= period.to, { path: ['to'], message: 'The period cannot end before it starts.' });
export type ReportPeriod = z.infer<typeof ReportPeriod>;

/** The calendar year of an instant, the default period of the annual report. */
export function calendarYear(nowIso: string): ReportPeriod {
  const year = nowIso.slice(0, 4);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

const MeetingRef = z.string().max(120);

/** A meeting held in the period, with how many took part from each sector (null without approved minutes). */
export const ReportMeeting = z.object({
  id: Id,
  ref: MeetingRef,
  body: BodyId,
  number: z.number().int(),
  start: Instant,
  end: Instant,
  timeZone: z.string(),
  attendance: z.record(SectorId, z.number().int().min(0)).nullable(),
  total: z.number().int().min(0).nullable(),
});
export type ReportMeeting = z.infer<typeof ReportMeeting>;

/** A focal point's update on a topic, as reported to a meeting of the period. */
export const ReportUpdate = z.object({
  sector: SectorId,
  meetingRef: MeetingRef,
  progress: z.string(),
  nextSteps: z.string(),
  noChange: z.boolean(),
});

/** A topic with the updates of the period, in meeting order. */
export const ReportTopic = z.object({
  topicId: Id,
  title: LocalizedText,
  kind: z.enum(['topic', 'jiu-recommendation', 'working-group']),
  status: z.enum(['active', 'dormant', 'closed']),
  updates: z.array(ReportUpdate),
});
export type ReportTopic = z.infer<typeof ReportTopic>;

/** The annual report to Council on Resolution 191, as compiled from the records (stored as a document version). */
export const AnnualReport = z.object({
  kind: z.literal('annual'),
  from: DateOnly,
  to: DateOnly,
  locale: Locale,
  compiledAt: Instant,
  meetings: z.array(ReportMeeting),
  topics: z.array(ReportTopic),
  decisions: z.array(
    z.object({ id: Id, meetingRef: MeetingRef, topicTitle: LocalizedText.nullable(), text: z.string() }),
  ),
  escalations: z.array(
    z.object({
      id: Id,
      meetingRef: MeetingRef,
      topicTitle: LocalizedText.nullable(),
      sector: SectorId.nullable(),
      ask: z.string(),
      to: z.enum(['ISC-TF', 'CoCo']),
      status: z.enum(['open', 'decided', 'withdrawn']),
    }),
  ),
  events: z.array(
    z.object({
      name: z.string(),
      start: DateOnly,
      end: DateOnly,
      place: z.string(),
      sector: SectorId,
      topicTitle: LocalizedText.nullable(),
      participants: z.number().int().min(0),
    }),
  ),
  overlaps: z.array(
    z.object({
      name: z.string(),
      start: DateOnly,
      end: DateOnly,
      sectors: z.array(SectorId),
      reason: z.enum(['same-event', 'same-dates-and-topic']),
    }),
  ),
  openActions: z.array(
    z.object({
      id: Id,
      text: z.string(),
      ownerName: z.string(),
      due: DateOnly.nullable(),
      topicTitle: LocalizedText.nullable(),
      meetingRef: MeetingRef,
    }),
  ),
  vacancies: z.array(z.object({ topicTitle: LocalizedText, sector: SectorId })),
});
export type AnnualReport = z.infer<typeof AnnualReport>;

/** The records an annual report is compiled from. */
export interface AnnualReportInput {
  period: ReportPeriod;
  locale: Locale;
  now: string;
  meetings: readonly Meeting[];
  /** The attendance of each meeting's approved minutes, by meeting id. */
  attendance: ReadonlyMap<string, readonly Attendee[]>;
  topics: readonly Topic[];
  assignments: readonly Assignment[];
  updates: readonly StatusUpdate[];
  decisions: readonly Decision[];
  escalations: readonly Escalation[];
  events: readonly Event[];
  actions: readonly Action[];
}

/** The day after a date, for half-open comparisons with instants. */
function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 864e5).toISOString().slice(0, 10);
}

/** True when a meeting took place in the period: not cancelled, started in it and before the report was compiled. */
export function heldInPeriod(meeting: Meeting, period: ReportPeriod, now: string): boolean {
  return (
    meeting.state !== 'cancelled' &&
    meeting.start >= period.from &&
    meeting.start < dayAfter(period.to) &&
    meeting.start <= now
  );
}

function attendanceBySector(attendees: readonly Attendee[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(SECTORS.map((sector) => [sector, 0]));
  for (const attendee of attendees) {
    if (attendee.present && !attendee.guest && attendee.sector)
      counts[attendee.sector] = (counts[attendee.sector] ?? 0) + 1;
  }
  return counts;
}

/**
 * Compiles the annual report: the meetings held in the period with attendance by sector, each topic's updates,
 * the decisions and escalations of those meetings, the events reported and the overlaps among them, the actions
 * still open and the vacant focal points.
 */
export function compileAnnualReport(input: AnnualReportInput): AnnualReport {
  const { period, now } = input;
  const held = input.meetings
    .filter((meeting) => heldInPeriod(meeting, period, now))
    .sort((a, b) => a.start.localeCompare(b.start));
  const heldIds = new Set(held.map((m) => m.id));
  const meetingsById = new Map(input.meetings.map((m) => [m.id, m]));
  const ref = (id: string) => {
    const meeting = meetingsById.get(id);
    return meeting ? `${meeting.body}-${meeting.number}` : id;
  };
  const order = new Map(held.map((m, i) => [m.id, i]));
  const topicsById = new Map(input.topics.map((t) => [t.id, t]));
  const titleOf = (id: string | null) => (id ? (topicsById.get(id)?.title ?? null) : null);

  const meetings = held.map((meeting) => {
    const attendees = input.attendance.get(meeting.id);
    const attendance = attendees ? attendanceBySector(attendees) : null;
    return {
      id: meeting.id,
      ref: ref(meeting.id),
      body: meeting.body,
      number: meeting.number,
      start: meeting.start,
      end: meeting.end,
      timeZone: meeting.timeZone,
      attendance,
      total: attendance ? Object.values(attendance).reduce((sum, n) => sum + n, 0) : null,
    };
  });

  const updates = input.updates
    .filter((u) => heldIds.has(u.meetingId))
    .sort(
      (a, b) =>
        (order.get(a.meetingId) ?? 0) - (order.get(b.meetingId) ?? 0) ||
        SECTORS.indexOf(a.sector) - SECTORS.indexOf(b.sector),
    );
  const topics = [...input.topics]
    .filter((t) => t.status !== 'closed' || updates.some((u) => u.topicId === t.id))
    .sort((a, b) => a.title.en.localeCompare(b.title.en))
    .map((topic) => ({
      topicId: topic.id,
      title: topic.title,
      kind: topic.kind,
      status: topic.status,
      updates: updates
        .filter((u) => u.topicId === topic.id)
        .map((u) => ({
          sector: u.sector,
          meetingRef: ref(u.meetingId),
          progress: u.progress,
          nextSteps: u.nextSteps,
          noChange: u.noChange,
        })),
    }));

  const byMeeting = <T extends { meetingId: string }>(a: T, b: T) =>
    (order.get(a.meetingId) ?? 0) - (order.get(b.meetingId) ?? 0);
  const decisions = input.decisions
    .filter((d) => heldIds.has(d.meetingId))
    .sort(
      (a, b) =>
        byMeeting(a, b) || (a.agendaItem ?? 0) - (b.agendaItem ?? 0) || a.recordedAt.localeCompare(b.recordedAt),
    )
    .map((d) => ({ id: d.id, meetingRef: ref(d.meetingId), topicTitle: titleOf(d.topicId), text: d.text }));
  const escalations = input.escalations
    .filter((e) => heldIds.has(e.meetingId))
    .sort((a, b) => byMeeting(a, b) || a.raisedAt.localeCompare(b.raisedAt))
    .map((e) => ({
      id: e.id,
      meetingRef: ref(e.meetingId),
      topicTitle: titleOf(e.topicId),
      sector: e.sector,
      ask: e.ask,
      to: e.to,
      status: e.status,
    }));

  // Events: those reported with the period's updates and those recorded on their own, starting in the period.
  const candidates: CandidateEvent[] = [];
  const seen = new Set<string>();
  const add = (event: Omit<CandidateEvent, 'overlapId' | 'late' | 'topicTitle'> & { topicId: string }) => {
    const key = `${event.sector}|${event.name.toLowerCase()}|${event.start}|${event.end}`;
    if (seen.has(key) || event.start < period.from || event.start > period.to) return;
    seen.add(key);
    candidates.push({
      ...event,
      topicTitle: titleOf(event.topicId) ?? { en: event.topicId },
      overlapId: null,
      late: false,
    });
  };
  for (const update of updates) {
    update.events.forEach((event, i) =>
      add({ ...event, key: `${update.id}#${i}`, sector: update.sector, topicId: update.topicId, updateId: update.id }),
    );
  }
  for (const event of input.events) {
    add({ ...event, key: event.id, topicId: event.topicId ?? 'none', updateId: event.id });
  }
  const events = [...candidates]
    .sort((a, b) => a.start.localeCompare(b.start) || a.name.localeCompare(b.name))
    .map((e) => ({
      name: e.name,
      start: e.start,
      end: e.end,
      place: e.place,
      sector: e.sector,
      topicTitle: titleOf(e.topicId),
      participants: e.participants,
    }));
  const overlaps = detectOverlaps(candidates).map((o) => ({
    name: o.name,
    start: o.start,
    end: o.end,
    sectors: o.sectors,
    reason: o.reason,
  }));

  const openActions = input.actions
    .filter((a) => a.status === 'open' && a.createdAt.slice(0, 10) <= period.to)
    .sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.id.localeCompare(b.id))
    .map((a) => ({
      id: a.id,
      text: a.text,
      ownerName: a.ownerName,
      due: a.due,
      topicTitle: titleOf(a.topicId),
      meetingRef: ref(a.sourceMeetingId),
    }));

  const vacancies = input.assignments
    .filter((a) => a.focalPointId === null && topicsById.get(a.topicId)?.status === 'active')
    .map((a) => ({ topicTitle: titleOf(a.topicId) ?? { en: a.topicId }, sector: a.sector }))
    .sort(
      (a, b) => a.topicTitle.en.localeCompare(b.topicTitle.en) || SECTORS.indexOf(a.sector) - SECTORS.indexOf(b.sector),
    );

  return AnnualReport.parse({
    kind: 'annual',
    from: period.from,
    to: period.to,
    locale: input.locale,
    compiledAt: now,
    meetings,
    topics,
    decisions,
    escalations,
    events,
    overlaps,
    openActions,
    vacancies,
  });
}
