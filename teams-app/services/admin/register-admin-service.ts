import type { AssignmentChange, Caller, Person, PromptHandover, SectorId, TopicView } from '../../domain';
import type { Stored } from '../../store';
import type { AdminDeps } from './admin-deps';
import { putAssignment, removeAssignment } from './assignments-admin';
import { createPerson, retirePerson, updatePerson } from './people-admin';
import { followRegisterChanges, type RegisterChanges } from './register-consequences';
import { createTopic, retireTopic, updateTopic } from './topics-admin';

/**
 * Register administration, one entry point for the HTTP routes: topics, focal points and people created, changed and
 * retired by the secretariat, each write on the version read and audited in its own unit of work.
 */
export class RegisterAdminService {
  constructor(private readonly deps: AdminDeps) {}

  /** Adds a topic; see {@link createTopic}. */
  createTopic(caller: Caller, raw: unknown): Promise<TopicView> {
    return createTopic(this.deps, caller, raw);
  }

  /** Changes a topic; see {@link updateTopic}. */
  updateTopic(caller: Caller, id: string, raw: unknown, ifMatch?: string): Promise<TopicView> {
    return updateTopic(this.deps, caller, id, raw, ifMatch);
  }

  /** Retires a topic (status `closed`). */
  retireTopic(caller: Caller, id: string, etag?: string): Promise<TopicView> {
    return retireTopic(this.deps, caller, id, etag);
  }

  /** Appoints a slot's focal point and alternate; see {@link putAssignment}. */
  putAssignment(
    caller: Caller,
    topicId: string,
    sector: SectorId,
    raw: unknown,
    ifMatch?: string,
  ): Promise<AssignmentChange> {
    return putAssignment(this.deps, caller, topicId, sector, raw, ifMatch);
  }

  /** Removes a slot. */
  removeAssignment(caller: Caller, topicId: string, sector: SectorId, etag?: string): Promise<AssignmentChange> {
    return removeAssignment(this.deps, caller, topicId, sector, etag);
  }

  /** Adds a person. */
  createPerson(caller: Caller, raw: unknown): Promise<Stored<Person>> {
    return createPerson(this.deps, caller, raw);
  }

  /** Changes a person. */
  updatePerson(caller: Caller, id: string, raw: unknown, ifMatch?: string): Promise<Stored<Person>> {
    return updatePerson(this.deps, caller, id, raw, ifMatch);
  }

  /** Retires a person (they keep their records, and can no longer sign in). */
  retirePerson(caller: Caller, id: string, etag?: string): Promise<Stored<Person>> {
    return retirePerson(this.deps, caller, id, etag);
  }

  /**
   * Applies to the prompts of open collections what a register change written another way (an import) means, as
   * the writes above do; see {@link followRegisterChanges}.
   */
  followChanges(changes: RegisterChanges, actorId: string): Promise<PromptHandover[]> {
    return followRegisterChanges(this.deps, changes, actorId);
  }
}
