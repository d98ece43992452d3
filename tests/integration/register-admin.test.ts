/**
 * Register administration through the HTTP API: every write tried by a person of each role (the secretariat alone
 * may), versions (a stale or missing one is refused, never an overwrite), audit entries with the fields before and
 * after, derived focal-point roles, and a focal point changed while collection is open (the pending prompt moves to
 * the new focal point and both are told, each in their language).
 */
import { AssignmentChange, PersonView, Role, TopicView, type AuditEntry } from '../../teams-app/domain';
import type { RunningServer } from '../../teams-app/server/main';
import type { Stored } from '../../teams-app/store';
import { installApp } from '../support/cycle-services';
import { devApiCaller, personWithRole } from '../support/admin-api';
import { closeAll } from '../support/lifecycle';
import { startTestServer } from '../support/server';

/** Inside the collection window of the demo's next ISC-TF meeting (isc-tf-32), laid out around the seed day. */
const SEED = '2026-11-24T08:00:00.000Z';
let now = '2026-11-30T08:00:00.000Z';
let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer({ now: () => now, seedAt: SEED });
  for (const [index, role] of Role.options.entries()) await server.store.people.create(personWithRole(role, index));
});
afterAll(async () => {
  await closeAll(server?.close());
});

const api = devApiCaller(() => server.url);

