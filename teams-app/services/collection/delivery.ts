import {
  deliveryFailure,
  readDeliveryFailure,
  requirePermission,
  type ConversationRef,
  type Meeting,
  type OutboxMessage,
  type Person,
  type UndeliverablePerson,
} from '../../domain';
import type { Store, Stored } from '../../store';
import type { OutboxDraft } from '../outbox/outbox-port';
import { requireMeeting } from '../lookups';
import type { Actor, CollectionDeps } from './collection-deps';

/** What a round of prompts did: how many were queued now, and everyone who cannot be reached. */
export interface DeliveryReport {
  meeting: Stored<Meeting>;
  queued: number;
  undeliverable: number;
  undeliverablePeople: UndeliverablePerson[];
}

/** A message for one person, to be queued under an idempotency key. */
export interface PersonalMessage {
  id: string;
  kind: OutboxMessage['kind'];
  meetingId: string | null;
  person: Person;
  topicId: string | null;
  activity: Record<string, unknown>;
}

/** The 1:1 conversation the bot has with a person (known once the person installed the app), or null. */
export async function personalConversation(
  store: Pick<Store, 'conversations'>,
  person: Pick<Person, 'aadObjectId'>,
): Promise<Stored<ConversationRef> | null> {
  const refs = await store.conversations.all({
    where: { aadObjectId: person.aadObjectId, conversationType: 'personal' },
  });
  return refs[0] ?? null;
}

/** The outbox draft of a message to a person: to their 1:1 conversation, or undeliverable without one. */
export async function draftFor(
  deps: Pick<CollectionDeps, 'store'>,
  message: PersonalMessage,
): Promise<{ draft: OutboxDraft; reachable: boolean }> {
  const ref = await personalConversation(deps.store, message.person);
  return {
    reachable: ref !== null,
    draft: {
      id: message.id,
      kind: message.kind,
      meetingId: message.meetingId,
      personId: message.person.id,
      topicId: message.topicId,
      conversationRefId: ref?.id ?? 'none',
      activity: message.activity,
      undeliverableReason: ref
        ? null
        : deliveryFailure('delivery.not-installed', 'no 1:1 conversation with the bot: the app is not installed'),
    },
  };
}

/** Queues one message to a person (idempotent by key); a person the bot cannot reach is recorded as undeliverable. */
export async function enqueueFor(
  deps: Pick<CollectionDeps, 'store' | 'outbox'>,
  message: PersonalMessage,
): Promise<'queued' | 'exists' | 'undeliverable'> {
  const { draft, reachable } = await draftFor(deps, message);
  const result = await deps.outbox.enqueue([draft]);
  if (result.existing.length) return 'exists';
  return reachable ? 'queued' : 'undeliverable';
}

/** Who could not be reached with a prompt of this meeting, and why (one line per person). */
export async function undeliverablePeople(
  deps: Pick<CollectionDeps, 'store' | 'outbox'>,
  meetingId: string,
): Promise<UndeliverablePerson[]> {
  const rows = await deps.outbox.list({ meetingId, status: 'undeliverable', kind: 'prompt' });
  const people = new Map<string, UndeliverablePerson>();
  for (const row of rows) {
    if (!row.personId || people.has(row.personId)) continue;
    const person = await deps.store.people.get(row.personId);
    people.set(row.personId, {
      personId: row.personId,
      name: person?.name ?? row.personId,
      ...readDeliveryFailure(row.lastError),
    });
  }
  return [...people.values()];
}

/** The delivery report of a meeting after `queued` prompts were queued. */
export async function deliveryReport(
  deps: Pick<CollectionDeps, 'store' | 'outbox'>,
  meeting: Stored<Meeting>,
  queued: number,
): Promise<DeliveryReport> {
  const people = await undeliverablePeople(deps, meeting.id);
  return { meeting, queued, undeliverable: people.length, undeliverablePeople: people };
}

/**
 * Sends again the prompts that could not be delivered, to the people who have since installed the app
 * (a 1:1 conversation with the bot is now known); the others stay undeliverable.
 */
export async function retryUndeliverable(
  deps: Pick<CollectionDeps, 'store' | 'outbox'>,
  meetingId: string,
  actor: Actor,
): Promise<DeliveryReport> {
  if (actor !== 'scheduler') requirePermission(actor, 'collection.retry');
  const meeting = await requireMeeting(deps.store, meetingId);
  const rows = await deps.outbox.list({ meetingId, status: 'undeliverable', kind: 'prompt' });
  let queued = 0;
  for (const row of rows) {
    const person = row.personId ? await deps.store.people.get(row.personId) : null;
    const ref = person ? await personalConversation(deps.store, person) : null;
    if (!ref) continue;
    if (await deps.outbox.requeue(row.id, { conversationRefId: ref.id })) queued += 1;
  }
  return deliveryReport(deps, meeting, queued);
}
