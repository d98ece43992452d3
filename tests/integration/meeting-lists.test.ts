/** The upcoming meetings and the archive of past ones, as the API lists them: each meeting in exactly one. */
import type { RunningServer } from '../../teams-app/server/main';
import { startTestServer } from '../support/server';

const SEED = '2026-11-24T08:00:00.000Z';

let server: RunningServer;
let now = SEED;

beforeAll(async () => {
  server = await startTestServer({ now: () => now, seedAt: SEED });
});
afterAll(() => server?.close());

async function ids(query: string): Promise<string[]> {
  const res = await fetch(`${server.url}/api/v1/meetings?${query}`, { headers: { 'x-dev-user': 'alex-wilber' } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { id: string }[] }).items.map((m) => m.id);
}

/** Moves a stored meeting to `state`. */
async function setState(id: string, state: 'held' | 'cancelled'): Promise<void> {
  const meeting = await server.store.meetings.get(id);
  if (!meeting) throw new Error(`the demo has no meeting ${id}`);
  await server.store.meetings.update({ ...meeting, state }, meeting.etag);
}

describe('the meeting lists', () => {
  it('lists a held meeting still under way with the upcoming meetings only, and in the archive once it ended', async () => {
    await setState('isc-tf-32', 'held');
    const meeting = await server.store.meetings.get('isc-tf-32');
    now = new Date(Date.parse(meeting?.end ?? '') - 30 * 60_000).toISOString();
    expect(await ids('upcoming=true')).toContain('isc-tf-32');
    expect(await ids('past=true')).not.toContain('isc-tf-32');

    now = meeting?.end ?? '';
    expect(await ids('upcoming=true')).not.toContain('isc-tf-32');
    expect(await ids('past=true')).toContain('isc-tf-32');
  });

  it('keeps a cancelled meeting with the upcoming ones until its planned end, then archives it', async () => {
    await setState('iscg-9', 'cancelled');
    const meeting = await server.store.meetings.get('iscg-9');
    now = new Date(Date.parse(meeting?.start ?? '') - 60_000).toISOString();
    expect(await ids('upcoming=true')).toContain('iscg-9');
    expect(await ids('past=true')).not.toContain('iscg-9');
    now = new Date(Date.parse(meeting?.end ?? '') + 60_000).toISOString();
    expect(await ids('past=true')).toContain('iscg-9');
  });

  it('puts every meeting in exactly one list, the past ones newest first', async () => {
    for (const instant of [SEED, '2027-02-01T12:00:00.000Z']) {
      now = instant;
      const [upcoming, past, all] = await Promise.all([ids('upcoming=true'), ids('past=true'), ids('upcoming=false')]);
      expect(upcoming.filter((id) => past.includes(id))).toEqual([]);
      expect([...upcoming, ...past].sort()).toEqual([...all].sort());
    }
    expect(await ids('past=true')).toEqual(['isc-tf-33', 'iscg-9', 'isc-tf-32', 'isc-tf-31']);
  });
});
