import { PeopleIndex } from '../../../../teams-app/domain/minutes';
import { DEMO_PEOPLE } from '../../../../teams-app/store/demo/seed';

const people = new PeopleIndex(DEMO_PEOPLE);
const patti = DEMO_PEOPLE.find((p) => p.id === 'patti-fernandez');

describe('PeopleIndex.who (the register person behind a chat sender)', () => {
  it('finds a register person by AAD object id', () => {
    expect(people.who({ id: '29:x', name: 'P. F.', aadObjectId: patti?.aadObjectId })?.id).toBe('patti-fernandez');
  });

  it('never takes a stranger for a register person who has the same display name', () => {
    expect(
      people.who({ id: '29:x', name: 'Patti Fernandez', aadObjectId: 'ffffffff-0000-0000-0000-000000000001' }),
    ).toBe(undefined);
    expect(people.who({ id: '29:x', name: 'Patti Fernandez' })).toBeUndefined();
  });

  it('finds a line the app recorded for a person by the person id', () => {
    expect(people.who({ id: 'patti-fernandez', name: 'Patti Fernandez', aadObjectId: null })?.id).toBe(
      'patti-fernandez',
    );
  });
});
