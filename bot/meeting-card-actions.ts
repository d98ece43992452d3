import { z } from 'zod';
import { AppError, isAppError, type Caller, type Operation } from '../teams-app/domain';
import { t } from '../teams-app/i18n';
import type { Attachment } from './activity';
import { CONFIRM_VERBS, confirmCard } from './cards/confirm-card';
import { agendaCard, MEETING_VERBS, minutesCard } from './cards/meeting-cards';
import { noticeCard } from './cards/status-card';
import type { IscBot, TurnContext } from './handler';
import type { MeetingParts } from './meeting-commands';
import { permission } from './permissions';
import { readable } from './refusal';

/** An agenda or minutes button's work on the meeting its data names (the button's data and inputs alongside). */
type MeetingAction = (
  ctx: TurnContext,
  meetingId: string,
  caller: Caller,
  data: Record<string, unknown>,
) => Promise<Attachment>;

/** The chair's "move an entry" on the draft minutes card: the entry, the item chosen, the card's revision. */
const MoveEntryData = z.object({
  entryId: z.string().min(1).max(140),
  item: z
    .string()
    .regex(/^\d{1,3}$/)
    .transform(Number),
  revision: z.number().int().min(1),
});

/** The review notes the chair accepts as they stand on the card (a comma-separated multi-select). */
const AcceptNotesData = z.object({
  recordIds: z
    .string()
    .min(1)
    .max(5000)
    .transform((value) => value.split(',').filter(Boolean)),
  revision: z.number().int().min(1),
});

/** A card button's data parsed with its schema; anything else is a coded refusal shown on a notice card. */
function cardData<T>(schema: z.ZodType<T>, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new AppError('card.invalid', 'This card button sent data I cannot use.');
  return parsed.data;
}

/**
 * Registers an agenda or minutes button gated by the permission table: refused politely for those it does not allow
 * `operation`; a coded refusal becomes a notice card.
 */
function addMeetingAction(bot: IscBot, verb: string, operation: Operation, run: MeetingAction): void {
  bot.addCardAction(verb, async (ctx, data) => {
    const permitted = permission(ctx, operation);
    if (!permitted.allowed) return noticeCard(permitted.refusal, ctx.locale, 'Attention');
    try {
      return await run(ctx, String(data.meetingId ?? ''), permitted.caller, data);
    } catch (error) {
      if (!isAppError(error) || error.status >= 500) throw error;
      return noticeCard(readable(error, ctx), ctx.locale, 'Attention');
    }
  });
}

/** Approves the minutes; empty minutes ask for confirmation first. */
function approve(parts: MeetingParts, confirm: boolean): MeetingAction {
  return async (ctx, meetingId, caller) => {
    try {
      const version = await parts.meetings.approveMinutes(meetingId, caller, { confirm });
      const url = version.file ? (version.fileUrl ?? parts.meetings.documentUrl(version.file)) : undefined;
      return minutesCard(version.minutes, ctx.locale, parts.tab, true, url);
    } catch (error) {
      if (!isAppError(error, 'minutes.empty')) throw error;
      const button = { title: t('confirm.approve', ctx.locale), verb: CONFIRM_VERBS.approveMinutes, meetingId };
      return confirmCard(readable(error, ctx), button, ctx.locale);
    }
  };
}

/** Wires the agenda and minutes buttons: publish, compile after confirming, approve (with or without confirming). */
export function addMeetingCardActions(bot: IscBot, parts: MeetingParts): void {
  const { meetings, tab } = parts;
  addMeetingAction(bot, MEETING_VERBS.publishAgenda, 'agenda.publish', async (ctx, meetingId, caller) => {
    const version = await meetings.publishAgenda(meetingId, caller);
    const url = version.file ? (version.fileUrl ?? meetings.documentUrl(version.file)) : undefined;
    return agendaCard(version.agenda, version.version, ctx.locale, tab, true, url);
  });
  addMeetingAction(bot, CONFIRM_VERBS.compileAgenda, 'agenda.compile', async (ctx, meetingId, caller) => {
    const version = await meetings.compileAgenda(meetingId, caller, { confirm: true });
    return agendaCard(version.agenda, version.version, ctx.locale, tab, false);
  });
  addMeetingAction(bot, MEETING_VERBS.moveEntry, 'minutes.edit', async (ctx, meetingId, caller, data) => {
    const { entryId, item, revision } = cardData(MoveEntryData, data);
    const version = await meetings.editMinutes(meetingId, caller, { op: 'move', entryId, item }, revision);
    return minutesCard(version.minutes, ctx.locale, tab, false);
  });
  addMeetingAction(bot, MEETING_VERBS.acceptNotes, 'minutes.edit', async (ctx, meetingId, caller, data) => {
    const { recordIds, revision } = cardData(AcceptNotesData, data);
    let expected = revision;
    let minutes = null;
    for (const recordId of recordIds) {
      const version = await meetings.editMinutes(meetingId, caller, { op: 'accept-note', recordId }, expected);
      expected = version.minutes.revision;
      minutes = version.minutes;
    }
    if (!minutes) throw new AppError('card.invalid', 'No review note was chosen.');
    return minutesCard(minutes, ctx.locale, tab, false);
  });
  addMeetingAction(bot, MEETING_VERBS.approveMinutes, 'minutes.approve', approve(parts, false));
  addMeetingAction(bot, CONFIRM_VERBS.approveMinutes, 'minutes.approve', approve(parts, true));
}
