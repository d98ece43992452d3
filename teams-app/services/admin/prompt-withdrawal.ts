import {
  collectionWindow,
  outboxKeys,
  pendingTargets,
  slotKey,
  type Meeting,
  type SectorId,
  type Topic,
} from '../../domain';
import type { Stored } from '../../store';
import { enqueueFor } from '../collection/delivery';
import { targetsOf } from '../collection/targets';
import { withdrawMessages } from '../meetings/schedule-notices';
import type { AdminDeps, WithdrawalReason } from './admin-deps';

/** The meetings whose collection is open now (the ones a register change can still affect). */
export async function openCollections(deps: Pick<AdminDeps, 'store' | 'now'>): Promise<Stored<Meeting>[]> {
  const now = deps.now();
  return (await deps.store.meetings.all({ where: { state: 'open' } })).filter(
    (meeting) => now < collectionWindow(meeting).closesAt,
  );
}

/** The sector a prompt's key names (`prompt:<meeting>:<person>:<topic>:<sector>`). */
function sectorOfPrompt(id: string): string {
  return id.slice(id.lastIndexOf(':') + 1);
}

/**
 * The reminders not yet sent to those of `personIds` who, as the register now stands, have nothing left to answer
 * in the meeting: withdrawn (a reminder lists every topic a person still owes, so one who still owes any keeps it).
 */
async function withdrawIdleReminders(deps: AdminDeps, meeting: Meeting, personIds: ReadonlySet<string>): Promise<void> {
  const updates = await deps.store.statusUpdates.all({ where: { meetingId: meeting.id } });
  const owing = new Set(pendingTargets(await targetsOf(deps, meeting), updates).map((t) => t.personId));
  await withdrawMessages(
    deps,
    meeting.id,
    (row) =>
      row.kind === 'reminder' && row.personId !== null && personIds.has(row.personId) && !owing.has(row.personId),
  );
}

/**
 * After a slot was vacated or removed, or its topic retired, while collection is open: the prompts about it not yet
 * sent are withdrawn (never sent), a card already delivered is turned into the notice, and whoever was asked is
 * told in their language that nothing more is needed from them; a reminder not yet sent to someone left with
 * nothing to answer is withdrawn too. Slots already answered are left alone. Every message is keyed, so running it
 * again repeats nothing. `sectors` null: every sector of the topic.
 */
export async function withdrawSlotPrompts(
  deps: AdminDeps,
  topic: Pick<Topic, 'id' | 'title'>,
  sectors: readonly SectorId[] | null,
  reason: WithdrawalReason,
): Promise<number> {
  let told = 0;
  for (const meeting of await openCollections(deps)) {
    const concerned = (id: string, topicId: string | null) =>
      id.startsWith('prompt:') &&
      topicId === topic.id &&
      (sectors === null || sectors.some((s) => s === sectorOfPrompt(id)));
    const prompts = (await deps.outbox.list({ meetingId: meeting.id, kind: 'prompt' })).filter((row) =>
      concerned(row.id, row.topicId),
    );
    const open: typeof prompts = [];
    for (const row of prompts) {
      const answered = await deps.store.statusUpdates.get(`${meeting.id}.${slotKey(topic.id, sectorOfPrompt(row.id))}`);
      if (!answered && row.status !== 'withdrawn') open.push(row);
    }
    if (!open.length) continue;
    const keys = new Set(open.map((row) => row.id));
    await withdrawMessages(deps, meeting.id, (row) => keys.has(row.id));
    const asked = new Set(open.flatMap((row) => (row.personId ? [row.personId] : [])));
    await withdrawIdleReminders(deps, meeting, asked);
    for (const row of open) {
      const person = row.personId ? await deps.store.people.get(row.personId) : null;
      if (!person) continue;
      const sector = sectorOfPrompt(row.id) as SectorId;
      const activity = deps.adminMessages.promptWithdrawn({ meeting, topic, sector, reason }, person.locale);
      const slot = slotKey(topic.id, sector);
      const outcome = await enqueueFor(deps, {
        id: outboxKeys.notice(meeting.id, person.id, slot, `withdrawn-${reason}`),
        kind: 'notice',
        meetingId: meeting.id,
        person,
        topicId: topic.id,
        activity,
      });
      if (outcome === 'queued') told += 1;
      if (row.status === 'sent' && row.sentActivityId) {
        await deps.outbox.enqueue([
          {
            id: `card-update:${row.id}:withdrawn-${reason}`,
            kind: 'card-update',
            meetingId: meeting.id,
            personId: person.id,
            topicId: topic.id,
            conversationRefId: row.conversationRefId,
            activity,
            replaceActivityId: row.sentActivityId,
          },
        ]);
      }
    }
  }
  return told;
}
