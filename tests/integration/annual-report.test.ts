import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningServer } from '../../teams-app/server/main';
import { write } from '../../teams-app/store';
import { startTestServer } from '../support/server';
import { docxPart, docxText } from '../unit/documents/docx-reader';

const SEED = '2026-11-24T08:00:00.000Z';
const NOW = '2026-12-20T09:00:00.000Z';
const SECRETARIAT = 'megan-bowen';
const MEMBER = 'alex-wilber';

let server: RunningServer;
let dataDir: string;

/**
 * The records of the meeting held before the seed day (ISC-TF 31): its approved minutes given an attendance with a
 * guest and an absent member, a decision, escalations, events.
 */
async function recordMeeting31(): Promise<void> {
  const attendee = (personId: string | null, name: string, sector: string | null, present = true, guest = false) => ({
    personId,
    name,
    jobTitle: '',
    sector,
    chair: false,
    observer: false,
    present,
    guest,
  });
  const update = (await server.store.statusUpdates.get('isc-tf-31.accessibility.BDT'))!;
  const tsbUpdate = (await server.store.statusUpdates.get('isc-tf-31.accessibility.TSB'))!;
  const minutes = (await server.store.documents.get('isc-tf-31.minutes.v1'))!;
  const wsis = { name: 'WSIS Forum 2026', start: '2026-07-06', end: '2026-07-10', place: 'Geneva', participants: 3 };
  await server.store.commit([
    write.update('documents', {
      ...minutes,
      content: {
        attendance: [
          attendee('alex-wilber', 'Alex Wilber', 'BDT'),
          attendee('lynne-robbins', 'Lynne Robbins', 'BDT'),
          attendee('adele-vance', 'Adele Vance', 'TSB'),
          attendee('isaiah-langer', 'Isaiah Langer', 'BR', false),
          attendee('megan-bowen', 'Megan Bowen', 'GS'),
          attendee(null, 'Visiting Expert', null, true, true),
        ],
      },
    }),
    write.create('decisions', {
      id: 'isc-tf-31.d1',
      meetingId: 'isc-tf-31',
      topicId: 'accessibility',
      agendaItem: 4,
      text: 'The task force adopts the joint ICT accessibility toolkit.',
      recordedAt: SEED,
    }),
    write.create('escalations', {
      id: 'isc-tf-31.e1',
      meetingId: 'isc-tf-31',
      topicId: 'climate-change-environmental-sustainability',
      sector: 'TSB',
      ask: 'Send a single ITU delegation to COP-31?',
      to: 'CoCo',
      status: 'decided',
      raisedAt: SEED,
    }),
    write.create('topics', {
      id: 'jiu-rep-2024-3-r5',
      title: { en: 'JIU/REP/2024/3 recommendation 5: business continuity', fr: 'Recommandation 5 du CCI (continuité)' },
      description: '',
      kind: 'jiu-recommendation',
      resolutions: [],
      sectors: ['GS'],
      leadSector: 'GS',
      iscgCoordinatorArea: false,
      sinceYear: 2024,
      status: 'active',
    }),
    write.create('statusUpdates', {
      ...update,
      id: 'isc-tf-31.jiu-rep-2024-3-r5.GS',
      topicId: 'jiu-rep-2024-3-r5',
      sector: 'GS',
      authorId: 'johanna-lorenz',
      progress: 'Business continuity plan tested in all regional offices.',
      nextSteps: 'Report the recommendation as implemented.',
      events: [],
    }),
    write.update('statusUpdates', { ...update, events: [wsis] }),
    write.update('statusUpdates', { ...tsbUpdate, events: [{ ...wsis, participants: 2 }] }),
  ]);
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-report-'));
  server = await startTestServer({ now: () => NOW, env: { DATA_DIR: dataDir }, seedAt: SEED });
  await recordMeeting31();
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A JSON answer's body, or a file's bytes. */
type Answer = { status: number; body: any };

async function api(method: string, pathname: string, body?: unknown, user = SECRETARIAT): Promise<Answer> {
  const res = await fetch(`${server.url}/api/v1${pathname}`, {
    method,
    headers: { 'x-dev-user': user, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const type = res.headers.get('content-type') ?? '';
  return {
    status: res.status,
    body: type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer()),
  };
}

describe('annual report to Council', () => {
  it('compiles a draft for the period with the meetings, attendance by sector, decisions, escalations and events', async () => {
    const draft = await api('POST', '/reports/annual', { from: '2026-01-01', to: '2026-12-31', lang: 'en' });
    expect(draft.status).toBe(201);
    const version = draft.body as Record<string, any>;
    expect(version).toEqual(
      expect.objectContaining({
        kind: 'report',
        status: 'draft',
        version: 1,
        meetingId: 'annual-2026-01-01-2026-12-31',
      }),
    );
    expect(version.report.meetings.map((m: any) => [m.ref, m.attendance, m.total])).toEqual([
      ['ISC-TF-31', { BR: 0, TSB: 1, BDT: 2, GS: 1 }, 4],
      ['ISC-TF-32', null, null],
    ]);
    expect(version.report.overlaps).toEqual([
      expect.objectContaining({ name: 'WSIS Forum 2026', sectors: ['TSB', 'BDT'], reason: 'same-event' }),
    ]);

    const file = await api('GET', `/reports/${version.id}/file`, undefined, MEMBER);
    expect(file.status).toBe(200);
    const text = await docxText(file.body as Buffer);
    expect(text).toContain('Report on the implementation of Resolution 191');
    expect(text).toContain('Draft');
    expect(text).toContain('Meetings held in the period: 2.');
    expect(text).toContain('Attendance by sector');
    expect(text).toContain('The task force adopts the joint ICT accessibility toolkit.');
    expect(text).toContain('Send a single ITU delegation to COP-31?');
    expect(text).toContain('Decided');
    expect(text).toContain('WSIS Forum 2026');
    expect(text).toContain('Regional accessibility workshops held in two regions; toolkit draft ready.');
    expect(text).toContain('Align BDT emergency telecom training calendar with the GS Early Warnings for All plan.');
    expect(text).toContain('JIU recommendations and their status');
    expect(text).toContain('JIU/REP/2024/3 recommendation 5: business continuity');
    expect(text).toContain('GS (ISC-TF-31): Business continuity plan tested in all regional offices.');
    expect(text).toContain('Focal point vacancies');
    expect(version.report.vacancies).toEqual([
      { topicTitle: expect.objectContaining({ en: 'Industry engagement' }), sector: 'GS' },
    ]);
  });

  it('lets only the secretariat draft and publish; publishing stores the file and supersedes the previous version', async () => {
    expect((await api('POST', '/reports/annual', {}, MEMBER)).status).toBe(403);
    const first = (await api('GET', '/reports')).body.items.find((v: any) => v.version === 1);
    expect((await api('POST', `/reports/${first.id}/publish`, undefined, MEMBER)).status).toBe(403);

    const published = await api('POST', `/reports/${first.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toEqual(
      expect.objectContaining({
        status: 'published',
        publishedBy: SECRETARIAT,
        file: expect.stringMatching(/\.docx$/),
      }),
    );
    const stored = (await api('GET', `/reports/${first.id}/file`, undefined, MEMBER)).body as Buffer;
    expect(await docxText(stored)).not.toContain('Draft');
    expect((await api('POST', `/reports/${first.id}/publish`)).body.status).toBe('published');

    const second = (await api('POST', '/reports/annual', { from: '2026-01-01', to: '2026-12-31', lang: 'fr' })).body;
    expect(second.version).toBe(2);
    await api('POST', `/reports/${second.id}/publish`);
    expect((await api('GET', `/reports/${first.id}`)).body.status).toBe('superseded');
    expect((await api('GET', `/reports/${second.id}`)).body.status).toBe('published');
    const audit = await server.store.audit.all({ where: { entity: 'documents' } });
    expect(audit.map((entry) => entry.id)).toEqual(
      expect.arrayContaining([
        `report.compile:${first.id}`,
        `report.publish:${first.id}`,
        `report.publish:${second.id}`,
      ]),
    );
  });

  it('writes Arabic headings right to left', async () => {
    const draft = (await api('POST', '/reports/annual', { from: '2026-01-01', to: '2026-12-31', lang: 'ar' })).body;
    const file = (await api('GET', `/reports/${draft.id}/file`)).body as Buffer;
    expect(await docxText(file)).toContain('تقرير عن تنفيذ القرار 191');
    const xml = await docxPart(file, 'word/document.xml');
    const heading =
      xml.match(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>).)*?<\/w:p>/s)?.[0] ?? '';
    expect(heading).toContain('<w:bidi/>');
    expect(heading).toContain('<w:rtl/>');
    expect(heading).toContain('الاجتماعات المعقودة');
  });

  it('refuses a period that ends before it starts', async () => {
    const res = await api('POST', '/reports/annual', { from: '2026-12-31', to: '2026-01-01' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('request.invalid');
  });
});
