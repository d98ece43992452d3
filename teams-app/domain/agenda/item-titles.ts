import type { Locale } from '../reference';
import type { AgendaItem, AgendaItemKind } from './agenda-schema';

type StandardKind = Exclude<AgendaItemKind, 'custom'>;

/** The standard agenda headings in the six UN languages. */
export const ITEM_TITLES: Record<Locale, Record<StandardKind, string>> = {
  en: {
    opening: 'Opening and adoption of the agenda',
    actions: 'Follow-up of actions from the previous meeting',
    escalations: 'Escalated issues for decision',
    'topic-updates': 'Updates on coordination topics',
    events: 'Events and conference participation',
    jiu: 'Follow-up of JIU recommendations',
    aob: 'Any other business',
    'next-meeting': 'Next meeting',
  },
  fr: {
    opening: "Ouverture de la réunion et adoption de l'ordre du jour",
    actions: 'Suivi des mesures convenues à la réunion précédente',
    escalations: 'Questions soumises pour décision',
    'topic-updates': 'Point sur les thèmes de coordination',
    events: 'Manifestations et participation aux conférences',
    jiu: 'Suivi des recommandations du CCI',
    aob: 'Questions diverses',
    'next-meeting': 'Prochaine réunion',
  },
  es: {
    opening: 'Apertura de la reunión y aprobación del orden del día',
    actions: 'Seguimiento de las medidas acordadas en la reunión anterior',
    escalations: 'Cuestiones sometidas a decisión',
    'topic-updates': 'Información actualizada sobre los temas de coordinación',
    events: 'Eventos y participación en conferencias',
    jiu: 'Seguimiento de las recomendaciones de la DCI',
    aob: 'Otros asuntos',
    'next-meeting': 'Próxima reunión',
  },
  ru: {
    opening: 'Открытие собрания и утверждение повестки дня',
    actions: 'Контроль выполнения поручений предыдущего собрания',
    escalations: 'Вопросы, переданные для принятия решения',
    'topic-updates': 'Актуальная информация по темам координации',
    events: 'Мероприятия и участие в конференциях',
    jiu: 'Выполнение рекомендаций ОИГ',
    aob: 'Разное',
    'next-meeting': 'Следующее собрание',
  },
  zh: {
    opening: '会议开幕和通过议程',
    actions: '上次会议行动项的后续落实',
    escalations: '提请决定的上报问题',
    'topic-updates': '协调议题最新情况',
    events: '活动与会议参与',
    jiu: '联检组建议的后续落实',
    aob: '其他事项',
    'next-meeting': '下次会议',
  },
  ar: {
    opening: 'افتتاح الاجتماع واعتماد جدول الأعمال',
    actions: 'متابعة الإجراءات المتفق عليها في الاجتماع السابق',
    escalations: 'المسائل المرفوعة لاتخاذ قرار',
    'topic-updates': 'مستجدات مواضيع التنسيق',
    events: 'الأحداث والمشاركة في المؤتمرات',
    jiu: 'متابعة توصيات وحدة التفتيش المشتركة',
    aob: 'ما يستجد من أعمال',
    'next-meeting': 'الاجتماع القادم',
  },
};

/** The standard heading of an item kind in a language (custom items have none: an empty string). */
export function standardItemTitle(kind: AgendaItemKind, locale: Locale): string {
  return kind === 'custom' ? '' : ITEM_TITLES[locale][kind];
}

/** True when a title is the standard heading of an item kind in one of the six languages (custom items have none). */
export function isStandardItemTitle(kind: AgendaItemKind, title: string): boolean {
  if (kind === 'custom') return false;
  const typed = title.trim();
  return Object.values(ITEM_TITLES).some((titles) => titles[kind] === typed);
}

/**
 * The heading to show for an item in the reader's language, looked up when rendering (card, tab, document): the
 * standard heading of its kind in `locale`, or the title as typed when the chair edited it or added the item.
 */
export function itemTitle(item: Pick<AgendaItem, 'kind' | 'title' | 'titleEdited'>, locale: Locale): string {
  if (item.titleEdited || item.kind === 'custom') return item.title;
  return standardItemTitle(item.kind, locale);
}
