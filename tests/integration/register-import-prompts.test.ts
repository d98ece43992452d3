/**
 * A register import applied while collection is open has the consequences of the same changes made through the
 * register administration: prompts about a topic retired or a slot vacated or removed are withdrawn (and the people
 * asked are told), and an unanswered prompt of a slot whose focal point changed goes to the new focal point. A dry
 * run of the same file changes nothing.
 */
import ExcelJS from 'exceljs';
import type { RunningServer } from '../../teams-app/server/main';
import { REGISTER_COLUMNS, type ImportReport, type RegisterSheet } from '../../teams-app/services/records';
import { devApiCaller, personWithRole } from '../support/admin-api';
import { installApp } from '../support/cycle-services';
import { closeAll } from '../support/lifecycle';
import { startTestServer } from '../support/server';

/** Inside the collection window of the demo's next ISC-TF meeting (isc-tf-32), laid out around the seed day. */
const SEED = '2026-11-24T08:00:00.000Z';
const NOW = '2026-11-30T08:00:00.000Z';
const MEETING = 'isc-tf-32';
const ONE_SLOT = 'only-member';
let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer({ now: () => NOW, seedAt: SEED });
  await installApp(server.store, 'alex-wilber', NOW);
  await installApp(server.store, 'lynne-robbins', NOW);
  await installApp(server.store, 'adele-vance', NOW);
  // Someone whose one slot the import removes (everyone of the demo answers for several).
  await server.store.people.create(personWithRole('member', 1));
  const youth = await server.store.assignments.get('youth.BDT');
  if (!youth) throw new Error('no youth BDT slot');
  await server.store.assignments.update({ ...youth, focalPointId: ONE_SLOT, alternateId: null }, youth.etag);
});
afterAll(async () => {
  await closeAll(server?.close());
});

const api = devApiCaller(() => server.url);

async function upload(file: Buffer, dryRun: boolean): Promise<{ status: number; body: ImportReport }> {
  const res = await fetch(`${server.url}/api/v1/register/import?dryRun=${dryRun}`, {
    method: 'POST',
    headers: { 'x-dev-user': 'megan-bowen', 'content-type': 'application/octet-stream' },
    body: new Uint8Array(file),
  });
  return { status: res.status, body: (await res.json()) as ImportReport };
}

/** The register as exported now, as a workbook to change. */
async function exportedRegister(): Promise<ExcelJS.Workbook> {
  const res = await fetch(`${server.url}/api/v1/exports/register?format=xlsx`, {
    headers: { 'x-dev-user': 'megan-bowen' },
  });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
  return book;
}

/** The row of a worksheet whose first cells are `first` (and `second`, when given). */
function rowOf(sheet: ExcelJS.Worksheet, first: string, second?: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    const cells = (row.values as unknown[]).slice(1).map((v) => String(v ?? ''));
    if (!found && cells[0] === first && (second === undefined || cells[1] === second)) found = row;
  });
  if (!found) throw new Error(`no row ${first} ${second ?? ''}`);
  return found;
}

/** The column number of a field of a register sheet, as the export lays them out. */
function columnOf(sheet: RegisterSheet, key: string): number {
  const index = REGISTER_COLUMNS[sheet].findIndex((column) => column.key === key);
  if (index < 0) throw new Error(`no column ${key} in ${sheet}`);
  return index + 1;
}

const promptOf = (personId: string, topicId: string, sector: string) =>
  server.store.outbox.get(`prompt:${MEETING}:${personId}:${topicId}:${sector}`);

/** A reminder of the meeting queued for a person, not yet sent. */
async function queueReminder(personId: string): Promise<string> {
  const id = `reminder:${MEETING}:${personId}:0`;
  await server.store.outbox.create({
    id,
    kind: 'reminder',
    meetingId: MEETING,
    personId,
    topicId: null,
    conversationRefId: `ref-${personId}`,
    activity: { type: 'message', text: 'reminder' },
    replaceActivityId: null,
    status: 'pending',
    attempts: 0,
    notBefore: NOW,
    leaseUntil: null,
    lastError: null,
    sentActivityId: null,
    createdAt: NOW,
    sentAt: null,
  });
  return id;
}

/** Every outbox row of the meeting, as stored, for "nothing was written" checks. */
async function outboxRows(): Promise<string[]> {
  return (await server.store.outbox.all({ where: { meetingId: MEETING } })).map((row) => JSON.stringify(row)).sort();
}

