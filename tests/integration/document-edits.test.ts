import type { RunningServer } from '../../teams-app/server/main';
import { startTestServer } from '../support/server';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer({ now: () => '2026-11-30T08:00:00.000Z', seedAt: '2026-11-24T08:00:00.000Z' });
});
afterAll(async () => {
  await server?.close();
});

/** Sends a raw JSON text, so keys such as `__proto__` reach the server as written. */
async function patch(route: string, json: string) {
  const res = await fetch(`${server.url}/api/v1${route}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', 'x-dev-user': 'megan-bowen' },
    body: json,
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const AGENDA = '/meetings/isc-tf-32/agenda';
const MINUTES = '/meetings/isc-tf-32/minutes';

describe('agenda and minutes PATCH bodies are validated at the route', () => {
  it.each([
    ['an unknown top-level key', '{"edit":{"op":"remove","itemId":"aob"},"force":true}'],
    ['__proto__ at the top level', '{"edit":{"op":"remove","itemId":"aob"},"__proto__":{"admin":true}}'],
    ['an unknown key in the edit', '{"edit":{"op":"remove","itemId":"aob","also":"opening"}}'],
    ['__proto__ in the edit', '{"edit":{"op":"move","from":1,"to":2,"__proto__":{"x":1}}}'],
    ['an unknown key in the patch', '{"edit":{"op":"edit","itemId":"aob","patch":{"title":"AOB","colour":"red"}}}'],
    ['__proto__ in the patch', '{"edit":{"op":"edit","itemId":"aob","patch":{"__proto__":{"title":"x"}}}}'],
    ['an unknown key in a new item', '{"edit":{"op":"add","item":{"title":"Budget","owner":"x"}}}'],
    ['an unknown op', '{"edit":{"op":"rename","itemId":"aob"}}'],
    ['a position that is not an integer', '{"edit":{"op":"move","from":1.5,"to":2}}'],
    ['a position given as text', '{"edit":{"op":"move","from":"1","to":2}}'],
    ['a revision that is not an integer', '{"expectedRevision":1.5,"edit":{"op":"remove","itemId":"aob"}}'],
    ['a revision given as text', '{"expectedRevision":"1","edit":{"op":"remove","itemId":"aob"}}'],
    ['a patch that is not an object', '{"edit":{"op":"edit","itemId":"aob","patch":"AOB"}}'],
    ['no edit', '{"expectedRevision":1}'],
  ])('refuses an agenda edit with %s (400, request.invalid)', async (_name, json) => {
    const res = await patch(AGENDA, json);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('request.invalid');
  });

  it.each([
    ['an unknown top-level key', '{"edit":{"op":"remove","entryId":"d1"},"force":true}'],
    ['__proto__ at the top level', '{"__proto__":{"admin":true},"edit":{"op":"remove","entryId":"d1"}}'],
    ['__proto__ in a decision patch', '{"edit":{"op":"decision","entryId":"d1","patch":{"__proto__":{},"text":"x"}}}'],
    ['an unknown key in an action patch', '{"edit":{"op":"action","entryId":"a1","patch":{"status":"done"}}}'],
    ['an unknown sector', '{"edit":{"op":"escalation","entryId":"e1","patch":{"sector":"ITU-X"}}}'],
    ['a move to item 0', '{"edit":{"op":"move","entryId":"d1","item":0}}'],
    ['a move to item "2"', '{"edit":{"op":"move","entryId":"d1","item":"2"}}'],
    ['a move to sub-item 1.5', '{"edit":{"op":"move","entryId":"d1","item":2,"sub":1.5}}'],
    ['accepting a note without its record', '{"edit":{"op":"accept-note"}}'],
    ['an entry id that is not text', '{"edit":{"op":"remove","entryId":7}}'],
  ])('refuses a minutes edit with %s (400, request.invalid)', async (_name, json) => {
    const res = await patch(MINUTES, json);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('request.invalid');
  });

  it.each([
    { op: 'move', from: 2, to: 1 },
    { op: 'edit', itemId: 'aob', patch: { title: 'Other business', note: '' } },
    { op: 'add', item: { title: 'Budget' } },
    { op: 'add', item: { title: 'Budget', note: 'Short.' }, at: 3 },
    { op: 'remove', itemId: 'aob' },
  ])('accepts the agenda edits the tab sends (%p) past the route', async (edit) => {
    const res = await patch(AGENDA, JSON.stringify({ expectedRevision: 1, edit }));
    // No draft agenda exists yet: the service, not the route, answers.
    expect(res.body.error.code).toBe('agenda.not-ready');
  });

  it.each([
    { op: 'decision', entryId: 'd1', patch: { text: 'Agreed.' } },
    { op: 'escalation', entryId: 'e1', patch: { text: 'Ask CoCo.', sector: 'BDT' } },
    { op: 'escalation', entryId: 'e1', patch: { sector: null } },
    { op: 'action', entryId: 'a1', patch: { ownerName: 'Alex Wilber', ownerId: 'alex-wilber', due: '2027-01-31' } },
    { op: 'remove', entryId: 'd1' },
    { op: 'move', entryId: 'd1', item: 4, sub: 2 },
    { op: 'move', entryId: 'd1', item: 4, sub: null },
    { op: 'accept-note', recordId: 'chat-12' },
  ])('accepts the minutes edits the tab sends (%p) past the route', async (edit) => {
    const res = await patch(MINUTES, JSON.stringify({ expectedRevision: 1, edit }));
    expect(res.status).not.toBe(400);
  });
});

describe('an edit that changes nothing', () => {
  it('does not bump the agenda revision', async () => {
    const compiled = await fetch(`${server.url}/api/v1${AGENDA}/compile`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-user': 'megan-bowen' },
      body: JSON.stringify({ confirm: true }),
    });
    expect(compiled.status).toBe(201);
    const draft = (await compiled.json()) as { agenda: { revision: number; items: { id: string; title: string }[] } };
    const item = draft.agenda.items.at(-1);
    if (!item) throw new Error('empty agenda');
    const revision = draft.agenda.revision;

    for (const edit of [
      { op: 'edit', itemId: item.id, patch: {} },
      { op: 'edit', itemId: item.id, patch: { title: item.title } },
    ]) {
      const res = await patch(AGENDA, JSON.stringify({ expectedRevision: revision, edit }));
      expect(res.status).toBe(200);
      expect(res.body.agenda.revision).toBe(revision);
    }
    const changed = await patch(
      AGENDA,
      JSON.stringify({ expectedRevision: revision, edit: { op: 'edit', itemId: item.id, patch: { note: 'New.' } } }),
    );
    expect(changed.body.agenda.revision).toBe(revision + 1);
  });
});
