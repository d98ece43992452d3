/** Names the tab shows for codes: languages in the reader's language, people by id. */
import type { Locale } from '../../../teams-app/domain';
import type { PersonView } from '../api';

/** A language's name in the reader's language (Intl), e.g. "French" or "francés". */
export function languageName(locale: Locale, intlTag: string): string {
  try {
    return new Intl.DisplayNames([intlTag], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

/** People by id, for names in tables and selects. */
export function byId<T extends { id: string }>(items: readonly T[] | undefined): Map<string, T> {
  return new Map((items ?? []).map((item) => [item.id, item]));
}

/** The people who can be chosen (not retired), by name in the reader's order. */
export function activePeople(people: readonly PersonView[] | undefined, intlTag: string): PersonView[] {
  const collator = new Intl.Collator(intlTag);
  return (people ?? []).filter((p) => !p.retiredAt).sort((a, b) => collator.compare(a.name, b.name));
}

/** The people who can be chosen, as the options of a select (value: id, label: name). */
export function personOptions(
  people: readonly PersonView[] | undefined,
  intlTag: string,
): { value: string; label: string }[] {
  return activePeople(people, intlTag).map((p) => ({ value: p.id, label: p.name }));
}
