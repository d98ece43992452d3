/**
 * The meeting workspace's API calls: collection, agenda, minutes, the agenda pointer and documents; each answer is
 * read with the domain's schema.
 */
import type { ApiClient } from './client';
import type {
  AgendaEdit,
  AgendaVersion,
  CollectionOpened,
  CurrentItem,
  CurrentItemState,
  DeliveryReport,
  MinutesEdit,
  MinutesVersion,
  Tracker,
  UpdateView,
} from './meeting-types';
import { readAnswer } from './responses';
import type { MeetingView } from './types';

const base = (meetingId: string) => `/meetings/${encodeURIComponent(meetingId)}`;

/** One meeting with its collection window. */
export function getMeeting(api: ApiClient, meetingId: string, signal?: AbortSignal): Promise<MeetingView> {
  return readAnswer(api.get(base(meetingId), undefined, signal), (s) => s.MeetingView);
}

/**
 * Opens collection now (secretariat): every focal point gets a prompt. After a compile (meeting closed or agenda in
 * draft) it re-opens collection: focal points who have not answered are asked again.
 */
export function openCollection(api: ApiClient, meetingId: string): Promise<CollectionOpened> {
  return readAnswer(api.send('POST', `${base(meetingId)}/collection/open`), (s) => s.CollectionOpened);
}

/** Sends the prompts Teams could not deliver again (to people who have since installed the app). */
export function retryUndeliverable(api: ApiClient, meetingId: string): Promise<DeliveryReport> {
  const answer = api.send('POST', `${base(meetingId)}/collection/retry-undeliverable`);
  return readAnswer(answer, (s) => s.DeliveryReportView);
}

/** Where every topic × sector stands in the collection. */
export function getTracker(api: ApiClient, meetingId: string, signal?: AbortSignal): Promise<Tracker> {
  return readAnswer(api.get(`${base(meetingId)}/tracker`, undefined, signal), (s) => s.TrackerView);
}

/** The updates sent for a meeting. */
export async function listUpdates(api: ApiClient, meetingId: string, signal?: AbortSignal): Promise<UpdateView[]> {
  const answer = api.get(`${base(meetingId)}/updates`, undefined, signal);
  return (await readAnswer(answer, (s) => s.UpdateList)).items;
}

/**
 * The newest agenda version (`published`: the newest published one); `agenda.not-ready` (409) when there is none.
 */
export function getAgenda(
  api: ApiClient,
  meetingId: string,
  signal?: AbortSignal,
  status: 'latest' | 'published' = 'latest',
): Promise<AgendaVersion> {
  const query = status === 'published' ? { status } : undefined;
  return readAnswer(api.get(`${base(meetingId)}/agenda`, query, signal), (s) => s.AgendaVersionView);
}

/** Every meeting of the register, past ones included, newest first (the meetings view's archive). */
export async function meetingsWithPast(api: ApiClient, signal?: AbortSignal): Promise<MeetingView[]> {
  // `upcoming=false` as text: the query builder leaves out `false` flags.
  return (await readAnswer(api.get('/meetings', { upcoming: 'false' }, signal), (s) => s.MeetingList)).items;
}

/** The meetings whose end has passed, newest first (the archive); the server decides, as for the upcoming ones. */
export async function endedMeetings(api: ApiClient, signal?: AbortSignal): Promise<MeetingView[]> {
  return (await readAnswer(api.get('/meetings', { past: true }, signal), (s) => s.MeetingList)).items;
}

/**
 * The register's meeting linked to the Teams meeting the tab is opened in (its Teams meeting id or its chat's thread
 * id), or null when none is.
 */
export async function meetingOfTeams(
  api: ApiClient,
  teamsId: string,
  signal?: AbortSignal,
): Promise<MeetingView | null> {
  const answer = api.get('/meetings', { teamsMeeting: teamsId }, signal);
  return (await readAnswer(answer, (s) => s.MeetingList)).items[0] ?? null;
}

