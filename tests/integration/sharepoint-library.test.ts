import { seedDemoData } from '../../teams-app/store/demo/seed';
import { CHUNK_UNIT } from '../../teams-app/store/sharepoint/library-files';
import { sharePointSite } from '../support/sharepoint';

/** The document library file store on the Graph emulator. */

const SEED = Date.parse('2026-11-24T08:00:00.000Z');
const FOLDER = 'ISC Coordinator/ISC-TF/2026/isc-tf-32';

async function site(files: { simpleUploadLimit?: number; chunkSize?: number } = {}) {
  const opened = await sharePointSite({ files });
  await seedDemoData(opened.store, SEED);
  return opened;
}

describe('document library file store', () => {
  it('puts a document in the folder of its body, year and meeting, with its library columns and a web link', async () => {
    const { emulator, files, store } = await site();
    try {
      const content = Buffer.from('agenda bytes');
      expect(await files.saveOnce('isc-tf-32/agenda-v1-r2.docx', content)).toBe('isc-tf-32/agenda-v1-r2.docx');
      const stored = emulator.files().find((f) => f.path === `${FOLDER}/agenda-v1-r2.docx`);
      expect(stored?.fields).toMatchObject({
        IscMeeting: 'isc-tf-32',
        IscDocumentKind: 'agenda',
        IscDocumentVersion: 1,
        IscDocumentStatus: 'published',
      });
      expect(await files.read('isc-tf-32/agenda-v1-r2.docx')).toEqual(content);
      expect(await files.webUrl?.('isc-tf-32/agenda-v1-r2.docx')).toMatch(/^https:\/\/contoso\.sharepoint\.com\//);
    } finally {
      await store.close();
    }
  });

  it('keeps the file already there when a retried operation saves it again (409 nameAlreadyExists)', async () => {
    const { emulator, files, store } = await site();
    try {
      await files.saveOnce('isc-tf-32/minutes-v1-r1.docx', Buffer.from('first try'));
      await files.saveOnce('isc-tf-32/minutes-v1-r1.docx', Buffer.from('second try'));
      expect(emulator.files().filter((f) => f.path.startsWith(FOLDER))).toHaveLength(1);
      expect(emulator.readFile(`${FOLDER}/minutes-v1-r1.docx`)?.toString()).toBe('first try');
    } finally {
      await store.close();
    }
  });

  it('uploads a file above the simple-upload limit through an upload session, in 320 KiB chunks', async () => {
    const { emulator, files, store } = await site({ simpleUploadLimit: 1024, chunkSize: CHUNK_UNIT });
    try {
      const content = Buffer.alloc(CHUNK_UNIT * 2 + 1000, 7);
      await files.saveOnce('isc-tf-32/minutes-v2-r1.docx', content);
      expect(emulator.readFile(`${FOLDER}/minutes-v2-r1.docx`)?.equals(content)).toBe(true);
      // Saved again (a retry), the session finds the name taken and the first file is kept.
      await files.saveOnce('isc-tf-32/minutes-v2-r1.docx', Buffer.alloc(2000, 1));
      expect(emulator.readFile(`${FOLDER}/minutes-v2-r1.docx`)?.equals(content)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('marks the earlier agendas and their addenda superseded when a newer agenda is published, leaving the minutes alone', async () => {
    const { emulator, files, store } = await site();
    try {
      await files.saveOnce('isc-tf-32/agenda-v1-r1.docx', Buffer.from('v1'));
      await files.saveOnce('isc-tf-32/agenda-v1-r1-addendum.docx', Buffer.from('v1 addendum'));
      await files.saveOnce('isc-tf-32/minutes-v1-r1.docx', Buffer.from('minutes'));
      await files.saveOnce('isc-tf-32/agenda-v2-r3.docx', Buffer.from('v2'));
      const status = (name: string) =>
        emulator.files().find((f) => f.path === `${FOLDER}/${name}`)?.fields.IscDocumentStatus;
      expect(status('agenda-v1-r1.docx')).toBe('superseded');
      expect(status('agenda-v2-r3.docx')).toBe('published');
      expect(status('agenda-v1-r1-addendum.docx')).toBe('superseded');
      expect(status('minutes-v1-r1.docx')).toBe('published');
    } finally {
      await store.close();
    }
  });

  it('keeps a document of no meeting (an annual report) in a folder of its own name', async () => {
    const { emulator, files, store } = await site();
    try {
      await files.saveOnce('reports/annual-2026-v1.docx', Buffer.from('report'));
      expect(emulator.readFile('ISC Coordinator/reports/annual-2026-v1.docx')?.toString()).toBe('report');
      expect(await files.read('reports/annual-2026-v1.docx')).toEqual(Buffer.from('report'));
    } finally {
      await store.close();
    }
  });

  it('answers null for a document that is not there, and refuses a path that leaves its folder', async () => {
    const { files, store } = await site();
    try {
      expect(await files.read('isc-tf-32/none.docx')).toBeNull();
      await expect(files.read('isc-tf-32/../x.docx')).rejects.toMatchObject({ code: 'request.invalid' });
      await expect(files.read('../x.docx')).rejects.toMatchObject({ code: 'request.invalid' });
    } finally {
      await store.close();
    }
  });
});
