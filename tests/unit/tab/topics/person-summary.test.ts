/** The line under a name on a person's card: the job title as the person's record has it, the sector translated. */
import { ar } from '../../../../tab/src/i18n/ar';
import { fr } from '../../../../tab/src/i18n/fr';
import { personSummary } from '../../../../tab/src/topics/person-summary';

const FSI = '\u2068';
const PDI = '\u2069';

describe('personSummary', () => {
  it('keeps the job title as typed and names the sector in the reader’s language', () => {
    expect(personSummary({ jobTitle: 'Programme Officer, BDT', sector: 'BDT' }, fr, 'ltr')).toBe(
      `Programme Officer, BDT · ${fr.sectors.names.BDT}`,
    );
  });

  it('isolates a Latin job title in Arabic so it keeps its own order next to the Arabic sector name', () => {
    const line = personSummary({ jobTitle: 'Counsellor, TSB', sector: 'TSB' }, ar, 'rtl');
    expect(line).toBe(`${FSI}Counsellor,\u00a0TSB${PDI} · ${ar.sectors.names.TSB}`);
  });

  it('shows only the sector when the record has no job title', () => {
    expect(personSummary({ jobTitle: '  ', sector: 'GS' }, ar, 'rtl')).toBe(ar.sectors.names.GS);
  });
});
