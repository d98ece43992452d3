import { z } from 'zod';
import { AppError, DateOnly, isAppError, localized, type Locale } from '../teams-app/domain';
import { t, type MessageKey } from '../teams-app/i18n';
import type { CollectionService, PromptData, RegisterService } from '../teams-app/services';
import type { Attachment } from './activity';
import { plain } from './cards/card';
import { noticeCard, promptCard, summaryCard, trackerCard, VERBS, type DraftValues } from './cards/status-card';
import type { IscBot, TurnContext } from './handler';

const CardData = z.object({
  meetingId: z.string().min(1).max(100),
  topicId: z.string().min(1).max(100),
  sector: z.enum(['BR', 'TSB', 'BDT', 'GS']),
  baseRevision: z.coerce.number().int().min(0).default(0),
  progress: z.string().max(100_000).optional(),
  nextSteps: z.string().max(100_000).optional(),
  escalate: z.union([z.boolean(), z.string()]).optional(),
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
  async function prompt(ctx: TurnContext, data: CardData): Promise<PromptData> {
    const meeting = await register.getMeeting(data.meetingId);
    const slots = ctx.person ? await collection.slotsOf(ctx.person.id, meeting.id) : [];
    const slot = slots.find((s) => s.topicId === data.topicId && s.sector === data.sector);
    return collection.promptData(meeting, {
      topicId: data.topicId,
      sector: data.sector,
      personId: ctx.person!.id,
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
    run: (data: CardData) => Promise<Attachment>,
  ): Promise<Attachment> {
    const parsed = CardData.safeParse(raw);
    if (!parsed.success) return noticeCard(t('error.request.invalid', ctx.locale), ctx.locale, 'Attention');
    if (!ctx.person) return noticeCard(t('notRegistered', ctx.locale), ctx.locale, 'Attention');
    try {
      return await run(parsed.data);
    } catch (error) {
      return refusal(error, ctx.locale);
    }
  }

  bot.addCardAction(VERBS.submit, (ctx, raw) =>
    guarded(ctx, raw, async (data) => {
      const events = eventOf(data);
      if (events === 'invalid')
        return promptCard(await prompt(ctx, data), ctx.locale, draftOf(data), t('prompt.invalidEvent', ctx.locale));
      try {
        const draft = draftOf(data);
        const result = await collection.submit(ctx.person!.id, {
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
        return summaryCard(collection.summaryData(result, ctx.person!), result.update, ctx.locale);
      } catch (error) {
        if (isAppError(error, 'update.too-long')) {
          const details = error.details as { field: string; max: number; length: number };
          const field = t(FIELD_LABEL[details.field] ?? 'prompt.progress', ctx.locale);
          return promptCard(
            await prompt(ctx, data),
            ctx.locale,
            draftOf(data),
            t('prompt.limit', ctx.locale, { field, max: details.max, length: details.length }),
          );
        }
        if (isAppError(error, 'update.stale'))
          return promptCard(await prompt(ctx, data), ctx.locale, {}, t('prompt.stale', ctx.locale));
        throw error;
      }
    }),
  );

  bot.addCardAction(VERBS.noChange, (ctx, raw) =>
    guarded(ctx, raw, async (data) => {
      const result = await collection.submitNoChange(ctx.person!.id, data);
      return summaryCard(collection.summaryData(result, ctx.person!), result.update, ctx.locale);
    }),
  );

  bot.addCardAction(VERBS.edit, (ctx, raw) =>
    guarded(ctx, raw, async (data) => promptCard(await prompt(ctx, data), ctx.locale)),
  );

  bot.addCardAction(VERBS.delegate, (ctx, raw) =>
    guarded(ctx, raw, async (data) => {
      try {
        const { alternate } = await collection.delegate(ctx.person!.id, data.meetingId, data.topicId, data.sector);
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
        await ctx.turn.send({
          type: 'message',
          text: t('open.done', ctx.locale, {
            meeting: result.meeting.title,
            queued: result.queued,
            undeliverable: result.undeliverable,
          }),
        });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        await ctx.turn.send({ type: 'message', text: error.message });
      }
    },
  });
}
