import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  fileDeltaPosition,
  memoryDeltaPosition,
  storedDeltaPosition,
  type DeltaPosition,
  type SavedDelta,
} from '../../../teams-app/graph/delta-position';
import { openSqliteStore } from '../../../teams-app/store/sqlite/sqlite-store';

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

describe('the delta position kept in the store', () => {
  const store = openSqliteStore({ file: ':memory:' });
  afterAll(() => store.close());
  afterEach(async () => {
    const saved = await store.syncPositions.get('calendar');
    if (saved) await store.syncPositions.delete('calendar', saved.etag);
  });

  /** The position an earlier version kept in the data folder, counting how often it is read. */
  function former(position: SavedDelta | null = POSITION): DeltaPosition & { reads: number } {
    const kept = memoryDeltaPosition(position);
    const counted = {
      reads: 0,
      load: async () => {
        counted.reads += 1;
        return kept.load();
      },
      save: kept.save,
    };
    return counted;
  }

  it('takes over the former position once, when the store has none, and then answers from the store', async () => {
    const file = former();
    const position = storedDeltaPosition(store.syncPositions, 'calendar', 'graph organizer a', { former: file });
    expect(await position.load()).toEqual(POSITION);
    expect(await store.syncPositions.get('calendar')).toMatchObject({ ...POSITION, of: 'graph organizer a' });
    expect(await position.load()).toEqual(POSITION);
    expect(
      await storedDeltaPosition(store.syncPositions, 'calendar', 'graph organizer a', { former: file }).load(),
    ).toEqual(POSITION);
    expect(file.reads).toBe(1);
  });

  it('reads no former position when the store keeps one, even of another calendar', async () => {
    await storedDeltaPosition(store.syncPositions, 'calendar', 'graph group g').save(POSITION);
    const file = former();
    expect(
      await storedDeltaPosition(store.syncPositions, 'calendar', 'graph organizer a', { former: file }).load(),
    ).toBeNull();
    expect(file.reads).toBe(0);
  });

  it('starts from nothing when neither the store nor the former place keeps a position', async () => {
    const file = former(null);
    const position = storedDeltaPosition(store.syncPositions, 'calendar', 'graph organizer a', { former: file });
    expect(await position.load()).toBeNull();
    expect(await store.syncPositions.get('calendar')).toBeNull();
  });
});
