import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileDeltaPosition } from '../../../teams-app/graph/delta-position';

const LINK = 'https://graph.microsoft.com/v1.0/users/x/calendarView/delta?$deltatoken=abc';
const POSITION = { deltaLink: LINK, openedAt: '2026-12-01T08:00:00.000Z' };

describe('the delta position kept in a file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-delta-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives back the link saved for the same calendar, from a new instance', async () => {
    const file = path.join(dir, 'sub', 'calendar-delta.json');
    await fileDeltaPosition(file, 'graph organizer a').save(POSITION);
    expect(await fileDeltaPosition(file, 'graph organizer a').load()).toEqual(POSITION);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['calendar-delta.json']);
  });

  it('resumes nothing before the first save, for another calendar, or from an unreadable file', async () => {
    const file = path.join(dir, 'calendar-delta.json');
    expect(await fileDeltaPosition(file, 'a').load()).toBeNull();
    await fileDeltaPosition(file, 'graph group g').save(POSITION);
    expect(await fileDeltaPosition(file, 'graph organizer a').load()).toBeNull();
    fs.writeFileSync(file, '{ not json');
    expect(await fileDeltaPosition(file, 'graph group g').load()).toBeNull();
    fs.writeFileSync(
      file,
      JSON.stringify({ of: 'graph group g', deltaLink: 'not a url', openedAt: 'yesterday', savedAt: 'today' }),
    );
    expect(await fileDeltaPosition(file, 'graph group g').load()).toBeNull();
  });
});
