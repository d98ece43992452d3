import type { RunningServer } from '../../teams-app/server/main';
import { startTestServer } from '../support/server';
import { write } from '../../teams-app/store';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe('register API', () => {
  it('lists the 18 topics with their focal points', async () => {
    const { status, body } = await get('/api/v1/topics');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(18);
    const accessibility = body.items.find((t: any) => t.id === 'accessibility');
    expect(accessibility.assignments.find((a: any) => a.sector === 'BDT').focalPoint).toEqual({
      id: 'alex-wilber',
      name: 'Alex Wilber',
    });
    const industry = body.items.find((t: any) => t.id === 'industry-engagement');
    expect(industry.assignments[0].vacant).toBe(true);
  });

  it('filters topics by sector, text in any language and resolution number', async () => {
    expect((await get('/api/v1/topics?sector=BR')).body.items.map((t: any) => t.id)).toEqual(
      expect.arrayContaining(['space', 'accessibility', 'emergency-telecommunications']),
    );
    expect((await get('/api/v1/topics?sector=BR')).body.items.every((t: any) => t.sectors.includes('BR'))).toBe(true);
    expect((await get(`/api/v1/topics?q=${encodeURIComponent('气候')}`)).body.items.map((t: any) => t.id)).toEqual([
      'climate-change-environmental-sustainability',
    ]);
    expect((await get('/api/v1/topics?q=PP%20219')).body.items.map((t: any) => t.id)).toEqual(['space']);
  });

  it("lists only the caller's topics with mine=true", async () => {
    const mine = (await get('/api/v1/topics?mine=true')).body.items.map((t: any) => t.id);
    expect(mine).toEqual(expect.arrayContaining(['accessibility', 'youth', 'innovation']));
    expect(mine).not.toContain('space');
  });

  it('returns one topic, and 404 with a code for an unknown one', async () => {
    expect((await get('/api/v1/topics/space')).body.title.en).toBe('Space');
    const missing = await get('/api/v1/topics/no-such-topic');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual(
      expect.objectContaining({ code: 'topic.not-found', message: expect.stringContaining('no-such-topic') }),
    );
  });

  it('answers a malformed query or id with 400 and a readable message', async () => {
    const badSector = await get('/api/v1/topics?sector=ITU-X');
    expect(badSector.status).toBe(400);
    expect(badSector.body.error.code).toBe('request.invalid');
    expect(badSector.body.error.message).toMatch(/sector/);
    expect((await get('/api/v1/topics?unknown=1')).status).toBe(400);
    expect((await get('/api/v1/topics/%3Cscript%3E')).status).toBe(400);
    expect((await get(`/api/v1/topics?q=${'x'.repeat(500)}`)).status).toBe(400);
  });

  it('lists upcoming meetings soonest first with their collection window', async () => {
    const { body } = await get('/api/v1/meetings?upcoming=true');
    expect(body.items.map((m: any) => m.id)).toEqual(['isc-tf-32', 'iscg-9', 'isc-tf-33', 'isc-tf-34']);
    expect(body.items[0].collection).toEqual(
      expect.objectContaining({ opensAt: expect.any(String), closesAt: expect.any(String) }),
    );
    expect((await get('/api/v1/meetings?body=ISCG')).body.items.map((m: any) => m.id)).toEqual(['iscg-9']);
    expect((await get('/api/v1/meetings/nope')).body.error.code).toBe('meeting.not-found');
  });

  it('lists people and assignments', async () => {
    expect((await get('/api/v1/people')).body.items.length).toBeGreaterThanOrEqual(10);
    expect((await get('/api/v1/people?sector=TSB')).body.items.every((p: any) => p.sector === 'TSB')).toBe(true);
    const alex = (await get('/api/v1/assignments?personId=alex-wilber')).body.items;
    expect(alex.length).toBeGreaterThanOrEqual(5);
    expect((await get('/api/v1/people/nobody')).status).toBe(404);
  });

  it('refuses an oversized body with 413 and invalid JSON with 400', async () => {
    const big = await fetch(`${server.url}/api/v1/topics`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(400_000) }),
    });
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).error.code).toBe('request.too-large');
    const broken = await fetch(`${server.url}/api/v1/topics`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":',
    });
    expect(broken.status).toBe(400);
  });

  it('answers unknown API routes with 404 route.not-found', async () => {
    const res = await get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('route.not-found');
    expect((await get('/api/v2/topics')).body.error.code).toBe('route.not-found');
  });

  it('speaks the language of the Accept-Language header in error messages', async () => {
    const res = await get('/api/v1/topics/no-such-topic', { 'accept-language': 'fr-CH,fr;q=0.9' });
    expect(res.body.error.message).toBe("Ce thème n'existe pas.");
  });

  it('reports store health at /healthz', async () => {
    const res = await get('/healthz');
    expect(res.body).toEqual(
      expect.objectContaining({
        status: 'ok',
        mode: 'local',
        store: expect.objectContaining({ ok: true, kind: 'sqlite' }),
      }),
    );
  });

  it('uses the dev identity from loopback and lets the header choose a registered person', async () => {
    expect((await get('/api/v1/me')).body.person.id).toBe('alex-wilber');
    expect((await get('/api/v1/me', { 'x-dev-user': 'patti-fernandez' })).body.roles).toContain('chair');
    const unknown = await get('/api/v1/me', { 'x-dev-user': 'mallory' });
    expect(unknown.status).toBe(403);
  });

  it('does not leak internals when something fails', async () => {
    const all = server.store.topics.all;
    const version = server.store.version;
    server.store.topics.all = async () => {
      throw new Error('SQLITE_CORRUPT: database disk image is malformed at /secret/path');
    };
    // A new version, as after a write: the register is read again instead of answered from memory.
    server.store.version = () => 'changed';
    try {
      const res = await get('/api/v1/topics');
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe('internal');
      expect(JSON.stringify(res.body)).not.toMatch(/SQLITE|secret/);
    } finally {
      server.store.topics.all = all;
      server.store.version = version;
    }
  });
});

