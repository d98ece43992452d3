import { Locale, type Person } from '../teams-app/domain';
import { pickLocale, t } from '../teams-app/i18n';
import type { ConversationService, RegisterService } from '../teams-app/services';
import type { Stored } from '../teams-app/store';
import { z } from 'zod';
import { commandText, IncomingActivity, type Attachment, type InvokeResponse, type Turn } from './activity';
import { helpCard } from './cards/help-card';
import { myTopicsCard } from './cards/my-topics-card';
import { plain } from './cards/card';
import { conversationType, referenceFrom } from './conversation-ref';

const CardInvoke = z.object({
  action: z.object({
    type: z.string().optional(),
    verb: z.string().min(1).max(100),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
  trigger: z.string().optional(),
});

function isSubmit(value: unknown): value is { verb: string } & Record<string, unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { verb?: unknown }).verb === 'string';
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
  tabUrl: string;
  now(): string;
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

/** A command: matches the text and answers the turn. */
export interface Command {
  name: string;
  matches(text: string): RegExpMatchArray | null;
  run(ctx: TurnContext, match: RegExpMatchArray): Promise<void>;
}

/** A card button (Action.Execute verb): gets the button's data and the inputs, returns the card that replaces it. */
export type CardAction = (ctx: TurnContext, data: Record<string, unknown>) => Promise<Attachment>;

/** Sees every group-chat or channel message first; returns true when it handled the message. */
export type ChatObserver = (ctx: TurnContext) => Promise<boolean>;

/** The bot's logic on plain activities: command routing, card actions, conversation references. */
export class IscBot {
  private readonly commands: Command[] = [];
  private readonly chatObservers: ChatObserver[] = [];
  private readonly cardActions = new Map<string, CardAction>();

  constructor(private readonly deps: BotDeps) {
    this.addCommand({
      name: 'help',
      matches: (text) => text.match(/^(help|\?|aide|ayuda|помощь|帮助|مساعدة)$/i),
      run: (ctx) => this.help(ctx),
    });
    this.addCommand({
      name: 'my topics',
      matches: (text) => text.match(/^my\s+topics?$/i),
      run: (ctx) => this.myTopics(ctx),
    });
    this.addCommand({
      name: 'language',
      matches: (text) => text.match(/^(?:language|langue|idioma|язык|语言|اللغة)(?:\s+(\S+))?$/i),
      run: (ctx, m) => this.language(ctx, m[1]),
    });
  }

  /** Registers a command; later issues (collection, minutes) add theirs here. */
  addCommand(command: Command): void {
    this.commands.push(command);
  }

  /** Registers an observer of group-chat and channel messages (the meeting chat recorder). */
  addChatObserver(observer: ChatObserver): void {
    this.chatObservers.push(observer);
  }

  /** Registers the handler of a card button verb. */
  addCardAction(verb: string, action: CardAction): void {
    this.cardActions.set(verb, action);
  }

  /** Handles one incoming activity; returns an invoke response for invoke activities. */
  async onTurn(turn: Turn): Promise<InvokeResponse | void> {
    const activity = IncomingActivity.parse(turn.activity);
    const person = activity.from.aadObjectId ? await this.deps.register.personByAadId(activity.from.aadObjectId) : null;
    await this.rememberConversation(activity, person);
    const locale = person?.locale ?? pickLocale(activity.locale);
    const ctx: TurnContext = { turn: { ...turn, activity }, person, locale, text: commandText(activity) };
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

  /** Action.Execute: the returned card replaces the one clicked (Teams and the Agents Playground). */
  private async onCardAction(ctx: TurnContext): Promise<InvokeResponse> {
    const parsed = CardInvoke.safeParse(ctx.turn.activity.value);
    const action = parsed.success ? this.cardActions.get(parsed.data.action.verb) : undefined;
    if (!parsed.success || !action) {
      return {
        status: 200,
        body: {
          statusCode: 400,
          type: 'application/vnd.microsoft.error',
          value: { code: 'BadRequest', message: 'Unknown card action.' },
        },
      };
    }
    const card = await action(ctx, parsed.data.action.data ?? {});
    return {
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card.content },
    };
  }

  /** Action.Submit (older clients): the answer card replaces the clicked one through an update. */
  private async onSubmitFallback(ctx: TurnContext, value: { verb: string } & Record<string, unknown>): Promise<void> {
    const action = this.cardActions.get(value.verb);
    if (!action) return;
    const card = await action(ctx, value);
    const replyToId = ctx.turn.activity.replyToId;
    if (replyToId) await ctx.turn.update({ type: 'message', id: replyToId, attachments: [card] });
    else await ctx.turn.send({ type: 'message', attachments: [card] });
  }

  private async onMessage(ctx: TurnContext): Promise<void> {
    const inChat = conversationType(ctx.turn.activity) !== 'personal';
    if (inChat) {
      for (const observer of this.chatObservers) if (await observer(ctx)) return;
    }
    if (!ctx.text) return;
    for (const command of this.commands) {
      const match = command.matches(ctx.text);
      if (match) return command.run(ctx, match);
    }
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
    await ctx.turn.send({ type: 'message', attachments: [helpCard(ctx.locale, this.deps.tabUrl)] });
  }

  private async myTopics(ctx: TurnContext): Promise<void> {
    if (!ctx.person) {
      await ctx.turn.send({ type: 'message', text: t('notRegistered', ctx.locale) });
      return;
    }
    const data = await this.deps.register.myTopics(ctx.person.id, this.deps.now());
    await ctx.turn.send({ type: 'message', attachments: [myTopicsCard(ctx.person, data, ctx.locale)] });
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
