import {
  AppError,
  DEFAULT_WINDOW,
  Topic,
  addLocalDays,
  localParts,
  teamsMeetingFromJoinUrl,
  zonedToInstant,
  type Action,
  type Assignment,
  type Meeting,
  type Person,
  type SectorId,
  type StatusUpdate,
} from '../../domain';
import { write, type Store } from '../port';
import { pastMeetingDocuments, type PastMeetingDocuments } from './demo-documents';
import register from './topics.json';

const GENEVA = 'Europe/Zurich';

/** The Microsoft 365 demo personas; the first six are the Agents Playground's users (same AAD ids). */
export const DEMO_PEOPLE: Person[] = [
  person(
    'alex-wilber',
    'Alex Wilber',
    '20',
    'BDT',
    'Europe',
    'en',
    GENEVA,
    ['focal-point', 'member'],
    'Programme Officer, BDT',
  ),
  person(
    'megan-bowen',
    'Megan Bowen',
    '21',
    'GS',
    'Europe',
    'en',
    GENEVA,
    ['secretariat', 'member'],
    'ISC-TF Secretariat',
  ),
  person(
    'adele-vance',
    'Adele Vance',
    '22',
    'TSB',
    'Europe',
    'fr',
    GENEVA,
    ['focal-point', 'member'],
    'Counsellor, TSB',
  ),
  person(
    'isaiah-langer',
    'Isaiah Langer',
    '23',
    'BR',
    'Europe',
    'en',
    GENEVA,
    ['focal-point', 'member'],
    'Counsellor, BR',
  ),
  person(
    'patti-fernandez',
    'Patti Fernandez',
    '24',
    'GS',
    'Europe',
    'es',
    GENEVA,
    ['chair', 'member'],
    'Deputy Secretary-General',
  ),
  person(
    'lynne-robbins',
    'Lynne Robbins',
    '25',
    'BDT',
    'Arab States',
    'ar',
    'Africa/Cairo',
    ['focal-point', 'member'],
    'Regional Director, Arab States',
  ),
  person(
    'lee-gu',
    'Lee Gu',
    '26',
    'TSB',
    'Asia-Pacific',
    'zh',
    'Asia/Bangkok',
    ['focal-point', 'member'],
    'Regional Director, Asia-Pacific',
  ),
  person(
    'irvin-sayers',
    'Irvin Sayers',
    '27',
    'BR',
    'CIS',
    'ru',
    'Europe/Moscow',
    ['focal-point', 'member'],
    'Head of Area Office, CIS',
  ),
  person(
    'johanna-lorenz',
    'Johanna Lorenz',
    '28',
    'GS',
    'Europe',
    'en',
    GENEVA,
    ['focal-point', 'member'],
    'Chief, Strategic Planning',
  ),
  person('miriam-graham', 'Miriam Graham', '29', 'GS', 'Europe', 'en', GENEVA, ['observer'], 'Head of Internal Audit'),
  person(
    'nestor-wilke',
    'Nestor Wilke',
    '30',
    'BDT',
    'Americas',
    'es',
    'America/Sao_Paulo',
    ['member'],
    'Regional Director, Americas',
  ),
];

function person(
  id: string,
  name: string,
  aadSuffix: string,
  sector: SectorId,
  region: Person['region'],
  locale: Person['locale'],
  timeZone: string,
  roles: Person['roles'],
  jobTitle: string,
): Person {
  const [given = '', family = ''] = name.toLowerCase().split(' ');
  return {
    id,
    aadObjectId: `00000000-0000-0000-0000-00000000000${aadSuffix}`,
    name,
    email: `${given}${family.charAt(0)}@example.com`,
    sector,
    region,
    jobTitle,
    locale,
    timeZone,
    outOfOffice: [],
    roles,
  };
}

/** The 18 coordination topics with their resolutions, parsed from the project's demo register. */
export const DEMO_TOPICS: Topic[] = register.topics.map((topic) => Topic.parse(topic));

/** Topics on which Alex Wilber (the Playground's default user) is the BDT focal point. */
const ALEX_TOPICS = new Set([
  'accessibility',
  'climate-change-environmental-sustainability',
  'emergency-telecommunications',
  'digital-transformation',
  'youth',
]);

const FOCAL: Record<SectorId, [string, string]> = {
  BDT: ['lynne-robbins', 'alex-wilber'],
  TSB: ['adele-vance', 'lee-gu'],
  BR: ['isaiah-langer', 'irvin-sayers'],
  GS: ['johanna-lorenz', 'megan-bowen'],
};

