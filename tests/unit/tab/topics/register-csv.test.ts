/** The register as the reader downloads it: resolutions cited in the reader's language, as the tab shows them. */
import type { TopicView } from '../../../../tab/src/api';
import { ar } from '../../../../tab/src/i18n/ar';
import { en } from '../../../../tab/src/i18n/en';
import { fr } from '../../../../tab/src/i18n/fr';
import { registerCsv } from '../../../../tab/src/topics/register-csv';

/** A topic of the register with the resolutions a citation test needs. */
function topic(resolutions: TopicView['resolutions']): TopicView {
  return {
    id: 'accessibility',
    title: { en: 'Accessibility' },
    description: '',
    kind: 'topic',
    resolutions,
    sectors: ['BDT'],
    leadSector: 'BDT',
    status: 'active',
    etag: '1',
    assignments: [],
    iscgCoordinatorArea: false,
    sinceYear: null,
  };
}

const ACCESSIBILITY = topic([
  { body: 'PP', number: '175', revision: 'Rev. Bucharest, 2022', title: 'Telecommunication/ICT accessibility' },
  { body: 'RA', number: null, revision: 'RA-23', title: null },
]);

/** The resolutions cell of the first row. */
function resolutionsCell(csv: string): string {
  const row = csv.replace(/^\uFEFF/, '').split('\r\n')[1] ?? '';
  const cell = /"([^"]*)"\s*$/.exec(row)?.[1] ?? row.split(',').pop() ?? '';
  return cell;
}

describe('registerCsv', () => {
  it('cites resolutions in French, revision included, in the French export', () => {
    const csv = registerCsv([ACCESSIBILITY], fr, 'fr', (t) => t.title.en);
    expect(resolutionsCell(csv)).toBe('Rés. 175 (PP) (Rév. Bucarest, 2022); Résolution de l’AR (AR-23)');
    expect(csv).not.toMatch(/\bRev\.|Bucharest|AR résolution/);
  });

  it('cites resolutions in Arabic in the Arabic export, with no English left', () => {
    const csv = registerCsv([ACCESSIBILITY], ar, 'ar', (t) => t.title.en);
    expect(resolutionsCell(csv)).toBe(
      'القرار 175 (مؤتمر المندوبين المفوضين) (المراجَع في بوخارست، 2022); ' +
        'قرار صادر عن جمعية الاتصالات الراديوية (جمعية الاتصالات الراديوية لعام 2023)',
    );
    expect(resolutionsCell(csv)).not.toMatch(/[A-Za-z]/);
  });

  it('keeps the English citation in the English export', () => {
    const csv = registerCsv([ACCESSIBILITY], en, 'en', (t) => t.title.en);
    expect(resolutionsCell(csv)).toBe('PP Res. 175 (Rev. Bucharest, 2022); RA resolution (RA-23)');
  });
});
