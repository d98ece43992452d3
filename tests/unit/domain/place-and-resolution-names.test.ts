import { LOCALES, placeName, resolutionReference, resolutionTitle, type Locale } from '../../../teams-app/domain';

const GENEVA: Record<Locale, string> = {
  en: 'Geneva',
  fr: 'Genève',
  es: 'Ginebra',
  ru: 'Женева',
  zh: '日内瓦',
  ar: 'جنيف',
};

describe('placeName', () => {
  it.each(LOCALES)('names Geneva in %s', (locale) => {
    expect(placeName('Geneva', locale)).toBe(GENEVA[locale]);
    expect(placeName('Geneva, Switzerland', locale).startsWith(GENEVA[locale])).toBe(true);
  });

  it('names the demo meeting place in each language, with no English but the product name', () => {
    const place = 'ITU headquarters, Geneva, and Microsoft Teams';
    expect(placeName(place, 'en')).toBe(place);
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      const named = placeName(place, locale);
      expect(named).toContain(GENEVA[locale]);
      expect(named.replace('Microsoft Teams', '')).not.toMatch(/headquarters|Geneva|\band\b/);
    }
  });

  it('keeps a place it does not know as typed', () => {
    expect(placeName('Room K, Tower building', 'fr')).toBe('Room K, Tower building');
  });
});

describe('resolution names', () => {
  const pp175 = {
    body: 'PP',
    number: '175',
    revision: 'Rev. Bucharest, 2022',
    title: 'Telecommunication/ICT accessibility',
  } as const;

  it('cites a resolution with its revision in each language', () => {
    expect(resolutionReference(pp175, 'en')).toBe('PP Res. 175 (Rev. Bucharest, 2022)');
    expect(resolutionReference(pp175, 'fr')).toBe('Rés. 175 (PP) (Rév. Bucarest, 2022)');
    expect(resolutionReference(pp175, 'ru')).toBe('Рез. 175 (ПК) (Пересм. Бухарест, 2022 г.)');
    expect(resolutionReference(pp175, 'zh')).toBe('全权代表大会第175号决议（2022年，布加勒斯特，修订版）');
    expect(resolutionReference({ body: 'WTSA', number: '70', revision: 'Rev. Dubai, 2012' }, 'es')).toBe(
      'Res. 70 (AMNT) (Rev. Dubái, 2012)',
    );
    expect(resolutionReference({ body: 'RA', number: null, revision: null }, 'ar')).toBe(
      'قرار صادر عن جمعية الاتصالات الراديوية',
    );
  });

  it('gives the English title only to English readers', () => {
    expect(resolutionTitle(pp175, 'en')).toBe('Telecommunication/ICT accessibility');
    for (const locale of LOCALES.filter((l) => l !== 'en')) expect(resolutionTitle(pp175, locale)).toBeNull();
  });
});
