import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOGUES, t } from '../../../teams-app/i18n';
import { en } from '../../../teams-app/i18n/en';
import type { Locale } from '../../../teams-app/domain';

const LANGUAGES = [
  ['Arabic', 'ar'],
  ['Chinese', 'zh'],
  ['French', 'fr'],
  ['Russian', 'ru'],
  ['Spanish', 'es'],
] as const;

/** The node kinds of intl-messageformat's ICU syntax tree that name an argument. */
const ARGUMENT = 1;
const NUMBER = 2;
const SELECT = 5;
const PLURAL = 6;

/** A node of the ICU syntax tree, as far as these tests read it. */
interface IcuNode {
  type: number;
  value?: unknown;
  options?: Record<string, { value: IcuNode[] }>;
}

/** The syntax tree of a message in its language (throws when the message is not valid ICU). */
function ast(message: string, locale: Locale): IcuNode[] {
  return new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst() as IcuNode[];
}

/** Every node of a tree, branches of plurals and selects included. */
function nodes(tree: IcuNode[]): IcuNode[] {
  return tree.flatMap((node) => [node, ...Object.values(node.options ?? {}).flatMap((branch) => nodes(branch.value))]);
}

/** The sorted argument names of a message (`{name}`, `{count, plural, …}`, `{state, select, …}`). */
function argumentsOf(message: string, locale: Locale): string[] {
  const named = nodes(ast(message, locale)).filter((n) => [ARGUMENT, NUMBER, SELECT, PLURAL].includes(n.type));
  return [...new Set(named.map((n) => String(n.value)))].sort();
}

/** The plural arguments of a message with the categories each one spells out. */
function plurals(message: string, locale: Locale): { name: string; categories: string[] }[] {
  return nodes(ast(message, locale))
    .filter((n) => n.type === PLURAL)
    .map((n) => ({ name: String(n.value), categories: Object.keys(n.options ?? {}) }));
}

/** The plural categories whole numbers take in a language (French and Spanish "many" is for millions only). */
function neededCategories(locale: Locale): string[] {
  const rules = new Intl.PluralRules(locale);
  const needed = new Set(['other']);
  for (let n = 0; n <= 1000; n += 1) needed.add(rules.select(n));
  return [...needed].sort();
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

  it('writes every English message as valid ICU with the English plural categories', () => {
    for (const [key, message] of Object.entries(en)) {
      for (const plural of plurals(message, 'en')) {
        expect({ key, ...plural }).toEqual({ key, name: plural.name, categories: ['one', 'other'] });
      }
    }
  });

  describe.each(LANGUAGES)('%s', (language, locale) => {
    const catalogue: Record<string, string | undefined> = CATALOGUES[locale];

    it(`has every English key in ${language} and no other`, () => {
      expect(Object.keys(catalogue).sort()).toEqual(englishKeys);
    });

    it(`parses every ${language} message as ICU, with the same arguments as the English one`, () => {
      for (const [key, english] of Object.entries(en)) {
        expect({ key, arguments: argumentsOf(catalogue[key] ?? '', locale) }).toEqual({
          key,
          arguments: argumentsOf(english, 'en'),
        });
      }
    });

    it(`spells out every plural category ${language} needs for whole numbers`, () => {
      const needed = neededCategories(locale);
      for (const key of englishKeys) {
        for (const plural of plurals(catalogue[key] ?? '', locale)) {
          expect({ key, plural: plural.name, missing: needed.filter((c) => !plural.categories.includes(c)) }).toEqual({
            key,
            plural: plural.name,
            missing: [],
          });
        }
      }
    });

    it(`counts in ${language} only what English counts (a plural argument is a plural in English too)`, () => {
      for (const key of englishKeys) {
        const english = plurals(en[key as keyof typeof en], 'en').map((p) => p.name);
        for (const plural of plurals(catalogue[key] ?? '', locale)) {
          expect({ key, plural: plural.name, inEnglish: english.includes(plural.name) }).toEqual({
            key,
            plural: plural.name,
            inEnglish: true,
          });
        }
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

describe('t', () => {
  it('chooses the plural form each language needs', () => {
    expect([1, 2, 5].map((count) => t('delivery.warning', 'en', { count }))).toEqual([
      'Prompts could not reach 1 person, who needs the app installed in Teams:',
      'Prompts could not reach 2 people, who need the app installed in Teams:',
      'Prompts could not reach 5 people, who need the app installed in Teams:',
    ]);
    expect([1, 3, 5, 21].map((count) => t('delivery.warning', 'ru', { count }).split('.')[0])).toEqual([
      'Запросы не дошли до 1 человека',
      'Запросы не дошли до 3 человек',
      'Запросы не дошли до 5 человек',
      'Запросы не дошли до 21 человека',
    ]);
    expect([0, 1, 2, 3, 11, 100].map((days) => t('doc.overdue', 'ar', { days }))).toEqual([
      'متأخر (0 يوم)',
      'متأخر (يوم واحد)',
      'متأخر (يومان)',
      'متأخر (3 أيام)',
      'متأخر (11 يوماً)',
      'متأخر (100 يوم)',
    ]);
  });

  it('leaves markup-like text such as **update <topic>** as it is', () => {
    expect(t('reminder.text', 'en', { meeting: 'ISC-TF 32', count: 2, topics: 'A, B', date: '1 Dec' })).toBe(
      'Reminder: ISC-TF 32. Your update is still missing on these 2 topics: A, B. Please answer by 1 Dec; type **update <topic>** to get a card again.',
    );
  });

  it('takes the arguments its message names, typed', () => {
    // @ts-expect-error: the count of a plural message is required.
    expect(() => t('minutes.review', 'en', {})).toThrow();
    // @ts-expect-error: a message without arguments takes no values.
    expect(t('status.pending', 'fr', { count: 1 })).toBe('en attente');
    expect(t('minutes.review', 'fr', { count: 1 })).toMatch(/^1 ligne à vérifier/);
  });
});
