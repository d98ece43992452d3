import type {
  ActionFilter,
  ActionPage,
  ActionView,
  Caller,
  DecisionFilter,
  DecisionPage,
  EscalationFilter,
  EscalationPage,
  EscalationView,
} from '../../domain';
import { requirePermission } from '../../domain';
import type { Stored } from '../../store';
import type { Action } from '../../domain';
import { closeOwnersAction, ownersOpenActions, updateAction } from './action-updates';
import { updateEscalation } from './escalation-outcome';
import type { FollowUpDeps } from './follow-up-deps';
import { getAction, getEscalation, listActions, listDecisions, listEscalations } from './follow-up-query';

/**
 * The decisions and actions register across meetings, for the HTTP routes and the bot: lists for everyone in the
 * register, action updates by their owners and staff, escalation outcomes by staff.
 */
export class FollowUpService {
  constructor(private readonly deps: FollowUpDeps) {}

  /** The actions, filtered and paged. */
  actions(caller: Caller, filter: ActionFilter): Promise<ActionPage> {
    requirePermission(caller, 'records.read');
    return listActions(this.deps, filter);
  }

  /** One action, as the list shows it. */
  action(caller: Caller, id: string): Promise<ActionView> {
    requirePermission(caller, 'records.read');
    return getAction(this.deps, id);
  }

  /** One escalation, as the list shows it. */
  escalation(caller: Caller, id: string): Promise<EscalationView> {
    requirePermission(caller, 'records.read');
    return getEscalation(this.deps, id);
  }

  /** The decisions, filtered and paged. */
  decisions(caller: Caller, filter: DecisionFilter): Promise<DecisionPage> {
    requirePermission(caller, 'records.read');
    return listDecisions(this.deps, filter);
  }

  /** The escalations, filtered and paged. */
  escalations(caller: Caller, filter: EscalationFilter): Promise<EscalationPage> {
    requirePermission(caller, 'records.read');
    return listEscalations(this.deps, filter);
  }

  /** Updates, closes or reassigns an action; see {@link updateAction}. */
  updateAction(caller: Caller, id: string, raw: unknown, ifMatch?: string): Promise<ActionView> {
    return updateAction(this.deps, caller, id, raw, ifMatch);
  }

  /** Records an escalation's status and outcome; see {@link updateEscalation}. */
  updateEscalation(caller: Caller, id: string, raw: unknown, ifMatch?: string): Promise<EscalationView> {
    return updateEscalation(this.deps, caller, id, raw, ifMatch);
  }

  /** A person's open actions, numbered by their order from 1 (the bot's `done <number>`). */
  openActionsOf(personId: string): Promise<Stored<Action>[]> {
    return ownersOpenActions(this.deps, personId);
  }

  /** Closes the caller's open action number `number`; null when there is none. */
  closeByNumber(caller: Caller, number: number): Promise<ActionView | null> {
    return closeOwnersAction(this.deps, caller, number);
  }
}
