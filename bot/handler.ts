import { isAppError, Locale, type Person, type TabLinks } from '../teams-app/domain';
import { pickLocale, t } from '../teams-app/i18n';
import type { ConversationService, RegisterService } from '../teams-app/services';
import type { Stored } from '../teams-app/store';
import { z } from 'zod';
import { commandText, IncomingActivity, type Attachment, type InvokeResponse, type Turn } from './activity';
import { helpCard } from './cards/help-card';
import { parseCommand, type CommandId, type ParsedCommand } from './commands';
import { myTopicsCard } from './cards/my-topics-card';
import { plain } from './cards/card';
import { noticeCard } from './cards/status-card';
import { conversationType, referenceFrom } from './conversation-ref';
import { permission } from './permissions';
import { tenantOf } from './teams-channel-data';
import { readable } from './refusal';

/** The verb of a card button. */
const Verb = z.string().min(1).max(100);

/** The value of an Action.Execute invoke (`adaptiveCard/action`): the button's verb and data. */
const CardInvoke = z.object({
  action: z.object({
    type: z.string().max(50).optional(),
    verb: Verb,
    data: z.record(z.string(), z.unknown()).default({}),
  }),
  trigger: z.string().max(50).optional(),
});

/** The value of an Action.Submit message (older clients): the button's data and the card's inputs. */
const SubmitValue = z.looseObject({ verb: Verb });
type SubmitValue = z.infer<typeof SubmitValue>;

function isSubmit(value: unknown): value is SubmitValue {
  return SubmitValue.safeParse(value).success;
}

/** True when the message @mentions the bot. */
export function mentionsBot(activity: IncomingActivity): boolean {
  return (
    (activity.entities ?? []).some(
      (e) => e.type === 'mention' && (e.mentioned as { id?: string } | undefined)?.id === activity.recipient.id,
    ) || /<at>[^<]*<\/at>/i.test(activity.text ?? '')
  );
}

/** What the bot needs from the rest of the app. */
export interface BotDeps {
  register: RegisterService;
  conversations: ConversationService;
  savePersonLocale(person: Stored<Person>, locale: Locale): Promise<void>;
  /** The tab's public address. */
  tabUrl: string;
  /** The Teams app's id: cards then link into the tab with Teams deep links (absent: to the tab's address). */
  teamsAppId?: string | null;
  now(): string;
  /** True when activities from this Entra tenant may reach the bot; others are ignored and nothing is stored. */
  tenantAllowed(tenantId: string | null): boolean;
  log: {
    info(obj: object, msg?: string): void;
    warn(obj: object, msg?: string): void;
    error(obj: object, msg?: string): void;
  };
}

/** Who is talking and in which language, resolved once per turn. */
export interface TurnContext {
  turn: Turn;
  person: Stored<Person> | null;
  locale: Locale;
  text: string;
}

/** Answers a command of the registry (bot/commands.ts), parsed from the message. */
export type CommandHandler = (ctx: TurnContext, command: ParsedCommand) => Promise<void>;

/** A card button (Action.Execute verb): gets the button's data and the inputs, returns the card that replaces it. */
export type CardAction = (ctx: TurnContext, data: Record<string, unknown>) => Promise<Attachment>;

/** Sees every group-chat or channel message first; returns true when it handled the message. */
export type ChatObserver = (ctx: TurnContext) => Promise<boolean>;

/** The bot's logic on plain activities: command routing, card actions, conversation references. */
export class IscBot {
  private readonly commands = new Map<CommandId, CommandHandler>();
  private readonly chatObservers: ChatObserver[] = [];
  private readonly cardActions = new Map<string, CardAction>();

  constructor(private readonly deps: BotDeps) {
    this.onCommand('help', (ctx) => this.help(ctx));
    this.onCommand('my topics', (ctx) => this.myTopics(ctx));
    this.onCommand('language', (ctx, command) => this.language(ctx, command.arg));
  }

  /** How the bot's cards link into the tab (at a view, inside Teams when the app id is known). */
  get tabLinks(): TabLinks {
    return { publicUrl: this.deps.tabUrl, teamsAppId: this.deps.teamsAppId ?? null };
  }

  /** Answers a command of the registry with `handler` (collection and meeting handlers add theirs). */
  onCommand(id: CommandId, handler: CommandHandler): void {
    this.commands.set(id, handler);
  }

  /** Registers an observer of group-chat and channel messages (the meeting chat recorder). */
  addChatObserver(observer: ChatObserver): void {
    this.chatObservers.push(observer);
  }

  /** Registers the handler of a card button verb. */
  addCardAction(verb: string, action: CardAction): void {
    this.cardActions.set(verb, action);
  }

  /** Handles one incoming activity, as the adapter parsed it; returns an invoke response for invoke activities. */
  async onTurn(turn: Turn): Promise<InvokeResponse | void> {
    const { activity } = turn;
    const tenantId = tenantOf(activity);
    if (!this.deps.tenantAllowed(tenantId)) {
      this.deps.log.info({ tenantId, activityType: activity.type }, 'ignored an activity from a tenant not allowed');
      return activity.type === 'invoke' ? { status: 403 } : undefined;
    }
    const person = activity.from.aadObjectId ? await this.deps.register.personByAadId(activity.from.aadObjectId) : null;
    await this.rememberConversation(activity, person);
    const locale = person?.locale ?? pickLocale(activity.locale);
    const ctx: TurnContext = { turn, person, locale, text: commandText(activity) };
    if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') return this.onCardAction(ctx);
    if (activity.type === 'message' && isSubmit(activity.value)) return this.onSubmitFallback(ctx, activity.value);
    if (activity.type === 'message') return this.onMessage(ctx);
    if (activity.type === 'conversationUpdate') return this.onMembersAdded(ctx);
    return undefined;
  }

