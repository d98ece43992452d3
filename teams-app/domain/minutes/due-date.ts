import { alternation } from './command-words';
import { readRelativeDate, RELATIVE_WORDS, unreadRelativeDate } from './relative-date';

/** Month names and abbreviations in the six languages (genitive forms included), to month number. */
const MONTHS: Record<string, number> = {};
const addMonths = (names: string) =>
  names.split('|').forEach((group, i) => group.split(',').forEach((name) => (MONTHS[name] = i + 1)));
addMonths(
  'january,jan|february,feb|march,mar|april,apr|may|june,jun|july,jul|august,aug|september,sep,sept|october,oct|november,nov|december,dec',
);
addMonths(
  'janvier,janv|février,fevrier,févr,fevr|mars|avril,avr|mai|juin|juillet,juil|août,aout|septembre|octobre|novembre|décembre,decembre,déc,dec',
);
addMonths(
  'enero,ene|febrero|marzo|abril,abr|mayo|junio|julio|agosto,ago|septiembre,setiembre|octubre|noviembre|diciembre,dic',
);
addMonths(
  'января,январь,янв|февраля,февраль,фев|марта,март|апреля,апрель,апр|мая,май|июня,июнь,июн|июля,июль,июл|августа,август,авг|сентября,сентябрь,сен,сент|октября,октябрь,окт|ноября,ноябрь,ноя|декабря,декабрь,дек',
);
addMonths(
  'يناير,كانون الثاني|فبراير,شباط|مارس,آذار|أبريل,ابريل,نيسان|مايو,أيار|يونيو,حزيران|يوليو,تموز|أغسطس,اغسطس,آب|سبتمبر,أيلول|أكتوبر,اكتوبر,تشرين الأول|نوفمبر,تشرين الثاني|ديسمبر,كانون الأول',
);

const MONTH = `(${alternation(Object.keys(MONTHS))})(?![\\p{L}])`;
const ORDINAL = String.raw`(?:er|st|nd|rd|th|-?го|-?е)?`;

type Parts = { year: number | null; month: number; day: number };

const FORMATS: { pattern: RegExp; parts: (m: RegExpExecArray) => Parts | null }[] = [
  {
    pattern: /(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/y,
    parts: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }),
  },
  {
    pattern: /(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/y,
    parts: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }),
  },
  {
    pattern: /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/y,
    parts: (m) => ({ year: m[1] ? Number(m[1]) : null, month: Number(m[2]), day: Number(m[3]) }),
  },
  {
    pattern: new RegExp(
      String.raw`(\d{1,2})${ORDINAL}\.?\s*(?:de\s+)?${MONTH}\.?(?:,?\s*(?:de\s+)?(\d{4})(?!\d)(?:\s*г\.?)?)?`,
      'iuy',
    ),
    parts: (m) => monthParts(m[2], m[1], m[3]),
  },
  {
    pattern: new RegExp(String.raw`${MONTH}\.?\s+(\d{1,2})${ORDINAL}(?!\d)(?:,?\s+(\d{4})(?!\d))?`, 'iuy'),
    parts: (m) => monthParts(m[1], m[2], m[3]),
  },
  {
    pattern: /(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?(?![\d/.-]\d)/y,
    parts: (m) => ({ year: m[3] ? twoDigitYear(Number(m[3])) : null, month: Number(m[2]), day: Number(m[1]) }),
  },
];

function twoDigitYear(year: number): number {
  return year < 100 ? 2000 + year : year;
}

function monthParts(name: string | undefined, day: string | undefined, year: string | undefined): Parts | null {
  const month = MONTHS[(name ?? '').toLowerCase().replace(/\s+/g, ' ')];
  if (!month) return null;
  return { year: year ? Number(year) : null, month, day: Number(day) };
}

