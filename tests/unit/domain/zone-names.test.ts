/** Time zones named in the reader's language (never an English city cut from the IANA id). */
import { INTL_TAGS as TAGS } from '../../../tab/src/i18n/locales';
import { LOCALES, zoneName, zoneOffset, type Locale } from '../../../teams-app/domain';

const WINTER = '2026-12-07T09:00:00Z';

const ZURICH: Record<Locale, string> = {
  en: 'Central European Time',
  fr: 'heure d’Europe centrale',
  es: 'hora de Europa central',
  ru: 'Центральная Европа',
  zh: '中欧时间',
  ar: 'توقيت وسط أوروبا',
};

describe('zoneName', () => {
  it.each(LOCALES)('names Europe/Zurich in %s', (locale) => {
    expect(zoneName('Europe/Zurich', TAGS[locale], WINTER)).toBe(ZURICH[locale]);
  });

  it('names a zone in its own language, not by the English city of its id', () => {
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      const name = zoneName('America/New_York', TAGS[locale], WINTER);
      expect(name).not.toMatch(/New York|Eastern/);
      expect(name).not.toBe('');
    }
    expect(zoneName('America/New_York', 'en-GB', WINTER)).toBe('Eastern Time');
  });

  it('keeps the generic name across a change to summer time', () => {
    expect(zoneName('Europe/Zurich', 'fr-FR', '2026-07-07T09:00:00Z')).toBe(ZURICH.fr);
  });

  it('names UTC in words, not as a zero offset', () => {
    expect(zoneName('UTC', 'en-GB', WINTER)).toBe('Coordinated Universal Time');
    expect(zoneName('Etc/UTC', 'fr-FR', WINTER)).toBe('temps universel coordonné');
  });

  it('gives a zone Intl does not know, or an unreadable instant, as stored', () => {
    expect(zoneName('Mars/Olympus_Mons', 'fr-FR', WINTER)).toBe('Mars/Olympus_Mons');
    expect(zoneName('Europe/Zurich', 'fr-FR', 'not a date')).toBe('Europe/Zurich');
  });
});

describe('zoneOffset', () => {
  it('writes the offset as the language does', () => {
    expect(zoneOffset('Europe/Zurich', 'en-GB', WINTER)).toBe('GMT+1');
    expect(zoneOffset('Europe/Zurich', 'fr-FR', WINTER)).toBe('UTC+1');
    expect(zoneOffset('Europe/Zurich', 'fr-FR', '2026-07-07T09:00:00Z')).toBe('UTC+2');
    expect(zoneOffset('Mars/Olympus_Mons', 'en-GB', WINTER)).toBe('');
  });
});
