/**
 * The bot's commands, in one table: each command's words in the six UN languages, what may follow them, where it
 * works and how the help card and the Teams command menu describe it. Routing (`parseCommand`), the help card,
 * the capture of meeting chats (commands are not discussion) and the app manifest's command lists all read it.
 */
import { LOCALES, type Locale } from '../teams-app/domain';
import type { MessageKey } from '../teams-app/i18n';

/** The commands, by their English name (also their title in the Teams command menu). */
export const COMMAND_IDS = [
  'help',
  'my topics',
  'update',
  'status',
  'open',
  'agenda',
  'minutes',
  'meeting',
  'language',
  'done',
] as const;
export type CommandId = (typeof COMMAND_IDS)[number];

/** Where a command is offered: the 1:1 chat with the bot, or group chats, meeting chats and channels. */
export type CommandScope = 'personal' | 'chat';

/** Words in each of the six languages; the first is the one shown (menu title, help card). */
export type Words = Readonly<Record<Locale, readonly string[]>>;

/** A word that changes what a command does: `agenda compile`, `meeting 32 relink`. */
export interface CommandOption {
  name: 'compile' | 'relink';
  words: Words;
  /** Before the argument (`agenda compile 32`) or after it (`meeting 32 relink`). */
  at: 'before-arg' | 'after-arg';
}

/** One command of the registry. */
export interface CommandSpec {
  id: CommandId;
  words: Words;
  /** What may follow the words: nothing, one word (a meeting number, a language code) or free text (a topic). */
  arg: 'none' | 'word' | 'text';
  /** The argument must be given (`meeting 32`). */
  argRequired?: boolean;
  option?: CommandOption;
  /** How the help card shows the command's arguments, after its words (`[meeting]`). */
  usage: string;
  /** What the command does, on the help card and in the Teams command menu. */
  description: MessageKey;
  scopes: readonly CommandScope[];
}

/** The registry. Words are matched ignoring case; several words in one entry match any spacing between them. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    id: 'help',
    words: { en: ['help', '?'], fr: ['aide'], es: ['ayuda'], ru: ['помощь', 'справка'], zh: ['帮助'], ar: ['مساعدة'] },
    arg: 'none',
    usage: '',
    description: 'help.cmd.help',
    scopes: ['personal', 'chat'],
  },
  {
    id: 'my topics',
    words: {
      en: ['my topics', 'my topic'],
      fr: ['mes thèmes', 'mes themes'],
      es: ['mis temas'],
      ru: ['мои темы'],
      zh: ['我的主题'],
      ar: ['مواضيعي'],
    },
    arg: 'none',
    usage: '',
    description: 'help.cmd.myTopics',
    scopes: ['personal', 'chat'],
  },
  {
    id: 'update',
    words: {
      en: ['update'],
      fr: ['mise à jour', 'mise a jour'],
      es: ['actualizar'],
      ru: ['обновить'],
      zh: ['更新'],
      ar: ['تحديث'],
    },
    arg: 'text',
    usage: '[topic]',
    description: 'help.cmd.update',
    scopes: ['personal'],
  },
  {
    id: 'status',
    words: {
      en: ['status', 'tracker'],
      fr: ['suivi', 'statut'],
      es: ['estado', 'seguimiento'],
      ru: ['статус'],
      zh: ['状态'],
      ar: ['الحالة', 'حالة'],
    },
    arg: 'word',
    usage: '[meeting]',
    description: 'help.cmd.status',
    scopes: ['personal', 'chat'],
  },
  {
    id: 'open',
    words: { en: ['open'], fr: ['ouvrir'], es: ['abrir'], ru: ['открыть'], zh: ['开启'], ar: ['فتح'] },
    arg: 'word',
    usage: '[meeting]',
    description: 'help.cmd.open',
    scopes: ['personal'],
  },
  {
    id: 'agenda',
    words: {
      en: ['agenda'],
      fr: ['ordre du jour', 'odj'],
      es: ['orden del día', 'orden del dia', 'agenda'],
      ru: ['повестка'],
      zh: ['议程'],
      ar: ['جدول الأعمال', 'جدول الاعمال'],
    },
    arg: 'word',
    option: {
      name: 'compile',
      words: {
        en: ['compile'],
        fr: ['établir', 'etablir'],
        es: ['compilar'],
        ru: ['составить'],
        zh: ['编制'],
        ar: ['إعداد', 'اعداد'],
      },
      at: 'before-arg',
    },
    usage: '[compile] [meeting]',
    description: 'help.cmd.agenda',
    scopes: ['personal', 'chat'],
  },
  {
    id: 'minutes',
    words: {
      en: ['minutes'],
      fr: ['compte rendu', 'procès-verbal', 'proces-verbal'],
      es: ['acta'],
      ru: ['протокол'],
      zh: ['纪要'],
      ar: ['المحضر', 'محضر'],
    },
    arg: 'word',
    usage: '',
    description: 'help.cmd.minutes',
    scopes: ['personal', 'chat'],
  },
  {
    id: 'meeting',
    words: {
      en: ['meeting'],
      fr: ['réunion', 'reunion'],
      es: ['reunión', 'reunion'],
      ru: ['собрание', 'заседание'],
      zh: ['会议'],
      ar: ['اجتماع'],
    },
    arg: 'word',
    argRequired: true,
    option: {
      name: 'relink',
      words: {
        en: ['relink'],
        fr: ['relier'],
        es: ['revincular'],
        ru: ['перепривязать'],
        zh: ['重新关联'],
        ar: ['إعادة ربط', 'اعادة ربط'],
      },
      at: 'after-arg',
    },
    usage: '<number> [relink]',
    description: 'help.cmd.meeting',
    scopes: ['chat'],
  },
  {
    id: 'language',
    words: { en: ['language'], fr: ['langue'], es: ['idioma'], ru: ['язык'], zh: ['语言'], ar: ['اللغة'] },
    arg: 'word',
    usage: '[code]',
    description: 'help.cmd.language',
    scopes: ['personal'],
  },
  {
    id: 'done',
    words: {
      en: ['done'],
      fr: ['fait', 'terminé', 'termine'],
      es: ['hecho', 'terminado'],
      ru: ['выполнено', 'готово'],
      zh: ['完成'],
      ar: ['تم', 'منجز'],
    },
    arg: 'word',
    usage: '[number]',
    description: 'help.cmd.actionDone',
    scopes: ['personal'],
  },
];

/** A command recognised in a message: which one, its argument and whether its option word was given. */
export interface ParsedCommand {
  id: CommandId;
  /** The argument as typed (a meeting reference, a language code, a topic), if any. */
  arg?: string;
  /** The option word was given (`agenda compile`, `meeting 32 relink`). */
  option: boolean;
}

