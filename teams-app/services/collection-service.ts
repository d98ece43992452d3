import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  AppError,
  PlannedEvent,
  UPDATE_LIMITS,
  acceptsUpdates,
  buildTracker,
  collectionWindow,
  dueReminderIndex,
  isAppError,
  outboxKeys,
  pendingTargets,
  promptTargets,
  slotKey,
  walk,
  TRACKER_STATUSES,
  type TrackerStatus,
  type ConversationRef,
  type Meeting,
  type OutboxMessage,
  type Person,
  type PromptTarget,
  type Role,
  type SectorId,
  type StatusUpdate,
  type Topic,
} from '../domain';
import { write, type Store, type Stored, type WriteOp } from '../store';
import type { CollectionMessages, PromptData, TrackerView } from './collection-messages';
import { requireMeeting } from './lookups';
import { Outbox } from './outbox/outbox';

/** Who acts: a person from the register, or the scheduler. */
export type Actor = { personId: string; roles: Role[] } | 'scheduler';

/** What a focal point sends from the card or the API. */
export const SubmitInput = z.object({
  meetingId: z.string().min(1).max(100),
  topicId: z.string().min(1).max(100),
  sector: z.enum(['BR', 'TSB', 'BDT', 'GS']),
  baseRevision: z.coerce.number().int().min(0).default(0),
  noChange: z.boolean().default(false),
  progress: z.string().default(''),
  nextSteps: z.string().default(''),
  escalate: z.boolean().default(false),
  ask: z.string().default(''),
  events: z.array(PlannedEvent).max(20).default([]),
});
export type SubmitInput = z.input<typeof SubmitInput>;

/** Someone a prompt could not reach, and why. */
export interface UndeliverablePerson {
  personId: string;
  name: string;
  reason: string;
}

/** What opening (or re-opening) collection did: prompts queued now, and everyone who cannot be reached. */
export interface OpenResult {
  meeting: Stored<Meeting>;
  queued: number;
  undeliverable: number;
  undeliverablePeople: UndeliverablePerson[];
  reopened: boolean;
}

/** The result of a submission. */
export interface SubmitResult {
  update: Stored<StatusUpdate>;
  outcome: 'created' | 'revised' | 'unchanged';
  meeting: Meeting;
  topic: Topic;
}

const MEETINGS_COLLECTING: Meeting['state'][] = ['scheduled', 'open'];

function checkLength(field: keyof typeof UPDATE_LIMITS, value: string): string {
  const text = value.trim();
  const max = UPDATE_LIMITS[field];
  if (text.length > max) {
    throw new AppError('update.too-long', `${field} is ${text.length} characters long; the limit is ${max}.`, {
      field,
      max,
      length: text.length,
    });
  }
  return text;
}

function sameContent(
  a: StatusUpdate,
  b: Pick<StatusUpdate, 'progress' | 'nextSteps' | 'noChange' | 'escalation' | 'events'>,
): boolean {
  return (
    a.progress === b.progress &&
    a.nextSteps === b.nextSteps &&
    a.noChange === b.noChange &&
    a.escalation.flag === b.escalation.flag &&
    a.escalation.ask === b.escalation.ask &&
    JSON.stringify(a.events) === JSON.stringify(b.events)
  );
}

/**
 * Status collection: opens a meeting's window, queues one prompt per person and topic in the outbox,
 * takes submissions (edits, late updates, no change, delegation), reminds those who have not answered
 * and reports the tracker.
 */
export class CollectionService {
  private readonly outbox: Outbox;

  constructor(
    private readonly store: Store,
    private readonly messages: CollectionMessages,
    private readonly now: () => string,
  ) {
    this.outbox = new Outbox(store, { now: () => Date.parse(now()) });
  }

  private meeting(id: string): Promise<Stored<Meeting>> {
    return requireMeeting(this.store, id);
  }

  private async person(id: string): Promise<Stored<Person>> {
    const person = await this.store.people.get(id);
    if (!person) throw new AppError('person.not-found', `There is no person "${id}".`, { id });
    return person;
  }