describe('register read model', () => {
  let own: RunningServer;
  beforeAll(async () => {
    own = await startTestServer();
  });
  afterAll(async () => {
    await own?.close();
  });

  async function topics(query = ''): Promise<any[]> {
    return ((await (await fetch(`${own.url}/api/v1/topics${query}`)).json()) as { items: any[] }).items;
  }

  it('answers the next call with a topic, an assignment or a person changed in the store since the last one', async () => {
    const bdt = (items: any[]) =>
      items.find((t) => t.id === 'accessibility').assignments.find((a: any) => a.sector === 'BDT');
    expect(bdt(await topics()).focalPoint.name).toBe('Alex Wilber');

    const space = (await own.store.topics.get('space'))!;
    await own.store.topics.update({ ...space, title: { ...space.title, en: 'Outer space' } }, space.etag);
    expect((await topics()).find((t) => t.id === 'space').title.en).toBe('Outer space');
    expect((await topics('?sector=BR')).find((t) => t.id === 'space').title.en).toBe('Outer space');

    const alex = (await own.store.people.get('alex-wilber'))!;
    await own.store.people.update({ ...alex, name: 'Alex Wilber-Renamed' }, alex.etag);
    expect(bdt(await topics()).focalPoint.name).toBe('Alex Wilber-Renamed');

    const [assignment] = await own.store.assignments.all({ where: { topicId: 'accessibility', sector: 'BDT' } });
    await own.store.commit([write.update('assignments', { ...assignment!, focalPointId: 'megan-bowen' })]);
    expect(bdt(await topics()).focalPoint.id).toBe('megan-bowen');
    const one = (await (await fetch(`${own.url}/api/v1/topics/accessibility`)).json()) as any;
    expect(one.assignments.find((a: any) => a.sector === 'BDT').focalPoint.id).toBe('megan-bowen');
  });

  it('sends the whole register with an ETag and answers 304 when it has not changed', async () => {
    const first = await fetch(`${own.url}/api/v1/topics`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    await first.arrayBuffer();
    // fetch adds `cache-control: no-cache` to a conditional request unless told otherwise, as a browser does not.
    const revalidate = { 'if-none-match': etag!, 'cache-control': 'max-age=0' };
    const again = await fetch(`${own.url}/api/v1/topics`, { headers: revalidate });
    expect(again.status).toBe(304);
    const topic = (await own.store.topics.get('youth'))!;
    await own.store.topics.update({ ...topic, description: 'changed' }, topic.etag);
    const changed = await fetch(`${own.url}/api/v1/topics`, { headers: revalidate });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    await changed.arrayBuffer();
  });
});
