import type { Locale } from '../reference';

/** The kinds of line the meeting chat can capture. */
export type CommandKind = 'decision' | 'action' | 'escalation';

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
};

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

/** The start of a captured line: the command word and a colon (ASCII, full-width or with a space before it). */
export const COMMAND_PATTERN = new RegExp(`^(${alternation([...LOOKUP.keys()])})\\s*[:：﹕]`, 'iu');

/** Which command and language a matched command word is. */
export function commandOf(word: string): { kind: CommandKind; language: Locale } | null {
  return LOOKUP.get(word.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'")) ?? null;
}

const REST = String.raw`(?=\s*$|\s*[:：.,،。!\-–—(])`;

/** "Item 4", "Point 4.2", "Пункт 4", "议程4", "第4项", "البند 4" (digits already made ASCII). */
export const ITEM_PATTERN = new RegExp(
  String.raw`^(?:(?:${alternation(ITEM_WORDS)})\s*(?:n[o°º]\.?\s*|№\s*|#\s*)?(\d{1,3})(?:\.(\d{1,3}))?|第\s*(\d{1,3})(?:\.(\d{1,3}))?\s*项)${REST}`,
  'iu',
);

/** "Next item" and its equivalents. */
export const NEXT_PATTERN = new RegExp(`^(?:${alternation(NEXT_WORDS)})${REST}`, 'iu');

/** "Previous item" and its equivalents. */
export const PREVIOUS_PATTERN = new RegExp(`^(?:${alternation(PREVIOUS_WORDS)})${REST}`, 'iu');
