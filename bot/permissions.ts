/**
 * The bot's side of the permission table (teams-app/domain/permissions.ts): commands and card buttons ask it before
 * they start, so the bot refuses exactly what the HTTP API refuses, and say why in the reader's language.
 */
import { AppError, permits, rolesFor, type Caller, type Operation, type Person, type Role } from '../teams-app/domain';
import { t, type MessageKey } from '../teams-app/i18n';
import type { Stored } from '../teams-app/store';
import { readable } from './refusal';
import type { TurnContext } from './handler';

/** The refusals that name who may act, by the roles an operation allows. */
const WHO_MAY: { roles: readonly Role[]; key: MessageKey }[] = [
  { roles: ['secretariat'], key: 'forbidden.secretariat' },
  { roles: ['chair', 'secretariat'], key: 'forbidden.chair' },
];

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}

/** Why the table refuses `operation` to this person (null: someone the register does not know), in their language. */
export function refusalText(
  operation: Operation,
  person: Pick<Person, 'roles'> | null,
  ctx: Pick<TurnContext, 'locale'>,
): string {
  if (!person) return t('notRegistered', ctx.locale);
  const named = WHO_MAY.find((entry) => sameRoles(entry.roles, rolesFor(operation)));
  if (named) return t(named.key, ctx.locale);
  return readable(new AppError('auth.forbidden', 'You do not have permission to do this.', { operation }), ctx);
}

/** What the table says about this turn's person and an operation: the caller to pass on, or the refusal to show. */
export type Permission =
  { allowed: true; caller: Caller; person: Stored<Person> } | { allowed: false; refusal: string };

/** Asks the permission table whether this turn's person may do `operation`. */
export function permission(ctx: Pick<TurnContext, 'person' | 'locale'>, operation: Operation): Permission {
  const { person } = ctx;
  if (person && permits(person.roles, operation)) {
    return { allowed: true, caller: { personId: person.id, roles: person.roles }, person };
  }
  return { allowed: false, refusal: refusalText(operation, person, ctx) };
}
