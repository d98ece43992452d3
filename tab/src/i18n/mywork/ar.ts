/** السلاسل العربية لقسم «عملي». */
import type { MyWorkMessages } from './en';

const plural = new Intl.PluralRules('ar');

/** Picks the Arabic form for a count: zero, one, two, few (3–10), many (11–99) and other (100…). */
function forms(n: number, f: { zero: string; one: string; two: string; few: string; many: string; other: string }) {
  const category = plural.select(n) as keyof typeof f;
  return (f[category] ?? f.other).replace('#', String(n));
}

const topicsCount = (n: number) =>
  forms(n, {
    zero: 'أي موضوع',
    one: 'موضوع واحد',
    two: 'موضوعين',
    few: '# مواضيع',
    many: '# موضوعاً',
    other: '# موضوع',
  });

export const myWorkAr: MyWorkMessages = {
  heading: 'عملي',
  loading: 'جارٍ تحميل عملك…',
  loadError: 'تعذّر تحميل عملك',
  intro: {
    expected: (topics, meeting, closes) =>
      `أنت مسؤول عن ${topicsCount(topics)}. قبل اجتماع ${meeting}، أرسل تحديثاً موجزاً عن كل موضوع — التقدم المحرز والخطوات التالية وأي مسألة ينبغي أن تبتّ فيها فرقة العمل — في موعد أقصاه ${closes}.`,
    noMeeting: (topics) => `أنت مسؤول عن ${topicsCount(topics)}. لا يوجد اجتماع مقرر، لذلك لا يُطلب أي تحديث حالياً.`,
    noTopics: 'لستَ مسؤولاً عن أي موضوع في السجل. اطلب من أمانة فرقة العمل إضافتك جهةَ اتصال أو مناوباً.',
    howTo:
      'اكتب التحديث هنا أو في البطاقة التي يرسلها إليك البوت في Teams: إنه التحديث نفسه، ويمكنك تعديله حتى الاجتماع.',
  },
  summary: (toAnswer, answered) => `للإرسال: ${toAnswer} · أُرسل: ${answered}`,
  meeting: {
    heading: 'الاجتماع التالي',
    opens: 'بدء الجمع',
    closes: 'انتهاء الجمع',
    phase: {
      before: 'لم يبدأ الجمع بعد؛ يمكنك إرسال تحديثاتك من الآن.',
      open: 'الجمع جارٍ: أرسل تحديثاتك أو عدّلها.',
      closed: 'انتهى الجمع: التحديثات المرسلة الآن تُعلَّم بأنها متأخرة.',
    },
    open: 'فتح الاجتماع',
  },
  topics: {
    heading: 'مواضيعي',
    focal: 'بصفتي جهة اتصال',
    focalNote: 'ترسل تحديث هذه المواضيع عن قطاعك.',
    alternate: 'بصفتي مناوباً',
    alternateNote: 'ترسلها جهة الاتصال؛ وترسلها أنت عندما تفوّضك جهة الاتصال أو تكون غائبة.',
    listLabel: (group) => `مواضيعي: ${group}`,
  },
  states: { 'not-asked': 'لم يُطلب بعد', 'to-answer': 'مطلوب الرد', answered: 'أُرسل', late: 'متأخر' },
  sentAt: (when) => `أُرسل في ${when}`,
  sentBy: (name) => `أرسله ${name}`,
  sentLate: 'بعد انتهاء الجمع',
  noChangeSent: 'لا تغيير منذ الاجتماع السابق',
  escalated: 'أُحيل إلى فرقة العمل',
  partner: { focal: (name) => `المناوب: ${name}`, alternate: (name) => `جهة الاتصال: ${name}` },
  handover: {
    partner: (name) => `يُطلب التحديث هذه المرة من ${name} (فوّضتَه أو أنت غائب).`,
    me: 'يُطلب منك التحديث هذه المرة: فوّضتك جهة الاتصال أو هي غائبة.',
  },
  buttons: { write: 'كتابة التحديث', edit: 'تعديل التحديث', noChange: 'لا تغيير', delegate: 'تفويض' },
  buttonLabels: {
    write: (topic) => `كتابة التحديث عن ${topic}`,
    edit: (topic) => `تعديل التحديث عن ${topic}`,
    noChange: (topic) => `لا تغيير في ${topic}`,
    delegate: (topic) => `تفويض ${topic} إلى المناوب`,
  },
  form: {
    title: (topic, sector) => `تحديث عن ${topic} (${sector})`,
    progress: 'التقدم المحرز منذ الاجتماع السابق',
    progressHint: 'ما حدث، في بضع جمل.',
    nextSteps: 'الخطوات التالية',
    escalate: 'إحالة مسألة إلى فرقة العمل',
    ask: 'ما الذي ينبغي أن تقرره فرقة العمل؟',
    send: 'إرسال التحديث',
    save: 'حفظ التعديلات',
    sending: 'جارٍ الإرسال…',
    cancel: 'إلغاء',
    empty: 'اكتب التقدم المحرز، أو أغلق هذه النافذة واختر «لا تغيير».',
    revision: (n) => `أنت تعدّل المراجعة ${n}.`,
    tooLong: (max) => `استخدم ${max} حرفاً على الأكثر.`,
  },
  delegate: {
    title: 'التفويض إلى مناوبك؟',
    body: (name, topic) => `يتلقى ${name} طلب التحديث عن ${topic} في Teams ويرسل تحديث هذا الاجتماع بدلاً منك.`,
    confirm: 'تفويض',
    busy: 'جارٍ التفويض…',
  },
  notices: {
    created: (topic) => `أُرسل تحديثك عن ${topic}.`,
    revised: (topic) => `عُدّل تحديثك عن ${topic}.`,
    unchanged: (topic) => `لم يتغير شيء في التحديث عن ${topic}.`,
    noChange: (topic) => `أُرسل «لا تغيير» عن ${topic}.`,
    delegated: (name, topic) => `فُوّض ${topic} إلى ${name}.`,
    closed: 'أُغلق الإجراء.',
    redated: 'تغيّر الموعد النهائي.',
  },
  failed: 'لم يُحفظ التغيير',
  actions: {
    heading: 'إجراءاتي المفتوحة',
    listLabel: 'إجراءاتي المفتوحة',
    empty: 'ليست لديك إجراءات مفتوحة.',
    due: (date) => `الموعد النهائي ${date}`,
    overdue: 'متأخر',
    noDue: 'بلا موعد نهائي',
    from: (meeting) => `من ${meeting}`,
    close: 'إغلاق',
    closeLabel: (text) => `إغلاق الإجراء: ${text}`,
    redate: 'موعد نهائي جديد',
    redateLabel: (text) => `موعد نهائي جديد لـ: ${text}`,
    closeTitle: 'إغلاق هذا الإجراء',
    note: 'ما الذي أُنجز',
    noteHint: 'يُحفظ مع الإجراء للاجتماع التالي.',
    confirmClose: 'إغلاق الإجراء',
    redateTitle: 'تغيير الموعد النهائي',
    dueLabel: 'الموعد النهائي الجديد',
    redateNote: 'السبب (اختياري)',
    confirmRedate: 'حفظ التاريخ',
    busy: 'جارٍ الحفظ…',
  },
  openRegister: 'فتح سجل المواضيع',
};