function demoAssignments(): Assignment[] {
  const rows: Assignment[] = [];
  for (const topic of DEMO_TOPICS) {
    if (topic.sectors.length === 0) {
      rows.push({
        id: `${topic.id}.GS`,
        topicId: topic.id,
        sector: 'GS',
        focalPointId: null,
        alternateId: null,
        iscgCoordinator: true,
      });
      continue;
    }
    for (const sector of topic.sectors) {
      let [focalPointId, alternateId] = FOCAL[sector];
      if (sector === 'BDT' && ALEX_TOPICS.has(topic.id)) [focalPointId, alternateId] = ['alex-wilber', 'lynne-robbins'];
      rows.push({
        id: `${topic.id}.${sector}`,
        topicId: topic.id,
        sector,
        focalPointId,
        alternateId,
        iscgCoordinator: topic.iscgCoordinatorArea && sector === topic.leadSector,
      });
    }
  }
  return rows;
}

/**
 * The Agents Playground's group chat (`groupChat.id` of `.m365agentsplayground.yml`). It is the chat of the next
 * ISC-TF meeting: that meeting's join URL names it, so the meeting's stored Teams identity matches it.
 */
export const DEMO_MEETING_CHAT = '19:isc-tf-meeting-chat@thread.v2';

/** The Agents Playground's tenant (`tenantId` of `.m365agentsplayground.yml`), allowed to talk to the bot in local mode. */
export const DEMO_TENANT_ID = '00000000-0000-0000-0000-0000000000001';

/** The demo meeting whose chat is the Playground's group chat. */
const DEMO_CHAT_MEETING = 'isc-tf-32';

/** A Teams join URL for a demo meeting; it names the meeting's chat thread, as real join URLs do. */
function demoJoinUrl(id: string): string {
  const thread = id === DEMO_CHAT_MEETING ? DEMO_MEETING_CHAT : `19:meeting_demo-${id}@thread.v2`;
  return `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(thread)}/0`;
}

/** 10:00 in Geneva, a number of days from a given instant, moved to the Monday when it falls on a weekend. */
function genevaMorning(nowMs: number, days: number, hour = 10): string {
  let local = addLocalDays(localParts(nowMs, GENEVA), days);
  const weekday = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay();
  if (weekday === 6) local = addLocalDays(local, 2);
  if (weekday === 0) local = addLocalDays(local, 1);
  return new Date(zonedToInstant({ ...local, hour, minute: 0 }, GENEVA)).toISOString();
}

function meeting(id: string, body: Meeting['body'], number: number, start: string, state: Meeting['state']): Meeting {
  const end = new Date(Date.parse(start) + 2 * 36e5).toISOString();
  const name = body === 'ISC-TF' ? 'Inter-Sectoral Coordination Task Force' : 'Inter-Sectoral Coordination Group';
  const joinUrl = demoJoinUrl(id);
  const teamsMeeting = teamsMeetingFromJoinUrl(joinUrl);
  return {
    id,
    body,
    number,
    title: `${ordinal(number)} meeting of the ${name}`,
    start,
    end,
    timeZone: GENEVA,
    place: body === 'ISC-TF' ? 'ITU headquarters, Geneva, and Microsoft Teams' : 'Microsoft Teams',
    joinUrl,
    // The Playground has no meetings to join: its group chat is linked up front, by the meeting's own identity.
    chatId: id === DEMO_CHAT_MEETING ? (teamsMeeting?.chatThreadId ?? null) : null,
    teamsMeeting,
    window: DEFAULT_WINDOW,
    state,
    chairId: body === 'ISC-TF' ? 'patti-fernandez' : null,
  };
}

