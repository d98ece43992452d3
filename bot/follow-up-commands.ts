/** The owner's side of the actions register in the bot: `done <number>` closes one of their open actions. */
import { AppError, type Action, type Locale } from '../teams-app/domain';
import { t } from '../teams-app/i18n';
import type { FollowUpService } from '../teams-app/services';
import { plain } from './cards/card';
import type { IscBot, TurnContext } from './handler';
import { permission } from './permissions';
import { readable } from './refusal';

/** The person's open actions, numbered as `done <number>` names them, overdue ones marked. */
function actionList(actions: readonly Action[], locale: Locale, today: string): string {
  if (!actions.length) return t('actions.none', locale);
  const lines = actions.map((action, index) => {
    const due = action.due
      ? ` (${t('actions.due', locale, { date: action.due })}${action.due < today ? `, ${t('prompt.overdue', locale)}` : ''})`
      : '';
    return `${index + 1}\\. ${plain(action.text)}${due}`;
  });
  return [t('actions.list', locale), ...lines].join('\n\n');
}

/** The number typed after the command: "3", "#3", "A3" or "no. 3"; NaN for anything else. */
function typedNumber(arg: string): number {
  const digits = /^(?:#|a|no\.?|№)?\s*(\d{1,4})$/i.exec(arg.trim())?.[1];
  return digits ? Number(digits) : Number.NaN;
}

/** `done [number]`: closes the caller's open action of that number; without one (or a wrong one), lists them. */
async function done(
  followUp: FollowUpService,
  ctx: TurnContext,
  arg: string | undefined,
  now: () => string,
): Promise<void> {
  const permitted = permission(ctx, 'action.update');
  if (!permitted.allowed) return void (await ctx.turn.send({ type: 'message', text: permitted.refusal }));
  const today = now().slice(0, 10);
  const reply = (text: string) => ctx.turn.send({ type: 'message', textFormat: 'markdown', text });
  const number = arg === undefined ? Number.NaN : typedNumber(arg);
  if (Number.isNaN(number)) {
    return void (await reply(actionList(await followUp.openActionsOf(permitted.person.id), ctx.locale, today)));
  }
  try {
    const closed = await followUp.closeByNumber(permitted.caller, number);
    if (!closed) {
      const list = actionList(await followUp.openActionsOf(permitted.person.id), ctx.locale, today);
      return void (await reply(`${t('actions.noSuchNumber', ctx.locale, { number })}\n\n${list}`));
    }
    await reply(t('actions.closed', ctx.locale, { number, text: plain(closed.text) }));
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    await reply(readable(error, ctx));
  }
}

/** Wires the owner's commands on the actions register into the bot. */
export function addFollowUpCommands(bot: IscBot, followUp: FollowUpService, now: () => string): void {
  bot.onCommand('done', (ctx, command) => done(followUp, ctx, command.arg, now));
}