describe('a register import applied while collection is open', () => {
  it('withdraws the prompts of a retired topic and of vacated or removed slots, and hands over a changed one', async () => {
    const opened = await api('POST', `/meetings/${MEETING}/collection/open`);
    expect(opened.status).toBe(200);
    // Queued before the import: every slot below is still unanswered.
    expect((await promptOf('alex-wilber', 'digital-transformation', 'BDT'))?.status).toBe('pending');
    expect((await promptOf('johanna-lorenz', 'data-statistics', 'GS'))?.status).toMatch(/pending|undeliverable/);
    expect((await promptOf('lynne-robbins', 'data-statistics', 'BDT'))?.status).toBe('pending');
    expect((await promptOf('alex-wilber', 'accessibility', 'BDT'))?.status).toBe('pending');
    expect((await promptOf(ONE_SLOT, 'youth', 'BDT'))?.status).toMatch(/pending|undeliverable/);
    const reminders = { alex: await queueReminder('alex-wilber'), oneSlot: await queueReminder(ONE_SLOT) };

    const book = await exportedRegister();
    const topics = book.getWorksheet('topics')!;
    rowOf(topics, 'data-statistics').getCell(columnOf('topics', 'status')).value = 'closed';
    const assignments = book.getWorksheet('assignments')!;
    const focalPoint = columnOf('assignments', 'focalPoint');
    rowOf(assignments, 'digital-transformation', 'BDT').getCell(focalPoint).value = '';
    rowOf(assignments, 'accessibility', 'BDT').getCell(focalPoint).value = 'adelev@example.com';
    assignments.spliceRows(rowOf(assignments, 'youth', 'BDT').number, 1);
    const file = Buffer.from(await book.xlsx.writeBuffer());

    // A dry run reports the changes and leaves the outbox as it was.
    const before = await outboxRows();
    const dry = await upload(file, true);
    expect(dry.status).toBe(200);
    expect(dry.body.errors).toEqual([]);
    expect(dry.body.counts.topics.changed).toBe(1);
    expect(dry.body.counts.assignments).toMatchObject({ changed: 2, removed: 1 });
    expect(await outboxRows()).toEqual(before);

    const applied = await upload(file, false);
    expect(applied.status).toBe(200);
    expect(applied.body.applied).toBe(true);

    // The retired topic: every prompt not yet sent is withdrawn, and each person asked is told.
    expect((await promptOf('johanna-lorenz', 'data-statistics', 'GS'))?.status).toBe('withdrawn');
    expect((await promptOf('lynne-robbins', 'data-statistics', 'BDT'))?.status).toBe('withdrawn');
    // The vacated slot and the removed one: withdrawn; the topic's other slots are still asked.
    expect((await promptOf('alex-wilber', 'digital-transformation', 'BDT'))?.status).toBe('withdrawn');
    expect((await promptOf('adele-vance', 'digital-transformation', 'TSB'))?.status).not.toBe('withdrawn');
    expect((await promptOf(ONE_SLOT, 'youth', 'BDT'))?.status).toBe('withdrawn');
    const noticesTo = async (personId: string) =>
      (await server.store.outbox.all({ where: { kind: 'notice', personId, meetingId: MEETING } })).map((row) => row.id);
    expect(await noticesTo('lynne-robbins')).toEqual([
      `notice:${MEETING}:lynne-robbins:data-statistics.BDT:withdrawn-retired`,
    ]);
    expect((await noticesTo('alex-wilber')).sort()).toEqual(
      [
        `notice:${MEETING}:alex-wilber:accessibility.BDT:handover-to-adele-vance`,
        `notice:${MEETING}:alex-wilber:digital-transformation.BDT:withdrawn-vacated`,
      ].sort(),
    );
    expect(await noticesTo(ONE_SLOT)).toEqual([`notice:${MEETING}:${ONE_SLOT}:youth.BDT:withdrawn-vacated`]);
    // A reminder is withdrawn from whoever has nothing left to answer, and kept for whoever still has.
    expect((await server.store.outbox.get(reminders.oneSlot))?.status).toBe('withdrawn');
    expect((await server.store.outbox.get(reminders.alex))?.status).toBe('pending');
    // The changed focal point: the unanswered prompt goes to the new one, who is told; the former one's not yet
    // sent is withdrawn.
    expect((await promptOf('alex-wilber', 'accessibility', 'BDT'))?.status).toBe('withdrawn');
    expect(await promptOf('adele-vance', 'accessibility', 'BDT')).toMatchObject({ kind: 'prompt', status: 'pending' });
    expect(await noticesTo('adele-vance')).toContain(
      `notice:${MEETING}:adele-vance:accessibility.BDT:handover-from-alex-wilber`,
    );

    // Importing the same file again changes nothing and tells nobody again.
    const after = await outboxRows();
    const again = await upload(file, false);
    expect(again.body.rows.every((row) => row.outcome === 'unchanged')).toBe(true);
    expect(await outboxRows()).toEqual(after);
  });
});
