/**
 * The strings of "My work" and of the register's filters, people and roles: the same messages in the six languages,
 * none left in English.
 */
import { ar } from '../../../../tab/src/i18n/ar';
import { en, type Messages } from '../../../../tab/src/i18n/en';
import { es } from '../../../../tab/src/i18n/es';
import { fr } from '../../../../tab/src/i18n/fr';
import { myWorkAr } from '../../../../tab/src/i18n/mywork/ar';
import { myWorkEn, type MyWorkMessages } from '../../../../tab/src/i18n/mywork/en';
import { myWorkEs } from '../../../../tab/src/i18n/mywork/es';
import { myWorkFr } from '../../../../tab/src/i18n/mywork/fr';
import { myWorkRu } from '../../../../tab/src/i18n/mywork/ru';
import { myWorkZh } from '../../../../tab/src/i18n/mywork/zh';
import { ru } from '../../../../tab/src/i18n/ru';
import { zh } from '../../../../tab/src/i18n/zh';

/** Texts that read the same in English and another language (names, file names, formats). */
const SAME_EVERYWHERE = new Set(['topic-register']);

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

/** The register's and the local mode's messages of a main catalogue. */
const registerPart = (t: Messages) => ({
  register: t.register,
  roles: t.roles,
  myWork: t.nav.myWork,
  notInRegister: t.viewAs.notInRegister,
  identity: t.errors.identity,
});

describe.each([
  ['Arabic', myWorkAr, ar],
  ['Chinese', myWorkZh, zh],
  ['French', myWorkFr, fr],
  ['Russian', myWorkRu, ru],
  ['Spanish', myWorkEs, es],
] as [string, MyWorkMessages, Messages][])(
  'the %s catalogues of "My work" and the register',
  (_language, myWork, main) => {
    for (const [part, english, own] of [
      ['My work', leaves(myWorkEn), leaves(myWork)],
      ['register', leaves(registerPart(en)), leaves(registerPart(main))],
    ] as const) {
      it(`has every ${part} message of the English one, and no other`, () => {
        expect(own.map(([path]) => path).sort()).toEqual(english.map(([path]) => path).sort());
      });

      it(`leaves no ${part} message in English`, () => {
        const englishText = new Map(english);
        const untranslated = own.filter(
          ([path, text]) => text === englishText.get(path) && !SAME_EVERYWHERE.has(text) && /[a-z]{3}/.test(text),
        );
        expect(untranslated).toEqual([]);
      });
    }
  },
);
