import type { AppError, Person } from '../teams-app/domain';
import { errorMessage } from '../teams-app/i18n';
import type { Staff } from '../teams-app/services';
import type { Stored } from '../teams-app/store';
import type { TurnContext } from './handler';

/** The chair or a secretariat member acting on agendas, minutes and meeting chats; null for anyone else. */
export function staffOf(person: Stored<Person> | null): Staff | null {
  if (!person || !person.roles.some((r) => r === 'chair' || r === 'secretariat')) return null;
  return { personId: person.id, roles: person.roles };
}

/** A refusal in the reader's language, with the counts and dates the error carries. */
export function readable(error: AppError, ctx: TurnContext): string {
  return errorMessage(error.code, ctx.locale, error.message, error.details);
}
