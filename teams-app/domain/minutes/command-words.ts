import type { Locale, SectorId } from '../reference';

/** The kinds of line the meeting chat can capture. */
export type CommandKind = 'decision' | 'action' | 'escalation' | 'done';

/** The words that start a captured line, per language (matched case-insensitively, followed by a colon). */
export const COMMAND_WORDS: Record<CommandKind, Record<Locale, readonly string[]>> = {
  decision: {
    en: ['decision', 'decisions', 'decided', 'agreed'],
    fr: ['décision', 'décisions', 'decision'],
    es: ['decisión', 'decisiones', 'decision'],
    ru: ['решение', 'решения', 'решили'],
    zh: ['决定', '決定', '决议'],
    ar: ['قرار', 'القرار', 'مقرر'],
  },
  action: {
    en: ['action', 'actions', 'action item', 'action items', 'todo', 'to do'],
    fr: ['action', 'actions', 'mesure', 'mesure à prendre'],
    es: ['acción', 'acciones', 'accion', 'tarea'],
    ru: ['действие', 'действия', 'поручение', 'поручения'],
    zh: ['行动', '行动项', '行動', '待办'],
    ar: ['إجراء', 'اجراء', 'الإجراء', 'إجراءات'],
  },
  escalation: {
    en: ['escalate', 'escalation', 'escalate to coco'],
    fr: ['escalade', 'remonter', 'remontée', 'escalader'],
    es: ['escalar', 'escalamiento', 'escalada'],
    ru: ['эскалация', 'эскалировать'],
    zh: ['上报', '上報'],
    ar: ['تصعيد', 'التصعيد'],
  },
  done: {
    en: ['done', 'closed', 'completed', 'action done', 'action closed'],
    fr: ['fait', 'terminé', 'terminée', 'clos', 'close', 'clôturé', 'clôturée', 'mesure terminée'],
    es: ['hecho', 'hecha', 'terminado', 'terminada', 'cerrado', 'cerrada', 'cumplido', 'cumplida'],
    ru: ['выполнено', 'сделано', 'закрыто', 'поручение выполнено'],
    zh: ['完成', '已完成', '关闭', '已关闭', '已办结'],
    ar: ['تم', 'منجز', 'أنجز', 'مغلق', 'تم الإنجاز'],
  },
};

/**
 * Sector names a chat line may give in parentheses (`Escalate (BDT): …`) or as an action owner: the codes and
 * the ITU-R / ITU-T / ITU-D names as written in the six languages (matched upper-cased).
 */
export const SECTOR_NAMES: Readonly<Record<string, SectorId>> = {
  BR: 'BR',
  TSB: 'TSB',
  BDT: 'BDT',
  GS: 'GS',
  'ITU-R': 'BR',
  'ITU-T': 'TSB',
  'ITU-D': 'BDT',
  'UIT-R': 'BR',
  'UIT-T': 'TSB',
  'UIT-D': 'BDT',
  'МСЭ-R': 'BR',
  'МСЭ-T': 'TSB',
  'МСЭ-Т': 'TSB',
  'МСЭ-D': 'BDT',
};

/** The sector a written name stands for (`BDT`, `ITU-D`, `UIT-D`, `МСЭ-D` …), or null. */
export function sectorOf(name: string): SectorId | null {
  return (
    SECTOR_NAMES[
      name
        .trim()
        .replace(/\s*[-‐–]\s*/gu, '-')
        .toUpperCase()
    ] ?? null
  );
}

/** The words for "agenda item N", per language (a number follows). */
export const ITEM_WORDS: readonly string[] = [
  'agenda item',
  'item',
  "point de l'ordre du jour",
  'point',
  'punto del orden del día',
  'punto',
  'пункт повестки дня',
  'пункт повестки',
  'пункт',
  '议程项目',
  '议程项',
  '议程',
  '议项',
  'البند رقم',
  'البند',
];

/** Whole phrases for "next item", per language. */
export const NEXT_WORDS: readonly string[] = [
  'next item',
  'next agenda item',
  'point suivant',
  'prochain point',
  'punto siguiente',
  'siguiente punto',
  'próximo punto',
  'следующий пункт',
  'следующий пункт повестки дня',
  '下一项',
  '下一个议程项',
  '下一议程项',
  '下一议项',
  'البند التالي',
];

