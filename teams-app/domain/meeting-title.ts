import type { BodyId, Locale } from './reference';

/** How a coordination body is named in one language: on its own, and after "meeting" ("of the …"). */
export interface BodyNames {
  /** The full name, e.g. "Inter-Sectoral Coordination Task Force". */
  name: string;
  /** The name as it follows "meeting" in the language (French "de l'…", Russian genitive, Arabic "لـ…"). */
  meetingOf: string;
}

/**
 * The names of the coordination bodies in the six UN languages (the Chinese ones as in the Secretary-General's
 * Res. 191 reports to Council). The document title block and the meeting titles both read them.
 */
export const BODY_NAMES: Record<Locale, Record<BodyId, BodyNames>> = {
  en: {
    'ISC-TF': {
      name: 'Inter-Sectoral Coordination Task Force',
      meetingOf: 'of the Inter-Sectoral Coordination Task Force',
    },
    ISCG: { name: 'Inter-Sectoral Coordination Group', meetingOf: 'of the Inter-Sectoral Coordination Group' },
    'ISC-TF-SUB': { name: 'ISC-TF sub-task force', meetingOf: 'of the ISC-TF sub-task force' },
  },
  fr: {
    'ISC-TF': {
      name: 'Équipe spéciale de coordination intersectorielle',
      meetingOf: "de l'Équipe spéciale de coordination intersectorielle",
    },
    ISCG: { name: 'Groupe de coordination intersectorielle', meetingOf: 'du Groupe de coordination intersectorielle' },
    'ISC-TF-SUB': { name: "Sous-groupe de l'ISC-TF", meetingOf: "du Sous-groupe de l'ISC-TF" },
  },
  es: {
    'ISC-TF': {
      name: 'Equipo Especial de Coordinación Intersectorial',
      meetingOf: 'del Equipo Especial de Coordinación Intersectorial',
    },
    ISCG: { name: 'Grupo de Coordinación Intersectorial', meetingOf: 'del Grupo de Coordinación Intersectorial' },
    'ISC-TF-SUB': { name: 'Subgrupo del ISC-TF', meetingOf: 'del Subgrupo del ISC-TF' },
  },
  ru: {
    'ISC-TF': {
      name: 'Целевая группа по межсекторальной координации',
      meetingOf: 'Целевой группы по межсекторальной координации',
    },
    ISCG: { name: 'Группа по межсекторальной координации', meetingOf: 'Группы по межсекторальной координации' },
    'ISC-TF-SUB': { name: 'Подгруппа ISC-TF', meetingOf: 'Подгруппы ISC-TF' },
  },
  zh: {
    'ISC-TF': { name: '跨部门协调任务组', meetingOf: '跨部门协调任务组' },
    ISCG: { name: '跨部门协调组', meetingOf: '跨部门协调组' },
    'ISC-TF-SUB': { name: 'ISC-TF分组', meetingOf: 'ISC-TF分组' },
  },
  ar: {
    'ISC-TF': {
      name: 'فرقة العمل المعنية بالتنسيق بين القطاعات',
      meetingOf: 'لفرقة العمل المعنية بالتنسيق بين القطاعات',
    },
    ISCG: { name: 'فريق التنسيق بين القطاعات', meetingOf: 'لفريق التنسيق بين القطاعات' },
    'ISC-TF-SUB': {
      name: 'الفريق الفرعي التابع لفرقة العمل ISC-TF',
      meetingOf: 'للفريق الفرعي التابع لفرقة العمل ISC-TF',
    },
  },
};

/** The full name of a coordination body in a language, without its abbreviation. */
export function bodyFullName(body: BodyId, locale: Locale): string {
  return BODY_NAMES[locale][body].name;
}

function englishOrdinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

const AR_UNITS = ['', 'الأول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع'];
const AR_TENS = [
  '',
  'العاشر',
  'العشرون',
  'الثلاثون',
  'الأربعون',
  'الخمسون',
  'الستون',
  'السبعون',
  'الثمانون',
  'التسعون',
];

/** A masculine ordinal in words with the article, as in "الاجتماع الثاني والثلاثون"; from 101 on: "رقم 101". */
function arabicOrdinal(n: number): string {
  if (n === 100) return 'المائة';
  if (n > 100) return `رقم ${n}`;
  const tens = Math.floor(n / 10);
  const units = n % 10;
  // In compounds "first" is الحادي (الحادي عشر، الحادي والعشرون).
  const unit = units === 1 && n > 10 ? 'الحادي' : (AR_UNITS[units] ?? '');
  if (tens === 0) return unit;
  if (tens === 1) return units === 0 ? 'العاشر' : `${unit} عشر`;
  const ten = AR_TENS[tens] ?? '';
  return units === 0 ? ten : `${unit} و${ten}`;
}

/** "<ordinal> meeting of <body>" in each language, from the body's "of" form and the meeting number. */
const TITLE_PATTERNS: Record<Locale, (n: number, of: string) => string> = {
  en: (n, of) => `${englishOrdinal(n)} meeting ${of}`,
  fr: (n, of) => `${n === 1 ? '1re' : `${n}e`} réunion ${of}`,
  es: (n, of) => `${n}.ª reunión ${of}`,
  ru: (n, of) => `${n}-е собрание ${of}`,
  zh: (n, of) => `${of}第${n}次会议`,
  ar: (n, of) => `الاجتماع ${arabicOrdinal(n)} ${of}`,
};

/** The standard title of a body's meeting in a language: "32nd meeting of the Inter-Sectoral Coordination Task Force". */
export function standardMeetingTitle(body: BodyId, number: number, locale: Locale): string {
  return TITLE_PATTERNS[locale](number, BODY_NAMES[locale][body].meetingOf);
}

/** What a meeting title is rendered from: the body, the number and the stored title (a custom one, or the standard). */
export interface TitledMeeting {
  body: BodyId;
  number: number;
  title: string;
}

const squeeze = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/** True when a meeting's stored title is empty or its standard title in one of the six languages (not a custom one). */
export function hasStandardTitle(meeting: TitledMeeting): boolean {
  const stored = squeeze(meeting.title);
  if (stored === '') return true;
  return (Object.keys(TITLE_PATTERNS) as Locale[]).some(
    (locale) => squeeze(standardMeetingTitle(meeting.body, meeting.number, locale)) === stored,
  );
}

/**
 * A meeting's title for a reader: the standard title rendered in the reader's language from body and number, or the
 * custom title someone gave the meeting, as typed.
 */
export function meetingTitle(meeting: TitledMeeting, locale: Locale): string {
  return hasStandardTitle(meeting) ? standardMeetingTitle(meeting.body, meeting.number, locale) : meeting.title.trim();
}
