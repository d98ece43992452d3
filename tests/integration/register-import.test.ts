import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningServer } from '../../teams-app/server/main';
import { MAX_UPLOAD_BYTES, type ImportProblem, type ImportReport } from '../../teams-app/services/records';
import { startTestServer } from '../support/server';

const SECRETARIAT = 'megan-bowen';
const MEMBER = 'alex-wilber';
const NOW = '2026-11-24T08:00:00.000Z';

let server: RunningServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-import-'));
  server = await startTestServer({ now: () => NOW, env: { DATA_DIR: dataDir }, seedAt: NOW });
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function download(pathname: string, user = SECRETARIAT, language?: string) {
  const res = await fetch(`${server.url}${pathname}`, {
    headers: { 'x-dev-user': user, ...(language ? { 'accept-language': language } : {}) },
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: Buffer.from(await res.arrayBuffer()),
  };
}

async function upload(file: Buffer, options: { dryRun?: boolean; user?: string; language?: string } = {}) {
  const res = await fetch(`${server.url}/api/v1/register/import?dryRun=${options.dryRun ?? false}`, {
    method: 'POST',
    headers: {
      'x-dev-user': options.user ?? SECRETARIAT,
      'content-type': 'application/octet-stream',
      ...(options.language ? { 'accept-language': options.language } : {}),
    },
    body: new Uint8Array(file),
  });
  return { status: res.status, body: (await res.json()) as ImportReport & { error?: any } };
}

async function workbook(content: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as unknown as ExcelJS.Buffer);
  return book;
}

async function bytes(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The register as stored, for "nothing was written" checks. */
async function snapshot() {
  const s = server.store;
  const strip = <T extends { etag: string }>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  return {
    topics: strip(await s.topics.all()),
    assignments: strip(await s.assignments.all()),
    people: strip(await s.people.all()),
    audit: (await s.audit.all()).length,
  };
}

/** A row of a worksheet as the cells' text, by header text. */
function rowOf(sheet: ExcelJS.Worksheet, predicate: (cells: string[]) => boolean): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    const cells = (row.values as unknown[]).slice(1).map((v) => String(v ?? ''));
    if (!found && predicate(cells)) found = row;
  });
  if (!found) throw new Error('row not found');
  return found;
}

function where(problems: readonly ImportProblem[]) {
  return problems.map((p) => ({ sheet: p.sheet, row: p.row, column: p.column, code: p.code }));
}