/** Whole phrases for "previous item", per language. */
export const PREVIOUS_WORDS: readonly string[] = [
  'previous item',
  'point précédent',
  'punto anterior',
  'предыдущий пункт',
  '上一项',
  '上一个议程项',
  'البند السابق',
];

/** Escapes text for use inside a regular expression. */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An alternation of phrases, longest first, with any run of spaces matching any whitespace. */
export function alternation(words: readonly string[]): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((word) => escapeRegExp(word).replace(/ +/g, '\\s+').replace(/'/g, "['’]"))
    .join('|');
}

const LOOKUP = new Map<string, { kind: CommandKind; language: Locale }>();
for (const [kind, byLanguage] of Object.entries(COMMAND_WORDS) as [CommandKind, Record<Locale, readonly string[]>][]) {
  for (const [language, words] of Object.entries(byLanguage) as [Locale, readonly string[]][]) {
    for (const word of words) if (!LOOKUP.has(word)) LOOKUP.set(word, { kind, language });
  }
}

const COMMAND_SOURCE = String.raw`(${alternation([...LOOKUP.keys()])})(?:\s*[(（]\s*([^()（）]{1,30}?)\s*[)）])?\s*[:：﹕]`;

/**
 * The start of a captured line: the command word, an optional note in parentheses (`Escalate (BDT):`) and a colon
 * (ASCII, full-width or with a space before it). Group 1 is the word, group 2 the parenthesised note.
 */
export const COMMAND_PATTERN = new RegExp(`^${COMMAND_SOURCE}`, 'iu');

/** COMMAND_PATTERN at a given position (sticky: set `lastIndex`). */
export const COMMAND_AT = new RegExp(COMMAND_SOURCE, 'iuy');

/** Which command and language a matched command word is. */
export function commandOf(word: string): { kind: CommandKind; language: Locale } | null {
  return LOOKUP.get(word.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'")) ?? null;
}

/** What may follow a pointer: the end, punctuation, or a command on the same line ("Item 4 Decision: …"). */
const REST = String.raw`(?=\s*$|\s*[:：.,،。!\-–—(]|\s*(?:${alternation([...LOOKUP.keys()])})\s*(?:[(（][^()（）]{1,30}[)）]\s*)?[:：﹕])`;

const ITEM_SOURCE = String.raw`(?:(?:${alternation(ITEM_WORDS)})\s*(?:n[o°º]\.?\s*|№\s*|#\s*)?(\d{1,3})(?:\.(\d{1,3}))?|第\s*(\d{1,3})(?:\.(\d{1,3}))?\s*项)${REST}`;
const NEXT_SOURCE = `(?:${alternation(NEXT_WORDS)})${REST}`;
const PREVIOUS_SOURCE = `(?:${alternation(PREVIOUS_WORDS)})${REST}`;

/** "Item 4", "Point 4.2", "Пункт 4", "议程项目4", "第4项", "البند 4" (digits already made ASCII). */
export const ITEM_PATTERN = new RegExp(`^${ITEM_SOURCE}`, 'iu');

/** "Next item" and its equivalents. */
export const NEXT_PATTERN = new RegExp(`^${NEXT_SOURCE}`, 'iu');

/** "Previous item" and its equivalents. */
export const PREVIOUS_PATTERN = new RegExp(`^${PREVIOUS_SOURCE}`, 'iu');

/** The pointer patterns at a given position (sticky: set `lastIndex`), for pointers inside a message. */
export const POINTER_AT = {
  item: new RegExp(ITEM_SOURCE, 'iuy'),
  next: new RegExp(NEXT_SOURCE, 'iuy'),
  previous: new RegExp(PREVIOUS_SOURCE, 'iuy'),
} as const;

/**
 * How a `Done:` line names a follow-up action by its number: "3", "#3", "A3", "no. 3", "№ 3" (digits already made
 * ASCII). A date ("15/01") is not a number.
 */
export const ACTION_NUMBER = /^\s*(?:#\s*|№\s*|n[o°º]\.?\s*|a(?=\d))?(\d{1,3})(?![\d/.-]\d|\d)/iu;
