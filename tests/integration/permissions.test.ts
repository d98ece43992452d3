/**
 * The permission table (teams-app/domain/permissions.ts) is what the HTTP API and the bot enforce: every route and
 * every bot command and card button is tried by a person of each role, and by someone the register does not know,
 * and each is allowed or refused exactly as the table says. The API's answers to those allowed are checked against
 * the domain's response schemas.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Router } from 'express';
import type { ZodType } from 'zod';
import { refusalText } from '../../bot/permissions';
import { COMMAND_IDS, parseCommand } from '../../bot/commands';
import { CONFIRM_VERBS } from '../../bot/cards/confirm-card';
import { MEETING_VERBS } from '../../bot/cards/meeting-cards';
import { VERBS } from '../../bot/cards/status-card';
import { adminMessages, followUpMessages } from '../../bot/admin-messages';
import { collectionMessages } from '../../bot/collection-messages';
import {
  ActionPage,
  ActionView,
  AgendaVersionView,
  AppError,
  AssignmentChange,
  AssignmentList,
  AuditPage,
  DecisionPage,
  EscalationPage,
  EscalationView,
  TopicHistory,
  ChatPosition,
  CollectionOpened,
  CurrentItem,
  DeliveryReportView,
  Me,
  MeetingList,
  MeetingView,
  MinutesVersionView,
  OPERATIONS,
  PersonList,
  PersonView,
  Role,
  DelegateAnswer,
  SubmitAnswer,
  TopicList,
  TopicView,
  TrackerView,
  UpdateList,
  permits,
  requirePermission,
  type Operation,
  type Person,
} from '../../teams-app/domain';
import type { RunningServer } from '../../teams-app/server/main';
import { collectionRoutes } from '../../teams-app/server/routes/collection-routes';
import { meetingRoutes } from '../../teams-app/server/routes/meeting-routes';
import { registerRoutes } from '../../teams-app/server/routes/register-routes';
import { registerAdminRoutes } from '../../teams-app/server/routes/register-admin-routes';
import { followUpRoutes } from '../../teams-app/server/routes/follow-up-routes';
import { scheduleRoutes } from '../../teams-app/server/routes/schedule-routes';
import { ScheduleService, noCalendar } from '../../teams-app/services';
import { scheduleMessages } from '../../bot/schedule-messages';
import { recordsRoutes } from '../../teams-app/server/routes/records-routes';
import { reportRoutes } from '../../teams-app/server/routes/report-routes';
import { registerTemplate, type AnnualReportService } from '../../teams-app/services/records';
import { ImportReport } from '../../teams-app/domain/records';
import { ReportList, ReportVersionView } from '../../teams-app/domain/report';
import { CancelAnswer, RescheduleAnswer, ScheduleAnswer } from '../../teams-app/domain';
import { FollowUpService, HistoryService, RegisterAdminService, RegisterService } from '../../teams-app/services';
import { Outbox } from '../../teams-app/services/outbox';
import { seedDemoData } from '../../teams-app/store/demo/seed';
import { openSqliteStore } from '../../teams-app/store/sqlite/sqlite-store';
import type { Store } from '../../teams-app/store';
import { AAD, cardActionActivity, messageActivity, postActivity } from '../support/activities';
import { CYCLE_SEED, cycleServices } from '../support/cycle-services';
import { startTestIssuer, type TestIssuer } from '../support/jwt';
import { closeAll } from '../support/lifecycle';
import { startReplyCapture, type ReplyCapture } from '../support/reply-capture';
import { startTestServer } from '../support/server';

/** Someone calling: a person with exactly one role, or someone the register does not know. */
type Who = Role | 'unknown';
const EVERYONE: Who[] = [...Role.options, 'unknown'];

