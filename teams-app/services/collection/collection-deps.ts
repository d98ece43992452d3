import { randomUUID } from 'node:crypto';
import { AppError, type AuditEntry, type Caller, type Meeting, type Person } from '../../domain';
import type { Store, Stored } from '../../store';
import type { OutboxPort } from '../outbox/outbox-port';
import type { RegisterService } from '../register';
import type { CollectionMessages } from './collection-messages';
import type { OutOfOfficePort } from './out-of-office';

/** What the collection use cases work with, wired by the composition root. */
export interface CollectionDeps {
  store: Store;
  /** The register (topics, assignments, people) as read once per store version. */
  register: RegisterService;
  /** Where prompts, reminders and notices are queued for delivery. */
  outbox: OutboxPort;
  /** Renders the prompts, reminders and notices (the bot's cards). */
  messages: CollectionMessages;
  /** The current instant (ISO 8601). */
  now: () => string;
  /** The mailboxes' automatic replies (Microsoft 365), read when collection opens; absent: hand-kept ranges only. */
  outOfOffice?: OutOfOfficePort;
}

/** Who acts: a person from the register, or the scheduler. */
export type Actor = Caller | 'scheduler';

/** The meeting states in which collection is still running (or about to). */
export const MEETINGS_COLLECTING: readonly Meeting['state'][] = ['scheduled', 'open'];

/** The id an audit entry records for an actor. */
export function actorId(actor: Actor): string {
  return actor === 'scheduler' ? 'scheduler' : actor.personId;
}

/** A person by id, or `person.not-found`. */
export async function requirePerson(store: Pick<Store, 'people'>, id: string): Promise<Stored<Person>> {
  const person = await store.people.get(id);
  if (!person) throw new AppError('person.not-found', `There is no person "${id}".`, { id });
  return person;
}

/** What an audit entry of the collection records. */
export interface CollectionAudit {
  actor: Actor;
  action: string;
  entity: string;
  entityId: string;
  detail: string;
}

/** The audit entry of what a person did to a status update or delegation (its own id), for a unit of work. */
export function auditEntry(deps: Pick<CollectionDeps, 'now'>, entry: CollectionAudit): AuditEntry {
  return {
    id: randomUUID(),
    at: deps.now(),
    actorId: actorId(entry.actor),
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    detail: entry.detail,
  };
}

/** Records what a person did to a status update or delegation (one audit entry, its own id). */
export async function auditCollection(
  deps: Pick<CollectionDeps, 'store' | 'now'>,
  entry: CollectionAudit,
): Promise<void> {
  await deps.store.audit.create(auditEntry(deps, entry));
}
