import path from 'node:path';
import { chatReading } from '../../bot/chat-reading';
import { CollectionService, MeetingChatService, MeetingService, RegisterService } from '../../teams-app/services';
import { Outbox } from '../../teams-app/services/outbox';
import type { AttendancePort, CollectionMessages, OutOfOfficePort } from '../../teams-app/services';
import { seedDemoData } from '../../teams-app/store/demo/seed';
import { localFileStore } from '../../teams-app/store/local-files';
import { openSqliteStore } from '../../teams-app/store/sqlite/sqlite-store';
import type { ChatRecord } from '../../teams-app/domain';
import type { FileStore, Store } from '../../teams-app/store';

/** The day the demo data of the cycle tests is laid out around. */
export const CYCLE_SEED = '2026-11-24T08:00:00.000Z';
/** The meeting chat the cycle tests link to the next ISC-TF meeting. */
export const CYCLE_CHAT = '19:meeting_cycle@thread.v2';

/** Messages as plain text: the cycle tests look at what is queued, not at the cards. */
const textMessages: CollectionMessages = {
  prompt: (data) => ({ type: 'message', text: `prompt ${data.topic.id}` }),
  reminder: (data) => ({ type: 'message', text: `reminder ${data.topics.length}` }),
  delegationNotice: () => ({ type: 'message', text: 'delegation' }),
};

/** The store seeded with the demo data, the meeting chat linked to `meetingId` and the bot in that chat. */
export async function cycleStore(meetingId: string): Promise<Store> {
  return prepareCycleStore(openSqliteStore({ file: ':memory:' }), meetingId);
}

/** Seeds any store with the demo data at the cycle's instant and links the meeting's chat (see {@link cycleStore}). */
export async function prepareCycleStore(store: Store, meetingId: string): Promise<Store> {
  await seedDemoData(store, Date.parse(CYCLE_SEED));
  const meeting = await store.meetings.get(meetingId);
  if (!meeting) throw new Error(`demo meeting ${meetingId} missing`);
  await store.meetings.update({ ...meeting, chatId: CYCLE_CHAT }, meeting.etag);
  await store.conversations.create({
    id: 'ref-meeting-chat',
    aadObjectId: '00000000-0000-0000-0000-000000000099',
    personId: null,
    conversationId: CYCLE_CHAT,
    conversationType: 'groupChat',
    serviceUrl: 'http://localhost:56150/_connector',
    tenantId: null,
    botId: 'bot',
    locale: null,
    updatedAt: CYCLE_SEED,
  });
  return store;
}

/**
 * The collection, meeting and chat services on a store, as the server wires them, with documents rendered
 * as short text (`render` may do something first, e.g. an edit racing the publication).
 */
export function cycleServices(
  store: Store,
  documentsDir: string,
  now: () => string,
  options: {
    files?: (inner: FileStore) => FileStore;
    beforeRender?: () => Promise<void>;
    /** The mailboxes' out-of-office (Microsoft 365) read when collection opens. */
    outOfOffice?: OutOfOfficePort;
    /** The Teams attendance reports the minutes take attendance from. */
    attendance?: AttendancePort;
  } = {},
) {
  const outbox = new Outbox(store, { now: () => Date.parse(now()) });
  const chats = new MeetingChatService(store, now, chatReading('ISC Coordinator'));
  const render = async (what: string) => {
    await options.beforeRender?.();
    return Buffer.from(`document ${what}`);
  };
  const inner = localFileStore(path.join(documentsDir, 'documents'));
  const meetings = new MeetingService({
    store,
    files: options.files ? options.files(inner) : inner,
    render: { agenda: () => render('agenda'), addendum: () => render('addendum'), minutes: () => render('minutes') },
    messages: {
      agendaPublished: (agenda) => ({ type: 'message', text: `agenda r${agenda.revision}` }),
      minutesApproved: () => ({ type: 'message', text: 'minutes' }),
    },
    outbox,
    publicUrl: 'http://localhost:3978',
    now,
    chat: chats,
    ...(options.attendance ? { attendance: options.attendance } : {}),
  });
  return {
    meetings,
    collection: new CollectionService({
      store,
      register: new RegisterService(store),
      outbox,
      messages: textMessages,
      now,
      ...(options.outOfOffice ? { outOfOffice: options.outOfOffice } : {}),
    }),
    chats,
  };
}

/** A line of the linked meeting chat, n minutes into the meeting, from the chair (no AAD id: a plain sender). */
export function chatLine(meetingId: string, n: number, text: string): ChatRecord {
  return {
    id: `line-${n}`,
    chatId: CYCLE_CHAT,
    meetingId,
    fromId: 'patti-fernandez',
    fromName: 'Patti Fernandez',
    fromAadObjectId: null,
    text,
    mentions: [],
    timestamp: new Date(Date.parse('2026-12-06T09:00:00Z') + n * 60_000).toISOString(),
  };
}

/** Records that a person installed the app: the bot now has a 1:1 conversation with them. */
export async function installApp(store: Store, personId: string, at: string): Promise<void> {
  const person = await store.people.get(personId);
  if (!person) throw new Error(`no person ${personId}`);
  await store.conversations.create({
    id: `ref-${personId}`,
    aadObjectId: person.aadObjectId,
    personId,
    conversationId: `a:${personId}-personal`,
    conversationType: 'personal',
    serviceUrl: 'http://localhost:56150/_connector',
    tenantId: null,
    botId: 'bot',
    locale: null,
    updatedAt: at,
  });
}
