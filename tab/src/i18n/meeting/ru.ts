/** Russian strings of the meeting side panel, the stage, the agenda timer, the editors' additions and the archive. */
import type { MeetingMessages } from './en';

const plural = new Intl.PluralRules('ru');

/** Picks the Russian form for a count: one (1, 21…), few (2–4, 22–24…) and many (5–20…). */
function forms(n: number, one: string, few: string, many: string): string {
  const category = plural.select(n);
  return `${n} ${category === 'one' ? one : category === 'few' ? few : many}`;
}

export const meetingRu: MeetingMessages = {
  timer: {
    current: 'Текущий пункт',
    none: 'Текущий пункт ещё не выбран.',
    used: (time) => `Прошло: ${time}`,
    left: (time) => `Осталось: ${time}`,
    over: (time) => `Превышение: ${time}`,
    planned: (minutes) => `Запланировано: ${minutes} мин`,
    presenter: (name) => `Докладчик: ${name}`,
    overAnnounce: (item) => `Пункт ${item} превысил запланированное время.`,
    minutes: (n) => `${n} мин`,
  },
  side: {
    agendaLabel: 'Пункты повестки дня',
    meetingDetails: 'Сведения о собрании',
    notThisMeeting:
      'Это собрание Teams не связано ни с одним собранием ISC. Председатель может связать его, написав «meeting <номер>» в чате собрания.',
    shareToStage: 'Показать на сцене',
    sharing: 'Показ…',
    shared: 'Повестка дня теперь на сцене собрания.',
    shareError: 'Не удалось показать повестку дня на сцене',
    refresh: 'Обновить',
    refreshing: 'Обновление…',
    updatedAt: (time) => `Обновлено в ${time}`,
    live: 'Следит за собранием в реальном времени',
  },
  stage: {
    title: 'Сцена собрания',
    agenda: 'Повестка дня',
    noAgenda: 'Повестка дня ещё не опубликована.',
    noMeeting: 'Откройте сцену из собрания реестра.',
    loading: 'Загрузка повестки дня…',
    loadError: 'Не удалось загрузить повестку дня',
  },
  editor: {
    plannedMinutes: 'Запланированное время (минуты)',
    plannedHint: 'Оставьте пустым, если время не запланировано.',
    plannedInvalid: 'Укажите целое число минут от 1 до 480.',
    presenter: 'Докладчик',
    presenterHint: 'Имя или должность, например «координатор БРЭ».',
    drag: (n) => `Перетащите пункт ${n}, чтобы переместить его`,
    dragHint: 'Перетащите пункт за маркер или используйте кнопки «Вверх» и «Вниз».',
    dropped: (title, to) => `«${title}» теперь пункт ${to}.`,
    subMoveUp: (n) => `Переместить подпункт ${n} вверх`,
    subMoveDown: (n) => `Переместить подпункт ${n} вниз`,
    subDrag: (n) => `Перетащите подпункт ${n}, чтобы переместить его`,
    subMoved: (title, to) => `«${title}» теперь подпункт ${to}.`,
    planned: (minutes) => `${minutes} мин`,
    plannedTotal: (minutes) => `Всего запланировано: ${minutes} мин`,
    conflictTitle: 'Тем временем это изменил кто-то другой',
    conflictChanged: (what) => `Что изменилось: ${what}.`,
    conflictNothing: 'Показана последняя версия.',
    conflictKept: 'Ваш текст сохранён в форме: сверьте его с последней версией и сохраните снова.',
    changedItems: (n) => forms(n, 'пункт', 'пункта', 'пунктов'),
    changes: {
      added: (titles) => `добавлено: ${titles}`,
      removed: (titles) => `удалено: ${titles}`,
      edited: (titles) => `изменено: ${titles}`,
      moved: 'порядок пунктов',
      entries: (n) => `изменено записей: ${n}`,
    },
    updatedAt: (time) => `Обновлено в ${time}`,
    refresh: 'Обновить',
    refreshing: 'Обновление…',
  },
  minutes: {
    addDecision: 'Добавить решение',
    addAction: 'Добавить поручение',
    addDecisionTitle: 'Добавить решение',
    addActionTitle: 'Добавить поручение',
    item: 'Пункт повестки дня',
    text: 'Текст',
    textRequired: 'Введите текст.',
    add: 'Добавить',
    addedDecision: (item) => `Решение добавлено в пункт ${item}.`,
    addedAction: (item) => `Поручение добавлено в пункт ${item}.`,
  },
  archive: {
    heading: 'Прошедшие собрания',
    intro:
      'Завершившиеся собрания с опубликованной повесткой дня и утверждённым протоколом; отменённые отмечены как отменённые.',
    label: 'Прошедшие собрания',
    empty: 'Ещё не состоялось ни одного собрания.',
    documents: (meeting) => `Документы ${meeting}`,
    agenda: 'Повестка дня (.docx)',
    minutes: 'Протокол (.docx)',
    readMinutes: 'Читать утверждённый протокол',
    noDocuments: 'Для этого собрания документы не публиковались.',
    loadingDocuments: 'Загрузка документов…',
    show: (n) => `Показать прошедшие собрания (${n})`,
  },
};