  /** The meeting that collects next: the soonest upcoming meeting not yet held. */
  async nextMeeting(): Promise<Stored<Meeting> | null> {
    const now = this.now();
    const meetings = await this.store.meetings.all({ orderBy: 'start' });
    return meetings.find((m) => m.start > now && acceptsUpdates(m.state)) ?? null;
  }

  /** Finds a meeting by id, by number ("32") or "next". */
  async resolveMeeting(ref: string | undefined): Promise<Stored<Meeting>> {
    const key = (ref ?? 'next').trim().toLowerCase();
    if (key === 'next' || key === '') {
      const next = await this.nextMeeting();
      if (!next) throw new AppError('meeting.not-found', 'No upcoming meeting is scheduled.');
      return next;
    }
    const byId = await this.store.meetings.get(key);
    if (byId) return byId;
    const meetings = await this.store.meetings.all({ orderBy: 'start' });
    const byNumber = meetings.filter(
      (m) => String(m.number) === key.replace(/^#/, '') || `${m.body}-${m.number}`.toLowerCase() === key,
    );
    const found = byNumber.find((m) => m.body === 'ISC-TF') ?? byNumber[0];
    if (!found) throw new AppError('meeting.not-found', `There is no meeting "${ref}".`, { ref });
    return found;
  }

  private async targetsOf(meeting: Meeting): Promise<PromptTarget[]> {
    const [topics, assignments, people, delegations] = await Promise.all([
      this.store.topics.all(),
      this.store.assignments.all(),
      this.store.people.all(),
      this.store.delegations.all({ where: { meetingId: meeting.id } }),
    ]);
    return promptTargets({
      meeting,
      window: collectionWindow(meeting),
      topics,
      assignments,
      people,
      delegations,
      now: this.now(),
    });
  }

  /**
   * Opens collection (secretariat, or the scheduler when the window opens) and queues every prompt; staff may
   * also re-open collection after it closed or after a draft agenda was compiled (that draft is then marked
   * out of date, and collection stays open until the meeting starts). Prompts are queued first and the
   * meeting's state changes last, so a retry or the next tick completes an opening that failed half way.
   */
  async open(meetingId: string, actor: Actor): Promise<OpenResult> {
    if (actor !== 'scheduler' && !actor.roles.includes('secretariat')) {
      throw new AppError('auth.forbidden', 'Only the ISC-TF secretariat can open collection.');
    }
    const meeting = await this.meeting(meetingId);
    const reopening = actor !== 'scheduler' && (meeting.state === 'closed' || meeting.state === 'agenda-draft');
    if (!MEETINGS_COLLECTING.includes(meeting.state) && !reopening) {
      throw new AppError(
        'meeting.invalid-transition',
        `Collection cannot be opened: the meeting is "${meeting.state}".`,
        {
          from: meeting.state,
          to: 'open',
        },
      );
    }
    const target: Stored<Meeting> = {
      ...meeting,
      state: walk(meeting.state, 'open'),
      reopenedAt: reopening ? this.now() : (meeting.reopenedAt ?? null),
    };
    const { queued } = await this.queuePrompts(target, await this.targetsOf(target));
    if (reopening) await this.remindAfterReopening(target);
    if (meeting.state !== 'open') await this.store.commit(await this.openingWrites(meeting, target, actor));
    const now = await this.meeting(meetingId);
    const undeliverablePeople = await this.undeliverablePeople(meetingId);
    return {
      meeting: now,
      queued,
      undeliverable: undeliverablePeople.length,
      undeliverablePeople,
      reopened: reopening,
    };
  }

  /** The meeting's move to open, the draft agenda marked out of date when re-opening, and the audit entry. */
  private async openingWrites(before: Stored<Meeting>, after: Stored<Meeting>, actor: Actor): Promise<WriteOp[]> {
    const writes: WriteOp[] = [write.update('meetings', after)];
    if (before.state === 'agenda-draft') {
      const drafts = await this.store.documents.all({
        where: { meetingId: before.id, kind: 'agenda', status: 'draft' },
      });
      for (const draft of drafts) writes.push(write.update('documents', { ...draft, outOfDate: true }));
    }
    const action = before.state === 'scheduled' ? 'collection.open' : 'collection.reopen';
    writes.push(
      write.ensure('audit', {
        id: `${action}:${before.id}:${after.reopenedAt ?? 'first'}`,
        at: this.now(),
        actorId: actor === 'scheduler' ? 'scheduler' : actor.personId,
        action,
        entity: 'meetings',
        entityId: before.id,
        detail: '',
      }),
    );
    return writes;
  }

  /** After a re-opening, everyone who still has topics to answer is told the new deadline (once per re-opening). */
  private async remindAfterReopening(meeting: Stored<Meeting>): Promise<void> {
    await this.queueReminders(meeting, (personId) => `reopen:${meeting.id}:${personId}:${meeting.reopenedAt}`);
  }

  /** Who could not be reached with a prompt of this meeting, and why (one line per person). */
  async undeliverablePeople(meetingId: string): Promise<UndeliverablePerson[]> {
    const rows = await this.store.outbox.all({ where: { meetingId, status: 'undeliverable', kind: 'prompt' } });
    const people = new Map<string, UndeliverablePerson>();
    for (const row of rows) {
      if (!row.personId || people.has(row.personId)) continue;
      const person = await this.store.people.get(row.personId);
      people.set(row.personId, {
        personId: row.personId,
        name: person?.name ?? row.personId,
        reason: row.lastError ?? 'Teams refused the message.',
      });
    }
    return [...people.values()];
  }

  /**
   * Sends again the prompts that could not be delivered, to the people who have since installed the app
   * (a 1:1 conversation with the bot is now known); the others stay undeliverable.
   */
  async retryUndeliverable(meetingId: string, actor: Actor): Promise<Omit<OpenResult, 'reopened'>> {
    if (actor !== 'scheduler' && !actor.roles.includes('secretariat')) {
      throw new AppError('auth.forbidden', 'Only the ISC-TF secretariat can send prompts again.');
    }
    const meeting = await this.meeting(meetingId);
    const rows = await this.store.outbox.all({ where: { meetingId, status: 'undeliverable', kind: 'prompt' } });
    let queued = 0;
    for (const row of rows) {
      const person = row.personId ? await this.store.people.get(row.personId) : null;
      const ref = person ? await this.personalConversation(person) : null;
      if (!ref) continue;
      await this.store.outbox.update(
        { ...row, conversationRefId: ref.id, status: 'pending', attempts: 0, lastError: null, notBefore: this.now() },
        row.etag,
      );
      queued += 1;
    }
    const undeliverablePeople = await this.undeliverablePeople(meetingId);
    return { meeting, queued, undeliverable: undeliverablePeople.length, undeliverablePeople };
  }

  private async personalConversation(person: Person): Promise<Stored<ConversationRef> | null> {
    const refs = await this.store.conversations.all({
      where: { aadObjectId: person.aadObjectId, conversationType: 'personal' },
    });
    return refs[0] ?? null;
  }

  /** What the summary card after a submission shows: built from the submission itself, no further reads. */
  summaryData(result: SubmitResult, person: Person): PromptData {
    const window = collectionWindow(result.meeting);
    return {
      meeting: result.meeting,
      window,
      topic: result.topic,
      sector: result.update.sector,
      person,
      current: result.update,
      previous: null,
      openActions: [],
      reason: 'focal-point',
      late: this.now() >= window.closesAt,
    };
  }

  /** Builds what a prompt card shows for one person, topic and sector. */
  async promptData(
    meeting: Meeting,
    target: Pick<PromptTarget, 'topicId' | 'sector' | 'personId' | 'reason'>,
  ): Promise<PromptData> {
    const [topic, person, updates, actions] = await Promise.all([
      this.store.topics.get(target.topicId),
      this.person(target.personId),
      this.store.statusUpdates.all({ where: { topicId: target.topicId, sector: target.sector } }),
      this.store.actions.all({ where: { ownerId: target.personId, status: 'open' } }),
    ]);
    const unowned = await this.store.actions.all({ where: { topicId: target.topicId, status: 'open', ownerId: null } });
    if (!topic) throw new AppError('topic.not-found', `There is no topic "${target.topicId}".`);
    const current = updates.find((u) => u.meetingId === meeting.id) ?? null;
    const previous =
      updates
        .filter((u) => u.meetingId !== meeting.id && u.submittedAt < meeting.start)
        .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))[0] ?? null;
    const window = collectionWindow(meeting);
    return {
      meeting,
      window,
      topic,
      sector: target.sector,
      person,
      current,
      previous,
      openActions: [...actions.filter((a) => a.topicId === target.topicId || a.topicId === null), ...unowned],
      reason: target.reason,
      late: this.now() >= window.closesAt,
    };
  }

  /** Queues the prompts not queued yet (one read of what is there, so every tick can call it cheaply). */
  private async queuePrompts(meeting: Meeting, targets: PromptTarget[]): Promise<{ queued: number }> {
    const existing = new Set(
      (await this.store.outbox.all({ where: { meetingId: meeting.id, kind: 'prompt' } })).map((row) => row.id),
    );
    let queued = 0;
    for (const target of targets) {
      const id = outboxKeys.prompt(meeting.id, target.personId, target.topicId, target.sector);
      if (existing.has(id)) continue;
      const data = await this.promptData(meeting, target);
      const person = data.person;
      const added = await this.enqueue(
        id,
        'prompt',
        meeting.id,
        person,
        target.topicId,
        this.messages.prompt(data, person.locale),
      );
      if (added === 'queued') queued += 1;
    }
    return { queued };
  }

  /** Queues one message (idempotent by key); a person the bot cannot reach is recorded as undeliverable. */
  private async enqueue(
    id: string,
    kind: OutboxMessage['kind'],
    meetingId: string | null,
    person: Person,
    topicId: string | null,
    activity: Record<string, unknown>,
  ): Promise<'queued' | 'exists' | 'undeliverable'> {
    const ref = await this.personalConversation(person);
    const result = await this.outbox.enqueue([
      {
        id,
        kind,
        meetingId,
        personId: person.id,
        topicId,
        conversationRefId: ref?.id ?? 'none',
        activity,
        undeliverableReason: ref
          ? null
          : 'The app is not installed for this person in Teams (no 1:1 conversation yet).',
      },
    ]);
    if (result.existing.length) return 'exists';
    return ref ? 'queued' : 'undeliverable';
  }

  /** Checks that a person may answer for a topic × sector in a meeting (focal point, alternate or delegate). */
  private async checkResponsible(
    meetingId: string,
    topicId: string,
    sector: SectorId,
    personId: string,
  ): Promise<void> {
    const [assignment, delegation] = await Promise.all([
      this.store.assignments.get(slotKey(topicId, sector)),
      this.store.delegations.get(`${meetingId}.${slotKey(topicId, sector)}`),
    ]);
    const allowed = [assignment?.focalPointId, assignment?.alternateId, delegation?.toId].filter(Boolean);
    if (!allowed.includes(personId)) {
      throw new AppError(
        'update.not-responsible',
        'Only the focal point or the alternate for this topic can send its update.',
        {
          topicId,
          sector,
        },
      );
    }
  }

  /**
   * Stores a submission. Edits make a new revision and keep the history; a submit from an older card
   * (baseRevision behind) is refused as stale unless it repeats what is stored (a double click or replay).
   * After the window closes, updates are accepted and marked late; once the meeting is held, refused.
   */
  async submit(personId: string, raw: SubmitInput): Promise<SubmitResult> {
    const input = SubmitInput.parse(raw);
    const meeting = await this.meeting(input.meetingId);
    const topic = await this.store.topics.get(input.topicId);
    if (!topic) throw new AppError('topic.not-found', `There is no topic "${input.topicId}".`);
    if (!acceptsUpdates(meeting.state)) {
      throw new AppError(
        'meeting.already-held',
        'This meeting has already been held; updates go to the next meeting.',
        { state: meeting.state },
      );
    }
    await this.checkResponsible(meeting.id, input.topicId, input.sector, personId);
    const progress = checkLength('progress', input.progress);
    const nextSteps = checkLength('nextSteps', input.nextSteps);
    const ask = input.escalate ? checkLength('escalationAsk', input.ask) : '';
    const now = this.now();
    const late = now >= collectionWindow(meeting).closesAt || !MEETINGS_COLLECTING.includes(meeting.state);
    const content = {
      progress,
      nextSteps,
      noChange: input.noChange,
      escalation: { flag: input.escalate, ask },
      events: input.events,
    };

    for (let attempt = 0; attempt < 3; attempt += 1) {
      const id = `${meeting.id}.${slotKey(input.topicId, input.sector)}`;
      const existing = await this.store.statusUpdates.get(id);
      try {
        if (!existing) {
          const update: StatusUpdate = {
            id,
            meetingId: meeting.id,
            topicId: input.topicId,
            sector: input.sector,
            authorId: personId,
            ...content,
            submittedAt: now,
            late,
            revision: 1,
            history: [],
          };
          const stored = await this.store.statusUpdates.create(update);
          await this.audit(
            { personId, roles: [] },
            'update.submit',
            'statusUpdates',
            id,
            input.noChange ? 'no change' : 'revision 1',
          );
          return { update: stored, outcome: 'created', meeting, topic };
        }
        if (sameContent(existing, content)) return { update: existing, outcome: 'unchanged', meeting, topic };
        if (input.baseRevision < existing.revision) {
          throw new AppError(
            'update.stale',
            'This update was changed since your card was sent. Here is the latest version; edit it again if needed.',
            {
              revision: existing.revision,
            },
          );
        }
        const { etag, ...record } = existing;
        const revised: StatusUpdate = {
          ...record,
          ...content,
          authorId: personId,
          submittedAt: now,
          late: record.late || late,
          revision: existing.revision + 1,
          history: [
            ...record.history,
            {
              revision: record.revision,
              submittedAt: record.submittedAt,
              authorId: record.authorId,
              progress: record.progress,
              nextSteps: record.nextSteps,
              noChange: record.noChange,
            },
          ].slice(-200),
        };
        const stored = await this.store.statusUpdates.update(revised, etag);
        await this.audit({ personId, roles: [] }, 'update.revise', 'statusUpdates', id, `revision ${revised.revision}`);
        return { update: stored, outcome: 'revised', meeting, topic };
      } catch (error) {
        // A concurrent submit won the race: read again and decide (unchanged, stale or revise).
        if (isAppError(error, 'store.conflict') || isAppError(error, 'store.already-exists')) continue;
        throw error;
      }
    }
    throw new AppError('store.conflict', 'Too many simultaneous edits of this update; please try again.');
  }

  /** "No change since last meeting": copies the previous update's text and marks it unchanged. */
  async submitNoChange(
    personId: string,
    raw: Pick<SubmitInput, 'meetingId' | 'topicId' | 'sector' | 'baseRevision'>,
  ): Promise<SubmitResult> {
    const previous = (await this.store.statusUpdates.all({ where: { topicId: raw.topicId, sector: raw.sector } }))
      .filter((u) => u.meetingId !== raw.meetingId)
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))[0];
    return this.submit(personId, {
      ...raw,
      noChange: true,
      progress: previous?.progress ?? '',
      nextSteps: previous?.nextSteps ?? '',
    });
  }

  /** Hands a prompt to the alternate: records the delegation, prompts the alternate and tells the secretariat. */
  async delegate(
    personId: string,
    meetingId: string,
    topicId: string,
    sector: SectorId,
  ): Promise<{ alternate: Person }> {
    const meeting = await this.meeting(meetingId);
    const assignment = await this.store.assignments.get(slotKey(topicId, sector));
    if (!assignment || assignment.focalPointId !== personId) {
      throw new AppError('update.not-responsible', 'Only the focal point can delegate this topic to the alternate.', {
        topicId,
        sector,
      });
    }
    if (!assignment.alternateId)
      throw new AppError('delegation.no-alternate', 'No alternate is appointed for this topic; ask the secretariat.');
    const alternate = await this.person(assignment.alternateId);
    const from = await this.person(personId);
    const id = `${meeting.id}.${slotKey(topicId, sector)}`;
    try {
      await this.store.delegations.create({
        id,
        meetingId,
        topicId,
        sector,
        fromId: personId,
        toId: alternate.id,
        at: this.now(),
      });
      await this.audit({ personId, roles: [] }, 'update.delegate', 'delegations', id, `to ${alternate.id}`);
    } catch (error) {
      if (!isAppError(error, 'store.already-exists')) throw error;
    }
    const data = await this.promptData(meeting, { topicId, sector, personId: alternate.id, reason: 'delegated' });
    await this.enqueue(
      outboxKeys.prompt(meeting.id, alternate.id, topicId, sector),
      'prompt',
      meeting.id,
      alternate,
      topicId,
      this.messages.prompt(data, alternate.locale),
    );
    const topic = data.topic;
    for (const secretary of (await this.store.people.all()).filter((p) => p.roles.includes('secretariat'))) {
      await this.enqueue(
        outboxKeys.notice(meeting.id, secretary.id, slotKey(topicId, sector), 'delegated'),
        'notice',
        meeting.id,
        secretary,
        topicId,
        this.messages.delegationNotice({ meeting, topic, sector, from, to: alternate }, secretary.locale),
      );
    }
    return { alternate };
  }

  /** Queues the reminder that is due (if any) to every person who still has topics to answer. */
  async remind(meeting: Meeting): Promise<number> {
    const index = dueReminderIndex(collectionWindow(meeting), this.now());
    if (index === null || meeting.state !== 'open') return 0;
    return this.queueReminders(meeting, (personId) => outboxKeys.reminder(meeting.id, personId, index));
  }

  /** Queues one reminder per person with topics still to answer, under the key `keyOf` gives (idempotent). */
  private async queueReminders(meeting: Meeting, keyOf: (personId: string) => string): Promise<number> {
    const window = collectionWindow(meeting);
    const updates = await this.store.statusUpdates.all({ where: { meetingId: meeting.id } });
    const pending = pendingTargets(await this.targetsOf(meeting), updates);
    const byPerson = new Map<string, PromptTarget[]>();
    for (const t of pending) byPerson.set(t.personId, [...(byPerson.get(t.personId) ?? []), t]);
    let queued = 0;
    for (const [personId, targets] of byPerson) {
      const person = await this.person(personId);
      const topics: { topic: Topic; sector: SectorId }[] = [];
      for (const target of targets) {
        const topic = await this.store.topics.get(target.topicId);
        if (topic) topics.push({ topic, sector: target.sector });
      }
      const activity = this.messages.reminder({ meeting, window, person, topics }, person.locale);
      if ((await this.enqueue(keyOf(personId), 'reminder', meeting.id, person, null, activity)) === 'queued')
        queued += 1;
    }
    return queued;
  }

  /**
   * One scheduler pass over every meeting: opens windows that are due, queues prompts an interrupted opening
   * left out, sends the due reminder once, closes windows that have ended. Safe to run any number of times
   * and after downtime.
   */
  async tick(): Promise<{ opened: string[]; reminded: number; closed: string[]; prompted: number }> {
    const now = this.now();
    const opened: string[] = [];
    const closed: string[] = [];
    let reminded = 0;
    let prompted = 0;
    const meetings = await this.store.meetings.all({ orderBy: 'start' });
    for (const meeting of meetings.filter((m) => MEETINGS_COLLECTING.includes(m.state))) {
      const window = collectionWindow(meeting);
      let current: Stored<Meeting> = meeting;
      if (current.state === 'scheduled' && now >= window.opensAt && now < window.closesAt) {
        current = (await this.open(current.id, 'scheduler')).meeting;
        opened.push(current.id);
      } else if (current.state === 'open' && now < window.closesAt) {
        prompted += (await this.queuePrompts(current, await this.targetsOf(current))).queued;
      }
      if (current.state === 'open' && now >= window.closesAt) {
        current = await this.close(current);
        closed.push(current.id);
      }
      if (current.state === 'open') reminded += await this.remind(current);
    }
    return { opened, reminded, closed, prompted };
  }

  /** Closes collection at the end of the window (the scheduler). */
  private async close(meeting: Stored<Meeting>): Promise<Stored<Meeting>> {
    await this.store.commit([
      write.update('meetings', { ...meeting, state: walk(meeting.state, 'closed') }),
      write.ensure('audit', {
        id: `collection.close:${meeting.id}:${meeting.reopenedAt ?? 'first'}`,
        at: this.now(),
        actorId: 'scheduler',
        action: 'collection.close',
        entity: 'meetings',
        entityId: meeting.id,
        detail: '',
      }),
    ]);
    return this.meeting(meeting.id);
  }

  /** The tracker of a meeting: per topic × sector, answered / no change / pending / late / undeliverable / vacant. */
  async tracker(meetingId: string): Promise<TrackerView> {
    const meeting = await this.meeting(meetingId);
    const [topics, assignments, people, updates, prompts] = await Promise.all([
      this.store.topics.all(),
      this.store.assignments.all(),
      this.store.people.all(),
      this.store.statusUpdates.all({ where: { meetingId } }),
      this.store.outbox.all({ where: { meetingId, kind: 'prompt' } }),
    ]);
    const undeliverable = new Map<string, string>();
    const asked = new Set<string>();
    for (const row of prompts) {
      const [, , , topicId, sector] = row.id.split(':');
      if (!topicId || !sector) continue;
      if (row.status === 'undeliverable') {
        undeliverable.set(slotKey(topicId, sector), row.lastError ?? 'Teams refused the message');
      } else asked.add(slotKey(topicId, sector));
    }
    const rows = buildTracker({
      assignments,
      activeTopicIds: topics.filter((t) => t.status === 'active').map((t) => t.id),
      targets: await this.targetsOf(meeting),
      updates,
      undeliverable,
      asked,
    });
    const names = new Map(people.map((p) => [p.id, p.name]));
    const titles = new Map(topics.map((t) => [t.id, t.title]));
    const counts = Object.fromEntries(TRACKER_STATUSES.map((status) => [status, 0])) as Record<TrackerStatus, number>;
    for (const row of rows) counts[row.status] += 1;
    return {
      meeting,
      window: collectionWindow(meeting),
      rows: rows.map((r) => ({
        ...r,
        topicTitle: titles.get(r.topicId) ?? { en: r.topicId },
        personName: r.personId ? (names.get(r.personId) ?? null) : null,
        answeredByName: r.answeredById ? (names.get(r.answeredById) ?? null) : null,
      })),
      counts,
    };
  }

  /** The updates of a meeting. */
  async updates(meetingId: string): Promise<Stored<StatusUpdate>[]> {
    await this.meeting(meetingId);
    return this.store.statusUpdates.all({ where: { meetingId } });
  }

  /** The assignments (topic × sector) a person answers for, as focal point, alternate or delegate. */
  async slotsOf(
    personId: string,
    meetingId: string,
  ): Promise<{ topicId: string; sector: SectorId; reason: PromptTarget['reason'] }[]> {
    const [focal, alternate, delegated] = await Promise.all([
      this.store.assignments.all({ where: { focalPointId: personId } }),
      this.store.assignments.all({ where: { alternateId: personId } }),
      this.store.delegations.all({ where: { meetingId, toId: personId } }),
    ]);
    return [
      ...focal.map((a) => ({ topicId: a.topicId, sector: a.sector, reason: 'focal-point' as const })),
      ...alternate.map((a) => ({ topicId: a.topicId, sector: a.sector, reason: 'alternate' as const })),
      ...delegated.map((d) => ({ topicId: d.topicId, sector: d.sector, reason: 'delegated' as const })),
    ];
  }

  private async audit(actor: Actor, action: string, entity: string, entityId: string, detail: string): Promise<void> {
    await this.store.audit.create({
      id: randomUUID(),
      at: this.now(),
      actorId: actor === 'scheduler' ? 'scheduler' : actor.personId,
      action,
      entity,
      entityId,
      detail,
    });
  }
}