const MEETING = 'isc-tf-32';
/** The slot each test person answers for (as its focal point), so that submitting is theirs to do. */
const SLOT = { topicId: 'accessibility', sector: 'BR' } as const;
/** The action each test person owns. */
const OWN_ACTION = 'isc-tf-31.a3';
/** The topic and person the secretariat adds, changes and retires through the API. */
const NEW_TOPIC = 'permission-test-topic';
const NEW_PERSON = 'permission-test-person';
const TENANT = '11111111-2222-3333-4444-555555555555';
const CLIENT_ID = '99999999-8888-7777-6666-555555555555';
const STRANGER_AAD = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/** The person of the register who holds exactly one role. */
function personWith(role: Role, index: number): Person {
  return {
    id: `only-${role}`,
    aadObjectId: `00000000-0000-0000-0000-1000000000${String(index).padStart(2, '0')}`,
    name: `Only ${role}`,
    email: `only-${role}@example.com`,
    sector: 'BR',
    region: 'Europe',
    jobTitle: '',
    locale: 'en',
    timeZone: 'Europe/Zurich',
    outOfOffice: [],
    roles: [role],
  };
}
const ROLE_PEOPLE = new Map(Role.options.map((role, i) => [role, personWith(role, i)]));

/** The AAD object id someone signs in with. */
function aadOf(who: Who): string {
  return who === 'unknown' ? STRANGER_AAD : (ROLE_PEOPLE.get(who)?.aadObjectId ?? STRANGER_AAD);
}

/** True when the table lets `who` do `operation` (null: a command open to anyone). */
function allowedBy(who: Who, operation: Operation | null): boolean {
  if (operation === null) return true;
  return who !== 'unknown' && permits([who], operation);
}

/** The demo store with the one-role people, `who` (when a person) answering for {@link SLOT}. */
async function storeFor(who: Who): Promise<Store> {
  const store = openSqliteStore({ file: ':memory:' });
  await seedDemoData(store, Date.parse(CYCLE_SEED));
  for (const person of ROLE_PEOPLE.values()) await store.people.create(person);
  const slot = await store.assignments.get(`${SLOT.topicId}.${SLOT.sector}`);
  if (!slot) throw new Error('the demo register has no accessibility.BR slot');
  if (who !== 'unknown') await store.assignments.update({ ...slot, focalPointId: `only-${who}` }, slot.etag);
  // The action each test person owns (to update it and close it with `done 1`), and an escalation for staff.
  const action = await store.actions.get(OWN_ACTION);
  if (!action) throw new Error(`the demo register has no action ${OWN_ACTION}`);
  if (who !== 'unknown') {
    await store.actions.update({ ...action, ownerId: `only-${who}`, ownerName: `Only ${who}` }, action.etag);
  }
  await store.escalations.create({
    id: 'isc-tf-31.e1',
    meetingId: 'isc-tf-31',
    topicId: 'accessibility',
    sector: 'BR',
    ask: 'Who represents ITU at the regional accessibility forum?',
    to: 'CoCo',
    status: 'open',
    raisedAt: '2026-11-04T10:45:00.000Z',
  });
  return store;
}

/** A clock the test moves: the demo data's day, then into the meeting for the minutes. */
function testClock() {
  let now = CYCLE_SEED;
  return { now: () => now, set: (iso: string) => void (now = iso) };
}

// ---------------------------------------------------------------------------------------------------------------
// The HTTP API

/** A step of the scenario every caller goes through, one per route, in an order that makes each one possible. */
interface RouteCall {
  /** The route as the router declares it: method and path pattern. */
  route: string;
  operation: Operation;
  path: string | ((store: Store) => Promise<string>);
  /** The body, or how to make it from the store (a write that carries the version it read). */
  body?: unknown | ((store: Store) => Promise<unknown>);
  /** Sends the body as it is, with this content type (a file upload), instead of as JSON. */
  contentType?: string;
  /** The answer's schema (none for a file). */
  schema: ZodType | null;
  /** Who does the step for a caller the table refuses, so that the next steps find the meeting as they expect. */
  standIn?: 'chair' | 'secretariat';
  /** The step needs the meeting to have started (minutes). */
  afterStart?: boolean;
}

const M = `/meetings/${MEETING}`;

/** The published agenda's download path. */
async function publishedAgendaFile(store: Store): Promise<string> {
  const versions = await store.documents.all({ where: { meetingId: MEETING, kind: 'agenda', status: 'published' } });
  const file = versions[0]?.file;
  if (!file) throw new Error('no published agenda to download');
  return `/documents/${file}`;
}

