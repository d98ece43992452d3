import { alternation } from './command-words';

/** How a relative date moves from the reference date (the day the line was written in the meeting). */
type Shift = (reference: Date, count: number) => Date;

const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 864e5);

/** The same day `months` later, or that month's last day when it is shorter ("31 Jan" + 1 month = 28/29 Feb). */
function addMonths(date: Date, months: number): Date {
  const first = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(date.getUTCDate(), last)));
}

const endOfMonth = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0));
const endOfYear = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), 11, 31));

/** The next such weekday strictly after the reference (0 = Sunday). */
const nextWeekday = (weekday: number) => (date: Date) => addDays(date, ((weekday - date.getUTCDay() + 6) % 7) + 1);

/** Relative dates in the six languages (articles included), and how each moves from the reference date. */
const PHRASES: { words: string[]; shift: Shift }[] = [
  {
    words: ['tomorrow', 'demain', 'mañana', 'manana', 'завтра', 'завтрашнего дня', '明天', '明日', 'غدا', 'غدًا', 'غداً'],
    shift: (date) => addDays(date, 1),
  },
  {
    words: [
      'next week',
      'the next week',
      'la semaine prochaine',
      'semaine prochaine',
      'la próxima semana',
      'próxima semana',
      'la proxima semana',
      'la semana que viene',
      'la semana próxima',
      'следующей неделе',
      'следующей недели',
      'следующую неделю',
      'следующая неделя',
      '下周',
      '下星期',
      '下礼拜',
      'الأسبوع القادم',
      'الأسبوع المقبل',
      'الاسبوع القادم',
      'الاسبوع المقبل',
    ],
    shift: (date) => addDays(date, 7),
  },
  {
    words: [
      'next month',
      'the next month',
      'le mois prochain',
      'mois prochain',
      'el próximo mes',
      'próximo mes',
      'el proximo mes',
      'el mes que viene',
      'el mes próximo',
      'следующему месяцу',
      'следующего месяца',
      'следующий месяц',
      '下个月',
      '下月',
      'الشهر القادم',
      'الشهر المقبل',
    ],
    shift: (date) => addMonths(date, 1),
  },
  {
    words: [
      'end of the month',
      'the end of the month',
      'end of month',
      'month end',
      'month-end',
      'la fin du mois',
      'fin du mois',
      'fin de mes',
      'el fin de mes',
      'finales de mes',
      'fines de mes',
      'final del mes',
      'концу месяца',
      'конца месяца',
      '月底',
      '本月底',
      '月末',
      'نهاية الشهر',
    ],
    shift: endOfMonth,
  },
  {
    words: [
      'end of the year',
      'the end of the year',
      'end of year',
      'year end',
      'year-end',
      "la fin de l'année",
      "fin de l'année",
      "fin d'année",
      "la fin d'année",
      'fin de año',
      'finales de año',
      'fines de año',
      'final del año',
      'концу года',
      'конца года',
      '年底',
      '年末',
      '今年年底',
      'نهاية العام',
      'نهاية السنة',
    ],
    shift: endOfYear,
  },
  ...[
    [
      'sunday',
      'dimanche',
      'domingo',
      'воскресенья',
      'воскресенье',
      'воскресенью',
      '周日',
      '星期日',
      '星期天',
      'الأحد',
      'يوم الأحد',
    ],
    [
      'monday',
      'lundi',
      'lunes',
      'понедельника',
      'понедельник',
      'понедельнику',
      '周一',
      '星期一',
      'الاثنين',
      'يوم الاثنين',
    ],
    ['tuesday', 'mardi', 'martes', 'вторника', 'вторник', 'вторнику', '周二', '星期二', 'الثلاثاء', 'يوم الثلاثاء'],
    [
      'wednesday',
      'mercredi',
      'miércoles',
      'miercoles',
      'среды',
      'среду',
      'среде',
      '周三',
      '星期三',
      'الأربعاء',
      'يوم الأربعاء',
    ],
    ['thursday', 'jeudi', 'jueves', 'четверга', 'четверг', 'четвергу', '周四', '星期四', 'الخميس', 'يوم الخميس'],
    ['friday', 'vendredi', 'viernes', 'пятницы', 'пятницу', 'пятнице', '周五', '星期五', 'الجمعة', 'يوم الجمعة'],
    ['saturday', 'samedi', 'sábado', 'sabado', 'субботы', 'субботу', 'субботе', '周六', '星期六', 'السبت', 'يوم السبت'],
  ].map((words, weekday) => ({
    words: [...words, ...words.filter((w) => /^[a-z]/.test(w)).map((w) => `next ${w}`)],
    shift: nextWeekday(weekday),
  })),
];

const LOOKUP = new Map<string, Shift>();
for (const phrase of PHRASES) for (const word of phrase.words) LOOKUP.set(word, phrase.shift);

