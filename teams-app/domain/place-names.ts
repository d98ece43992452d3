import type { Locale } from './reference';

type Names = Record<Exclude<Locale, 'en'>, string>;

/**
 * Cities where ITU meets and conferences were held, in the six UN languages (ITU usage), looked up by their
 * English name: meeting places, event places and the revision of a resolution ("Rev. Bucharest, 2022").
 */
export const CITY_NAMES: Record<string, Names> = {
  Geneva: { fr: 'Genève', es: 'Ginebra', ru: 'Женева', zh: '日内瓦', ar: 'جنيف' },
  Bucharest: { fr: 'Bucarest', es: 'Bucarest', ru: 'Бухарест', zh: '布加勒斯特', ar: 'بوخارست' },
  Busan: { fr: 'Busan', es: 'Busan', ru: 'Пусан', zh: '釜山', ar: 'بوسان' },
  Dubai: { fr: 'Dubaï', es: 'Dubái', ru: 'Дубай', zh: '迪拜', ar: 'دبي' },
  Kigali: { fr: 'Kigali', es: 'Kigali', ru: 'Кигали', zh: '基加利', ar: 'كيغالي' },
  'New Delhi': { fr: 'New Delhi', es: 'Nueva Delhi', ru: 'Нью-Дели', zh: '新德里', ar: 'نيودلهي' },
  'Buenos Aires': {
    fr: 'Buenos Aires',
    es: 'Buenos Aires',
    ru: 'Буэнос-Айрес',
    zh: '布宜诺斯艾利斯',
    ar: 'بوينس آيرس',
  },
  Guadalajara: { fr: 'Guadalajara', es: 'Guadalajara', ru: 'Гвадалахара', zh: '瓜达拉哈拉', ar: 'غوادالاخارا' },
  Johannesburg: { fr: 'Johannesburg', es: 'Johannesburgo', ru: 'Йоханнесбург', zh: '约翰内斯堡', ar: 'جوهانسبرغ' },
  Baku: { fr: 'Bakou', es: 'Bakú', ru: 'Баку', zh: '巴库', ar: 'باكو' },
  Hammamet: { fr: 'Hammamet', es: 'Hammamet', ru: 'Хаммамет', zh: '哈马马特', ar: 'الحمامات' },
  Hyderabad: { fr: 'Hyderabad', es: 'Hyderabad', ru: 'Хайдарабад', zh: '海得拉巴', ar: 'حيدر آباد' },
  Antalya: { fr: 'Antalya', es: 'Antalya', ru: 'Анталья', zh: '安塔利亚', ar: 'أنطاليا' },
  Doha: { fr: 'Doha', es: 'Doha', ru: 'Доха', zh: '多哈', ar: 'الدوحة' },
  'Sharm el-Sheikh': {
    fr: 'Charm el-Cheikh',
    es: 'Sharm el-Sheikh',
    ru: 'Шарм-эш-Шейх',
    zh: '沙姆沙伊赫',
    ar: 'شرم الشيخ',
  },
  'New York': { fr: 'New York', es: 'Nueva York', ru: 'Нью-Йорк', zh: '纽约', ar: 'نيويورك' },
};

/** Whole place descriptions the register uses, in the six languages. */
const PLACES: Record<string, Names> = {
  'ITU headquarters': {
    fr: "Siège de l'UIT",
    es: 'Sede de la UIT',
    ru: 'Штаб-квартира МСЭ',
    zh: '国际电联总部',
    ar: 'مقر الاتحاد',
  },
  'ITU headquarters, Geneva': {
    fr: "Siège de l'UIT, Genève",
    es: 'Sede de la UIT, Ginebra',
    ru: 'Штаб-квартира МСЭ, Женева',
    zh: '国际电联总部，日内瓦',
    ar: 'مقر الاتحاد، جنيف',
  },
  'ITU headquarters, Geneva, and Microsoft Teams': {
    fr: "Siège de l'UIT, Genève, et Microsoft Teams",
    es: 'Sede de la UIT, Ginebra, y Microsoft Teams',
    ru: 'Штаб-квартира МСЭ, Женева, и Microsoft Teams',
    zh: '国际电联总部（日内瓦）和 Microsoft Teams',
    ar: 'مقر الاتحاد، جنيف، وعبر Microsoft Teams',
  },
  Online: { fr: 'En ligne', es: 'En línea', ru: 'Онлайн', zh: '线上', ar: 'عبر الإنترنت' },
};

const squeeze = (text: string) => text.trim().replace(/\s+/g, ' ');

/**
 * A place in the reader's language: a description the register uses ("ITU headquarters, Geneva, and Microsoft
 * Teams") or a city ("Geneva" → Genève, Ginebra, Женева, 日内瓦, جنيف), whole or followed by its country
 * ("Geneva, Switzerland" keeps the country as typed); anything else as typed.
 */
export function placeName(place: string, locale: Locale): string {
  if (locale === 'en') return place;
  const typed = squeeze(place);
  const known = PLACES[typed] ?? CITY_NAMES[typed];
  if (known) return known[locale];
  const [first, ...rest] = typed.split(', ');
  const city = first ? CITY_NAMES[first] : undefined;
  return city && rest.length > 0 ? [city[locale], ...rest].join(locale === 'ar' ? '، ' : ', ') : place;
}
