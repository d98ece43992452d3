/** The register's search as people type it, and the filters and sort order kept in the address. */
import type { TopicView } from '../../../../tab/src/api';
import {
  filtersSearch,
  readFilters,
  selectTopics,
  NO_FILTERS,
  type RegisterFilters,
} from '../../../../tab/src/topics/register-filters';
import { matchesSearch, normalizeSearch, searchTexts } from '../../../../tab/src/topics/register-search';

/** A topic of the register with only what the search and filters read. */
function topic(id: string, overrides: Partial<TopicView> = {}): TopicView {
  return {
    id,
    title: { en: id },
    description: '',
    kind: 'topic',
    resolutions: [],
    sectors: ['BDT'],
    leadSector: 'BDT',
    status: 'active',
    etag: '1',
    assignments: [],
    ...overrides,
  } as TopicView;
}

const accessibility = topic('accessibility', {
  title: { en: 'Accessibility', fr: 'Accessibilité', ar: 'إمكانية النفاذ' },
  resolutions: [
    { body: 'WTSA', number: '70', revision: 'Rev. Dubai, 2012', title: null },
    { body: 'PP', number: '175', revision: null, title: null },
  ],
  assignments: [
    {
      sector: 'BDT',
      focalPoint: { id: 'alex-wilber', name: 'Alex Wilber' },
      alternate: { id: 'lynne-robbins', name: 'Lynne Robbins' },
      iscgCoordinator: false,
      vacant: false,
    },
  ],
} as Partial<TopicView>);
const gender = topic('gender', {
  title: { en: 'Gender equality', fr: 'Égalité des genres' },
  resolutions: [{ body: 'PP', number: '70', revision: null, title: null }],
  sectors: ['GS'],
  leadSector: 'GS',
  assignments: [
    { sector: 'GS', focalPoint: null, alternate: null, iscgCoordinator: true, vacant: true },
    {
      sector: 'BR',
      focalPoint: { id: 'isaiah-langer', name: 'Isaiah Langer' },
      alternate: { id: 'alex-wilber', name: 'Alex Wilber' },
      iscgCoordinator: false,
      vacant: false,
    },
  ],
} as Partial<TopicView>);
const space = topic('space', {
  title: { en: 'Space', fr: 'Espace' },
  sectors: ['BR'],
  leadSector: 'BR',
  resolutions: [{ body: 'RA', number: null, revision: null, title: null }],
});
const ALL = [space, gender, accessibility];

const found = (query: string) => ALL.filter((t) => matchesSearch(searchTexts(t), query)).map((t) => t.id);

const select = (filters: Partial<RegisterFilters>, personId: string | null = null, locale = 'en') =>
  selectTopics(
    ALL,
    { ...NO_FILTERS, ...filters },
    {
      personId,
      title: (t) => t.title[locale as 'en'] ?? t.title.en,
      collator: new Intl.Collator(locale),
    },
  ).map((t) => t.id);

describe('the register search', () => {
  it('reads text without case, accents or punctuation', () => {
    expect(normalizeSearch('  Rés. 70 ')).toBe('res 70');
    expect(normalizeSearch('ÉGALITÉ des genres')).toBe('egalite des genres');
    expect(normalizeSearch('E-meetings / virtual')).toBe('e meetings virtual');
  });

  it('finds a resolution written "Res. 70", "Res 70", "resolution 70" or "WTSA 70"', () => {
    expect(found('Res. 70')).toEqual(['gender', 'accessibility']);
    expect(found('Res 70')).toEqual(['gender', 'accessibility']);
    expect(found('resolution 70')).toEqual(['gender', 'accessibility']);
    expect(found('WTSA 70')).toEqual(['accessibility']);
    expect(found('wtsa res. 70')).toEqual(['accessibility']);
    expect(found('PP 70')).toEqual(['gender']);
    expect(found('175')).toEqual(['accessibility']);
  });

  it('finds titles in any language without their accents, and people by name', () => {
    expect(found('accessibilite')).toEqual(['accessibility']);
    expect(found('egalite')).toEqual(['gender']);
    expect(found('إمكانية')).toEqual(['accessibility']);
    expect(found('Wilber')).toEqual(['gender', 'accessibility']);
    expect(found('lynne robbins')).toEqual(['accessibility']);
    expect(found('wilber access')).toEqual(['accessibility']);
  });

  it('finds nothing for words no topic has, and everything for an empty query', () => {
    expect(found('no topic is called this')).toEqual([]);
    expect(found('  ')).toEqual(['space', 'gender', 'accessibility']);
  });
});

describe('the register filters', () => {
  it("sorts titles in the reader's language, and reverses on request", () => {
    expect(select({})).toEqual(['accessibility', 'gender', 'space']);
    expect(select({ descending: true })).toEqual(['space', 'gender', 'accessibility']);
    // French titles: Accessibilité, Égalité (sorted with E, not after Z), Espace.
    expect(select({}, null, 'fr')).toEqual(['accessibility', 'gender', 'space']);
  });

  it('sorts by lead sector and by vacancies', () => {
    expect(select({ sort: 'lead' })).toEqual(['accessibility', 'space', 'gender']);
    expect(select({ sort: 'vacancies' })[0]).toBe('gender');
  });

  it('keeps a topic whose only entry in the sector is a vacancy, and filters vacancies', () => {
    expect(select({ sector: 'GS' })).toEqual(['gender']);
    expect(select({ sector: 'BR' })).toEqual(['gender', 'space']);
    expect(select({ vacantOnly: true })).toEqual(['gender']);
  });

  it("tells the viewer's topics as focal point from those as alternate", () => {
    expect(select({ mine: 'any' }, 'alex-wilber')).toEqual(['accessibility', 'gender']);
    expect(select({ mine: 'focal' }, 'alex-wilber')).toEqual(['accessibility']);
    expect(select({ mine: 'alternate' }, 'alex-wilber')).toEqual(['gender']);
  });

  it('writes the filters to the address and reads them back', () => {
    const filters: RegisterFilters = {
      sector: 'BR',
      search: 'Res. 70',
      mine: 'focal',
      vacantOnly: true,
      sort: 'title',
      descending: true,
      topic: 'accessibility',
    };
    const search = filtersSearch(filters);
    expect(search).toContain('view=register');
    expect(readFilters(search)).toEqual(filters);
    expect(readFilters('?view=register&sector=XX&sort=nonsense')).toEqual(NO_FILTERS);
  });
});
