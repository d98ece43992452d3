/**
 * A resolution cited in each of the six languages: with a number, without one (the register does not always hold
 * it), and with a revision, so that no language shows a bare body or a half-English citation.
 */
import {
  LOCALES,
  RESOLUTION_BODIES,
  resolutionReference,
  type Locale,
  type ResolutionRef,
} from '../../../teams-app/domain';

type Cited = Pick<ResolutionRef, 'body' | 'number' | 'revision'>;

/** A resolution of a body, numbered or not, with a revision or none. */
function resolution(body: Cited['body'], number: string | null = null, revision: string | null = null): Cited {
  return { body, number, revision };
}

const CITATIONS: Record<
  Locale,
  { numbered: string; numberless: string; council: string; revised: string; revisedNumberless: string }
> = {
  en: {
    numbered: 'PP Res. 175',
    numberless: 'RA resolution',
    council: 'Council resolution',
    revised: 'PP Res. 175 (Rev. Bucharest, 2022)',
    revisedNumberless: 'RA resolution (RA-23)',
  },
  fr: {
    numbered: 'Rés. 175 (PP)',
    numberless: 'Résolution de l’AR',
    council: 'Résolution du Conseil',
    revised: 'Rés. 175 (PP) (Rév. Bucarest, 2022)',
    revisedNumberless: 'Résolution de l’AR (AR-23)',
  },
  es: {
    numbered: 'Res. 175 (PP)',
    numberless: 'Resolución de la AR',
    council: 'Resolución del Consejo',
    revised: 'Res. 175 (PP) (Rev. Bucarest, 2022)',
    revisedNumberless: 'Resolución de la AR (AR-23)',
  },
  ru: {
    numbered: 'Рез. 175 (ПК)',
    numberless: 'Резолюция АР',
    council: 'Резолюция Совета',
    revised: 'Рез. 175 (ПК) (Пересм. Бухарест, 2022 г.)',
    revisedNumberless: 'Резолюция АР (АР-23)',
  },
  zh: {
    numbered: '全权代表大会第175号决议',
    numberless: '无线电通信全会决议',
    council: '理事会决议',
    revised: '全权代表大会第175号决议（2022年，布加勒斯特，修订版）',
    revisedNumberless: '无线电通信全会决议（2023年无线电通信全会）',
  },
  ar: {
    numbered: 'القرار 175 (مؤتمر المندوبين المفوضين)',
    numberless: 'قرار صادر عن جمعية الاتصالات الراديوية',
    council: 'قرار صادر عن المجلس',
    revised: 'القرار 175 (مؤتمر المندوبين المفوضين) (المراجَع في بوخارست، 2022)',
    revisedNumberless: 'قرار صادر عن جمعية الاتصالات الراديوية (جمعية الاتصالات الراديوية لعام 2023)',
  },
};

describe.each(LOCALES.map((locale) => [locale, CITATIONS[locale]] as const))(
  'resolution citations in %s',
  (locale, cited) => {
    it('cites a numbered resolution with its number and body', () => {
      expect(resolutionReference(resolution('PP', '175'), locale)).toBe(cited.numbered);
    });

    it('names a resolution without a number as a resolution of its body, not by the body alone', () => {
      expect(resolutionReference(resolution('RA'), locale)).toBe(cited.numberless);
      expect(resolutionReference(resolution('Council'), locale)).toBe(cited.council);
    });

    it('adds the revision in the language, numbered or not', () => {
      expect(resolutionReference(resolution('PP', '175', 'Rev. Bucharest, 2022'), locale)).toBe(cited.revised);
      expect(resolutionReference(resolution('RA', null, 'RA-23'), locale)).toBe(cited.revisedNumberless);
    });
  },
);

describe('resolutions without a number', () => {
  it.each(['PP', 'WTDC', 'WTSA', 'RA', 'WRC', 'Council'] as const)(
    'never cite the %s by its abbreviation alone, nor with the English word in another language',
    (body) => {
      for (const locale of LOCALES) {
        const cited = resolutionReference(resolution(body), locale);
        const name = body === 'Council' && locale === 'ru' ? 'Совета' : RESOLUTION_BODIES[locale][body];
        expect(cited).toContain(name);
        expect(cited).not.toBe(name);
        if (locale !== 'en') expect(cited).not.toMatch(/resolution|\bRes\b/);
      }
    },
  );

  it('gives French the article each body takes', () => {
    const french = (['PP', 'WTDC', 'WTSA', 'RA', 'WRC', 'Council'] as const).map((body) =>
      resolutionReference(resolution(body), 'fr'),
    );
    expect(french).toEqual([
      'Résolution de la PP',
      'Résolution de la CMDT',
      'Résolution de l’AMNT',
      'Résolution de l’AR',
      'Résolution de la CMR',
      'Résolution du Conseil',
    ]);
  });
});
