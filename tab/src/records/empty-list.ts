/** What an empty records list says. */

/** The values of a list's filters: the view's shared ones and the list's own (unset: undefined, '' or false). */
export type FilterValues = Record<string, string | boolean | undefined>;

/**
 * What an empty records list says: that there are none yet when no filter is set, else that nothing matches the
 * filters (an empty list under a filter says nothing of the register as a whole).
 */
export function emptyListText(filters: FilterValues, texts: { none: string; noMatch: string }): string {
  const filtered = Object.values(filters).some((value) => value !== undefined && value !== '' && value !== false);
  return filtered ? texts.noMatch : texts.none;
}
