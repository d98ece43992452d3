import type { Locale } from '../domain';

/** The English strings of the minutes' attendance and follow-up tables: the reference the other languages translate. */
const en = {
  present: 'Present',
  absent: 'Absent',
  guest: 'Guest',
  sectorToConfirm: 'Sector to confirm',
  outcome: 'Outcome',
  closed: 'Closed',
  stillOpen: 'Still open',
  newDue: 'New due date: {date}',
};

/** A key of the minutes strings. */
export type MinutesKey = keyof typeof en;

const STRINGS: Record<Locale, Record<MinutesKey, string>> = {
  en,
  fr: {
    present: 'Présent(e)',
    absent: 'Absent(e)',
    guest: 'Invité(e)',
    sectorToConfirm: 'Secteur à confirmer',
    outcome: 'Suite donnée',
    closed: 'Close',
    stillOpen: 'Toujours en cours',
    newDue: 'Nouvelle échéance : {date}',
  },
  es: {
    present: 'Presente',
    absent: 'Ausente',
    guest: 'Invitado/a',
    sectorToConfirm: 'Sector por confirmar',
    outcome: 'Resultado',
    closed: 'Cerrada',
    stillOpen: 'Sigue abierta',
    newDue: 'Nuevo plazo: {date}',
  },
  ru: {
    present: 'Присутствовал(а)',
    absent: 'Отсутствовал(а)',
    guest: 'Гость',
    sectorToConfirm: 'Сектор уточняется',
    outcome: 'Итог',
    closed: 'Закрыто',
    stillOpen: 'Остаётся открытым',
    newDue: 'Новый срок: {date}',
  },
  zh: {
    present: '出席',
    absent: '缺席',
    guest: '来宾',
    sectorToConfirm: '部门待确认',
    outcome: '结果',
    closed: '已关闭',
    stillOpen: '仍未完成',
    newDue: '新截止日期：{date}',
  },
  ar: {
    present: 'حاضر',
    absent: 'غائب',
    guest: 'ضيف',
    sectorToConfirm: 'القطاع قيد التأكيد',
    outcome: 'النتيجة',
    closed: 'مغلق',
    stillOpen: 'لا يزال مفتوحاً',
    newDue: 'الموعد الجديد: {date}',
  },
};

/** A minutes string (attendance, follow-up outcomes) in a language, with `{name}` placeholders filled in. */
export function minutesText(locale: Locale, key: MinutesKey, params: Record<string, string | number> = {}): string {
  const template = STRINGS[locale][key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
