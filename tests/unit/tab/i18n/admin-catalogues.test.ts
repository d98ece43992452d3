/** The records and administration strings: the same messages in the six languages, none left in English. */
import { adminAr } from '../../../../tab/src/i18n/admin/ar';
import { adminEn, type AdminMessages } from '../../../../tab/src/i18n/admin/en';
import { adminEs } from '../../../../tab/src/i18n/admin/es';
import { adminFr } from '../../../../tab/src/i18n/admin/fr';
import { adminRu } from '../../../../tab/src/i18n/admin/ru';
import { adminZh } from '../../../../tab/src/i18n/admin/zh';

/** Texts that read the same in English and another language (names of bodies, cognates such as "3 actions"). */
const SAME_EVERYWHERE = new Set([
  'ISC-TF',
  'Version',
  'Format',
  'Administration',
  'Actions',
  'Action',
  'Sector',
  'Description',
  'Note',
  '3 actions',
  'Documents',
]);

/** Every message of a catalogue by its path, functions called with sample arguments. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const args = Array.from({ length: value.length }, (_, i) => (i === 0 ? 3 : 'X'));
    return [[path, String((value as (...a: unknown[]) => unknown)(...args))]];
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    leaves(child, path ? `${path}.${key}` : key),
  );
}

const english = new Map(leaves(adminEn));

describe.each([
  ['Arabic', adminAr],
  ['Chinese', adminZh],
  ['French', adminFr],
  ['Russian', adminRu],
  ['Spanish', adminEs],
] as [string, AdminMessages][])('the %s administration catalogue', (_language, catalogue) => {
  const own = new Map(leaves(catalogue));

  it('has every message of the English one, and no other', () => {
    expect([...own.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('leaves no message in English', () => {
    const untranslated = [...own].filter(
      ([path, text]) => text === english.get(path) && !SAME_EVERYWHERE.has(text) && /[a-z]{3}/.test(text),
    );
    expect(untranslated).toEqual([]);
  });
});
