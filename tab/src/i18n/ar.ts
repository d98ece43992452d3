/** Arabic UI strings (the layout switches to right-to-left). */
import type { Messages } from './en';
import { workspaceAr } from './workspace/ar';

const plural = new Intl.PluralRules('ar');

/** Picks the Arabic form for a count: zero, one, two, few (3–10), many (11–99) and other (100…). */
function forms(n: number, f: { zero: string; one: string; two: string; few: string; many: string; other: string }) {
  const category = plural.select(n) as keyof typeof f;
  return (f[category] ?? f.other).replace('#', String(n));
}

export const ar: Messages = {
  app: {
    name: 'ISC Coordinator',
    tagline: 'فرقة العمل المعنية بالتنسيق بين القطاعات · القرار 191 لمؤتمر المندوبين المفوضين',
    standalone: 'وضع مستقل (خارج Teams)',
    standaloneHint: 'فُتح خارج Microsoft Teams: يحاكي الخادم المحلي تسجيل الدخول.',
    signedInAs: (name) => `تم تسجيل الدخول باسم ${name}`,
    notRegistered: 'لستَ مسجلاً في السجل بعد، لذلك لا يتوفر خيار «مواضيعي فقط». اطلب من أمانة فرقة العمل إضافتك.',
    settings: 'الإعدادات',
    loading: 'جارٍ التحميل…',
  },
  nav: { label: 'الأقسام', topics: 'سجل المواضيع', meetings: 'الاجتماعات القادمة' },
  language: { label: 'اللغة', current: (name) => `اللغة: ${name}` },
  theme: {
    label: 'المظهر',
    current: (name) => `المظهر: ${name}`,
    system: 'حسب النظام',
    light: 'فاتح',
    dark: 'داكن',
    contrast: 'تباين عالٍ',
  },
  viewAs: {
    label: 'العرض بصفة',
    defaultUser: 'مستخدم التطوير الافتراضي',
    hint: 'في الوضع المحلي فقط: اختر الشخص الذي تريد عرض السجل كما يراه.',
  },
  sectors: {
    all: 'جميع القطاعات',
    names: {
      BR: 'مكتب الاتصالات الراديوية (ITU-R)',
      TSB: 'مكتب تقييس الاتصالات (ITU-T)',
      BDT: 'مكتب تنمية الاتصالات (ITU-D)',
      GS: 'الأمانة العامة',
    },
    lead: 'القطاع الرائد',
  },
  topics: {
    heading: 'سجل المواضيع',
    intro: 'مواضيع التنسيق في إطار القرار 191 لمؤتمر المندوبين المفوضين والمسؤولون عنها في كل قطاع.',
    tableLabel: 'مواضيع التنسيق',
    filtersLabel: 'تصفية المواضيع',
    sector: 'القطاع',
    search: 'بحث',
    searchPlaceholder: 'العنوان أو رقم القرار',
    mine: 'مواضيعي فقط',
    count: (n) =>
      forms(n, {
        zero: 'لا توجد مواضيع',
        one: 'موضوع واحد',
        two: 'موضوعان',
        few: '# مواضيع',
        many: '# موضوعًا',
        other: '# موضوع',
      }),
    columns: {
      topic: 'الموضوع',
      sectors: 'القطاعات',
      focalPoints: 'جهات الاتصال',
      resolutions: 'القرارات ذات الصلة',
    },
    vacant: 'شاغر',
    alternate: (name) => `المناوب: ${name}`,
    noAlternate: 'لا يوجد مناوب',
    iscgCoordinator: 'منسق فريق التنسيق بين القطاعات',
    moreResolutions: (n) => `+${n} أخرى`,
    noResolutions: 'لا يوجد',
    loading: 'جارٍ تحميل المواضيع…',
    loadError: 'تعذّر تحميل سجل المواضيع',
    empty: {
      title: 'لا توجد مواضيع تطابق عوامل التصفية هذه',
      body: 'جرّب قطاعًا آخر أو عبارة بحث أخرى، أو امسح عوامل التصفية.',
      clear: 'مسح عوامل التصفية',
    },
    kinds: { topic: 'موضوع', 'jiu-recommendation': 'توصية وحدة التفتيش المشتركة', 'working-group': 'فريق عمل' },
    statuses: { active: 'نشط', dormant: 'متوقف مؤقتًا', closed: 'مغلق' },
    details: {
      close: 'إغلاق',
      description: 'الوصف',
      noDescription: 'لم يُكتب وصف بعد.',
      resolutions: 'القرارات ذات الصلة',
      focalPoints: 'جهات الاتصال حسب القطاع',
      leadSector: 'القطاع الرائد',
      since: 'موضع تنسيق منذ',
      status: 'الحالة',
      kind: 'النوع',
      none: '—',
      focalPoint: 'جهة الاتصال',
      alternate: 'المناوب',
      loadError: 'تعذّر تحميل أحدث تفاصيل هذا الموضوع',
    },
  },
  resolutions: {
    bodies: {
      PP: 'مؤتمر المندوبين المفوضين',
      WTDC: 'المؤتمر العالمي لتنمية الاتصالات',
      WTSA: 'الجمعية العالمية لتقييس الاتصالات',
      RA: 'جمعية الاتصالات الراديوية',
      WRC: 'المؤتمر العالمي للاتصالات الراديوية',
      Council: 'المجلس',
    },
    label: (body, number, revision) =>
      `${number ? `القرار ${number} الصادر عن ${body}` : `قرار صادر عن ${body}`}${revision ? ` (${revision})` : ''}`,
  },
  meetings: {
    heading: 'الاجتماعات القادمة',
    intro: 'اجتماعات فرقة العمل والفريق، مع الفترة التي ترسل فيها جهات الاتصال تحديثاتها.',
    listLabel: 'الاجتماعات القادمة',
    loading: 'جارٍ تحميل الاجتماعات…',
    loadError: 'تعذّر تحميل الاجتماعات',
    empty: 'لا توجد اجتماعات مقررة.',
    meetingTime: 'توقيت الاجتماع',
    yourTime: 'توقيتك',
    sameZone: 'مطابق لمنطقتك الزمنية',
    place: 'المكان',
    collection: 'جمع التحديثات',
    opens: 'يبدأ',
    reminders: 'التذكيرات',
    closes: 'ينتهي',
    join: 'الانضمام إلى الاجتماع',
    noJoinUrl: 'لا يوجد رابط للاجتماع بعد',
    states: {
      scheduled: 'مقرر',
      open: 'جارٍ جمع التحديثات',
      closed: 'انتهى جمع التحديثات',
      'agenda-draft': 'مشروع جدول الأعمال',
      'agenda-published': 'نُشر جدول الأعمال',
      held: 'عُقد',
      'minutes-draft': 'مشروع المحضر',
      'minutes-approved': 'اعتُمد المحضر',
    },
  },
  sidePanel: {
    nextMeeting: 'الاجتماع القادم',
    noMeeting: 'لا يوجد اجتماع مقرر.',
    topics: 'مواضيع هذا الاجتماع',
    topicsLabel: 'مواضيع هذا الاجتماع',
    vacancies: (n) =>
      forms(n, {
        zero: 'لا توجد مناصب شاغرة',
        one: 'منصب شاغر واحد',
        two: 'منصبان شاغران',
        few: '# مناصب شاغرة',
        many: '# منصبًا شاغرًا',
        other: '# منصب شاغر',
      }),
  },
  tabConfig: {
    heading: 'إعداد علامة التبويب ISC Coordinator',
    intro: 'اختر ما تعرضه علامة التبويب هذه. يمكنك تغييره لاحقاً من إعدادات علامة التبويب.',
    label: 'تعرض علامة التبويب هذه',
    choices: { register: 'سجل المواضيع', meetings: 'الاجتماعات القادمة', sidepanel: 'اللوحة الجانبية للاجتماع' },
    standaloneNote: 'تُستخدم هذه الصفحة عند إضافة علامة التبويب إلى فريق أو محادثة أو اجتماع في Microsoft Teams.',
    open: 'فتح',
  },
  workspace: workspaceAr,
  errors: {
    retry: 'إعادة المحاولة',
    network: 'تعذّر الوصول إلى الخادم. تحقّق من الاتصال ثم أعد المحاولة.',
    http: (status) => `أعاد الخادم خطأً غير متوقع (HTTP ${status}).`,
    signIn: 'تعذّر على Microsoft Teams تسجيل دخولك إلى ISC Coordinator.',
  },
};