  private async rememberConversation(activity: IncomingActivity, person: Stored<Person> | null): Promise<void> {
    const ref = referenceFrom(activity, person?.id ?? null, this.deps.now());
    if (!ref) return;
    try {
      await this.deps.conversations.remember(ref);
    } catch (error) {
      this.deps.log.warn({ err: error, conversation: ref.id }, 'could not store the conversation reference');
    }
  }

  /**
   * Action.Execute: the returned card replaces the one clicked (Teams and the Agents Playground). A malformed
   * invoke or a failing action gets a notice card, never an error status.
   */
  private async onCardAction(ctx: TurnContext): Promise<InvokeResponse> {
    const parsed = CardInvoke.safeParse(ctx.turn.activity.value);
    const card = parsed.success
      ? await this.runCardAction(ctx, parsed.data.action.verb, parsed.data.action.data)
      : this.invalidCard(ctx, { issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`) });
    return {
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card.content },
    };
  }

  /** Action.Submit (older clients): the answer card replaces the clicked one through an update. */
  private async onSubmitFallback(ctx: TurnContext, value: SubmitValue): Promise<void> {
    const card = await this.runCardAction(ctx, value.verb, value);
    const replyToId = ctx.turn.activity.replyToId;
    if (replyToId) await ctx.turn.update({ type: 'message', id: replyToId, attachments: [card] });
    else await ctx.turn.send({ type: 'message', attachments: [card] });
  }

  /** Runs a card button's action; an unknown verb or a failure becomes a notice card (failures are logged). */
  private async runCardAction(ctx: TurnContext, verb: string, data: Record<string, unknown>): Promise<Attachment> {
    const action = this.cardActions.get(verb);
    if (!action) return this.invalidCard(ctx, { verb: verb.slice(0, 100) });
    try {
      return await action(ctx, data);
    } catch (error) {
      if (isAppError(error) && error.status < 500) {
        return noticeCard(plain(readable(error, ctx)), ctx.locale, 'Attention');
      }
      this.deps.log.error({ err: error, verb, activityId: ctx.turn.activity.id }, 'card action failed');
      return noticeCard(t('error.generic', ctx.locale), ctx.locale, 'Attention');
    }
  }

  /** The notice for a card button whose value cannot be used (malformed, or a verb nobody handles). */
  private invalidCard(ctx: TurnContext, problem: object): Attachment {
    this.deps.log.info({ problem, activityId: ctx.turn.activity.id }, 'refused a malformed card action');
    return noticeCard(t('error.card.invalid', ctx.locale), ctx.locale, 'Attention');
  }

  private async onMessage(ctx: TurnContext): Promise<void> {
    const inChat = conversationType(ctx.turn.activity) !== 'personal';
    if (inChat) {
      for (const observer of this.chatObservers) if (await observer(ctx)) return;
    }
    if (!ctx.text) return;
    const command = parseCommand(ctx.text, inChat ? 'chat' : 'personal');
    const handler = command ? this.commands.get(command.id) : undefined;
    if (command && handler) return handler(ctx, command);
    // In a group chat or meeting, the bot hears every message (RSC); only a direct @mention gets the hint.
    if (inChat && !mentionsBot(ctx.turn.activity)) return;
    const shown = ctx.text.length > 60 ? `${ctx.text.slice(0, 57)}…` : ctx.text;
    await ctx.turn.send({
      type: 'message',
      textFormat: 'markdown',
      text: t('unknown.hint', ctx.locale, { text: plain(shown) }),
    });
  }

  private async onMembersAdded(ctx: TurnContext): Promise<void> {
    const activity = ctx.turn.activity;
    const botAdded = activity.membersAdded?.some((m) => m.id === activity.recipient.id);
    if (!botAdded || activity.conversation.conversationType === 'channel') return;
    const name = ctx.person?.name ?? activity.from.name ?? '';
    await ctx.turn.send({
      type: 'message',
      textFormat: 'markdown',
      text: t('welcome', ctx.locale, { name: plain(name) }),
    });
  }

  private async help(ctx: TurnContext): Promise<void> {
    await ctx.turn.send({ type: 'message', attachments: [helpCard(ctx.locale, this.tabLinks)] });
  }

  private async myTopics(ctx: TurnContext): Promise<void> {
    const permitted = permission(ctx, 'register.read');
    if (!permitted.allowed) return void (await ctx.turn.send({ type: 'message', text: permitted.refusal }));
    const data = await this.deps.register.myTopics(permitted.person.id, this.deps.now());
    await ctx.turn.send({
      type: 'message',
      attachments: [myTopicsCard(permitted.person, data, ctx.locale, this.tabLinks)],
    });
  }

  private async language(ctx: TurnContext, code: string | undefined): Promise<void> {
    const parsed = Locale.safeParse(code?.toLowerCase());
    if (!parsed.success) {
      await ctx.turn.send({ type: 'message', text: t('language.unknown', ctx.locale) });
      return;
    }
    if (ctx.person) await this.deps.savePersonLocale(ctx.person, parsed.data);
    await ctx.turn.send({ type: 'message', text: t('language.changed', parsed.data) });
  }
}
