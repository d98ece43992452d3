import { ResponseType } from '@microsoft/microsoft-graph-client';
import { callerFor, FRAGMENT_UNIT, GraphEmulator, graphClientFor } from '../support/graph-emulator';

function setup() {
  const emulator = new GraphEmulator();
  const call = callerFor(emulator);
  const drive = `/sites/${emulator.siteId}/drive`;
  return { emulator, call, drive };
}

const docx = (text: string): Buffer => Buffer.from(`PK fake docx: ${text}`);

describe('Graph emulator: document library', () => {
  it('uploads by path into folders it creates, and reads the driveItem and its content back', async () => {
    const { call, drive, emulator } = setup();
    const put = await call(
      'PUT',
      `${drive}/root:/ISC-TF/2026/meeting-1/agenda.docx:/content?@microsoft.graph.conflictBehavior=fail`,
      docx('agenda'),
    );
    expect(put.status).toBe(201);
    expect(put.body).toMatchObject({
      name: 'agenda.docx',
      size: docx('agenda').length,
      file: { mimeType: expect.stringContaining('wordprocessingml') },
    });
    expect(put.body.eTag).toMatch(/^"\{[0-9A-F-]{36}\},1"$/);
    expect(put.body.webUrl).toMatch(
      /^https:\/\/contoso\.sharepoint\.com\/sites\/isc-coordinator\/_layouts\/15\/Doc\.aspx\?sourcedoc=/,
    );
    const byPath = await call('GET', `${drive}/root:/ISC-TF/2026/meeting-1/agenda.docx`);
    expect(byPath.body.id).toBe(put.body.id);
    expect(byPath.body.parentReference.path).toBe(
      `/drives/${byPath.body.parentReference.driveId}/root:/ISC-TF/2026/meeting-1`,
    );
    const content = await call('GET', `${drive}/items/${put.body.id}/content`);
    expect(Buffer.compare(content.body, docx('agenda'))).toBe(0);
    const folder = await call('GET', `${drive}/root:/ISC-TF/2026`);
    expect(folder.body.folder.childCount).toBe(1);
    expect(emulator.readFile('ISC-TF/2026/meeting-1/agenda.docx')?.toString()).toBe(docx('agenda').toString());
    expect((await call('GET', `${drive}/root:/ISC-TF/missing.docx`)).status).toBe(404);
  });

  it('answers a name conflict with 409 nameAlreadyExists under fail, and replaces or renames when asked', async () => {
    const { call, drive, emulator } = setup();
    const url = (behaviour: string) =>
      `${drive}/root:/minutes.docx:/content?@microsoft.graph.conflictBehavior=${behaviour}`;
    const first = await call('PUT', url('fail'), docx('v1'));
    const conflict = await call('PUT', url('fail'), docx('v2'));
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('nameAlreadyExists');
    expect(emulator.readFile('minutes.docx')?.toString()).toContain('v1');
    const replaced = await call('PUT', url('replace'), docx('v3'));
    expect(replaced.status).toBe(200);
    expect(replaced.body.id).toBe(first.body.id);
    expect(replaced.body.eTag).not.toBe(first.body.eTag);
    expect(replaced.body.cTag).not.toBe(first.body.cTag);
    const renamed = await call('PUT', url('rename'), docx('v4'));
    expect(renamed.status).toBe(201);
    expect(renamed.body.name).toBe('minutes 1.docx');
    expect(
      emulator
        .files()
        .map((f) => f.path)
        .sort(),
    ).toEqual(['minutes 1.docx', 'minutes.docx']);
  });

  it('creates folders under the root with their own conflict behaviour', async () => {
    const { call, drive } = setup();
    const folder = { name: 'Agendas', folder: {}, '@microsoft.graph.conflictBehavior': 'fail' };
    expect((await call('POST', `${drive}/root/children`, folder)).status).toBe(201);
    expect((await call('POST', `${drive}/root/children`, folder)).status).toBe(409);
    const renamed = await call('POST', `${drive}/root/children`, {
      ...folder,
      '@microsoft.graph.conflictBehavior': 'rename',
    });
    expect(renamed.body.name).toBe('Agendas 1');
    expect((await call('POST', `${drive}/root/children`, { name: 'X', folder: {}, colour: 'red' })).status).toBe(400);
  });

  it('takes a large file through an upload session in 320 KiB multiples, refusing misaligned fragments', async () => {
    const { call, drive, emulator } = setup();
    const file = Buffer.alloc(FRAGMENT_UNIT * 2 + 1000, 7);
    const session = await call('POST', `${drive}/root:/Reports/annual.docx:/createUploadSession`, {
      item: { '@microsoft.graph.conflictBehavior': 'fail' },
    });
    expect(session.status).toBe(200);
    expect(session.body.nextExpectedRanges).toEqual(['0-']);
    const uploadUrl: string = session.body.uploadUrl;
    // Upload URLs are pre-authenticated: fragments go without the bearer token.
    const fragment = (start: number, end: number) =>
      emulator.handle({
        method: 'PUT',
        url: uploadUrl,
        headers: { 'content-range': `bytes ${start}-${end - 1}/${file.length}` },
        body: file.subarray(start, end),
      });
    expect((await fragment(0, 1000)).status).toBe(400);
    expect((await fragment(FRAGMENT_UNIT, FRAGMENT_UNIT * 2)).status).toBe(416);
    const middle = await fragment(0, FRAGMENT_UNIT * 2);
    expect(middle.status).toBe(202);
    expect(JSON.parse(middle.body.toString()).nextExpectedRanges).toEqual([`${FRAGMENT_UNIT * 2}-`]);
    const last = await fragment(FRAGMENT_UNIT * 2, file.length);
    expect(last.status).toBe(201);
    expect(JSON.parse(last.body.toString())).toMatchObject({ name: 'annual.docx', size: file.length });
    expect(emulator.readFile('Reports/annual.docx')?.equals(file)).toBe(true);
  });

  it('fails an upload session under fail when the name is taken', async () => {
    const { call, drive } = setup();
    await call('PUT', `${drive}/root:/taken.docx:/content`, docx('x'));
    const session = await call('POST', `${drive}/root:/taken.docx:/createUploadSession`, {
      item: { '@microsoft.graph.conflictBehavior': 'fail' },
    });
    expect(session.status).toBe(409);
    expect(session.body.error.code).toBe('nameAlreadyExists');
  });

  it('keeps library columns on each file through its listItem fields, with If-Match', async () => {
    const { call, drive, emulator } = setup();
    const library = `/sites/${emulator.siteId}/lists/Documents`;
    await call('POST', `${library}/columns`, {
      name: 'DocStatus',
      choice: { choices: ['draft', 'published', 'superseded'] },
      indexed: true,
    });
    await call('POST', `${library}/columns`, { name: 'MeetingKey', text: {}, indexed: true });
    const file = await call('PUT', `${drive}/root:/agenda.docx:/content`, docx('a'));
    const fields = `${drive}/items/${file.body.id}/listItem/fields`;
    const before = await call('GET', fields);
    expect(before.body.FileLeafRef).toBe('agenda.docx');
    const updated = await call(
      'PATCH',
      fields,
      { DocStatus: 'draft', MeetingKey: 'M-1' },
      { 'if-match': before.body['@odata.etag'] },
    );
    expect(updated.status).toBe(200);
    expect(
      (await call('PATCH', fields, { DocStatus: 'published' }, { 'if-match': before.body['@odata.etag'] })).status,
    ).toBe(412);
    expect((await call('PATCH', fields, { DocStatus: 'final' })).status).toBe(400);
    const query = await call('GET', `${library}/items?expand=fields&$filter=fields/MeetingKey eq 'M-1'`);
    expect(query.body.value.map((i: any) => i.fields.FileLeafRef)).toEqual(['agenda.docx']);
    expect(emulator.files()[0]?.fields).toMatchObject({ DocStatus: 'draft', MeetingKey: 'M-1' });
    const refreshed = await call('GET', `${drive}/items/${file.body.id}`);
    expect(refreshed.body.eTag).not.toBe(file.body.eTag);
  });

  it('serves uploads and downloads through the graph client middleware', async () => {
    const emulator = new GraphEmulator();
    const client = graphClientFor(emulator);
    const drive = `/sites/${emulator.siteId}/drive`;
    const item = await client
      .api(`${drive}/root:/Minutes/m1.docx:/content`)
      .query({ '@microsoft.graph.conflictBehavior': 'fail' })
      .put(docx('m1'));
    expect(item.name).toBe('m1.docx');
    const bytes: ArrayBuffer = await client
      .api(`${drive}/items/${item.id}/content`)
      .responseType(ResponseType.ARRAYBUFFER)
      .get();
    expect(Buffer.from(bytes).toString()).toBe(docx('m1').toString());
    const library = await client.api(`/sites/${emulator.siteId}/drive`).get();
    expect(library).toMatchObject({ driveType: 'documentLibrary', name: 'Documents' });
    expect((await client.api(`/drives/${library.id}/root:/Minutes/m1.docx`).get()).id).toBe(item.id);
  });
});