const ROUTE_CALLS: RouteCall[] = [
  { route: 'GET /me', operation: 'register.read', path: '/me', schema: Me },
  { route: 'GET /topics', operation: 'register.read', path: '/topics?mine=true', schema: TopicList },
  { route: 'GET /topics/:id', operation: 'register.read', path: '/topics/accessibility', schema: TopicView },
  { route: 'GET /meetings', operation: 'register.read', path: '/meetings', schema: MeetingList },
  {
    route: 'GET /meetings',
    operation: 'register.read',
    path: `/meetings?teamsMeeting=${encodeURIComponent('19:meeting_demo-iscg-9@thread.v2')}`,
    schema: MeetingList,
  },
  { route: 'GET /meetings/:id', operation: 'register.read', path: M, schema: MeetingView },
  { route: 'GET /people', operation: 'register.read', path: '/people', schema: PersonList },
  { route: 'GET /people/:id', operation: 'register.read', path: '/people/alex-wilber', schema: PersonView },
  { route: 'GET /assignments', operation: 'register.read', path: '/assignments', schema: AssignmentList },
  {
    route: 'POST /meetings/:id/collection/open',
    operation: 'collection.open',
    path: `${M}/collection/open`,
    schema: CollectionOpened,
    standIn: 'secretariat',
  },
  {
    route: 'POST /meetings/:id/collection/retry-undeliverable',
    operation: 'collection.retry',
    path: `${M}/collection/retry-undeliverable`,
    schema: DeliveryReportView,
  },
  {
    route: 'POST /meetings/:id/updates',
    operation: 'update.submit',
    path: `${M}/updates`,
    body: { ...SLOT, progress: 'Guidelines drafted.', nextSteps: 'Review with BDT.' },
    schema: SubmitAnswer,
  },
  {
    route: 'POST /meetings/:id/updates/no-change',
    operation: 'update.submit',
    path: `${M}/updates/no-change`,
    body: { ...SLOT, baseRevision: 1 },
    schema: SubmitAnswer,
  },
  {
    route: 'POST /meetings/:id/updates/delegate',
    operation: 'update.delegate',
    path: `${M}/updates/delegate`,
    body: SLOT,
    schema: DelegateAnswer,
  },
  { route: 'GET /meetings/:id/updates', operation: 'updates.read', path: `${M}/updates`, schema: UpdateList },
  { route: 'GET /meetings/:id/tracker', operation: 'tracker.read', path: `${M}/tracker`, schema: TrackerView },
  {
    route: 'POST /meetings/:id/agenda/compile',
    operation: 'agenda.compile',
    path: `${M}/agenda/compile`,
    body: { confirm: true },
    schema: AgendaVersionView,
    standIn: 'chair',
  },
  { route: 'GET /meetings/:id/agenda', operation: 'agenda.read', path: `${M}/agenda`, schema: AgendaVersionView },
  {
    route: 'PATCH /meetings/:id/agenda',
    operation: 'agenda.edit',
    path: `${M}/agenda`,
    body: { edit: { op: 'add', item: { title: 'Coordination of regional events' } } },
    schema: AgendaVersionView,
  },
  {
    route: 'POST /meetings/:id/agenda/publish',
    operation: 'agenda.publish',
    path: `${M}/agenda/publish`,
    schema: AgendaVersionView,
    standIn: 'chair',
  },
  {
    route: 'POST /meetings/:id/current-item',
    operation: 'current-item.set',
    path: `${M}/current-item`,
    body: { item: 1 },
    schema: CurrentItem,
  },
  {
    route: 'GET /meetings/:id/current-item',
    operation: 'current-item.read',
    path: `${M}/current-item`,
    schema: ChatPosition,
  },
  { route: 'GET /documents/:meetingId/:file', operation: 'documents.read', path: publishedAgendaFile, schema: null },
  {
    route: 'POST /meetings/:id/minutes/compile',
    operation: 'minutes.compile',
    path: `${M}/minutes/compile`,
    schema: MinutesVersionView,
    standIn: 'chair',
    afterStart: true,
  },
  { route: 'GET /meetings/:id/minutes', operation: 'minutes.read', path: `${M}/minutes`, schema: MinutesVersionView },
  {
    route: 'PATCH /meetings/:id/minutes',
    operation: 'minutes.edit',
    path: `${M}/minutes`,
    body: { edit: { op: 'follow-up', actionId: 'isc-tf-31.a1', patch: { outcome: 'closed' } } },
    schema: MinutesVersionView,
  },
  {
    route: 'POST /meetings/:id/minutes/approve',
    operation: 'minutes.approve',
    path: `${M}/minutes/approve`,
    body: { confirm: true },
    schema: MinutesVersionView,
  },
  { route: 'GET /actions', operation: 'records.read', path: '/actions?status=open', schema: ActionPage },
  { route: 'GET /actions/:id', operation: 'records.read', path: `/actions/${OWN_ACTION}`, schema: ActionView },
  {
    route: 'PATCH /actions/:id',
    operation: 'action.update',
    path: `/actions/${OWN_ACTION}`,
    body: { note: 'Draft circulated to the sectors.' },
    schema: ActionView,
  },
  {
    route: 'PATCH /actions/:id',
    operation: 'action.reassign',
    path: `/actions/${OWN_ACTION}`,
    body: { ownerId: 'alex-wilber' },
    schema: ActionView,
  },
  { route: 'GET /decisions', operation: 'records.read', path: '/decisions', schema: DecisionPage },
  { route: 'GET /escalations', operation: 'records.read', path: '/escalations', schema: EscalationPage },
  {
    route: 'GET /escalations/:id',
    operation: 'records.read',
    path: '/escalations/isc-tf-31.e1',
    schema: EscalationView,
  },
  {
    route: 'PATCH /escalations/:id',
    operation: 'escalation.update',
    path: '/escalations/isc-tf-31.e1',
    body: { status: 'decided', outcome: 'BR represents ITU.' },
    schema: EscalationView,
  },
  {
    route: 'GET /topics/:id/history',
    operation: 'history.read',
    path: '/topics/accessibility/history',
    schema: TopicHistory,
  },
  {
    route: 'GET /topics/:id/history/export',
    operation: 'history.read',
    path: '/topics/accessibility/history/export?format=csv',
    schema: null,
  },
  { route: 'GET /audit', operation: 'audit.read', path: '/audit?limit=5', schema: AuditPage },
  {
    route: 'POST /topics',
    operation: 'register.edit',
    path: '/topics',
    body: { id: NEW_TOPIC, title: { en: 'Permission test topic' }, sectors: ['TSB'], leadSector: 'TSB' },
    schema: TopicView,
  },
  {
    route: 'PATCH /topics/:id',
    operation: 'register.edit',
    path: `/topics/${NEW_TOPIC}`,
    body: async (store: Store) => ({ description: 'Changed.', etag: (await store.topics.get(NEW_TOPIC))?.etag ?? '0' }),
    schema: TopicView,
  },
  {
    route: 'POST /people',
    operation: 'register.edit',
    path: '/people',
    body: {
      id: NEW_PERSON,
      name: 'Permission Test',
      email: 'permission.test@example.com',
      aadObjectId: '00000000-0000-0000-0000-400000000001',
      sector: 'TSB',
      roles: ['member'],
    },
    schema: PersonView,
  },
  {
    route: 'PUT /topics/:id/assignments/:sector',
    operation: 'register.edit',
    path: `/topics/${NEW_TOPIC}/assignments/TSB`,
    body: async (store: Store) => ({
      focalPointId: NEW_PERSON,
      etag: (await store.assignments.get(`${NEW_TOPIC}.TSB`))?.etag ?? '0',
    }),
    schema: AssignmentChange,
  },
  {
    route: 'PATCH /people/:id',
    operation: 'register.edit',
    path: `/people/${NEW_PERSON}`,
    body: async (store: Store) => ({ locale: 'fr', etag: (await store.people.get(NEW_PERSON))?.etag ?? '0' }),
    schema: PersonView,
  },
  {
    route: 'DELETE /topics/:id/assignments/:sector',
    operation: 'register.edit',
    path: `/topics/${NEW_TOPIC}/assignments/TSB`,
    body: async (store: Store) => ({ etag: (await store.assignments.get(`${NEW_TOPIC}.TSB`))?.etag ?? '0' }),
    schema: AssignmentChange,
  },
  {
    route: 'POST /people/:id/retire',
    operation: 'register.edit',
    path: `/people/${NEW_PERSON}/retire`,
    body: async (store: Store) => ({ etag: (await store.people.get(NEW_PERSON))?.etag ?? '0' }),
    schema: PersonView,
  },
  {
    route: 'POST /topics/:id/retire',
    operation: 'register.edit',
    path: `/topics/${NEW_TOPIC}/retire`,
    body: async (store: Store) => ({ etag: (await store.topics.get(NEW_TOPIC))?.etag ?? '0' }),
    schema: TopicView,
  },
  {
    route: 'POST /meetings',
    operation: 'meeting.schedule',
    path: '/meetings',
    body: { body: 'ISCG', number: 10, start: '2027-02-15T14:00', end: '2027-02-15T16:00', timeZone: 'Europe/Zurich' },
    schema: ScheduleAnswer,
    standIn: 'secretariat',
  },
  {
    route: 'PATCH /meetings/:id',
    operation: 'meeting.reschedule',
    path: '/meetings/iscg-10',
    body: { start: '2027-02-16T14:00', end: '2027-02-16T16:00' },
    schema: RescheduleAnswer,
  },
  {
    route: 'POST /meetings/:id/cancel',
    operation: 'meeting.cancel',
    path: '/meetings/iscg-10/cancel',
    body: { reason: 'Moved to the next session' },
    schema: CancelAnswer,
  },
  { route: 'GET /register/template', operation: 'records.export', path: '/register/template?format=csv', schema: null },
  {
    route: 'POST /register/import',
    operation: 'register.import',
    path: '/register/import?dryRun=true',
    contentType: 'text/csv',
    body: async () => (await registerTemplate('csv', 'en')).content.toString('utf8'),
    schema: ImportReport,
  },
  { route: 'GET /exports/:what', operation: 'records.export', path: '/exports/actions?format=csv', schema: null },
  { route: 'GET /exports/:what', operation: 'audit.export', path: '/exports/audit?format=csv', schema: null },
  {
    route: 'GET /meetings/:id/tracker/export',
    operation: 'records.export',
    path: `/meetings/${MEETING}/tracker/export?format=csv`,
    schema: null,
  },
  {
    route: 'POST /reports/annual',
    operation: 'report.compile',
    path: '/reports/annual',
    body: { lang: 'en' },
    schema: ReportVersionView,
    standIn: 'secretariat',
  },
  { route: 'GET /reports', operation: 'report.read', path: '/reports', schema: ReportList },
  { route: 'GET /reports/:id', operation: 'report.read', path: reportPath(''), schema: ReportVersionView },
  { route: 'GET /reports/:id/file', operation: 'report.read', path: reportPath('/file'), schema: null },
  {
    route: 'POST /reports/:id/publish',
    operation: 'report.publish',
    path: reportPath('/publish'),
    schema: ReportVersionView,
  },
];

