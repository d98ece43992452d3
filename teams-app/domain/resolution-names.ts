import type { ResolutionRef } from './entities';
import { CITY_NAMES } from './place-names';
import type { Locale, ResolutionBody } from './reference';

/** The conferences and organs that adopt resolutions, as ITU abbreviates them in each language. */
export const RESOLUTION_BODIES: Record<Locale, Record<ResolutionBody, string>> = {
  en: { PP: 'PP', WTDC: 'WTDC', WTSA: 'WTSA', RA: 'RA', WRC: 'WRC', Council: 'Council' },
  fr: { PP: 'PP', WTDC: 'CMDT', WTSA: 'AMNT', RA: 'AR', WRC: 'CMR', Council: 'Conseil' },
  es: { PP: 'PP', WTDC: 'CMDT', WTSA: 'AMNT', RA: 'AR', WRC: 'CMR', Council: 'Consejo' },
  ru: { PP: 'ПК', WTDC: 'ВКРЭ', WTSA: 'ВАСЭ', RA: 'АР', WRC: 'ВКР', Council: 'Совет' },
  zh: {
    PP: '全权代表大会',
    WTDC: '世界电信发展大会',
    WTSA: '世界电信标准化全会',
    RA: '无线电通信全会',
    WRC: '世界无线电通信大会',
    Council: '理事会',
  },
  ar: {
    PP: 'مؤتمر المندوبين المفوضين',
    WTDC: 'المؤتمر العالمي لتنمية الاتصالات',
    WTSA: 'الجمعية العالمية لتقييس الاتصالات',
    RA: 'جمعية الاتصالات الراديوية',
    WRC: 'المؤتمر العالمي للاتصالات الراديوية',
    Council: 'المجلس',
  },
};

/** "Rev. <city>, <year>" (or "<city>, <year>") in a language: as ITU writes it under each language's usage. */
const REVISION: Record<Locale, (city: string, year: string, revised: boolean) => string> = {
  en: (city, year, revised) => `${revised ? 'Rev. ' : ''}${city}, ${year}`,
  fr: (city, year, revised) => `${revised ? 'Rév. ' : ''}${city}, ${year}`,
  es: (city, year, revised) => `${revised ? 'Rev. ' : ''}${city}, ${year}`,
  ru: (city, year, revised) => `${revised ? 'Пересм. ' : ''}${city}, ${year} г.`,
  zh: (city, year, revised) => `${year}年，${city}${revised ? '，修订版' : ''}`,
  ar: (city, year, revised) => `${revised ? 'المراجَع في ' : ''}${city}، ${year}`,
};

const REVISION_SHAPE = /^(Rev\.\s*)?([^,\d][^,]*),\s*(\d{4})$/;

/** "WRC-19", "Rev. RA-23": a conference named by its abbreviation and two-digit year. */
const CONFERENCE_SHAPE = /^(Rev\.\s*)?(PP|WTDC|WTSA|RA|WRC)-(\d{2})$/;

const CONFERENCES: readonly ResolutionBody[] = ['PP', 'WTDC', 'WTSA', 'RA', 'WRC'];

/** A conference of a year in a language: "WRC-19", "CMR-19", "ВКР-19", "2019年世界无线电通信大会". */
const CONFERENCE_OF_YEAR: Record<Locale, (body: string, yy: string) => string> = {
  en: (body, yy) => `${body}-${yy}`,
  fr: (body, yy) => `${body}-${yy}`,
  es: (body, yy) => `${body}-${yy}`,
  ru: (body, yy) => `${body}-${yy}`,
  zh: (body, yy) => `${Number(yy) >= 50 ? 19 : 20}${yy}年${body}`,
  ar: (body, yy) => `${body} لعام ${Number(yy) >= 50 ? 19 : 20}${yy}`,
};

/** "Rev. <conference>" in a language, for a revision named by a conference ("Rev. WRC-19" → "Rév. CMR-19"). */
const REVISED_AT: Record<Locale, (conference: string) => string> = {
  en: (conference) => `Rev. ${conference}`,
  fr: (conference) => `Rév. ${conference}`,
  es: (conference) => `Rev. ${conference}`,
  ru: (conference) => `Пересм. ${conference}`,
  zh: (conference) => `${conference}，修订版`,
  ar: (conference) => `المراجَع في ${conference}`,
};

