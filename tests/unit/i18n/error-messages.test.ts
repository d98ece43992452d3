import { AppError, ERROR_STATUS, REASON_CODES, type ErrorCode, type Locale } from '../../../teams-app/domain';
import { CATALOGUES, errorMessage, reasonText } from '../../../teams-app/i18n';

const LOCALES: Locale[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
const CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/** The details the services give each error whose message names a count or a date. */
const DETAILS: Partial<Record<ErrorCode, Record<string, unknown>>> = {
  'collection.incomplete': { state: 'open', expected: 10, answered: 7, missing: 3, closesAt: null },
  'minutes.unresolved-notes': { count: 2 },
  'minutes.too-early': { start: '2026-12-07 10:00 (Europe/Zurich)', startsAt: '2026-12-07T09:00:00.000Z' },
  'update.too-long': { field: 'progress', max: 4000, length: 4100 },
};

describe('error messages', () => {
  it.each(LOCALES)('has a message for every error code in %s', (locale) => {
    const missing = CODES.filter((code) => !(CATALOGUES[locale][`error.${code}`] ?? '').trim());
    expect(missing).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))(
    'renders every error code in %s from the catalogue, never the English sentence',
    (locale) => {
      for (const code of CODES) {
        const error = new AppError(code, `English sentence for ${code}.`, DETAILS[code]);
        const message = errorMessage(error, locale);
        expect({ code, english: message.includes('English sentence') }).toEqual({ code, english: false });
        expect({ code, generic: message === CATALOGUES[locale]['error.generic'] }).toEqual({ code, generic: false });
      }
    },
  );

  it("gives an English reader the error's own sentence, which names what was refused", () => {
    const error = new AppError('topic.not-found', 'There is no topic "no-such-topic".');
    expect(errorMessage(error, 'en')).toBe('There is no topic "no-such-topic".');
  });

  it('puts the counts and dates of the details into the message, with the plural of the language', () => {
    const incomplete = (missing: number, state: string) =>
      new AppError('collection.incomplete', 'English', { state, expected: 12, answered: 12 - missing, missing });
    expect(errorMessage(incomplete(1, 'open'), 'fr')).toMatch(
      /^Il manque 1 mise à jour sur 12 et la collecte est encore/,
    );
    expect(errorMessage(incomplete(3, 'scheduled'), 'fr')).toMatch(
      /^Il manque 3 mises à jour sur 12 .*pas encore ouverte/,
    );
    expect(errorMessage(incomplete(5, 'open'), 'ru')).toMatch(/^Не хватает 5 обновлений из 12, сбор ещё открыт/);
    expect(errorMessage(new AppError('minutes.unresolved-notes', 'English', { count: 1 }), 'es')).toMatch(
      /^Queda 1 nota de revisión abierta/,
    );
    expect(errorMessage(new AppError('minutes.too-early', 'English', DETAILS['minutes.too-early']), 'zh')).toContain(
      '2026-12-07 10:00 (Europe/Zurich)',
    );
  });

  it('falls back to the generic message, in the language, when an error lacks a count its message needs', () => {
    expect(errorMessage(new AppError('minutes.unresolved-notes', 'English'), 'fr')).toBe(
      CATALOGUES.fr['error.generic'],
    );
  });
});

describe('delivery reasons', () => {
  it.each(LOCALES)('has a message for every reason code in %s', (locale) => {
    expect(REASON_CODES.filter((code) => !(CATALOGUES[locale][code] ?? '').trim())).toEqual([]);
  });

  it("shows a coded reason in the reader's language and text stored before codes as it is", () => {
    expect(reasonText({ reasonCode: 'delivery.blocked', reason: null }, 'fr')).toBe(CATALOGUES.fr['delivery.blocked']);
    expect(reasonText({ reasonCode: null, reason: 'blocked (403)' }, 'fr')).toBe('blocked (403)');
    expect(reasonText({ reasonCode: null, reason: null }, 'fr')).toBeNull();
  });
});