async function auditOf(entity: string, entityId: string): Promise<Stored<AuditEntry>[]> {
  const entries = await server.store.audit.all({ where: { entity, entityId } });
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

/** An instant a few minutes later, so that audit entries and updates have distinct times. */
function tick(): string {
  now = new Date(Date.parse(now) + 60_000).toISOString();
  return now;
}

const TOPIC = 'quantum-information-technologies';
const PERSON = 'grace-okafor';

/** One admin write: how to make it (with the version read just before) and the status that says it was done. */
interface AdminWrite {
  name: string;
  method: string;
  path: string;
  body: () => Promise<unknown>;
  done: number;
}

const etagOf = async (path: string) => (await api('GET', path)).body.etag as string;
const slotEtag = async (topicId: string, sector: string) =>
  (await server.store.assignments.get(`${topicId}.${sector}`))?.etag;

const WRITES: AdminWrite[] = [
  {
    name: 'add a topic',
    method: 'POST',
    path: '/topics',
    body: async () => ({
      title: { en: 'Quantum information technologies', fr: 'Technologies de l’information quantique' },
      sectors: ['TSB', 'BR'],
      leadSector: 'TSB',
      resolutions: [{ body: 'WTSA', number: '100', title: null, revision: 'New Delhi, 2024' }],
    }),
    done: 201,
  },
  {
    name: 'change a topic',
    method: 'PATCH',
    path: `/topics/${TOPIC}`,
    body: async () => ({
      description: 'Standards and spectrum for quantum networks.',
      etag: await etagOf(`/topics/${TOPIC}`),
    }),
    done: 200,
  },
  {
    name: 'add a person',
    method: 'POST',
    path: '/people',
    body: async () => ({
      name: 'Grace Okafor',
      email: 'grace.okafor@example.com',
      aadObjectId: '00000000-0000-0000-0000-300000000001',
      sector: 'TSB',
      locale: 'fr',
      timeZone: 'Africa/Lagos',
      roles: ['member'],
    }),
    done: 201,
  },
  {
    name: 'appoint a focal point',
    method: 'PUT',
    path: `/topics/${TOPIC}/assignments/TSB`,
    body: async () => ({ focalPointId: PERSON, alternateId: 'lee-gu', etag: await slotEtag(TOPIC, 'TSB') }),
    done: 200,
  },
  {
    name: 'change a person',
    method: 'PATCH',
    path: `/people/${PERSON}`,
    body: async () => ({
      outOfOffice: [{ from: '2026-12-20', to: '2027-01-05' }],
      etag: await etagOf(`/people/${PERSON}`),
    }),
    done: 200,
  },
  {
    name: 'remove a sector slot',
    method: 'DELETE',
    path: `/topics/${TOPIC}/assignments/BR`,
    body: async () => ({ etag: await slotEtag(TOPIC, 'BR') }),
    done: 200,
  },
  {
    name: 'vacate a slot',
    method: 'PUT',
    path: `/topics/${TOPIC}/assignments/TSB`,
    body: async () => ({ focalPointId: null, alternateId: null, etag: await slotEtag(TOPIC, 'TSB') }),
    done: 200,
  },
  {
    name: 'retire a person',
    method: 'POST',
    path: `/people/${PERSON}/retire`,
    body: async () => ({ etag: await etagOf(`/people/${PERSON}`) }),
    done: 200,
  },
  {
    name: 'retire a topic',
    method: 'POST',
    path: `/topics/${TOPIC}/retire`,
    body: async () => ({ etag: await etagOf(`/topics/${TOPIC}`) }),
    done: 200,
  },
];

const REFUSED: string[] = [...Role.options.filter((role) => role !== 'secretariat').map((r) => `only-${r}`), 'nobody'];

describe('register administration: who may write', () => {
  it.each(WRITES.map((w) => [w.name, w] as const))(
    '%s: the secretariat may, every other role and a stranger are refused and nothing is written',
    async (_name, step) => {
      const auditBefore = (await server.store.audit.all()).length;
      for (const user of REFUSED) {
        const refused = await api(step.method, step.path, await step.body(), user);
        expect({ user, status: refused.status, code: refused.body.error?.code }).toEqual({
          user,
          status: 403,
          code: 'auth.forbidden',
        });
      }
      expect((await server.store.audit.all()).length).toBe(auditBefore);
      tick();
      const done = await api(step.method, step.path, await step.body(), 'only-secretariat');
      expect({ status: done.status, error: done.body.error }).toEqual({ status: step.done, error: undefined });
      expect((await server.store.audit.all()).length).toBeGreaterThan(auditBefore);
    },
  );

  it('answers each write in the shape of the shared schemas', async () => {
    expect(TopicView.safeParse((await api('GET', `/topics/${TOPIC}`)).body).success).toBe(true);
    expect((await api('GET', `/topics/${TOPIC}`)).body.status).toBe('closed');
    const person = (await api('GET', `/people/${PERSON}`)).body;
    expect(PersonView.safeParse(person).success).toBe(true);
    expect(person.retiredAt).toEqual(expect.any(String));
  });

  it('keeps a vacancy with the date it began, and the retired person can no longer sign in', async () => {
    const topic = (await api('GET', `/topics/${TOPIC}`)).body;
    expect(topic.assignments).toEqual([
      expect.objectContaining({ sector: 'TSB', focalPoint: null, vacant: true, vacantSince: expect.any(String) }),
    ]);
    const signIn = await api('GET', '/me', undefined, '00000000-0000-0000-0000-300000000001');
    expect(signIn.status).toBe(403);
  });
});

describe('register administration: versions and the audit', () => {
  it('records who changed what and when, with the fields before and after', async () => {
    const created = await auditOf('topics', TOPIC);
    // The second change is the slot's removal: BR is no longer involved.
    expect(created.map((e) => e.action)).toEqual(['topic.create', 'topic.update', 'topic.update', 'topic.retire']);
    expect(created[0]).toMatchObject({
      actorId: 'only-secretariat',
      before: null,
      after: expect.objectContaining({ id: TOPIC }),
    });
    expect(created[1]).toMatchObject({
      detail: 'changed: description',
      before: { description: '' },
      after: { description: 'Standards and spectrum for quantum networks.' },
    });
    expect(created[2]).toMatchObject({ before: { sectors: ['TSB', 'BR'] }, after: { sectors: ['TSB'] } });
    expect(created[3]).toMatchObject({ before: { status: 'active' }, after: { status: 'closed' } });
    const slot = await auditOf('assignments', `${TOPIC}.TSB`);
    expect(slot.map((e) => [e.action, e.before?.focalPointId ?? null, e.after?.focalPointId ?? null])).toEqual([
      ['assignment.create', null, null],
      ['assignment.update', null, PERSON],
      ['assignment.update', PERSON, null],
    ]);
    const removed = await auditOf('assignments', `${TOPIC}.BR`);
    expect(removed.at(-1)).toMatchObject({
      action: 'assignment.delete',
      after: null,
      before: expect.objectContaining({ sector: 'BR' }),
    });
  });

  it('refuses a change made on an older version, and keeps the first one', async () => {
    const read = (await api('GET', '/topics/space')).body.etag;
    const first = await api('PATCH', '/topics/space', { description: 'First edit.', etag: read });
    expect(first.status).toBe(200);
    const second = await api('PATCH', '/topics/space', { description: 'Second edit.', etag: read });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('store.conflict');
    expect(second.body.error.message).toMatch(/Someone else changed this topic/);
    expect((await api('GET', '/topics/space')).body.description).toBe('First edit.');
  });

  it('takes the version from an If-Match header, weak or quoted', async () => {
    const read = (await api('GET', '/topics/space')).body.etag;
    const res = await api('PATCH', '/topics/space', { sinceYear: 2019 }, 'megan-bowen', { 'if-match': `W/"${read}"` });
    expect(res.status).toBe(200);
    expect(res.body.sinceYear).toBe(2019);
  });

  it('refuses a change without a version, in the reader’s language', async () => {
    const res = await api('PATCH', '/topics/space', { description: 'Blind.' }, 'megan-bowen', {
      'accept-language': 'fr',
    });
    expect(res.status).toBe(428);
    expect(res.body.error.code).toBe('store.version-required');
    expect(res.body.error.message).toMatch(/Envoyez la version/);
  });

  it('refuses an invalid topic and writes nothing', async () => {
    const before = (await server.store.audit.all()).length;
    const wrongLead = await api('POST', '/topics', {
      title: { en: 'Orbit debris' },
      sectors: ['BR'],
      leadSector: 'BDT',
    });
    expect(wrongLead.status).toBe(400);
    expect(wrongLead.body.error.code).toBe('request.invalid');
    const noTitle = await api('POST', '/topics', { title: { fr: 'Débris' } });
    expect(noTitle.status).toBe(400);
    const jiu = await api('POST', '/topics', { title: { en: 'Orbit debris' }, jiuRecommendations: ['space'] });
    expect(jiu.body.error.message).toMatch(/not a JIU recommendation/);
    const duplicate = await api('POST', '/topics', { id: 'space', title: { en: 'Space again' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('store.already-exists');
    expect(await server.store.topics.get('orbit-debris')).toBeNull();
    expect((await server.store.audit.all()).length).toBe(before);
  });

  it('links a topic to a JIU recommendation of the register', async () => {
    const jiu = await api('POST', '/topics', {
      id: 'jiu-2016-8-r3',
      kind: 'jiu-recommendation',
      title: { en: 'JIU/REP/2016/8, recommendation 3' },
    });
    expect(jiu.status).toBe(201);
    const etag = (await api('GET', '/topics/space')).body.etag;
    const linked = await api('PATCH', '/topics/space', { jiuRecommendations: ['jiu-2016-8-r3'], etag });
    expect(linked.body.jiuRecommendations).toEqual(['jiu-2016-8-r3']);
  });

  it('refuses a duplicate email, a retired appointee and retiring someone who still answers for a topic', async () => {
    const duplicate = await api('POST', '/people', {
      name: 'Alex Again',
      email: 'alexw@example.com',
      aadObjectId: '00000000-0000-0000-0000-300000000002',
      sector: 'BDT',
      roles: ['member'],
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('store.already-exists');
    const retired = await api('PUT', '/topics/space/assignments/TSB', {
      focalPointId: PERSON,
      etag: await slotEtag('space', 'TSB'),
    });
    expect(retired.status).toBe(409);
    expect(retired.body.error.code).toBe('person.retired');
    const busy = await api('POST', '/people/isaiah-langer/retire', { etag: await etagOf('/people/isaiah-langer') });
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('person.has-assignments');
  });

  it('derives the focal-point role from the assignments', async () => {
    const member = await api('POST', '/people', {
      id: 'omar-haddad',
      name: 'Omar Haddad',
      email: 'omar.haddad@example.com',
      aadObjectId: '00000000-0000-0000-0000-300000000003',
      sector: 'BR',
      locale: 'ar',
      timeZone: 'Asia/Dubai',
      roles: ['member', 'focal-point'],
    });
    expect(member.status).toBe(400);
    const created = await api('POST', '/people', {
      id: 'omar-haddad',
      name: 'Omar Haddad',
      email: 'omar.haddad@example.com',
      aadObjectId: '00000000-0000-0000-0000-300000000003',
      sector: 'BR',
      locale: 'ar',
      timeZone: 'Asia/Dubai',
      roles: ['member'],
    });
    expect(created.body.roles).toEqual(['member']);
    tick();
    const appointed = await api('PUT', '/topics/jiu-2016-8-r3/assignments/GS', { focalPointId: 'omar-haddad' });
    expect(appointed.status).toBe(201);
    expect(AssignmentChange.safeParse(appointed.body).success).toBe(true);
    expect((await api('GET', '/people/omar-haddad')).body.roles).toEqual(['focal-point', 'member']);
    tick();
    const removed = await api('DELETE', '/topics/jiu-2016-8-r3/assignments/GS', undefined, 'megan-bowen', {
      'if-match': appointed.body.assignment.etag,
    });
    expect(removed.status).toBe(200);
    expect((await api('GET', '/people/omar-haddad')).body.roles).toEqual(['member']);
    const roleAudit = await auditOf('people', 'omar-haddad');
    expect(roleAudit.filter((e) => e.action === 'person.roles').map((e) => e.after?.roles)).toEqual([
      ['focal-point', 'member'],
      ['member'],
    ]);
  });
});

describe('a focal point changed while collection is open', () => {
  beforeAll(async () => {
    await installApp(server.store, 'alex-wilber', now);
    await installApp(server.store, 'lynne-robbins', now);
    const opened = await api('POST', '/meetings/isc-tf-32/collection/open');
    expect(opened.status).toBe(200);
  });

  it('moves the unanswered prompt to the new focal point and tells both, each in their language', async () => {
    // Alex's prompt was delivered: its card is turned into the notice too.
    const prompt = await server.store.outbox.get('prompt:isc-tf-32:alex-wilber:accessibility:BDT');
    if (!prompt) throw new Error('Alex was not prompted');
    await server.store.outbox.update({ ...prompt, status: 'sent', sentActivityId: 'activity-1' }, prompt.etag);

    const res = await api('PUT', '/topics/accessibility/assignments/BDT', {
      focalPointId: 'adele-vance',
      alternateId: 'lynne-robbins',
      etag: await slotEtag('accessibility', 'BDT'),
    });
    expect(res.status).toBe(200);
    expect(res.body.handovers).toEqual([
      { meetingId: 'isc-tf-32', topicId: 'accessibility', sector: 'BDT', fromId: 'alex-wilber', toId: 'adele-vance' },
    ]);
    const newPrompt = await server.store.outbox.get('prompt:isc-tf-32:adele-vance:accessibility:BDT');
    expect(newPrompt).toMatchObject({ kind: 'prompt', personId: 'adele-vance' });
    const notices = await server.store.outbox.all({ where: { kind: 'notice', meetingId: 'isc-tf-32' } });
    const toAlex = notices.find((n) => n.personId === 'alex-wilber');
    const toAdele = notices.find((n) => n.personId === 'adele-vance');
    expect(JSON.stringify(toAlex?.activity)).toMatch(/You no longer answer for Accessibility \(BDT\).*Adele Vance/);
    expect(JSON.stringify(toAdele?.activity)).toMatch(
      /Vous répondez désormais pour Accessibilité \(BDT\) à la place de Alex Wilber/,
    );
    const cardUpdate = await server.store.outbox.all({ where: { kind: 'card-update', personId: 'alex-wilber' } });
    expect(cardUpdate).toEqual([expect.objectContaining({ replaceActivityId: 'activity-1' })]);
  });

  it('leaves the former focal point unable to answer, and the new one able to', async () => {
    const slot = { topicId: 'accessibility', sector: 'BDT', progress: 'Toolkit drafted.' };
    const old = await api('POST', '/meetings/isc-tf-32/updates', slot, 'alex-wilber');
    expect(old.status).toBe(403);
    expect(old.body.error.code).toBe('update.not-responsible');
    const fresh = await api('POST', '/meetings/isc-tf-32/updates', slot, 'adele-vance');
    expect(fresh.status).toBe(201);
  });

  it('moves nothing once the slot is answered, and repeats nothing when the same change is written again', async () => {
    const res = await api('PUT', '/topics/accessibility/assignments/BDT', {
      focalPointId: 'lynne-robbins',
      alternateId: 'alex-wilber',
      etag: await slotEtag('accessibility', 'BDT'),
    });
    expect(res.body.handovers).toEqual([]);
    expect(await server.store.outbox.get('prompt:isc-tf-32:lynne-robbins:accessibility:BDT')).toBeNull();
  });

  it('moves a delegation to the new alternate, with its prompt, when the alternate it named is replaced', async () => {
    const topicId = 'climate-change-environmental-sustainability';
    const id = `isc-tf-32.${topicId}.BDT`;
    await server.store.delegations.create({
      id,
      meetingId: 'isc-tf-32',
      topicId,
      sector: 'BDT',
      fromId: 'alex-wilber',
      toId: 'lynne-robbins',
      at: now,
    });
    await server.store.outbox.create({
      id: `prompt:isc-tf-32:lynne-robbins:${topicId}:BDT`,
      kind: 'prompt',
      meetingId: 'isc-tf-32',
      personId: 'lynne-robbins',
      topicId,
      conversationRefId: 'ref-lynne-robbins',
      activity: { type: 'message', text: 'prompt' },
      replaceActivityId: null,
      status: 'pending',
      attempts: 0,
      notBefore: now,
      leaseUntil: null,
      lastError: null,
      sentActivityId: null,
      createdAt: now,
      sentAt: null,
    });
    tick();
    const res = await api('PUT', `/topics/${topicId}/assignments/BDT`, {
      focalPointId: 'alex-wilber',
      alternateId: 'lee-gu',
      etag: await slotEtag(topicId, 'BDT'),
    });
    expect(res.body.handovers).toEqual([
      { meetingId: 'isc-tf-32', topicId, sector: 'BDT', fromId: 'lynne-robbins', toId: 'lee-gu' },
    ]);
    expect(await server.store.delegations.get(id)).toMatchObject({ fromId: 'alex-wilber', toId: 'lee-gu' });
    expect(await server.store.outbox.get(`prompt:isc-tf-32:lee-gu:${topicId}:BDT`)).not.toBeNull();
    // The prompt Lynne has not been sent yet is withdrawn: she no longer answers for the slot.
    expect((await server.store.outbox.get(`prompt:isc-tf-32:lynne-robbins:${topicId}:BDT`))?.status).toBe('withdrawn');
    const audit = await auditOf('delegations', id);
    expect(audit.map((e) => [e.action, e.actorId, e.before?.toId, e.after?.toId])).toEqual([
      ['delegation.follow', 'megan-bowen', 'lynne-robbins', 'lee-gu'],
    ]);
  });

  it('hands an unanswered prompt to the alternate standing in for a focal point away for the rest of the window', async () => {
    // Youth (BDT): Alex is the focal point and has not answered; the new focal point is away, so Lynne is asked.
    const away = await server.store.people.get('isaiah-langer');
    if (!away) throw new Error('no Isaiah');
    await server.store.people.update({ ...away, outOfOffice: [{ from: '2026-11-01', to: '2026-12-31' }] }, away.etag);
    const res = await api('PUT', '/topics/youth/assignments/BDT', {
      focalPointId: 'isaiah-langer',
      alternateId: 'lynne-robbins',
      etag: await slotEtag('youth', 'BDT'),
    });
    expect(res.body.handovers).toEqual([
      { meetingId: 'isc-tf-32', topicId: 'youth', sector: 'BDT', fromId: 'alex-wilber', toId: 'lynne-robbins' },
    ]);
    const prompt = await server.store.outbox.get('prompt:isc-tf-32:lynne-robbins:youth:BDT');
    expect(prompt?.status).toBe('pending');
  });
});

describe('a slot vacated or a topic retired while collection is open', () => {
  // Collection of isc-tf-32 was opened above; Alex and Lynne have the app, Johanna does not.
  const prompt = (personId: string, topicId: string, sector: string) =>
    server.store.outbox.get(`prompt:isc-tf-32:${personId}:${topicId}:${sector}`);
  const noticesTo = async (personId: string, topicId: string) =>
    (await server.store.outbox.all({ where: { kind: 'notice', personId } })).filter((n) => n.topicId === topicId);

  it('withdraws the prompt of a vacated slot and tells its former focal point', async () => {
    expect((await prompt('alex-wilber', 'digital-transformation', 'BDT'))?.status).toBe('pending');
    tick();
    const res = await api('PUT', '/topics/digital-transformation/assignments/BDT', {
      focalPointId: null,
      alternateId: null,
      etag: await slotEtag('digital-transformation', 'BDT'),
    });
    expect(res.status).toBe(200);
    expect((await prompt('alex-wilber', 'digital-transformation', 'BDT'))?.status).toBe('withdrawn');
    // The topic's other slot is still asked.
    expect((await prompt('adele-vance', 'digital-transformation', 'TSB'))?.status).not.toBe('withdrawn');
    const told = await noticesTo('alex-wilber', 'digital-transformation');
    expect(told).toHaveLength(1);
    expect(JSON.stringify(told[0]?.activity)).toMatch(/You no longer answer for Digital transformation \(BDT\)/);
  });

  it('withdraws every prompt of a topic retired mid-window, turns a sent card into the notice, and tells each in their language', async () => {
    const sent = await prompt('lynne-robbins', 'data-statistics', 'BDT');
    if (!sent) throw new Error('Lynne was not prompted about data and statistics');
    await server.store.outbox.update({ ...sent, status: 'sent', sentActivityId: 'activity-7' }, sent.etag);
    expect((await prompt('johanna-lorenz', 'data-statistics', 'GS'))?.status).toMatch(/pending|undeliverable/);
    tick();
    const res = await api('POST', '/topics/data-statistics/retire', { etag: await etagOf('/topics/data-statistics') });
    expect(res.status).toBe(200);
    expect((await prompt('johanna-lorenz', 'data-statistics', 'GS'))?.status).toBe('withdrawn');
    expect((await prompt('lynne-robbins', 'data-statistics', 'BDT'))?.status).toBe('sent');
    const toLynne = await noticesTo('lynne-robbins', 'data-statistics');
    expect(toLynne).toHaveLength(1);
    expect(String(toLynne[0]?.activity.text)).toContain('سُحب الموضوع');
    const card = await server.store.outbox.all({ where: { kind: 'card-update', personId: 'lynne-robbins' } });
    expect(card.filter((c) => c.topicId === 'data-statistics')).toEqual([
      expect.objectContaining({ replaceActivityId: 'activity-7' }),
    ]);
    expect(await noticesTo('johanna-lorenz', 'data-statistics')).toHaveLength(1);
    // Retiring is not repeated: a second write changes nothing and tells nobody again.
    const again = await api('PATCH', '/topics/data-statistics', {
      description: 'Closed.',
      etag: await etagOf('/topics/data-statistics'),
    });
    expect(again.status).toBe(200);
    expect(await noticesTo('lynne-robbins', 'data-statistics')).toHaveLength(1);
  });
});
