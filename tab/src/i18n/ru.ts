/** Russian UI strings. */
import type { Messages } from './en';
import { workspaceRu } from './workspace/ru';

const plural = new Intl.PluralRules('ru');

/** Picks the Russian word form for a count: one (1, 21), few (2–4, 22–24), many (5–20, 25…). */
function forms(n: number, one: string, few: string, many: string): string {
  const category = plural.select(n);
  return `${n} ${category === 'one' ? one : category === 'few' ? few : many}`;
}

export const ru: Messages = {
  app: {
    name: 'ISC Coordinator',
    tagline: 'Целевая группа по межсекторальной координации · Резолюция 191 ПК',
    standalone: 'Автономный режим (вне Teams)',
    standaloneHint: 'Открыто вне Microsoft Teams: вход имитируется локальным сервером.',
    signedInAs: (name) => `Вы вошли как ${name}`,
    notRegistered:
      'Вас пока нет в реестре, поэтому фильтр «Только мои темы» недоступен. Обратитесь в секретариат ISC-TF.',
    settings: 'Настройки',
    loading: 'Загрузка…',
  },
  nav: { label: 'Разделы', topics: 'Реестр тем', meetings: 'Предстоящие собрания' },
  language: { label: 'Язык', current: (name) => `Язык: ${name}` },
  theme: {
    label: 'Оформление',
    current: (name) => `Оформление: ${name}`,
    system: 'Системное',
    light: 'Светлое',
    dark: 'Тёмное',
    contrast: 'Высокая контрастность',
  },
  viewAs: {
    label: 'Просмотр от имени',
    defaultUser: 'Пользователь разработки по умолчанию',
    hint: 'Только в локальном режиме: выберите, чьими глазами смотреть на реестр.',
  },
  sectors: {
    all: 'Все Секторы',
    names: {
      BR: 'Бюро радиосвязи (МСЭ-R)',
      TSB: 'Бюро стандартизации электросвязи (МСЭ-T)',
      BDT: 'Бюро развития электросвязи (МСЭ-D)',
      GS: 'Генеральный секретариат',
    },
    lead: 'ведущий Сектор',
  },
  topics: {
    heading: 'Реестр тем',
    intro: 'Темы координации в рамках Резолюции 191 ПК и ответственные за них в каждом Секторе.',
    tableLabel: 'Темы координации',
    filtersLabel: 'Фильтр тем',
    sector: 'Сектор',
    search: 'Поиск',
    searchPlaceholder: 'Название или номер резолюции',
    mine: 'Только мои темы',
    count: (n) => forms(n, 'тема', 'темы', 'тем'),
    columns: {
      topic: 'Тема',
      sectors: 'Секторы',
      focalPoints: 'Координаторы',
      resolutions: 'Соответствующие резолюции',
    },
    vacant: 'Вакансия',
    alternate: (name) => `Заместитель: ${name}`,
    noAlternate: 'Заместителя нет',
    iscgCoordinator: 'Координатор ISCG',
    moreResolutions: (n) => `ещё ${n}`,
    noResolutions: 'Нет',
    loading: 'Загрузка тем…',
    loadError: 'Не удалось загрузить реестр тем',
    empty: {
      title: 'Нет тем, соответствующих фильтрам',
      body: 'Выберите другой Сектор или другой запрос либо сбросьте фильтры.',
      clear: 'Сбросить фильтры',
    },
    kinds: { topic: 'Тема', 'jiu-recommendation': 'Рекомендация ОИГ', 'working-group': 'Рабочая группа' },
    statuses: { active: 'Активна', dormant: 'Приостановлена', closed: 'Закрыта' },
    details: {
      close: 'Закрыть',
      description: 'Описание',
      noDescription: 'Описание пока не составлено.',
      resolutions: 'Соответствующие резолюции',
      focalPoints: 'Координаторы по Секторам',
      leadSector: 'Ведущий Сектор',
      since: 'Координируется с',
      status: 'Статус',
      kind: 'Вид',
      none: '—',
      focalPoint: 'Координатор',
      alternate: 'Заместитель',
      loadError: 'Не удалось загрузить актуальные сведения об этой теме',
    },
  },
  resolutions: {
    bodies: { PP: 'ПК', WTDC: 'ВКРЭ', WTSA: 'ВАСЭ', RA: 'АР', WRC: 'ВКР', Council: 'Совета' },
    label: (body, number, revision) =>
      `${number ? `Рез. ${number} ${body}` : `Резолюция ${body}`}${revision ? ` (${revision})` : ''}`,
  },
  meetings: {
    heading: 'Предстоящие собрания',
    intro: 'Собрания Целевой группы и Группы, а также период, в который координаторы направляют свою информацию.',
    listLabel: 'Предстоящие собрания',
    loading: 'Загрузка собраний…',
    loadError: 'Не удалось загрузить собрания',
    empty: 'Собрания не запланированы.',
    meetingTime: 'Время собрания',
    yourTime: 'Ваше время',
    sameZone: 'Совпадает с вашим часовым поясом',
    place: 'Место',
    collection: 'Сбор информации',
    opens: 'Начало',
    reminders: 'Напоминания',
    closes: 'Окончание',
    join: 'Присоединиться к собранию',
    noJoinUrl: 'Ссылки для подключения пока нет',
    states: {
      scheduled: 'Запланировано',
      open: 'Идёт сбор информации',
      closed: 'Сбор завершён',
      'agenda-draft': 'Проект повестки дня',
      'agenda-published': 'Повестка дня опубликована',
      held: 'Проведено',
      'minutes-draft': 'Проект протокола',
      'minutes-approved': 'Протокол утверждён',
    },
  },
  sidePanel: {
    nextMeeting: 'Следующее собрание',
    noMeeting: 'Собрания не запланированы.',
    topics: 'Темы этого собрания',
    topicsLabel: 'Темы этого собрания',
    vacancies: (n) => forms(n, 'вакансия', 'вакансии', 'вакансий'),
  },
  tabConfig: {
    heading: 'Настройка вкладки ISC Coordinator',
    intro: 'Выберите, что показывает эта вкладка. Позже это можно изменить в параметрах вкладки.',
    label: 'Эта вкладка показывает',
    choices: {
      register: 'Реестр тем',
      meetings: 'Предстоящие собрания',
      sidepanel: 'Боковая панель собрания',
    },
    standaloneNote: 'Эта страница используется при добавлении вкладки в команду, чат или собрание в Microsoft Teams.',
    open: 'Открыть',
  },
  workspace: workspaceRu,
  errors: {
    retry: 'Повторить',
    network: 'Не удалось связаться с сервером. Проверьте подключение и повторите попытку.',
    http: (status) => `Сервер вернул непредвиденную ошибку (HTTP ${status}).`,
    signIn: 'Microsoft Teams не удалось выполнить вход в ISC Coordinator.',
  },
};
