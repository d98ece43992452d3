/**
 * Draft minutes take attendance from the Teams attendance report when it can be read, and from the meeting chat
 * otherwise, saying which.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Meeting, ReportedAttendee } from '../../teams-app/domain';
import type { AttendancePort } from '../../teams-app/services';
import type { Store } from '../../teams-app/store';
import { chatLine, cycleServices, cycleStore } from '../support/cycle-services';

const MEETING = 'isc-tf-32';
const CHAIR = { personId: 'patti-fernandez', roles: ['chair'] as const };

let store: Store;
let dir: string;
let now: string;

beforeEach(async () => {
  store = await cycleStore(MEETING);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-minutes-attendance-'));
  now = '2026-12-04T08:00:00.000Z';
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Compiles and publishes the agenda, records one chat line from the chair, then drafts the minutes. */
async function draftMinutes(attendance?: AttendancePort) {
  const { meetings, chats } = cycleServices(store, dir, () => now, attendance ? { attendance } : {});
  await meetings.compileAgenda(MEETING, CHAIR, { confirm: true });
  await meetings.publishAgenda(MEETING, CHAIR);
  const meeting = await store.meetings.get(MEETING);
  if (!meeting) throw new Error('meeting missing');
  now = new Date(Date.parse(meeting.start) + 90 * 60_000).toISOString();
  await chats.recordChat(chatLine(MEETING, 1, 'Item 1'));
  return (await meetings.compileMinutes(MEETING, CHAIR)).minutes;
}

describe('attendance of the draft minutes', () => {
  it('comes from the attendance report when Teams has one, with joined and left times', async () => {
    const alex = await store.people.get('alex-wilber');
    if (!alex) throw new Error('alex-wilber missing');
    const asked: string[] = [];
    const report: AttendancePort = {
      report: async (meeting: Meeting): Promise<ReportedAttendee[]> => {
        asked.push(meeting.id);
        return [
          {
            aadObjectId: null,
            email: alex.email,
            name: alex.name,
            joinedAt: '2026-12-06T08:02:00.000Z',
            leftAt: '2026-12-06T09:58:00.000Z',
          },
        ];
      },
    };
    const minutes = await draftMinutes(report);
    expect(asked).toEqual([MEETING]);
    expect(minutes.attendanceSource).toBe('attendance-report');
    const present = minutes.attendance.filter((a) => a.present);
    expect(present.map((a) => a.personId)).toEqual(['alex-wilber']);
    expect(present[0]).toMatchObject({ joinedAt: '2026-12-06T08:02:00.000Z', leftAt: '2026-12-06T09:58:00.000Z' });
  });

  it('comes from the chat, marked as such, when no report can be read', async () => {
    const minutes = await draftMinutes({ report: async () => null });
    expect(minutes.attendanceSource).toBe('chat');
    // The chat says who wrote, not when anyone joined or left.
    expect(minutes.attendance.some((a) => a.joinedAt !== undefined || a.leftAt !== undefined)).toBe(false);
    expect(minutes.attendance.some((a) => a.name === 'Patti Fernandez' && a.present)).toBe(true);
  });
});
