import mammoth from 'mammoth';
import { chatReading } from '../../bot/chat-reading';
import { collectionWindow, type Caller } from '../../teams-app/domain';
import { addendumDocx, agendaDocx, minutesDocx } from '../../teams-app/documents';
import { CollectionService, MeetingChatService, MeetingService, RegisterService } from '../../teams-app/services';
import { Outbox } from '../../teams-app/services/outbox';
import type { Store } from '../../teams-app/store';
import type { GraphEmulator } from '../support/graph-emulator';
import { CYCLE_SEED, chatLine, prepareCycleStore } from '../support/cycle-services';
import { sharePointSite } from '../support/sharepoint';

/**
 * A whole meeting cycle with STORE=sharepoint on the Graph emulator: the records in SharePoint lists (the
 * operational data in SQLite, as in production), the agenda and minutes as .docx in the document library.
 */

const MEETING = 'isc-tf-32';
const chair: Caller = { personId: 'patti-fernandez', roles: ['chair'] };
const secretariat = { personId: 'megan-bowen', roles: ['secretariat' as const] };

let now = CYCLE_SEED;
let store: Store;
let emulator: GraphEmulator;
let services: ReturnType<typeof wire>;

/** The services as the server wires them, with the real .docx renderers and the library as file store. */
function wire(files: Awaited<ReturnType<typeof sharePointSite>>['files']) {
  const outbox = new Outbox(store, { now: () => Date.parse(now) });
  const chats = new MeetingChatService(store, () => now, chatReading('ISC Coordinator'));
  return {
    collection: new CollectionService({
      store,
      register: new RegisterService(store),
      outbox,
      messages: {
        prompt: (data) => ({ type: 'message', text: `prompt ${data.topic.id}` }),
        reminder: (data) => ({ type: 'message', text: `reminder ${data.topics.length}` }),
        delegationNotice: () => ({ type: 'message', text: 'delegation' }),
      },
      now: () => now,
    }),
    meetings: new MeetingService({
      store,
      files,
      render: {
        agenda: (agenda, locale) => agendaDocx(agenda, { locale }),
        addendum: (agenda, locale) => addendumDocx(agenda, { locale }),
        minutes: (minutes, locale, draft) => minutesDocx(minutes, { locale, draft }),
      },
      messages: {
        agendaPublished: (agenda, url) => ({ type: 'message', text: `agenda r${agenda.revision} ${url}` }),
        minutesApproved: (_minutes, url) => ({ type: 'message', text: `minutes ${url}` }),
      },
      outbox,
      publicUrl: 'http://localhost:3978',
      now: () => now,
      chat: chats,
    }),
  };
}

beforeEach(async () => {
  now = CYCLE_SEED;
  const site = await sharePointSite();
  store = site.store;
  emulator = site.emulator;
  await prepareCycleStore(store, MEETING);
  services = wire(site.files);
});

afterEach(async () => {
  await store.close();
});

/** The text of a .docx of the emulator's library. */
async function libraryText(path: string): Promise<string> {
  const file = emulator.readFile(path);
  expect(file).toBeDefined();
  return (await mammoth.extractRawText({ buffer: file! })).value;
}

describe('a meeting cycle on SharePoint', () => {
  it('runs collection, publishes the agenda and approves the minutes, with the documents in the library', async () => {
    const meeting = await store.meetings.get(MEETING);
    const window = collectionWindow(meeting!);

    now = window.opensAt;
    await services.collection.open(MEETING, secretariat);
    expect((await store.meetings.get(MEETING))?.state).toBe('open');
    await services.collection.submit(
      { personId: 'alex-wilber', roles: ['focal-point'] },
      { meetingId: MEETING, topicId: 'accessibility', sector: 'BDT', progress: 'Toolkit drafted with TSB.' },
    );
    expect(emulator.items('ISC Status Updates').some((u) => u.IscTopicId === 'accessibility')).toBe(true);

    now = window.closesAt;
    await services.collection.tick();
    expect((await store.meetings.get(MEETING))?.state).toBe('closed');
    await services.meetings.reconcile();
    expect((await store.meetings.get(MEETING))?.state).toBe('agenda-draft');

    const agenda = await services.meetings.publishAgenda(MEETING, chair);
    const agendaPath = `ISC Coordinator/ISC-TF/2026/${MEETING}/${agenda.file?.split('/')[1]}`;
    expect(await libraryText(agendaPath)).toContain('Toolkit drafted with TSB.');
    expect(emulator.files().find((f) => f.path === agendaPath)?.fields).toMatchObject({
      IscMeeting: MEETING,
      IscDocumentKind: 'agenda',
      IscDocumentVersion: 1,
      IscDocumentStatus: 'published',
    });
    expect(agenda.fileUrl).toMatch(/^https:\/\/contoso\.sharepoint\.com\/.*agenda-v1-r1\.docx/);
    const [agendaPost] = await store.outbox.all({ where: { meetingId: MEETING, kind: 'agenda' } });
    expect(agendaPost?.activity.text).toContain(agenda.fileUrl);

    now = new Date(Date.parse(meeting!.start) + 3_600_000).toISOString();
    await store.chatMessages.create(chatLine(MEETING, 1, 'Item 4'));
    await store.chatMessages.create(chatLine(MEETING, 2, 'Decision: BDT and TSB publish one accessibility toolkit.'));
    await store.chatMessages.create(chatLine(MEETING, 3, 'Action: Alex Wilber to circulate the toolkit by 2026-12-20'));
    await services.meetings.compileMinutes(MEETING, chair);
    const minutes = await services.meetings.approveMinutes(MEETING, chair);
    expect((await store.meetings.get(MEETING))?.state).toBe('minutes-approved');

    const minutesPath = `ISC Coordinator/ISC-TF/2026/${MEETING}/${minutes.file?.split('/')[1]}`;
    expect(await libraryText(minutesPath)).toContain('BDT and TSB publish one accessibility toolkit.');
    expect(emulator.files().find((f) => f.path === minutesPath)?.fields).toMatchObject({
      IscDocumentKind: 'minutes',
      IscDocumentStatus: 'published',
    });
    expect(
      (await services.meetings.documentFile(minutes.file!, secretariat)).equals(emulator.readFile(minutesPath)!),
    ).toBe(true);
    // The records the minutes made are list items, once each, even when approving is asked again.
    await services.meetings.approveMinutes(MEETING, chair);
    const decisions = emulator.items('ISC Decisions').filter((d) => d.IscMeetingId === MEETING);
    expect(decisions).toHaveLength(1);
    expect(emulator.items('ISC Actions').filter((a) => a.IscSourceMeetingId === MEETING)).toHaveLength(1);
    expect(emulator.items('ISC Meetings').find((m) => m.RecordId === MEETING)?.IscState).toBe('minutes-approved');
  });
});
