import { adminEn } from '../../../../tab/src/i18n/admin/en';
import { emptyListText } from '../../../../tab/src/records/empty-list';

const r = adminEn.records;
const escalations = { none: r.escalations.none, noMatch: r.empty };

describe('what an empty records list says', () => {
  it('says there are no escalations yet when no filter is set', () => {
    const unset = { topicId: undefined, sector: undefined, meetingId: undefined, q: undefined, status: '' };
    expect(emptyListText(unset, escalations)).toBe('No escalations yet.');
  });

  it('says nothing matches once any filter is set', () => {
    expect(emptyListText({ topicId: 'space' }, escalations)).toBe('Nothing matches these filters.');
    expect(emptyListText({ q: 'COP', status: '' }, escalations)).toBe('Nothing matches these filters.');
    expect(emptyListText({ status: 'decided' }, escalations)).toBe('Nothing matches these filters.');
    expect(emptyListText({ overdue: true }, escalations)).toBe('Nothing matches these filters.');
  });

  it('treats a switch turned off as no filter', () => {
    expect(emptyListText({ overdue: false, resolution: undefined }, { none: r.decisions.none, noMatch: r.empty })).toBe(
      'No decisions yet.',
    );
  });
});
