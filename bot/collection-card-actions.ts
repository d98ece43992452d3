import { z } from 'zod';
import {
  DateOnly,
  Id,
  isAppError,
  type Caller,
  type Locale,
  type Operation,
  type Person,
  type TabLinks,
} from '../teams-app/domain';
import { t, type MessageKey } from '../teams-app/i18n';
import type { CollectionService, PromptData, RegisterService } from '../teams-app/services';
import type { Stored } from '../teams-app/store';
import type { Attachment } from './activity';
import { plain } from './cards/card';
import { CONFIRM_VERBS, deliveryCard } from './cards/confirm-card';
import { noticeCard, promptCard, summaryCard, VERBS, type DraftValues } from './cards/status-card';
import type { CardAction, IscBot, TurnContext } from './handler';
import { permission } from './permissions';
import { readable } from './refusal';

/**
 * A revision number as a card carries it: a whole number from 0, as a number or as its decimal digits. Anything
 * else ("1.5", "abc", "1e0", null, true) is refused rather than coerced.
 */
const Revision = z.union([
  z.number().int().min(0).max(1_000_000),
  z
    .string()
    .regex(/^\d{1,7}$/)
    .transform(Number),
]);

/** The status card's button data and inputs, validated before any of it is used. */
const CardData = z.object({
  meetingId: z.string().min(1).max(100),
  topicId: z.string().min(1).max(100),
  sector: z.enum(['BR', 'TSB', 'BDT', 'GS']),
  baseRevision: Revision.default(0),
  progress: z.string().max(100_000).optional(),
  nextSteps: z.string().max(100_000).optional(),
  escalate: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
  ask: z.string().max(100_000).optional(),
  eventName: z.string().max(100_000).optional(),
  eventStart: z.string().max(40).optional(),
  eventEnd: z.string().max(40).optional(),
  eventPlace: z.string().max(100_000).optional(),
});
type CardData = z.infer<typeof CardData>;

const FIELD_LABEL: Record<string, MessageKey> = {
  progress: 'prompt.progress',
  nextSteps: 'prompt.nextSteps',
  escalationAsk: 'prompt.ask',
};

/** What the status card's buttons need from the app. */
interface CollectionParts {
  collection: CollectionService;
  register: RegisterService;
  /** How the cards link into the tab. */
  tab: TabLinks;
}

/** A status card button's work, on validated data, for a person of the register the table allows it. */
type SlotAction = (
  ctx: TurnContext,
  data: CardData,
  actor: { person: Stored<Person>; caller: Caller },
) => Promise<Attachment>;

function draftOf(data: CardData): DraftValues {
  return {
    progress: data.progress,
    nextSteps: data.nextSteps,
    escalate: data.escalate === true || data.escalate === 'true',
    ask: data.ask,
    eventName: data.eventName,
    eventStart: data.eventStart,
    eventEnd: data.eventEnd,
    eventPlace: data.eventPlace,
  };
}

/** Reads the optional event row of the card: none when left empty, 'invalid' when it cannot be used. */
function eventOf(
  data: CardData,
): { name: string; start: string; end: string; place: string; participants: number }[] | 'invalid' {
  const name = data.eventName?.trim() ?? '';
  if (!name && !data.eventStart && !data.eventEnd) return [];
  const start = DateOnly.safeParse(data.eventStart);
  const end = DateOnly.safeParse(data.eventEnd || data.eventStart);
  if (!name || name.length > 300 || !start.success || !end.success || end.data < start.data) return 'invalid';
  return [
    { name, start: start.data, end: end.data, place: (data.eventPlace ?? '').trim().slice(0, 200), participants: 1 },
  ];
}

/** What the prompt card shows again for the person's slot (as focal point, alternate or delegate). */
async function promptFor(parts: CollectionParts, person: Stored<Person>, data: CardData): Promise<PromptData> {
  const meeting = await parts.register.getMeeting(data.meetingId);
  const slots = await parts.collection.slotsOf(person.id, meeting.id);
  const slot = slots.find((s) => s.topicId === data.topicId && s.sector === data.sector);
  return parts.collection.promptData(meeting, {
    topicId: data.topicId,
    sector: data.sector,
    personId: person.id,
    reason: slot?.reason ?? 'focal-point',
  });
}