/** Shapes that look like a date even when they are not a valid one ("31/02/2026", "2026-13-45"). */
const DATE_LIKE = /\d{1,4}(?:[/.-]\d{1,4}){1,2}|\d{1,4}\s*年|\d{1,2}\s*月/y;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDate(year: number, month: number, day: number): string | null {
  if (year < 2000 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function withYear(parts: Parts, reference: string | null): string | null {
  if (parts.year !== null) return validDate(parts.year, parts.month, parts.day);
  if (!reference) return null;
  const refYear = Number(reference.slice(0, 4));
  const candidate = validDate(refYear, parts.month, parts.day);
  if (!candidate) return validDate(refYear + 1, parts.month, parts.day);
  const ageDays = (Date.parse(`${reference}T00:00:00Z`) - Date.parse(`${candidate}T00:00:00Z`)) / 864e5;
  return ageDays > 30 ? validDate(refYear + 1, parts.month, parts.day) : candidate;
}

/** A date read at a position: valid (ISO date), or a date-shaped text that is not a real date. */
export type DateRead = { date: string | null; text: string; end: number };

/** Reads a date at a position of a text whose digits are ASCII; null when nothing date-shaped is there. */
export function readDate(text: string, at: number, reference: string | null): DateRead | null {
  for (const format of FORMATS) {
    format.pattern.lastIndex = at;
    const match = format.pattern.exec(text);
    if (!match) continue;
    const parts = format.parts(match);
    if (!parts) continue;
    return { date: withYear(parts, reference), text: match[0].trim(), end: at + match[0].length };
  }
  DATE_LIKE.lastIndex = at;
  const like = DATE_LIKE.exec(text);
  return like ? { date: null, text: like[0], end: at + like[0].length } : null;
}

const SPACED_WORDS = [
  'new date',
  'new due date',
  'new deadline',
  'extended to',
  'postponed to',
  'nouvelle date',
  'nouvelle date le',
  'nouvelle échéance',
  'nouvelle échéance le',
  'reporté au',
  'reportée au',
  'nueva fecha',
  'nuevo plazo',
  'aplazado al',
  'aplazada al',
  'новый срок',
  'новая дата',
  'перенесено на',
  'موعد جديد',
  'تاريخ جديد',
  'by',
  'due',
  'due by',
  'due on',
  'due date',
  'before',
  'until',
  'no later than',
  'deadline',
  "d'ici le",
  "d'ici au",
  "d'ici",
  'avant le',
  'avant la',
  'avant',
  'pour le',
  'au plus tard le',
  'échéance',
  'date limite',
  'para el',
  'antes del',
  'antes de',
  'hasta el',
  'a más tardar el',
  'plazo',
  'fecha límite',
  'не позднее',
  'срок до',
  'срок',
  'до',
  'к',
  'بحلول',
  'قبل',
  'في موعد أقصاه',
  'الموعد النهائي',
];
const CJK_WORDS = [
  '新截止日期',
  '新期限',
  '新日期',
  '延期至',
  '延至',
  '截止日期',
  '截止到',
  '截止至',
  '截止',
  '截至',
  '最迟于',
  '最迟',
  '于',
  '在',
];

const DUE_WORD = new RegExp(
  String.raw`(?:(?<![\p{L}\p{N}])(?:${alternation(SPACED_WORDS)})(?![\p{L}])|${alternation(CJK_WORDS)})\s*[:：]?\s*`,
  'giu',
);

/** Words after which only a relative date is read ("within 2 weeks", "dans 2 semaines", "через 2 недели"). */
const RELATIVE_WORD = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${alternation(RELATIVE_WORDS)})(?![\p{L}])\s*`, 'giu');

/** Chinese relative dates before 前/之前 or 内: "下周前", "月底之前", "2周内". */
const CHINESE_RELATIVE =
  /(?:明天|下周|下星期|下礼拜|下个月|下月|本月底|月底|月末|今年年底|年底|年末)(?:之)?前|\d{1,3}\s*(?:天|周|个月)内/gu;

/** A due date found in an action's text, with the span of "by <date>" to take out of the text. */
export interface DueDate {
  due: string | null;
  dueText: string | null;
  invalid: boolean;
  span: [number, number] | null;
}

/** Makes Arabic-Indic, Persian and full-width digits ASCII (same length, so offsets still match). */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9\uFF10-\uFF19]/g, (d) => {
    const code = d.charCodeAt(0);
    const zero = code >= 0xff10 ? 0xff10 : code >= 0x06f0 ? 0x06f0 : 0x0660;
    return String(code - zero);
  });
}

/**
 * Finds "by <date>" (or "due", "d'ici le", "para el", "до", "截止", "بحلول" … , or a Chinese date followed by 前)
 * in an action's text. Dates: 2026-12-15, 15/12/2026, 15.12.2026, 15 Dec 2026, Dec 15, 2026, 15 décembre 2026,
 * 15 de diciembre de 2026, 15 декабря 2026 г., 2026年12月15日, 15 ديسمبر 2026; a missing year is the next such
 * date after `reference` (YYYY-MM-DD). Relative dates ("by next week", "d'ici la semaine prochaine", "within 2
 * weeks", "下个月前") are read against `reference`; one that cannot be read ("by next quarter") is `invalid`, so the
 * action goes to the minutes review instead of losing its date. The last valid date wins; a date-shaped but
 * impossible date is `invalid`.
 */
export function findDueDate(text: string, reference: string | null): DueDate {
  const digits = asciiDigits(text);
  let found: DueDate = { due: null, dueText: null, invalid: false, span: null };
  DUE_WORD.lastIndex = 0;
  for (let match = DUE_WORD.exec(digits); match; match = DUE_WORD.exec(digits)) {
    if (match[0].length === 0) {
      DUE_WORD.lastIndex++;
      continue;
    }
    const at = match.index + match[0].length;
    const read = readDate(digits, at, reference) ?? readRelativeDate(digits, at, reference);
    if (read?.date) found = { due: read.date, dueText: read.text, invalid: false, span: [match.index, read.end] };
    else if (read && !found.due) found = { due: null, dueText: read.text, invalid: true, span: null };
    else if (!read && !found.due) {
      const unread = unreadRelativeDate(digits, at);
      if (unread) found = { due: null, dueText: unread, invalid: true, span: null };
    }
  }
  RELATIVE_WORD.lastIndex = 0;
  for (let match = RELATIVE_WORD.exec(digits); match; match = RELATIVE_WORD.exec(digits)) {
    const read = readRelativeDate(digits, match.index + match[0].length, reference);
    if (read?.date && (!found.span || found.span[0] < match.index)) {
      found = { due: read.date, dueText: read.text, invalid: false, span: [match.index, read.end] };
    } else if (read && !read.date && !found.due) found = { due: null, dueText: read.text, invalid: true, span: null };
  }
  CHINESE_RELATIVE.lastIndex = 0;
  for (let match = CHINESE_RELATIVE.exec(digits); match; match = CHINESE_RELATIVE.exec(digits)) {
    const read = readRelativeDate(digits, match.index, reference);
    const end = match.index + match[0].length;
    const span = found.span;
    if (read?.date && span && span[0] <= match.index && span[1] >= match.index) {
      found = { ...found, span: [span[0], Math.max(span[1], end)] };
    } else if (read?.date && (!span || span[0] < match.index)) {
      found = { due: read.date, dueText: read.text, invalid: false, span: [match.index, end] };
    } else if (read && !read.date && !found.due) found = { due: null, dueText: read.text, invalid: true, span: null };
  }
  const chineseBefore = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]\s*(?:之)?前/gu;
  for (let match = chineseBefore.exec(digits); match; match = chineseBefore.exec(digits)) {
    const read = readDate(digits, match.index, reference);
    const end = match.index + match[0].length;
    const span = found.span;
    if (read?.date && span && span[0] <= match.index && span[1] >= match.index) {
      found = { ...found, span: [span[0], Math.max(span[1], end)] };
    } else if (read?.date && (!span || span[0] < match.index)) {
      found = { due: read.date, dueText: read.text, invalid: false, span: [match.index, end] };
    } else if (read && !read.date && !found.due) {
      found = { due: null, dueText: read.text, invalid: true, span: null };
    }
  }
  return found;
}
