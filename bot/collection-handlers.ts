import { CONFIRM_VERBS, deliveryCard } from './cards/confirm-card';
import { z } from 'zod';
import { AppError, DateOnly, Id, isAppError, localized, type Locale, type Person } from '../teams-app/domain';
import { t, type MessageKey } from '../teams-app/i18n';
import type { CollectionService, PromptData, RegisterService } from '../teams-app/services';
import type { Stored } from '../teams-app/store';
import type { Attachment } from './activity';
import { plain } from './cards/card';
import { noticeCard, promptCard, summaryCard, trackerCard, VERBS, type DraftValues } from './cards/status-card';
import type { IscBot, TurnContext } from './handler';

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

/** Reads the optional event row of the card; null when left empty, an error message key when invalid. */
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

/** Wires status collection into the bot: the prompt card's buttons and the update / status / open commands. */
export function addCollectionHandlers(bot: IscBot, collection: CollectionService, register: RegisterService): void {
  async function prompt(person: Stored<Person>, data: CardData): Promise<PromptData> {
    const meeting = await register.getMeeting(data.meetingId);
    const slots = await collection.slotsOf(person.id, meeting.id);
    const slot = slots.find((s) => s.topicId === data.topicId && s.sector === data.sector);
    return collection.promptData(meeting, {
      topicId: data.topicId,
      sector: data.sector,
      personId: person.id,
      reason: slot?.reason ?? 'focal-point',
    });
  }

  function refusal(error: unknown, locale: Locale): Attachment {
    if (isAppError(error, 'update.not-responsible'))
      return noticeCard(t('refused.notResponsible', locale), locale, 'Attention');
    if (isAppError(error, 'meeting.already-held')) return noticeCard(t('refused.held', locale), locale, 'Attention');
    if (isAppError(error, 'meeting.not-found') || isAppError(error, 'topic.not-found'))
      return noticeCard(plain(error.message), locale, 'Attention');
    throw error;
  }

  async function guarded(
    ctx: TurnContext,
    raw: Record<string, unknown>,
    run: (data: CardData, person: Stored<Person>) => Promise<Attachment>,
  ): Promise<Attachment> {
    const parsed = CardData.safeParse(raw);
    if (!parsed.success) return noticeCard(t('error.card.invalid', ctx.locale), ctx.locale, 'Attention');
    if (!ctx.person) return noticeCard(t('notRegistered', ctx.locale), ctx.locale, 'Attention');
    try {
      return await run(parsed.data, ctx.person);
    } catch (error) {
      return refusal(error, ctx.locale);
    }
  }

  bot.addCardAction(VERBS.submit, (ctx, raw) =>
    guarded(ctx, raw, async (data, person) => {
      const events = eventOf(data);
      if (events === 'invalid')
        return promptCard(await prompt(person, data), ctx.locale, draftOf(data), t('prompt.invalidEvent', ctx.locale));
      try {
        const draft = draftOf(data);
        const result = await collection.submit(person.id, {
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
        return summaryCard(collection.summaryData(result, person), result.update, ctx.locale);
      } catch (error) {
        if (isAppError(error, 'update.too-long')) {
          const details = error.details as { field: string; max: number; length: number };
          const field = t(FIELD_LABEL[details.field] ?? 'prompt.progress', ctx.locale);
          return promptCard(
            await prompt(person, data),
            ctx.locale,
            draftOf(data),
            t('prompt.limit', ctx.locale, { field, max: details.max, length: details.length }),
          );
        }
        if (isAppError(error, 'update.stale'))
          return promptCard(await prompt(person, data), ctx.locale, {}, t('prompt.stale', ctx.locale));
        throw error;
      }
    }),
  );

  bot.addCardAction(VERBS.noChange, (ctx, raw) =>
    guarded(ctx, raw, async (data, person) => {
      const { meetingId, topicId, sector, baseRevision } = data;
      const result = await collection.submitNoChange(person.id, { meetingId, topicId, sector, baseRevision });
      return summaryCard(collection.summaryData(result, person), result.update, ctx.locale);
    }),
  );

  bot.addCardAction(VERBS.edit, (ctx, raw) =>
    guarded(ctx, raw, async (data, person) => promptCard(await prompt(person, data), ctx.locale)),
  );

  bot.addCardAction(VERBS.delegate, (ctx, raw) =>
    guarded(ctx, raw, async (data, person) => {
      try {
        const { alternate } = await collection.delegate(person.id, data.meetingId, data.topicId, data.sector);
        return noticeCard(t('delegated.done', ctx.locale, { name: alternate.name }), ctx.locale, 'Good');
      } catch (error) {
        if (isAppError(error, 'delegation.no-alternate'))
          return noticeCard(plain(error.message), ctx.locale, 'Attention');
        throw error;
      }
    }),
  );

  bot.addCommand({
    name: 'update',
    matches: (text) => text.match(/^update(?:\s+(.+))?$/i),
    async run(ctx, match) {
      if (!ctx.person) return void (await ctx.turn.send({ type: 'message', text: t('notRegistered', ctx.locale) }));
      const meeting = await collection.nextMeeting();
      if (!meeting) return void (await ctx.turn.send({ type: 'message', text: t('update.none', ctx.locale) }));
      const slots = await collection.slotsOf(ctx.person.id, meeting.id);
      const topics = await register.listTopics();
      const wanted = (match[1] ?? '').trim().toLocaleLowerCase();
      const candidates = slots
        .map((s) => ({ ...s, topic: topics.find((x) => x.id === s.topicId) }))
        .filter((s) => s.topic)
        .filter(
          (s) =>
            wanted &&
            (s.topicId === wanted ||
              Object.values(s.topic!.title).some((title) => title?.toLocaleLowerCase().includes(wanted))),
        );
      const chosen = candidates[0];
      if (!chosen) {
        const names = slots
          .map((s) => topics.find((x) => x.id === s.topicId))
          .filter(Boolean)
          .map((x) => localized(x!.title, ctx.locale));
        return void (await ctx.turn.send({
          type: 'message',
          textFormat: 'markdown',
          text: t('update.which', ctx.locale, { topics: [...new Set(names)].join(', ') }),
        }));
      }
      const data = await collection.promptData(meeting, {
        topicId: chosen.topicId,
        sector: chosen.sector,
        personId: ctx.person.id,
        reason: chosen.reason,
      });
      const card = data.current ? summaryCard(data, data.current, ctx.locale) : promptCard(data, ctx.locale);
      await ctx.turn.send({ type: 'message', attachments: [card] });
    },
  });

  const staffOnly = async (ctx: TurnContext): Promise<boolean> => {
    if (ctx.person?.roles.some((r) => r === 'secretariat' || r === 'chair')) return true;
    await ctx.turn.send({ type: 'message', text: t('forbidden.secretariat', ctx.locale) });
    return false;
  };

  bot.addCommand({
    name: 'status',
    matches: (text) => text.match(/^(?:status|tracker)(?:\s+(.+))?$/i),
    async run(ctx, match) {
      if (!(await staffOnly(ctx))) return;
      try {
        const meeting = await collection.resolveMeeting(match[1]);
        const view = await collection.tracker(meeting.id);
        await ctx.turn.send({ type: 'message', attachments: [trackerCard(view, ctx.locale, ctx.person!.timeZone)] });
      } catch (error) {
        if (!isAppError(error, 'meeting.not-found')) throw error;
        await ctx.turn.send({ type: 'message', text: error.message });
      }
    },
  });

  bot.addCommand({
    name: 'open',
    matches: (text) => text.match(/^open(?:\s+(.+))?$/i),
    async run(ctx, match) {
      if (!ctx.person?.roles.includes('secretariat')) {
        await ctx.turn.send({ type: 'message', text: t('forbidden.secretariat', ctx.locale) });
        return;
      }
      try {
        const meeting = await collection.resolveMeeting(match[1]);
        const result = await collection.open(meeting.id, { personId: ctx.person.id, roles: ctx.person.roles });
        await ctx.turn.send({ type: 'message', attachments: [deliveryCard(result, ctx.locale)] });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        await ctx.turn.send({ type: 'message', text: error.message });
      }
    },
  });

  bot.addCardAction(CONFIRM_VERBS.retryUndeliverable, async (ctx, data) => {
    if (!ctx.person?.roles.includes('secretariat'))
      return noticeCard(t('forbidden.secretariat', ctx.locale), ctx.locale, 'Attention');
    const meetingId = Id.safeParse(data.meetingId);
    if (!meetingId.success) return noticeCard(t('error.request.invalid', ctx.locale), ctx.locale, 'Attention');
    const result = await collection.retryUndeliverable(meetingId.data, {
      personId: ctx.person.id,
      roles: ctx.person.roles,
    });
    return deliveryCard(result, ctx.locale);
  });
}
