import type { AppError } from '../teams-app/domain';
import { errorMessage } from '../teams-app/i18n';
import type { TurnContext } from './handler';

/** A refusal in the reader's language, with the counts and dates the error carries: never English to others. */
export function readable(error: AppError, ctx: Pick<TurnContext, 'locale'>): string {
  return errorMessage(error, ctx.locale);
}