/** A revision named by a conference ("WRC-07", "Rev. WRC-19") in a language, or null for another shape. */
function conferenceRevision(revision: string, locale: Locale): string | null {
  const match = CONFERENCE_SHAPE.exec(revision);
  const body = CONFERENCES.find((conference) => conference === match?.[2]);
  if (!match || !body || !match[3]) return null;
  const conference = CONFERENCE_OF_YEAR[locale](RESOLUTION_BODIES[locale][body], match[3]);
  return match[1] !== undefined ? REVISED_AT[locale](conference) : conference;
}

/**
 * A resolution's revision in a language: "Rev. Bucharest, 2022" → "Rév. Bucarest, 2022", "Пересм. Бухарест,
 * 2022 г.", "2022年，布加勒斯特，修订版"; another shape ("2005", "WRC-07") as typed; null when there is none.
 */
export function resolutionRevision(revision: string | null, locale: Locale): string | null {
  if (!revision) return null;
  const atConference = conferenceRevision(revision.trim(), locale);
  if (atConference) return atConference;
  const match = REVISION_SHAPE.exec(revision.trim());
  const cityName = match?.[2]?.trim();
  if (!match || !cityName || !match[3]) return revision;
  const city = locale === 'en' ? cityName : (CITY_NAMES[cityName]?.[locale] ?? cityName);
  return REVISION[locale](city, match[3], match[1] !== undefined);
}

/** "Res. <n>" of a body (named as the language abbreviates it) in a language. */
const NUMBERED: Record<Locale, (body: string, number: string) => string> = {
  en: (body, number) => `${body} Res. ${number}`,
  fr: (body, number) => `Rés. ${number} (${body})`,
  es: (body, number) => `Res. ${number} (${body})`,
  ru: (body, number) => `Рез. ${number} (${body})`,
  zh: (body, number) => `${body}第${number}号决议`,
  ar: (body, number) => `القرار ${number} (${body})`,
};

/** "of the <body>" in French: the article each conference or organ takes ("de la CMR", "de l’AR", "du Conseil"). */
const FRENCH_OF: Record<ResolutionBody, string> = {
  PP: 'de la ',
  WTDC: 'de la ',
  WTSA: 'de l’',
  RA: 'de l’',
  WRC: 'de la ',
  Council: 'du ',
};

/**
 * A resolution of a body whose number the register does not hold, in a language: "RA resolution", "Résolution de
 * l’AR", "Resolución de la AR", "Резолюция АР", "无线电通信全会决议", "قرار صادر عن جمعية الاتصالات الراديوية".
 */
const NUMBERLESS: Record<Locale, (body: string, of: ResolutionBody) => string> = {
  en: (body) => `${body} resolution`,
  fr: (body, of) => `Résolution ${FRENCH_OF[of]}${body}`,
  es: (body, of) => `Resolución ${of === 'Council' ? 'del' : 'de la'} ${body}`,
  ru: (body, of) => `Резолюция ${of === 'Council' ? 'Совета' : body}`,
  zh: (body) => `${body}决议`,
  ar: (body) => `قرار صادر عن ${body}`,
};

/**
 * How a resolution is cited in a language, with its revision: "PP Res. 175 (Rev. Bucharest, 2022)",
 * "Rés. 175 (PP) (Rév. Bucarest, 2022)", "全权代表大会第175号决议（2022年，布加勒斯特，修订版）"; one without a number
 * as "Résolution de l’AR (AR-23)". The tab, its register export and the public register all cite through it.
 */
export function resolutionReference(ref: Pick<ResolutionRef, 'body' | 'number' | 'revision'>, locale: Locale): string {
  const body = RESOLUTION_BODIES[locale][ref.body];
  const cited = ref.number ? NUMBERED[locale](body, ref.number) : NUMBERLESS[locale](body, ref.body);
  const revision = resolutionRevision(ref.revision, locale);
  if (!revision) return cited;
  return locale === 'zh' ? `${cited}（${revision}）` : `${cited} (${revision})`;
}

/**
 * A resolution's title for a reader: the register keeps the English title only, so other languages get none
 * (the reference alone) rather than English in the middle of their text.
 */
export function resolutionTitle(ref: Pick<ResolutionRef, 'title'>, locale: Locale): string | null {
  return locale === 'en' ? ref.title : null;
}
