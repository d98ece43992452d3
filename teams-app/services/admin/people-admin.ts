import { AppError, Person, PersonCreate, PersonPatch, requirePermission, type Caller, type Role } from '../../domain';
import { write, type Store, type Stored } from '../../store';
import type { AdminDeps } from './admin-deps';
import { auditWrite } from './audit-trail';
import { idFromName, requireVersion, sentFields } from './record-version';

type Deps = Pick<AdminDeps, 'store' | 'register' | 'now'>;

/** A person by id, or `person.not-found`. */
export async function requirePersonRecord(store: Pick<Store, 'people'>, id: string): Promise<Stored<Person>> {
  const person = await store.people.get(id);
  if (!person) throw new AppError('person.not-found', `There is no person "${id}" in the register.`, { id });
  return person;
}

/** True when the person is a focal point or alternate of any slot. */
export async function holdsSlot(store: Pick<Store, 'assignments'>, personId: string): Promise<boolean> {
  const [focal, alternate] = await Promise.all([
    store.assignments.list({ where: { focalPointId: personId }, pageSize: 1 }),
    store.assignments.list({ where: { alternateId: personId }, pageSize: 1 }),
  ]);
  return focal.items.length > 0 || alternate.items.length > 0;
}

/**
 * The roles a person has: those the secretariat gave, plus `focal-point` while they answer for a slot (derived
 * from the assignments, never set by hand); `member` when nothing else is left.
 */
export function derivedRoles(given: readonly Role[], answersForSlot: boolean): Role[] {
  const roles: Role[] = given.filter((role) => role !== 'focal-point');
  if (answersForSlot) roles.unshift('focal-point');
  return roles.length ? roles : ['member'];
}

/** Refuses an email or Entra object id someone else in the register (not retired) already has. */
async function checkUnique(store: Pick<Store, 'people'>, person: Person): Promise<void> {
  const [sameAad, sameEmail] = await Promise.all([
    store.people.all({ where: { aadObjectId: person.aadObjectId } }),
    store.people.all({ where: { email: person.email } }),
  ]);
  const other = (p: Person) => p.id !== person.id && !p.retiredAt;
  if (sameAad.some(other)) {
    throw new AppError(
      'store.already-exists',
      `Someone in the register already signs in with the Entra object id ${person.aadObjectId}.`,
      {
        field: 'aadObjectId',
      },
    );
  }
  if (sameEmail.some(other)) {
    throw new AppError('store.already-exists', `Someone in the register already has the email ${person.email}.`, {
      field: 'email',
    });
  }
}

/** Adds a person to the register (secretariat), audited in the same unit of work. */
export async function createPerson(deps: Deps, caller: Caller, raw: unknown): Promise<Stored<Person>> {
  requirePermission(caller, 'register.edit');
  const input = PersonCreate.parse(raw);
  const person = Person.parse({
    ...input,
    id: input.id ?? idFromName(input.name),
    roles: derivedRoles(input.roles, false),
  });
  if (await deps.store.people.get(person.id)) {
    throw new AppError('store.already-exists', `A person with the id "${person.id}" is already in the register.`, {
      id: person.id,
    });
  }
  await checkUnique(deps.store, person);
  await deps.store.commit([
    write.create('people', person),
    auditWrite({
      actorId: caller.personId,
      at: deps.now(),
      action: 'person.create',
      entity: 'people',
      entityId: person.id,
      before: null,
      after: person,
    }),
  ]);
  return deps.register.getPerson(person.id);
}

/**
 * Changes a person (secretariat): only the fields sent, on the version read; `focal-point` stays derived from the
 * assignments. Audited with the fields before and after.
 */
export async function updatePerson(
  deps: Deps,
  caller: Caller,
  id: string,
  raw: unknown,
  ifMatch?: string,
): Promise<Stored<Person>> {
  requirePermission(caller, 'register.edit');
  const patch = PersonPatch.parse(raw);
  const current = await requirePersonRecord(deps.store, id);
  requireVersion(current, patch.etag ?? ifMatch, 'person');
  const { etag, ...record } = current;
  const fields = sentFields(patch, raw);
  const roles = fields.roles ? derivedRoles(fields.roles, await holdsSlot(deps.store, id)) : record.roles;
  const next = Person.parse({ ...record, ...fields, roles, id });
  await checkUnique(deps.store, next);
  await deps.store.commit([
    write.update('people', { ...next, etag }),
    auditWrite({
      actorId: caller.personId,
      at: deps.now(),
      action: 'person.update',
      entity: 'people',
      entityId: id,
      before: record,
      after: next,
    }),
  ]);
  return deps.register.getPerson(id);
}

/**
 * Retires a person from the register (secretariat): they keep their records but can no longer sign in. Someone
 * still answering for a slot is refused (`person.has-assignments`): appoint someone else first.
 */
export async function retirePerson(deps: Deps, caller: Caller, id: string, sent?: string): Promise<Stored<Person>> {
  requirePermission(caller, 'register.edit');
  const current = await requirePersonRecord(deps.store, id);
  requireVersion(current, sent, 'person');
  const [focal, alternate] = await Promise.all([
    deps.store.assignments.all({ where: { focalPointId: id } }),
    deps.store.assignments.all({ where: { alternateId: id } }),
  ]);
  const slots = [...focal, ...alternate].map((a) => a.id);
  if (slots.length) {
    throw new AppError(
      'person.has-assignments',
      `${current.name} still answers for ${slots.length} topic slot(s) (${slots.slice(0, 5).join(', ')}): appoint someone else first.`,
      { count: slots.length, slots },
    );
  }
  const { etag, ...record } = current;
  const next: Person = { ...record, retiredAt: record.retiredAt ?? deps.now() };
  await deps.store.commit([
    write.update('people', { ...next, etag }),
    auditWrite({
      actorId: caller.personId,
      at: deps.now(),
      action: 'person.retire',
      entity: 'people',
      entityId: id,
      before: record,
      after: next,
    }),
  ]);
  return deps.register.getPerson(id);
}
