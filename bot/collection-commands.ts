import { AppError, isAppError, localized, type TabLinks, type Topic } from '../teams-app/domain';
import { t } from '../teams-app/i18n';
import type { CollectionService, RegisterService, Slot } from '../teams-app/services';
import { deliveryCard } from './cards/confirm-card';
import { promptCard, summaryCard, trackerCard } from './cards/status-card';
import type { IscBot, TurnContext } from './handler';
import { permission } from './permissions';
import { readable } from './refusal';

/** What the collection commands need from the app. */
interface CollectionParts {
  collection: CollectionService;
  register: RegisterService;
  /** How the cards link into the tab. */
  tab: TabLinks;
}

/** A topic as the command reads it: its id and titles. */
type NamedTopic = Pick<Topic, 'id' | 'title'>;

/** The slot whose topic is named by id or by (part of) a title in any language; undefined when none matches. */
function chosenSlot(slots: Slot[], topics: NamedTopic[], wanted: string): (Slot & { topic: NamedTopic }) | undefined {
  const key = wanted.trim().toLocaleLowerCase();
  if (!key) return undefined;
  return slots
    .map((s) => ({ ...s, topic: topics.find((x) => x.id === s.topicId) }))
    .filter((s): s is Slot & { topic: NamedTopic } => s.topic !== undefined)
    .find(
      (s) =>
        s.topicId === key || Object.values(s.topic.title).some((title) => title?.toLocaleLowerCase().includes(key)),
    );
}

/** `update [topic]`: the prompt card for one of the person's topics (its summary when already answered). */
async function update(parts: CollectionParts, ctx: TurnContext, wanted: string): Promise<void> {
  const { collection, register } = parts;
  const permitted = permission(ctx, 'update.submit');
  if (!permitted.allowed) return void (await ctx.turn.send({ type: 'message', text: permitted.refusal }));
  const { person } = permitted;
  const meeting = await collection.nextMeeting();
  if (!meeting) return void (await ctx.turn.send({ type: 'message', text: t('update.none', ctx.locale) }));
  const slots = await collection.slotsOf(person.id, meeting.id);
  const topics: NamedTopic[] = await register.listTopics();
  const chosen = chosenSlot(slots, topics, wanted);
  if (!chosen) {
    const names = slots
      .map((s) => topics.find((x) => x.id === s.topicId))
      .filter((x): x is NamedTopic => x !== undefined)
      .map((x) => localized(x.title, ctx.locale));
    return void (await ctx.turn.send({
      type: 'message',
      textFormat: 'markdown',
      text: t('update.which', ctx.locale, { topics: [...new Set(names)].join(', ') }),
    }));
  }
  const data = await collection.promptData(meeting, {
    topicId: chosen.topicId,
    sector: chosen.sector,
    personId: person.id,
    reason: chosen.reason,
  });
  const card = data.current
    ? summaryCard(data, data.current, ctx.locale, parts.tab)
    : promptCard(data, ctx.locale, {}, undefined, parts.tab);
  await ctx.turn.send({ type: 'message', attachments: [card] });
}

/** `status [meeting]`: the tracker of a meeting (everyone in the register, as in the tab). */
async function status(parts: CollectionParts, ctx: TurnContext, ref: string | undefined): Promise<void> {
  const permitted = permission(ctx, 'tracker.read');
  if (!permitted.allowed) return void (await ctx.turn.send({ type: 'message', text: permitted.refusal }));
  try {
    const meeting = await parts.collection.resolveMeeting(ref);
    const view = await parts.collection.tracker(meeting.id, permitted.caller);
    const card = trackerCard(view, ctx.locale, permitted.person.timeZone, parts.tab);
    await ctx.turn.send({ type: 'message', attachments: [card] });
  } catch (error) {
    if (!isAppError(error, 'meeting.not-found')) throw error;
    await ctx.turn.send({ type: 'message', text: readable(error, ctx) });
  }
}

/** `open [meeting]`: opens collection now (secretariat) and reports who was prompted and who cannot be reached. */
async function open(parts: CollectionParts, ctx: TurnContext, ref: string | undefined): Promise<void> {
  const permitted = permission(ctx, 'collection.open');
  if (!permitted.allowed) return void (await ctx.turn.send({ type: 'message', text: permitted.refusal }));
  try {
    const meeting = await parts.collection.resolveMeeting(ref);
    const result = await parts.collection.open(meeting.id, permitted.caller);
    await ctx.turn.send({ type: 'message', attachments: [deliveryCard(result, ctx.locale, parts.tab)] });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await ctx.turn.send({ type: 'message', text: readable(error, ctx) });
  }
}

/** Wires the collection commands of the registry: update, status, open. */
export function addCollectionCommands(bot: IscBot, parts: CollectionParts): void {
  bot.onCommand('update', (ctx, command) => update(parts, ctx, command.arg ?? ''));
  bot.onCommand('status', (ctx, command) => status(parts, ctx, command.arg));
  bot.onCommand('open', (ctx, command) => open(parts, ctx, command.arg));
}