describe('register export and import', () => {
  it('offers the template with the three sheets and headers in the reader language', async () => {
    const { status, type, body } = await download('/api/v1/register/template?format=xlsx', MEMBER, 'fr');
    expect(status).toBe(200);
    expect(type).toContain('spreadsheetml');
    const book = await workbook(body);
    expect(book.worksheets.map((s) => s.name)).toEqual(['topics', 'assignments', 'people']);
    expect(book.getWorksheet('people')?.getRow(1).getCell(1).value).toBe('Adresse électronique');
    expect(book.getWorksheet('people')?.rowCount).toBe(1);
    const csv = await download('/api/v1/register/template?format=csv&lang=ru', MEMBER);
    expect(csv.body.toString('utf8')).toContain('[people]\r\nЭлектронная почта,Имя,Сектор');
  });

  it.each([
    ['xlsx', 'en'],
    ['xlsx', 'ar'],
    ['csv', 'zh'],
    ['csv', 'es'],
  ])('imports its own %s export (%s headers) back unchanged, writing nothing', async (format, language) => {
    const exported = await download(`/api/v1/exports/register?format=${format}`, SECRETARIAT, language);
    expect(exported.status).toBe(200);
    const before = await snapshot();
    const dry = await upload(exported.body, { dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body.errors).toEqual([]);
    expect(dry.body.counts).toEqual({
      topics: { added: 0, changed: 0, unchanged: 18, removed: 0 },
      assignments: { added: 0, changed: 0, unchanged: 44, removed: 0 },
      people: { added: 0, changed: 0, unchanged: 11, removed: 0 },
    });
    const applied = await upload(exported.body);
    expect(applied.body.applied).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it('shows added, changed and removed rows in a dry run without writing, then applies them once with audit entries', async () => {
    const book = await workbook((await download('/api/v1/exports/register?format=xlsx')).body);
    const people = book.getWorksheet('people')!;
    people.addRow([
      'Grady.Archie@example.com',
      'Grady Archie',
      'TSB',
      'Europe',
      'Counsellor',
      'fr',
      'Europe/Zurich',
      'member, focal-point',
      '00000000-0000-0000-0000-000000000041',
      '2026-12-24/2027-01-02',
    ]);
    rowOf(people, (c) => c[0] === 'miriamg@example.com').getCell(5).value = 'Head of Internal Audit and Oversight';
    const nestor = rowOf(people, (c) => c[0] === 'nestorw@example.com');
    people.spliceRows(nestor.number, 1);
    const topics = book.getWorksheet('topics')!;
    topics.addRow([
      'industry-engagement-2',
      'Industry engagement (pilot)',
      '',
      '',
      '',
      '',
      '',
      'Pilot',
      'working-group',
      'TSB',
      'TSB, BDT',
      'active',
      'PP 71 | Rev. Bucharest, 2022',
      'no',
      2026,
    ]);
    const assignments = book.getWorksheet('assignments')!;
    assignments.addRow(['industry-engagement-2', 'TSB', 'grady.archie@example.com', 'adelev@example.com', 'no']);
    const youthBr = rowOf(assignments, (c) => c[0] === 'youth' && c[1] === 'BDT');
    assignments.spliceRows(youthBr.number, 1);
    const file = await bytes(book);

    const before = await snapshot();
    const dry = await upload(file, { dryRun: true });
    expect(dry.body.errors).toEqual([]);
    expect(dry.body.counts.people).toEqual({ added: 1, changed: 1, unchanged: 9, removed: 1 });
    expect(dry.body.counts.topics).toEqual({ added: 1, changed: 0, unchanged: 18, removed: 0 });
    expect(dry.body.counts.assignments).toEqual({ added: 1, changed: 0, unchanged: 43, removed: 1 });
    expect(dry.body.rows).toEqual(
      expect.arrayContaining([
        { sheet: 'people', row: 12, key: 'grady.archie@example.com', outcome: 'added', fields: [] },
        expect.objectContaining({
          sheet: 'people',
          key: 'miriamg@example.com',
          outcome: 'changed',
          fields: ['jobTitle'],
        }),
        { sheet: 'people', row: null, key: 'nestorw@example.com', outcome: 'removed', fields: ['retiredAt'] },
        { sheet: 'assignments', row: null, key: 'youth BDT', outcome: 'removed', fields: [] },
      ]),
    );
    expect(await snapshot()).toEqual(before);

    const applied = await upload(file);
    expect(applied.status).toBe(200);
    expect(applied.body.applied).toBe(true);
    const grady = (await server.store.people.all({ where: { email: 'grady.archie@example.com' } }))[0];
    expect(grady).toEqual(
      expect.objectContaining({
        name: 'Grady Archie',
        roles: ['member', 'focal-point'],
        outOfOffice: [{ from: '2026-12-24', to: '2027-01-02' }],
      }),
    );
    const assignment = (await server.store.assignments.all({ where: { topicId: 'industry-engagement-2' } }))[0];
    expect(assignment).toEqual(
      expect.objectContaining({ sector: 'TSB', focalPointId: grady?.id, alternateId: 'adele-vance' }),
    );
    expect((await server.store.people.get('nestor-wilke'))?.retiredAt).toBe(NOW);
    expect((await server.store.assignments.all({ where: { topicId: 'youth' } })).map((a) => a.sector)).not.toContain(
      'BR',
    );
    const audit = (await server.store.audit.all()).filter((entry) => entry.action.startsWith('register.import'));
    expect(audit.map((entry) => entry.action).sort()).toEqual([
      'register.import',
      'register.import.added',
      'register.import.added',
      'register.import.added',
      'register.import.changed',
      'register.import.removed',
      'register.import.removed',
    ]);
    expect(audit.every((entry) => entry.actorId === SECRETARIAT)).toBe(true);
    expect(JSON.parse(audit.find((e) => e.action === 'register.import.changed')?.detail ?? '{}')).toEqual({
      before: { jobTitle: 'Head of Internal Audit' },
      after: { jobTitle: 'Head of Internal Audit and Oversight' },
    });

    // The same file again changes nothing.
    const after = await snapshot();
    const again = await upload(file);
    expect(again.body.rows.every((row) => row.outcome === 'unchanged')).toBe(true);
    expect(await snapshot()).toEqual(after);
  });

  it('reports each problem of an XLSX file by sheet, row and column, and writes nothing', async () => {
    const book = await workbook((await download('/api/v1/exports/register?format=xlsx')).body);
    const people = book.getWorksheet('people')!;
    const lee = rowOf(people, (c) => c[0] === 'leeg@example.com');
    lee.getCell(3).value = 'ITU-X'; // unknown sector
    const irvin = rowOf(people, (c) => c[0] === 'irvins@example.com');
    irvin.getCell(10).value = '2026-02-30/2026-03-02'; // wrong date
    const badEmail = people.addRow(['not-an-email', 'Someone', 'GS', '', '', 'en', 'UTC', 'member', 'x-1', '']); // bad e-mail
    const topics = book.getWorksheet('topics')!;
    const duplicate = topics.addRow([
      'space',
      'Space again',
      '',
      '',
      '',
      '',
      '',
      '',
      'topic',
      'BR',
      'BR',
      'active',
      '',
      'no',
      '',
    ]); // duplicate
    topics.getRow(1).getCell(16).value = 'Budget'; // unknown column
    const assignments = book.getWorksheet('assignments')!;
    const ghost = assignments.addRow(['space', 'GS', 'ghost@example.com', '', 'no']); // duplicate slot, focal point not on the people sheet
    const file = await bytes(book);

    const before = await snapshot();
    const dry = await upload(file, { dryRun: true });
    expect(dry.status).toBe(200);
    expect(where(dry.body.errors)).toEqual(
      expect.arrayContaining([
        { sheet: 'topics', row: 1, column: 'P', code: 'unknown-column' },
        { sheet: 'people', row: lee.number, column: 'C', code: 'unknown-sector' },
        { sheet: 'people', row: irvin.number, column: 'J', code: 'bad-date' },
        { sheet: 'people', row: badEmail.number, column: 'A', code: 'bad-email' },
        { sheet: 'topics', row: duplicate.number, column: 'A', code: 'duplicate-topic' },
        { sheet: 'assignments', row: ghost.number, column: 'A', code: 'duplicate-assignment' },
        { sheet: 'assignments', row: ghost.number, column: 'C', code: 'unknown-person' },
      ]),
    );
    expect(dry.body.errors).toHaveLength(7);
    expect(dry.body.errors.find((p) => p.code === 'unknown-person')?.message).toBe(
      'No one with the e-mail address "ghost@example.com" is on the people sheet.',
    );

    const refused = await upload(file, { language: 'fr' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('import.refused');
    expect(refused.body.error.message).toBe(
      'Le fichier a été refusé et rien n’a été importé : voir les problèmes indiqués.',
    );
    expect(refused.body.error.details.errors).toHaveLength(7);
    expect(refused.body.error.details.errors[0].message).toMatch(/^Colonne inconnue/);
    expect(await snapshot()).toEqual(before);
  });

  it('reports the problems of a CSV file by line and column (a quoted cell may span lines)', async () => {
    const csv = [
      '[topics]',
      'id,titleEn,sectors,Lead sector,resolutions,iscgArea',
      'alpha,Alpha,"GS, TSB",GS,"PP 191 | Rev. Bucharest, 2022',
      'WTSA 18",no',
      'alpha,Alpha again,GS,GS,,no',
      'beta,Beta,GS,XX,,maybe',
      '',
      '[people]',
      'email,name,sector,aadObjectId',
      'anna@example.com,Anna,GS,aad-1',
      'bad@@example,Bad,GS,aad-2',
      '',
      '[assignments]',
      'topicId,sector,focal point (e-mail)',
      'alpha,GS,anna@example.com',
      'alpha,TSB,nobody@example.com',
      'gamma,XY,anna@example.com',
    ].join('\n');
    const before = await snapshot();
    const { status, body } = await upload(Buffer.from(csv), { dryRun: true });
    expect(status).toBe(200);
    expect(where(body.errors)).toEqual([
      { sheet: 'people', row: 11, column: 'A', code: 'bad-email' },
      { sheet: 'topics', row: 5, column: 'A', code: 'duplicate-topic' },
      { sheet: 'topics', row: 6, column: 'D', code: 'unknown-sector' },
      { sheet: 'topics', row: 6, column: 'F', code: 'invalid-value' },
      { sheet: 'assignments', row: 16, column: 'C', code: 'unknown-person' },
      { sheet: 'assignments', row: 17, column: 'A', code: 'unknown-topic' },
      { sheet: 'assignments', row: 17, column: 'B', code: 'unknown-sector' },
    ]);
    expect(body.rows).toEqual(
      expect.arrayContaining([
        { sheet: 'topics', row: 3, key: 'alpha', outcome: 'added', fields: [] },
        { sheet: 'people', row: 10, key: 'anna@example.com', outcome: 'added', fields: [] },
      ]),
    );
    expect(await snapshot()).toEqual(before);
  });

  it('reports the right line of an Excel-style CSV (CRLF lines, a quoted cell with CRLF breaks)', async () => {
    const csv = [
      '[topics]',
      'id,titleEn,description,leadSector,sectors',
      'alpha,Alpha,"First line\r\nsecond line\r\nthird line",GS,GS',
      'alpha,Alpha again,"one\r\ntwo",GS,GS',
      'beta,Beta,,XX,GS',
      '',
      '[people]',
      'email,name,sector',
      'bad@@example,Bad,GS',
    ].join('\r\n');
    const { status, body } = await upload(Buffer.from(`\uFEFF${csv}\r\n`), { dryRun: true });
    expect(status).toBe(200);
    expect(where(body.errors)).toEqual(
      expect.arrayContaining([
        { sheet: 'topics', row: 6, column: 'A', code: 'duplicate-topic' },
        { sheet: 'topics', row: 8, column: 'D', code: 'unknown-sector' },
        { sheet: 'people', row: 12, column: 'A', code: 'bad-email' },
      ]),
    );
    expect(body.rows).toEqual(
      expect.arrayContaining([{ sheet: 'topics', row: 3, key: 'alpha', outcome: 'added', fields: [] }]),
    );
  });

  it('neutralises formulas in exports (a leading apostrophe) and restores the text on import', async () => {
    const topic = (await server.store.topics.get('space'))!;
    const { etag, ...record } = topic;
    const formula = '=HYPERLINK("http://evil.example","click")';
    await server.store.topics.update({ ...record, description: formula }, etag);
    const person = (await server.store.people.get('lee-gu'))!;
    const { etag: personEtag, ...personRecord } = person;
    await server.store.people.update({ ...personRecord, jobTitle: '@SUM(1+1)' }, personEtag);

    const csv = (await download('/api/v1/exports/register?format=csv')).body.toString('utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).toContain(",'@SUM(1+1),");
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    const xlsx = await workbook((await download('/api/v1/exports/register?format=xlsx')).body);
    const cell = rowOf(xlsx.getWorksheet('topics')!, (c) => c[0] === 'space').getCell(8);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(`'${formula}`);

    for (const file of [Buffer.from(csv), await bytes(xlsx)]) {
      const { body } = await upload(file, { dryRun: true });
      expect(body.errors).toEqual([]);
      expect(body.rows.filter((row) => row.outcome !== 'unchanged')).toEqual([]);
    }
  });

  it('refuses an upload over the size limit, and a file that is neither XLSX nor CSV, with a clear message', async () => {
    const big = await upload(Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x41), { dryRun: true });
    expect(big.status).toBe(413);
    expect(big.body.error).toEqual(
      expect.objectContaining({ code: 'request.too-large', message: expect.stringContaining('at most 5 MB') }),
    );
    const garbage = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    const unreadable = await upload(garbage, { dryRun: true, language: 'es' });
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.error).toEqual(
      expect.objectContaining({
        code: 'import.unreadable',
        message: 'No se pudo leer el archivo como libro XLSX ni como archivo CSV.',
      }),
    );
  });

  it('lets only the secretariat import, and the audit log be exported only by the secretariat', async () => {
    const exported = await download('/api/v1/exports/register?format=csv', MEMBER);
    expect(exported.status).toBe(200);
    const refused = await upload(exported.body, { dryRun: true, user: MEMBER });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('auth.forbidden');
    expect((await download('/api/v1/exports/audit?format=csv', MEMBER)).status).toBe(403);
    expect((await download('/api/v1/exports/audit?format=csv', SECRETARIAT)).status).toBe(200);
    expect((await download('/api/v1/exports/minutes?format=csv', SECRETARIAT)).status).toBe(400);
  });

  it('exports actions, decisions, the audit log and a meeting tracker with headers in the reader language', async () => {
    const actions = (await download('/api/v1/exports/actions?format=csv', MEMBER, 'es')).body.toString('utf8');
    expect(actions.split('\r\n')[0]).toBe(
      '\uFEFFIdentificador,Tema,Texto,Responsable,Vencimiento,Estado,Reunión,Creado',
    );
    expect(actions).toContain('isc-tf-31.a1,Accesibilidad,Share the draft ICT accessibility toolkit');
    expect(actions).toContain(',ISC-TF-31,');
    const decisions = await workbook((await download('/api/v1/exports/decisions?format=xlsx', MEMBER, 'ar')).body);
    const sheet = decisions.getWorksheet('decisions')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('المعرّف');
    expect(sheet.views[0]?.rightToLeft).toBe(true);
    const audit = (await download('/api/v1/exports/audit?format=csv&lang=zh', SECRETARIAT)).body.toString('utf8');
    expect(audit.split('\r\n')[0]).toBe('\uFEFF时间,操作人,操作,记录类型,记录编号,详情');
    expect(audit).toContain(',Megan Bowen,register.import,register,register,');
    const tracker = await download('/api/v1/meetings/isc-tf-32/tracker/export?format=csv', MEMBER, 'fr');
    expect(tracker.status).toBe(200);
    const lines = tracker.body.toString('utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFSujet,Secteur,Statut,Coordonnateur,Réponse de,Quand,Motif');
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^Accessibilité,BDT,[^,]+,Alex Wilber,/)]));
    expect((await download('/api/v1/meetings/no-such/tracker/export?format=csv', MEMBER)).status).toBe(404);
  });

  it("exports a topic's history with headers in the reader language and formulas made inert", async () => {
    const noted = await fetch(`${server.url}/api/v1/actions/isc-tf-31.a1`, {
      method: 'PATCH',
      headers: { 'x-dev-user': SECRETARIAT, 'content-type': 'application/json' },
      body: JSON.stringify({ note: '=HYPERLINK("https://evil.example","open")' }),
    });
    expect(noted.status).toBe(200);
    const csv = await download('/api/v1/topics/accessibility/history/export?format=csv', MEMBER, 'fr');
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    const lines = csv.body.toString('utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFQuand,Type,Événement,Réunion,Secteur,Qui,Texte,Détail');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^[^,]+,Action,raised,ISC-TF-31,,/),
        expect.stringMatching(/^[^,]+,Action,note,ISC-TF-31,,Megan Bowen,.*"'=HYPERLINK\(""https:\/\/evil\.example""/),
      ]),
    );
    const xlsx = await download('/api/v1/topics/accessibility/history/export?format=xlsx&lang=ar', MEMBER);
    const sheet = (await workbook(xlsx.body)).getWorksheet('history')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('الوقت');
    expect(sheet.views[0]?.rightToLeft).toBe(true);
    const kinds = new Set<string>();
    sheet.eachRow((row, line) => void (line > 1 && kinds.add(String(row.getCell(2).value))));
    expect([...kinds]).toEqual(expect.arrayContaining(['إجراء']));
    expect((await download('/api/v1/topics/no-such/history/export?format=csv', MEMBER)).status).toBe(404);
  });
});
