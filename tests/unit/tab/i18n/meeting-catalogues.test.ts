/**
 * The strings of the side panel, the stage, the agenda timer, the editors' additions and the meeting archive: the
 * same messages in the six languages, none left in English.
 */
import { meetingAr } from '../../../../tab/src/i18n/meeting/ar';
import { meetingEn, type MeetingMessages } from '../../../../tab/src/i18n/meeting/en';
import { meetingEs } from '../../../../tab/src/i18n/meeting/es';
import { meetingFr } from '../../../../tab/src/i18n/meeting/fr';
import { meetingRu } from '../../../../tab/src/i18n/meeting/ru';
import { meetingZh } from '../../../../tab/src/i18n/meeting/zh';

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

const english = leaves(meetingEn);

describe.each([
  ['Arabic', meetingAr],
  ['Chinese', meetingZh],
  ['French', meetingFr],
  ['Russian', meetingRu],
  ['Spanish', meetingEs],
] as [string, MeetingMessages][])('the %s meeting catalogue', (_language, catalogue) => {
  const own = leaves(catalogue);

  it('has every message of the English one, and no other', () => {
    expect(own.map(([path]) => path).sort()).toEqual(english.map(([path]) => path).sort());
  });

  it('leaves no message in English', () => {
    const englishText = new Map(english);
    // "3 min" reads the same in French and Spanish; anything with a word of three letters or more is text.
    const untranslated = own.filter(([path, text]) => text === englishText.get(path) && /[a-z]{4}/i.test(text));
    expect(untranslated).toEqual([]);
  });
});
