import {
  bodyFullName,
  hasStandardTitle,
  LOCALES,
  meetingTitle,
  standardMeetingTitle,
  type BodyId,
} from '../../../teams-app/domain';
import { meeting } from './agenda/agenda-fixtures';

const titled = (title: string, body: BodyId = 'ISC-TF', number = 32) => ({ body, number, title });

describe('meetingTitle', () => {
  it('renders the standard title of a meeting in each of the six languages', () => {
    const stored = meeting();
    expect(stored.title).toBe('32nd meeting of the Inter-Sectoral Coordination Task Force');
    expect(meetingTitle(stored, 'en')).toBe('32nd meeting of the Inter-Sectoral Coordination Task Force');
    expect(meetingTitle(stored, 'fr')).toBe("32e réunion de l'Équipe spéciale de coordination intersectorielle");
    expect(meetingTitle(stored, 'es')).toBe('32.ª reunión del Equipo Especial de Coordinación Intersectorial');
    expect(meetingTitle(stored, 'ru')).toBe('32-е собрание Целевой группы по межсекторальной координации');
    expect(meetingTitle(stored, 'zh')).toBe('跨部门协调任务组第32次会议');
    expect(meetingTitle(stored, 'ar')).toBe('الاجتماع الثاني والثلاثون لفرقة العمل المعنية بالتنسيق بين القطاعات');
  });

  it('names the ISCG with its own name and grammar', () => {
    const iscg = titled('9th meeting of the Inter-Sectoral Coordination Group', 'ISCG', 9);
    expect(meetingTitle(iscg, 'fr')).toBe('9e réunion du Groupe de coordination intersectorielle');
    expect(meetingTitle(iscg, 'ru')).toBe('9-е собрание Группы по межсекторальной координации');
    expect(meetingTitle(iscg, 'ar')).toBe('الاجتماع التاسع لفريق التنسيق بين القطاعات');
    expect(meetingTitle(iscg, 'zh')).toBe('跨部门协调组第9次会议');
  });

  it('uses the ordinals of each language', () => {
    const en = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112].map((n) => standardMeetingTitle('ISCG', n, 'en'));
    expect(en.map((title) => title.split(' ')[0])).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
      '112th',
    ]);
    expect(standardMeetingTitle('ISC-TF', 1, 'fr')).toMatch(/^1re réunion /);
    expect(standardMeetingTitle('ISC-TF', 2, 'fr')).toMatch(/^2e réunion /);
    expect(standardMeetingTitle('ISC-TF', 1, 'es')).toMatch(/^1\.ª reunión /);
    const arabic = (n: number) => standardMeetingTitle('ISCG', n, 'ar').replace(' لفريق التنسيق بين القطاعات', '');
    expect(arabic(1)).toBe('الاجتماع الأول');
    expect(arabic(10)).toBe('الاجتماع العاشر');
    expect(arabic(11)).toBe('الاجتماع الحادي عشر');
    expect(arabic(12)).toBe('الاجتماع الثاني عشر');
    expect(arabic(20)).toBe('الاجتماع العشرون');
    expect(arabic(21)).toBe('الاجتماع الحادي والعشرون');
    expect(arabic(99)).toBe('الاجتماع التاسع والتسعون');
    expect(arabic(100)).toBe('الاجتماع المائة');
    expect(arabic(101)).toBe('الاجتماع رقم 101');
  });

  it('renders a standard title stored in any language in the reader’s language', () => {
    for (const stored of LOCALES) {
      const meeting = titled(standardMeetingTitle('ISC-TF', 32, stored));
      expect(hasStandardTitle(meeting)).toBe(true);
      expect(meetingTitle(meeting, 'en')).toBe('32nd meeting of the Inter-Sectoral Coordination Task Force');
    }
    expect(meetingTitle(titled('  32nd   meeting of the inter-sectoral coordination task force '), 'fr')).toBe(
      "32e réunion de l'Équipe spéciale de coordination intersectorielle",
    );
    expect(meetingTitle(titled(''), 'ru')).toBe('32-е собрание Целевой группы по межсекторальной координации');
  });

  it('keeps a custom title as typed, in every language', () => {
    const special = titled('Special session on WSIS+20 ');
    expect(hasStandardTitle(special)).toBe(false);
    for (const locale of LOCALES) expect(meetingTitle(special, locale)).toBe('Special session on WSIS+20');
    // The standard title of another number is a custom title for this meeting.
    expect(meetingTitle(titled('31st meeting of the Inter-Sectoral Coordination Task Force'), 'fr')).toBe(
      '31st meeting of the Inter-Sectoral Coordination Task Force',
    );
  });

  it('has a name for every body in every language', () => {
    for (const locale of LOCALES) {
      for (const body of ['ISC-TF', 'ISCG', 'ISC-TF-SUB'] as const) {
        expect(bodyFullName(body, locale).length).toBeGreaterThan(3);
        expect(standardMeetingTitle(body, 205, locale)).toContain('205');
      }
    }
  });
});
