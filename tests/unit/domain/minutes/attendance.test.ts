import { bodyMembers, compileAttendance, Minutes, type Attendee } from '../../../../teams-app/domain/minutes';
import { DEMO_PEOPLE } from '../../../../teams-app/store/demo/seed';
import { meeting } from '../agenda/agenda-fixtures';
import { chat, message, sender } from './chat-fixtures';
import { minutesOf } from './minutes-fixtures';

const line = (attendance: readonly Attendee[], name: string) => attendance.filter((a) => a.name === name);

describe('attendance', () => {
  it('lists every member of the body by sector, present when they took part in the chat, absent otherwise', () => {
    const minutes = minutesOf(
      chat([
        ['patti-fernandez', 'Item 1'],
        ['alex-wilber', 'Good morning'],
        ['adele-vance', 'Decision: adopted'],
      ]),
    );
    expect(Minutes.safeParse(minutes).success).toBe(true);
    const rows = minutes.attendance.map((a) => [a.name, a.sector, a.present]);
    expect(rows[0]).toEqual(['Patti Fernandez', 'GS', true]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Alex Wilber', 'BDT', true],
        ['Adele Vance', 'TSB', true],
        ['Isaiah Langer', 'BR', false],
        ['Nestor Wilke', 'BDT', false],
        ['Miriam Graham', 'GS', false],
      ]),
    );
    expect(minutes.attendance).toHaveLength(DEMO_PEOPLE.length);
    const sectors = minutes.attendance.slice(1).map((a) => a.sector);
    expect([...new Set(sectors)]).toEqual(['BR', 'TSB', 'BDT', 'GS']);
    const bdt = minutes.attendance.filter((a) => a.sector === 'BDT').map((a) => a.present);
    expect(bdt).toEqual([...bdt].sort((a, b) => Number(b) - Number(a)));
  });

  it('lists a stranger typing under a member’s name as a guest under that name, never as the member', () => {
    const stranger = {
      id: '29:stranger',
      name: 'Patti Fernandez',
      aadObjectId: 'ffffffff-0000-0000-0000-000000000000',
    };
    const minutes = minutesOf([
      message(0, 'alex-wilber', 'Item 1'),
      message(1, 'patti-fernandez', 'Decision: the stranger decides', { from: stranger }),
      message(2, 'patti-fernandez', 'No AAD id at all', { from: { id: '29:other', name: 'Patti Fernandez' } }),
    ]);
    const patti = line(minutes.attendance, 'Patti Fernandez');
    expect(patti).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ personId: 'patti-fernandez', chair: true, present: false, guest: false }),
        expect.objectContaining({ personId: null, sector: null, chair: false, present: true, guest: true }),
      ]),
    );
    expect(patti.filter((a) => a.guest)).toHaveLength(2);
    expect(minutes.attendance.at(-1)).toMatchObject({ guest: true });
    expect(minutes.items[0]?.decisions[0]?.by).toEqual(stranger);
  });

  it('matches roster participants by AAD object id only, and keeps register people from outside the body', () => {
    const members = DEMO_PEOPLE.filter((p) => p.sector === 'GS');
    const attendance = compileAttendance({
      meeting: meeting(),
      members,
      people: DEMO_PEOPLE,
      participants: [
        { name: 'Someone else', aadObjectId: sender('alex-wilber').aadObjectId },
        { name: 'Lee Gu' },
        { name: ' ' },
        { name: 'Guest Speaker' },
        { name: 'guest  speaker' },
      ],
    });
    expect(attendance.filter((a) => a.sector === 'GS').every((a) => !a.guest)).toBe(true);
    expect(line(attendance, 'Alex Wilber')).toEqual([
      expect.objectContaining({ personId: 'alex-wilber', present: true }),
    ]);
    expect(line(attendance, 'Lee Gu')).toEqual([expect.objectContaining({ personId: null, guest: true })]);
    expect(attendance.filter((a) => a.guest).map((a) => a.name)).toEqual(['Guest Speaker', 'Lee Gu']);
  });

  it('takes the chair, members, secretariat and observers of the register as the body’s members', () => {
    const focalOnly = { ...DEMO_PEOPLE[0]!, id: 'focal-only', roles: ['focal-point' as const] };
    expect(bodyMembers([...DEMO_PEOPLE, focalOnly]).map((p) => p.id)).toEqual(DEMO_PEOPLE.map((p) => p.id));
  });
});
