import { followsResolution, pageOf } from '../../../../teams-app/services/follow-up/follow-up-deps';
import { isOverdue } from '../../../../teams-app/services/follow-up/follow-up-query';
import type { Topic } from '../../../../teams-app/domain';

const topic: Topic = {
  id: 'accessibility',
  title: { en: 'Accessibility' },
  description: '',
  kind: 'topic',
  resolutions: [
    { body: 'PP', number: '175', title: null, revision: 'Rev. Bucharest, 2022' },
    { body: 'WTDC', number: '58', title: null, revision: null },
  ],
  sectors: ['BDT'],
  leadSector: 'BDT',
  iscgCoordinatorArea: false,
  sinceYear: null,
  status: 'active',
};

describe('the follow-up register filters', () => {
  it('matches a resolution by body and number, or by number alone', () => {
    expect(followsResolution(topic, 'PP 175')).toBe(true);
    expect(followsResolution(topic, 'pp-175')).toBe(true);
    expect(followsResolution(topic, 'WTDC Res. 58')).toBe(true);
    expect(followsResolution(topic, '58')).toBe(true);
    expect(followsResolution(topic, 'PP 58')).toBe(false);
    expect(followsResolution(undefined, 'PP 175')).toBe(false);
  });

  it('calls an open action overdue only after its due date', () => {
    expect(isOverdue({ status: 'open', due: '2026-11-29' }, '2026-11-30')).toBe(true);
    expect(isOverdue({ status: 'open', due: '2026-11-30' }, '2026-11-30')).toBe(false);
    expect(isOverdue({ status: 'done', due: '2026-11-01' }, '2026-11-30')).toBe(false);
    expect(isOverdue({ status: 'open', due: null }, '2026-11-30')).toBe(false);
  });

  it('pages from an offset cursor and says where the next page starts', () => {
    expect(pageOf([1, 2, 3], undefined, 2)).toEqual({ items: [1, 2], total: 3, nextCursor: '2' });
    expect(pageOf([1, 2, 3], '2', 2)).toEqual({ items: [3], total: 3, nextCursor: null });
  });
});