/** Where the meeting is on its agenda, since when, and the server's clock (the agenda timer). */
export function getCurrentItem(api: ApiClient, meetingId: string, signal?: AbortSignal): Promise<CurrentItemState> {
  return readAnswer(api.get(`${base(meetingId)}/current-item`, undefined, signal), (s) => s.CurrentItemState);
}

/**
 * Compiles a draft agenda from the updates (chair or secretariat). While collection is open (or never opened) the
 * server refuses with `collection.incomplete` and the counts unless `confirm` is true; compiling closes collection.
 */
export function compileAgenda(api: ApiClient, meetingId: string, confirm = false): Promise<AgendaVersion> {
  const answer = api.send('POST', `${base(meetingId)}/agenda/compile`, { confirm });
  return readAnswer(answer, (s) => s.AgendaVersionView);
}

/** Changes the draft agenda; `store.conflict` when it changed since `expectedRevision`. */
export function editAgenda(
  api: ApiClient,
  meetingId: string,
  expectedRevision: number,
  edit: AgendaEdit,
): Promise<AgendaVersion> {
  const answer = api.send('PATCH', `${base(meetingId)}/agenda`, { expectedRevision, edit });
  return readAnswer(answer, (s) => s.AgendaVersionView);
}

/** Publishes the draft agenda: stores the .docx and posts it to the meeting chat. */
export function publishAgenda(api: ApiClient, meetingId: string): Promise<AgendaVersion> {
  return readAnswer(api.send('POST', `${base(meetingId)}/agenda/publish`), (s) => s.AgendaVersionView);
}

/** The newest minutes version; `minutes.not-ready` (409) when none has been drafted. */
export function getMinutes(api: ApiClient, meetingId: string, signal?: AbortSignal): Promise<MinutesVersion> {
  return readAnswer(api.get(`${base(meetingId)}/minutes`, undefined, signal), (s) => s.MinutesVersionView);
}

/**
 * Drafts the minutes from the meeting chat and the published agenda (chair or secretariat); `minutes.too-early`
 * (with the start) before the meeting has started.
 */
export function compileMinutes(api: ApiClient, meetingId: string): Promise<MinutesVersion> {
  return readAnswer(api.send('POST', `${base(meetingId)}/minutes/compile`), (s) => s.MinutesVersionView);
}

/** Changes the draft minutes; `store.conflict` when they changed since `expectedRevision`. */
export function editMinutes(
  api: ApiClient,
  meetingId: string,
  expectedRevision: number,
  edit: MinutesEdit,
): Promise<MinutesVersion> {
  const answer = api.send('PATCH', `${base(meetingId)}/minutes`, { expectedRevision, edit });
  return readAnswer(answer, (s) => s.MinutesVersionView);
}

/**
 * Approves the draft minutes: stores the .docx and records decisions, actions and escalations. Refused with
 * `minutes.unresolved-notes` while review notes are open, and with `minutes.empty` (nothing recorded) unless
 * `confirm` is true.
 */
export function approveMinutes(api: ApiClient, meetingId: string, confirm = false): Promise<MinutesVersion> {
  const answer = api.send('POST', `${base(meetingId)}/minutes/approve`, { confirm });
  return readAnswer(answer, (s) => s.MinutesVersionView);
}

/** Moves the meeting chat's agenda pointer to an item (the chair's "Item N"). */
export function setCurrentItem(api: ApiClient, meetingId: string, item: number, sub?: number): Promise<CurrentItem> {
  const answer = api.send('POST', `${base(meetingId)}/current-item`, sub ? { item, sub } : { item });
  return readAnswer(answer, (s) => s.CurrentItem);
}

/** The API path of a stored document, e.g. `isc-tf-32/agenda-v1.docx`. */
export function documentPath(file: string): string {
  return `/documents/${file.split('/').map(encodeURIComponent).join('/')}`;
}

/** Reads a stored document with the caller's identity. */
export function downloadDocument(api: ApiClient, file: string): Promise<Blob> {
  return api.download(documentPath(file));
}