/** Marks that Teams and keyboards put around right-to-left text; they do not change what was typed. */
const BIDI_MARKS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

function alternatives(words: Words): string {
  const all = [...new Set(LOCALES.flatMap((locale) => words[locale]))].sort((a, b) => b.length - a.length);
  return all.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).join('|');
}

function patternOf(spec: CommandSpec): RegExp {
  const option = spec.option ? `(?:\\s+(?<option>${alternatives(spec.option.words)}))?` : '';
  const value = spec.arg === 'text' ? '.+' : '\\S+';
  const arg = spec.arg === 'none' ? '' : spec.argRequired ? `\\s+(?<arg>${value})` : `(?:\\s+(?<arg>${value}))?`;
  const middle = spec.option?.at === 'after-arg' ? `${arg}${option}` : `${option}${arg}`;
  return new RegExp(`^(?:${alternatives(spec.words)})${middle}$`, 'iu');
}

const PATTERNS = new Map(COMMANDS.map((spec) => [spec.id, patternOf(spec)]));

/** The registry entry of a command. */
export function commandSpec(id: CommandId): CommandSpec {
  const spec = COMMANDS.find((c) => c.id === id);
  if (!spec) throw new Error(`No command "${id}" in the registry.`);
  return spec;
}

/**
 * The command a message's text asks for (mentions and markup already removed), in any of the six languages, or
 * null. Only the commands offered in `scope` are recognised: in a group or meeting chat, where the bot hears
 * everything, ordinary discussion must not be taken for a command.
 */
export function parseCommand(text: string, scope: CommandScope): ParsedCommand | null {
  const typed = text.replace(BIDI_MARKS, '').replace(/\s+/g, ' ').trim();
  if (!typed) return null;
  for (const spec of COMMANDS) {
    if (!spec.scopes.includes(scope)) continue;
    const match = PATTERNS.get(spec.id)?.exec(typed);
    if (!match) continue;
    const arg = match.groups?.arg?.trim();
    return { id: spec.id, ...(arg ? { arg } : {}), option: Boolean(match.groups?.option) };
  }
  return null;
}

/** The commands offered in a scope, in registry order. */
export function commandsIn(scope: CommandScope): CommandSpec[] {
  return COMMANDS.filter((spec) => spec.scopes.includes(scope));
}