/** The path of the newest annual report version (drafted by an earlier step), with `suffix`. */
function reportPath(suffix: string): (store: Store) => Promise<string> {
  return async (store) => {
    const reports = await store.documents.all({ where: { kind: 'report' } });
    const newest = reports.sort((a, b) => b.version - a.version)[0];
    if (!newest) throw new Error('no annual report was drafted');
    return `/reports/${newest.id}${suffix}`;
  };
}

/** Every route a router declares, as "METHOD /path". */
function routesOf(router: Router): string[] {
  return router.stack.flatMap((layer) =>
    layer.route ? [...new Set(layer.route.stack.map((l) => `${l.method.toUpperCase()} ${layer.route?.path}`))] : [],
  );
}

describe('the HTTP API follows the permission table', () => {
  let issuer: TestIssuer;
  let dataDir: string;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-permissions-'));
  });
  afterAll(async () => {
    await closeAll(issuer?.close());
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('tries every route of the API', async () => {
    const store = openSqliteStore({ file: ':memory:' });
    try {
      const { collection, meetings, chats } = cycleServices(store, dataDir, () => CYCLE_SEED);
      const register = new RegisterService(store);
      const now = () => CYCLE_SEED;
      const admin = new RegisterAdminService({
        store,
        register,
        outbox: new Outbox(store),
        messages: collectionMessages,
        adminMessages,
        now,
      });
      const declared = [
        ...routesOf(registerRoutes(register, now)),
        ...routesOf(collectionRoutes(collection)),
        ...routesOf(
          scheduleRoutes(
            new ScheduleService({
              store,
              outbox: new Outbox(store),
              messages: scheduleMessages,
              calendar: noCalendar,
              now,
            }),
          ),
        ),
        ...routesOf(meetingRoutes(meetings, chats)),
        ...routesOf(registerAdminRoutes(admin)),
        ...routesOf(
          followUpRoutes(
            new FollowUpService({ store, outbox: new Outbox(store), messages: followUpMessages, now }),
            new HistoryService(store),
          ),
        ),
        ...routesOf(
          recordsRoutes({
            store,
            now,
            tracker: (id, caller) => collection.tracker(id, caller),
            followRegisterChanges: (changes, actorId) => admin.followChanges(changes, actorId),
          }),
        ),
        // Only the declared routes are read: the service is never called.
        ...routesOf(reportRoutes({} as AnnualReportService, now)),
      ];
      expect([...new Set(ROUTE_CALLS.map((call) => call.route))].sort()).toEqual(declared.sort());
    } finally {
      await store.close();
    }
  });

  it('exercises every operation of the table through the API or the bot', () => {
    const exercised = new Set<Operation>([
      ...ROUTE_CALLS.map((call) => call.operation),
      ...BOT_TURNS.flatMap((turn) => (turn.operation ? [turn.operation] : [])),
    ]);
    expect(OPERATIONS.filter((operation) => !exercised.has(operation))).toEqual([]);
  });

  it.each(EVERYONE)('allows %s exactly what the table allows, and answers in the shape of its schema', async (who) => {
    const clock = testClock();
    const store = await storeFor(who);
    let server: RunningServer | undefined;
    try {
      server = await startTestServer({
        store,
        now: clock.now,
        env: {
          MICROSOFT_APP_ID: 'bot-app-id',
          MICROSOFT_APP_PASSWORD: 'bot-secret',
          MICROSOFT_APP_TENANT_ID: TENANT,
          AAD_CLIENT_ID: CLIENT_ID,
          JWKS_URL: issuer.jwksUrl,
          DATA_DIR: path.join(dataDir, who),
        },
      });
      const url = server.url;
      const token = (aad: string) =>
        issuer.sign({
          aud: CLIENT_ID,
          iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
          tid: TENANT,
          oid: aad,
          scp: 'access_as_user',
        });
      const call = async (step: RouteCall, aad: string, target: string) => {
        const [method] = step.route.split(' ');
        const body = typeof step.body === 'function' ? await step.body(store) : step.body;
        const res = await fetch(`${url}/api/v1${target}`, {
          method,
          headers: {
            authorization: `Bearer ${await token(aad)}`,
            'content-type': step.contentType ?? 'application/json',
          },
          body: body === undefined ? undefined : step.contentType ? String(body) : JSON.stringify(body),
        });
        const json = (res.headers.get('content-type') ?? '').includes('json');
        return { status: res.status, body: json ? ((await res.json()) as any) : null };
      };

      const start = (await store.meetings.get(MEETING))?.start;
      if (!start) throw new Error(`demo meeting ${MEETING} missing`);
      const outcomes: Record<string, 'allowed' | 'refused'> = {};
      const expected: Record<string, 'allowed' | 'refused'> = {};
      const problems: string[] = [];
      for (const step of ROUTE_CALLS) {
        if (step.afterStart) clock.set(new Date(Date.parse(start) + 30 * 60_000).toISOString());
        const target = typeof step.path === 'string' ? step.path : await step.path(store);
        const { status, body } = await call(step, aadOf(who), target);
        const refused = status === 403 && body?.error?.code === 'auth.forbidden';
        outcomes[step.route] = refused ? 'refused' : 'allowed';
        expected[step.route] = allowedBy(who, step.operation) ? 'allowed' : 'refused';
        if (!refused && (status < 200 || status > 299)) problems.push(`${step.route}: ${status} ${body?.error?.code}`);
        if (!refused && step.schema && status < 300) {
          const parsed = step.schema.safeParse(body);
          if (!parsed.success)
            problems.push(`${step.route}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.message}`);
        }
        if (refused && step.standIn) {
          const done = await call(step, step.standIn === 'chair' ? AAD.patti : AAD.megan, target);
          if (done.status >= 300) problems.push(`${step.route} by the ${step.standIn}: ${done.status}`);
        }
      }
      expect(outcomes).toEqual(expected);
      expect(problems).toEqual([]);
    } finally {
      await closeAll(server?.close());
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The bot

/** A command typed to the bot, or a click on a card button, and the operation the table gates it by. */
interface BotTurn {
  name: string;
  operation: Operation | null;
  command?: string;
  /** Typed in a group chat instead of the 1:1 chat. */
  inChat?: boolean;
  verb?: string;
  data?: Record<string, unknown>;
}

const SLOT_DATA = { meetingId: MEETING, ...SLOT };

const BOT_TURNS: BotTurn[] = [
  { name: 'help', command: 'help', operation: null },
  { name: 'language', command: 'language en', operation: null },
  { name: 'my topics', command: 'my topics', operation: 'register.read' },
  { name: 'open', command: 'open 32', operation: 'collection.open' },
  { name: 'update', command: 'update accessibility', operation: 'update.submit' },
  { name: 'status', command: 'status 32', operation: 'tracker.read' },
  { name: VERBS.submit, verb: VERBS.submit, data: { ...SLOT_DATA, progress: 'Drafted.' }, operation: 'update.submit' },
  { name: VERBS.noChange, verb: VERBS.noChange, data: { ...SLOT_DATA, baseRevision: 1 }, operation: 'update.submit' },
  { name: VERBS.edit, verb: VERBS.edit, data: SLOT_DATA, operation: 'update.submit' },
  {
    name: CONFIRM_VERBS.retryUndeliverable,
    verb: CONFIRM_VERBS.retryUndeliverable,
    data: { meetingId: MEETING },
    operation: 'collection.retry',
  },
  { name: 'agenda compile', command: 'agenda compile 32', operation: 'agenda.compile' },
  {
    name: CONFIRM_VERBS.compileAgenda,
    verb: CONFIRM_VERBS.compileAgenda,
    data: { meetingId: MEETING },
    operation: 'agenda.compile',
  },
  { name: 'agenda', command: 'agenda 32', operation: 'agenda.read' },
  {
    name: MEETING_VERBS.publishAgenda,
    verb: MEETING_VERBS.publishAgenda,
    data: { meetingId: MEETING },
    operation: 'agenda.publish',
  },
  { name: 'minutes', command: 'minutes 32', operation: 'minutes.compile' },
  {
    name: MEETING_VERBS.moveEntry,
    verb: MEETING_VERBS.moveEntry,
    data: { meetingId: MEETING, entryId: 'entry-1', item: '1', revision: 1 },
    operation: 'minutes.edit',
  },
  {
    name: MEETING_VERBS.acceptNotes,
    verb: MEETING_VERBS.acceptNotes,
    data: { meetingId: MEETING, recordIds: 'record-1', revision: 1 },
    operation: 'minutes.edit',
  },
  {
    name: MEETING_VERBS.approveMinutes,
    verb: MEETING_VERBS.approveMinutes,
    data: { meetingId: MEETING },
    operation: 'minutes.approve',
  },
  {
    name: CONFIRM_VERBS.approveMinutes,
    verb: CONFIRM_VERBS.approveMinutes,
    data: { meetingId: MEETING },
    operation: 'minutes.approve',
  },
  { name: 'meeting', command: 'meeting 32', inChat: true, operation: 'chat.link' },
  { name: VERBS.delegate, verb: VERBS.delegate, data: SLOT_DATA, operation: 'update.delegate' },
  { name: 'done', command: 'done 1', operation: 'action.update' },
];

/** Every sentence with which the bot or a service refuses for lack of permission, in English. */
function permissionRefusals(): string[] {
  const sentences = new Set<string>();
  for (const operation of OPERATIONS) {
    sentences.add(refusalText(operation, null, { locale: 'en' }));
    sentences.add(refusalText(operation, { roles: [] }, { locale: 'en' }));
    for (const caller of [null, { roles: [] }]) {
      try {
        requirePermission(caller, operation);
      } catch (error) {
        if (error instanceof AppError) sentences.add(error.message);
      }
    }
  }
  return [...sentences];
}

/** The text a reply shows (messages and every text of its cards), with Markdown escapes removed. */
function shownText(value: unknown): string {
  return JSON.stringify(value ?? null)
    .replace(/\\\\/g, '')
    .replace(/&amp;/g, '&');
}

describe('the bot follows the permission table', () => {
  const refusals = permissionRefusals();

  it('tries every command of the registry and every card button', () => {
    const commands = BOT_TURNS.flatMap((turn) =>
      turn.command ? [parseCommand(turn.command, turn.inChat ? 'chat' : 'personal')?.id] : [],
    );
    expect([...new Set(commands)].sort()).toEqual([...COMMAND_IDS].sort());
    const verbs = BOT_TURNS.flatMap((turn) => (turn.verb ? [turn.verb] : []));
    const buttons = [...Object.values(VERBS), ...Object.values(CONFIRM_VERBS), ...Object.values(MEETING_VERBS)];
    expect(verbs.sort()).toEqual(buttons.sort());
  });

  it.each(EVERYONE)('allows %s exactly what the table allows, and refuses the rest in words', async (who) => {
    const store = await storeFor(who);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-permissions-bot-'));
    let server: RunningServer | undefined;
    let connector: ReplyCapture | undefined;
    try {
      server = await startTestServer({ store, now: () => CYCLE_SEED, env: { DATA_DIR: dataDir } });
      connector = await startReplyCapture();
      const from = { aad: aadOf(who), name: who === 'unknown' ? 'Visitor' : `Only ${who}` };
      const outcomes: Record<string, 'allowed' | 'refused'> = {};
      const expected: Record<string, 'allowed' | 'refused'> = {};
      for (const turn of BOT_TURNS) {
        connector.activities.length = 0;
        let reply: unknown;
        if (turn.verb) {
          const res = await postActivity(
            server.url,
            cardActionActivity(connector.serviceUrl, turn.verb, turn.data ?? {}, from),
          );
          reply = await res.json();
        } else {
          const chat = turn.inChat ? { conversationId: '19:permissions@thread.v2', conversationType: 'groupChat' } : {};
          const text = turn.inChat ? `<at>ISC Coordinator</at> ${turn.command}` : (turn.command ?? '');
          const res = await postActivity(server.url, messageActivity(connector.serviceUrl, text, { ...from, ...chat }));
          expect(res.status).toBeLessThan(300);
          reply = (await connector.waitFor(1)).map((activity) => activity.body);
        }
        const text = shownText(reply);
        outcomes[turn.name] = refusals.some((sentence) => text.includes(sentence)) ? 'refused' : 'allowed';
        expected[turn.name] = allowedBy(who, turn.operation) ? 'allowed' : 'refused';
      }
      expect(outcomes).toEqual(expected);
    } finally {
      await closeAll(server?.close(), connector?.close());
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('what the table changed for members and observers in the bot', () => {
  let server: RunningServer | undefined;
  let connector: ReplyCapture | undefined;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-permissions-members-'));
    server = await startTestServer({
      store: await storeFor('member'),
      now: () => CYCLE_SEED,
      env: { DATA_DIR: dataDir },
    });
    connector = await startReplyCapture();
  });
  afterAll(async () => {
    await closeAll(server?.close(), connector?.close());
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** What the bot answers the person signed in as `aad` in the 1:1 chat, as the text it shows. */
  async function ask(text: string, aad: string): Promise<string> {
    if (!server || !connector) throw new Error('the server did not start');
    connector.activities.length = 0;
    const res = await postActivity(server.url, messageActivity(connector.serviceUrl, text, { aad, name: 'Someone' }));
    expect(res.status).toBeLessThan(300);
    return shownText((await connector.waitFor(1)).map((activity) => activity.body));
  }

  it('shows a member the collection tracker on "status", as the tab does', async () => {
    expect(await ask('status 32', aadOf('member'))).toContain('Collection tracker: 32nd meeting');
    expect(await ask('status 32', aadOf('observer'))).toContain('Collection tracker: 32nd meeting');
  });

  it('tells a member there is no agenda yet instead of compiling one, and shows it once staff compiled it', async () => {
    const before = await ask('agenda 32', aadOf('member'));
    expect(before).toContain('No agenda has been compiled for this meeting yet.');
    // The chair is asked to confirm (collection has not run), and confirms.
    expect(await ask('agenda compile 32', AAD.patti)).toContain(CONFIRM_VERBS.compileAgenda);
    if (!server || !connector) throw new Error('the server did not start');
    const confirmed = await postActivity(
      server.url,
      cardActionActivity(connector.serviceUrl, CONFIRM_VERBS.compileAgenda, { meetingId: MEETING }, { aad: AAD.patti }),
    );
    expect(confirmed.status).toBe(200);
    expect(await ask('agenda 32', aadOf('member'))).toContain('Draft agenda: 32nd meeting');
  });
});
