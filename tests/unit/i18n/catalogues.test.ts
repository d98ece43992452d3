import { CATALOGUES } from '../../../teams-app/i18n';
import { en } from '../../../teams-app/i18n/en';

const LANGUAGES = [
  ['Arabic', 'ar'],
  ['Chinese', 'zh'],
  ['French', 'fr'],
  ['Russian', 'ru'],
  ['Spanish', 'es'],
] as const;

/** The sorted `{name}` placeholders of a message. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}

/** The sorted `**bold**` spans of a message (commands such as **help** stay in English). */
function boldSpans(text: string): string[] {
  return [...text.matchAll(/\*\*(.+?)\*\*/g)].map((m) => m[1] ?? '').sort();
}

describe('message catalogues', () => {
  const englishKeys = Object.keys(en).sort();

  it('keeps English as the reference catalogue', () => {
    expect(CATALOGUES.en).toBe(en);
  });

  describe.each(LANGUAGES)('%s', (language, locale) => {
    const catalogue: Record<string, string | undefined> = CATALOGUES[locale];

    it(`has every English key in ${language} and no other, with the same placeholders`, () => {
      expect(Object.keys(catalogue).sort()).toEqual(englishKeys);
      for (const [key, english] of Object.entries(en)) {
        expect({ key, placeholders: placeholders(catalogue[key] ?? '') }).toEqual({
          key,
          placeholders: placeholders(english),
        });
      }
    });

    it(`has no empty message in ${language}`, () => {
      for (const key of englishKeys) {
        expect({ key, empty: (catalogue[key] ?? '').trim() === '' }).toEqual({ key, empty: false });
      }
    });

    it(`keeps the English commands in bold in ${language}`, () => {
      for (const [key, english] of Object.entries(en)) {
        expect({ key, bold: boldSpans(catalogue[key] ?? '') }).toEqual({ key, bold: boldSpans(english) });
      }
    });
  });
});