/** Where a word in a spaced script ends (Chinese words run on without a break). */
const WORD_END = String.raw`(?![\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Arabic}])`;

const fold = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");

const PHRASE = new RegExp(String.raw`(?:le\s+|el\s+|the\s+)?(${alternation([...LOOKUP.keys()])})${WORD_END}`, 'iuy');

const UNITS: { pattern: string; shift: Shift }[] = [
  { pattern: String.raw`days?|jours?|d[ií]as?|дн(?:я|ей|ь)|天|أيام|يوما|يومًا`, shift: addDays },
  {
    pattern: String.raw`weeks?|semaines?|semanas?|недел[юиь]|周|星期|أسابيع`,
    shift: (date, n) => addDays(date, 7 * n),
  },
  { pattern: String.raw`months?|mois|mes(?:es)?|месяц(?:а|ев)?|个月|أشهر|شهور`, shift: addMonths },
];

/** "2 weeks", "3 semaines", "10 días", "2 недели", "两周" is not read (digits only), "3 أسابيع". */
const COUNTED = new RegExp(
  String.raw`(\d{1,3})\s*(?:(${UNITS[0]!.pattern})|(${UNITS[1]!.pattern})|(${UNITS[2]!.pattern}))${WORD_END}`,
  'iuy',
);

/** Words that mark the start of a relative date ("in 2 weeks", "dans 2 semaines", "через 2 недели", "خلال"). */
export const RELATIVE_WORDS = [
  'in',
  'within',
  'dans',
  'dans les',
  'sous',
  'en',
  'en los próximos',
  'dentro de',
  'para',
  'через',
  'в течение',
  'خلال',
  'في غضون',
  'في خلال',
];

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A relative date read at a position: the date it means from the reference (null without one), and its text. */
export interface RelativeRead {
  date: string | null;
  text: string;
  end: number;
}

/**
 * Reads a relative date at a position ("next week", "la semaine prochaine", "fin de mes", "к следующей неделе",
 * "下个月", "الأسبوع القادم", "Friday", "2 weeks"), against the reference date (YYYY-MM-DD): tomorrow is a day
 * after, next week seven days after, next month the same day a month after, the end of the month or year its
 * last day, a weekday the next such day. Null when nothing relative is there; `date` null without a reference.
 */
export function readRelativeDate(text: string, at: number, reference: string | null): RelativeRead | null {
  const refDate = reference ? new Date(`${reference}T00:00:00Z`) : null;
  const valid = refDate && !Number.isNaN(refDate.getTime()) ? refDate : null;
  PHRASE.lastIndex = at;
  const phrase = PHRASE.exec(text);
  if (phrase?.[1]) {
    const shift = LOOKUP.get(fold(phrase[1]));
    if (shift) {
      return { date: valid ? iso(shift(valid, 1)) : null, text: phrase[0].trim(), end: at + phrase[0].length };
    }
  }
  COUNTED.lastIndex = at;
  const counted = COUNTED.exec(text);
  if (counted) {
    const count = Number(counted[1]);
    const unit = counted[2] ? UNITS[0] : counted[3] ? UNITS[1] : UNITS[2];
    if (unit && count > 0) {
      return {
        date: valid ? iso(unit.shift(valid, count)) : null,
        text: counted[0].trim(),
        end: at + counted[0].length,
      };
    }
  }
  return null;
}

/** Time units: a phrase with one of these after a due word is a date, read or not. */
const TIME_UNIT = String.raw`(?:q[1-4]|weeks?|weekend|months?|years?|quarters?|semesters?|days?|semaines?|mois|années?|ans?|trimestres?|semestres?|jours?|rentrée|semanas?|mes(?:es)?|años?|trimestres?|d[ií]as?|недел\p{L}*|месяц\p{L}*|год\p{L}*|квартал\p{L}*|дн\p{L}*|أسبوع|الأسبوع|شهر|الشهر|عام|العام|سنة|السنة|ربع|الربع|يوم|اليوم)(?![\p{L}])`;

/**
 * A phrase that says a relative date follows but one this module does not read ("by next quarter", "d'ici la
 * rentrée", "к концу квартала", "下季度", "الربع القادم"): up to four words, one of them a time unit.
 */
const UNREAD = new RegExp(
  String.raw`(?:[^\s.,;:!?。，；]+\s+){0,3}?${TIME_UNIT}|[下本这今明上][个個]?(?:周|星期|月|季度|年|半年)`,
  'iuy',
);

/** The text of an unread relative date at a position, or null when none seems to start there. */
export function unreadRelativeDate(text: string, at: number): string | null {
  UNREAD.lastIndex = at;
  const match = UNREAD.exec(text);
  return match ? match[0].trim().slice(0, 100) : null;
}