function ordinal(n: number): string {
  const suffix =
    n % 100 >= 11 && n % 100 <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** The demo meetings: one past ISC-TF meeting, three upcoming ISC-TF meetings and one ISCG meeting. */
export function demoMeetings(nowMs: number): Meeting[] {
  return [
    meeting('isc-tf-31', 'ISC-TF', 31, genevaMorning(nowMs, -20), 'minutes-approved'),
    meeting('isc-tf-32', 'ISC-TF', 32, genevaMorning(nowMs, 12), 'scheduled'),
    meeting('iscg-9', 'ISCG', 9, genevaMorning(nowMs, 30, 13), 'scheduled'),
    meeting('isc-tf-33', 'ISC-TF', 33, genevaMorning(nowMs, 54), 'scheduled'),
    meeting('isc-tf-34', 'ISC-TF', 34, genevaMorning(nowMs, 96), 'scheduled'),
  ];
}

function dateIn(nowMs: number, days: number): string {
  return new Date(nowMs + days * 864e5).toISOString().slice(0, 10);
}

function demoActions(nowMs: number): Action[] {
  const createdAt = genevaMorning(nowMs, -20, 12);
  const action = (
    id: string,
    ownerId: string,
    ownerName: string,
    topicId: string,
    text: string,
    dueDays: number,
  ): Action => ({
    id,
    topicId,
    ownerId,
    ownerName,
    text,
    due: dateIn(nowMs, dueDays),
    status: 'open',
    sourceMeetingId: 'isc-tf-31',
    createdAt,
  });
  return [
    action(
      'isc-tf-31.a1',
      'alex-wilber',
      'Alex Wilber',
      'accessibility',
      'Share the draft ICT accessibility toolkit with TSB and BR for comments.',
      5,
    ),
    action(
      'isc-tf-31.a2',
      'alex-wilber',
      'Alex Wilber',
      'emergency-telecommunications',
      'Align BDT emergency telecom training calendar with the GS Early Warnings for All plan.',
      -3,
    ),
    action(
      'isc-tf-31.a3',
      'adele-vance',
      'Adele Vance',
      'climate-change-environmental-sustainability',
      'Propose a single ITU delegation for COP side events.',
      10,
    ),
    action(
      'isc-tf-31.a4',
      'isaiah-langer',
      'Isaiah Langer',
      'space',
      'Report on coordination of space sustainability outreach with GS.',
      8,
    ),
  ];
}

function demoPastUpdates(nowMs: number): StatusUpdate[] {
  const submittedAt = genevaMorning(nowMs, -24, 15);
  const update = (
    topicId: string,
    sector: SectorId,
    authorId: string,
    progress: string,
    nextSteps: string,
  ): StatusUpdate => ({
    id: `isc-tf-31.${topicId}.${sector}`,
    meetingId: 'isc-tf-31',
    topicId,
    sector,
    authorId,
    progress,
    nextSteps,
    escalation: { flag: false, ask: '' },
    events: [],
    noChange: false,
    submittedAt,
    late: false,
    revision: 1,
    history: [],
  });
  return [
    update(
      'accessibility',
      'BDT',
      'alex-wilber',
      'Regional accessibility workshops held in two regions; toolkit draft ready.',
      'Circulate toolkit; plan next workshop.',
    ),
    update(
      'climate-change-environmental-sustainability',
      'BDT',
      'alex-wilber',
      'Green digital action track prepared with GS.',
      'Coordinate COP participation with TSB.',
    ),
    update(
      'emergency-telecommunications',
      'BDT',
      'alex-wilber',
      'National emergency telecom plans supported in three countries.',
      'Align with Early Warnings for All.',
    ),
    update(
      'accessibility',
      'TSB',
      'adele-vance',
      'Accessibility Recommendations under revision in the study group.',
      'Joint event with BDT.',
    ),
    update(
      'space',
      'BR',
      'isaiah-langer',
      'Space sustainability outreach drafted for the regional radiocommunication seminars.',
      'Coordinate the outreach with GS.',
    ),
  ];
}

/** Seeds an empty store with the demo data; does nothing when the store already has topics. */
export async function seedDemoData(store: Store, nowMs = Date.now()): Promise<boolean> {
  const existing = await store.topics.list({ pageSize: 1 });
  if (existing.items.length > 0) return false;
  // One unit of work: a start interrupted while seeding leaves no half-seeded store (which would never be completed).
  await store.commit([
    ...DEMO_TOPICS.map((topic) => write.create('topics', topic)),
    ...DEMO_PEOPLE.map((p) => write.create('people', p)),
    ...demoAssignments().map((a) => write.create('assignments', a)),
    ...demoMeetings(nowMs).map((m) => write.create('meetings', m)),
    ...demoActions(nowMs).map((a) => write.create('actions', a)),
    ...demoPastUpdates(nowMs).map((u) => write.create('statusUpdates', u)),
    ...demoPastDocuments(nowMs).versions.map((v) => write.create('documents', v)),
  ]);
  return true;
}

/**
 * The published agenda and approved minutes of the past ISC-TF meeting, compiled from its updates and recording its
 * actions, as its cycle would have left them (its state is minutes-approved).
 */
export function demoPastDocuments(nowMs: number): PastMeetingDocuments {
  const meeting = demoMeetings(nowMs).find((m) => m.id === 'isc-tf-31');
  if (!meeting) throw new AppError('meeting.not-found', 'The demo has no meeting "isc-tf-31".');
  return pastMeetingDocuments(
    {
      meeting,
      topics: DEMO_TOPICS,
      assignments: demoAssignments(),
      people: DEMO_PEOPLE,
      updates: demoPastUpdates(nowMs),
      actions: demoActions(nowMs),
    },
    { secretariatId: 'megan-bowen', chairId: 'patti-fernandez' },
  );
}