/** The notice for a refusal the person can act on; anything else is the bot's generic failure. */
function refusal(error: unknown, locale: Locale): Attachment {
  if (isAppError(error, 'update.not-responsible'))
    return noticeCard(t('refused.notResponsible', locale), locale, 'Attention');
  if (isAppError(error, 'meeting.already-held')) return noticeCard(t('refused.held', locale), locale, 'Attention');
  if (isAppError(error, 'meeting.not-found') || isAppError(error, 'topic.not-found'))
    return noticeCard(plain(readable(error, { locale })), locale, 'Attention');
  throw error;
}

/**
 * A status card button: the data is validated and the permission table asked for `operation` (the service then
 * requires the slot's focal point, alternate or delegate); refusals become notices.
 */
function slotAction(operation: Operation, run: SlotAction): CardAction {
  return async (ctx, raw) => {
    const parsed = CardData.safeParse(raw);
    if (!parsed.success) return noticeCard(t('error.card.invalid', ctx.locale), ctx.locale, 'Attention');
    const permitted = permission(ctx, operation);
    if (!permitted.allowed) return noticeCard(permitted.refusal, ctx.locale, 'Attention');
    try {
      return await run(ctx, parsed.data, permitted);
    } catch (error) {
      return refusal(error, ctx.locale);
    }
  };
}

/** Submit: stores the update and answers with its summary, or shows the card again with what was wrong. */
function submit(parts: CollectionParts): SlotAction {
  return async (ctx, data, { person, caller }) => {
    const events = eventOf(data);
    const draft = draftOf(data);
    const again = async (message: string, values: DraftValues = draft) =>
      promptCard(await promptFor(parts, person, data), ctx.locale, values, message, parts.tab);
    if (events === 'invalid') return again(t('prompt.invalidEvent', ctx.locale));
    try {
      const result = await parts.collection.submit(caller, {
        meetingId: data.meetingId,
        topicId: data.topicId,
        sector: data.sector,
        baseRevision: data.baseRevision,
        progress: data.progress ?? '',
        nextSteps: data.nextSteps ?? '',
        escalate: draft.escalate,
        ask: data.ask ?? '',
        events,
      });
      return summaryCard(parts.collection.summaryData(result, person), result.update, ctx.locale, parts.tab);
    } catch (error) {
      if (isAppError(error, 'update.too-long')) {
        const details = error.details as { field: string; max: number; length: number };
        const field = t(FIELD_LABEL[details.field] ?? 'prompt.progress', ctx.locale);
        return again(t('prompt.limit', ctx.locale, { field, max: details.max, length: details.length }));
      }
      if (isAppError(error, 'update.stale')) return again(t('prompt.stale', ctx.locale), {});
      throw error;
    }
  };
}

/** Wires the status card's buttons: submit, no change, edit, delegate, and the secretariat's "send again". */
export function addCollectionCardActions(bot: IscBot, parts: CollectionParts): void {
  const { collection, tab } = parts;
  bot.addCardAction(VERBS.submit, slotAction('update.submit', submit(parts)));

  bot.addCardAction(
    VERBS.noChange,
    slotAction('update.submit', async (ctx, data, { person, caller }) => {
      const { meetingId, topicId, sector, baseRevision } = data;
      const result = await collection.submitNoChange(caller, { meetingId, topicId, sector, baseRevision });
      return summaryCard(collection.summaryData(result, person), result.update, ctx.locale, tab);
    }),
  );

  bot.addCardAction(
    VERBS.edit,
    slotAction('update.submit', async (ctx, data, { person }) =>
      promptCard(await promptFor(parts, person, data), ctx.locale, {}, undefined, tab),
    ),
  );

  bot.addCardAction(
    VERBS.delegate,
    slotAction('update.delegate', async (ctx, data, { caller }) => {
      try {
        const { alternate } = await collection.delegate(caller, data.meetingId, data.topicId, data.sector);
        return noticeCard(t('delegated.done', ctx.locale, { name: alternate.name }), ctx.locale, 'Good');
      } catch (error) {
        if (isAppError(error, 'delegation.no-alternate'))
          return noticeCard(plain(readable(error, ctx)), ctx.locale, 'Attention');
        throw error;
      }
    }),
  );

  bot.addCardAction(CONFIRM_VERBS.retryUndeliverable, async (ctx, data) => {
    const permitted = permission(ctx, 'collection.retry');
    if (!permitted.allowed) return noticeCard(permitted.refusal, ctx.locale, 'Attention');
    const meetingId = Id.safeParse(data.meetingId);
    if (!meetingId.success) return noticeCard(t('error.request.invalid', ctx.locale), ctx.locale, 'Attention');
    return deliveryCard(await collection.retryUndeliverable(meetingId.data, permitted.caller), ctx.locale, tab);
  });
}
