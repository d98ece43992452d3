import { parseRoute, routeSearch } from '../../../../tab/src/app/route';

describe('the meetings route', () => {
  it('opens the meetings view on its past meetings when the address asks for the archive', () => {
    expect(parseRoute('?view=meetings&archive=open')).toEqual({ section: 'meetings', archive: true });
    expect(routeSearch({ section: 'meetings', archive: true })).toBe('?view=meetings&archive=open');
  });

  it('opens it at the top otherwise', () => {
    expect(parseRoute('?view=meetings')).toEqual({ section: 'meetings' });
    expect(parseRoute('?view=meetings&archive=closed')).toEqual({ section: 'meetings' });
    expect(routeSearch({ section: 'meetings' })).toBe('?view=meetings');
  });
});
