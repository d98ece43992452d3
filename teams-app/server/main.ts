/**
 * The composition root: reads the configuration, opens the store, wires services, bot and HTTP
 * server. The only module that knows every adapter.
 */
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { lazyAdapterSender, lazyBotAdapter } from '../../bot/adapter-lazy';
import { IscBot } from '../../bot/handler';
import { CollectionService, ConversationService, RegisterService, Scheduler } from '../services';
import { Outbox, OutboxWorker, RateLimiter, TEAMS_LIMITS, shareGlobalLimits, systemClock } from '../services/outbox';
import { chatReading } from '../../bot/chat-reading';
import { addCollectionHandlers } from '../../bot/collection-handlers';
import { collectionMessagesFor } from '../../bot/collection-messages';
import { collectionRoutes } from './routes/collection-routes';
import { meetingRoutes } from './routes/meeting-routes';
import { scheduleRoutes } from './routes/schedule-routes';
import { scheduleMessages } from '../../bot/schedule-messages';
import { ScheduleService } from '../services';
import type { GraphApi } from '../graph';
import { microsoft365, openGraph, type Microsoft365 } from './microsoft365';
import { registerAdminRoutes } from './routes/register-admin-routes';
import { followUpRoutes } from './routes/follow-up-routes';
import { recordsRoutes } from './routes/records-routes';
import { reportRoutes } from './routes/report-routes';
import { withPublicRegister } from './public-register';
import { AnnualReportService } from '../services/records';
import { adminMessages, followUpMessages } from '../../bot/admin-messages';
import { addFollowUpCommands } from '../../bot/follow-up-commands';
import { FollowUpService, HistoryService, RegisterAdminService } from '../services';
import { addMeetingHandlers, meetingMessages } from '../../bot/meeting-handlers';
import { MeetingChatService, MeetingService } from '../services';
import { localFileStore } from '../store/local-files';
import { seedDemoData } from '../store/demo/seed';
import { openSqliteStore } from '../store/sqlite/sqlite-store';
import { composeStores, type FileStore, type Store } from '../store';
import type { AzureOperationalStore, AzureOutboxQueue } from '../store/azure';
import { alwaysLeader, type LeaderElection } from '../services/leader';
import { createApp } from './app';
import { botTenants, tenantGate } from './bot-tenants';
import { createTokenVerifier } from './auth';
import { ConfigError, describeConfig, loadConfig, type Config } from './config';
import { createLogger, type Logger } from './logger';

/** A running server. */
export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  logger: Logger;
  worker: OutboxWorker;
  /** Whether this instance runs the scheduler (always on the embedded store; elected by a blob lease on Azure). */
  leader: LeaderElection;
  /** The instance's one Graph layer (store, library, calendar, mailboxes, attendance), when Graph is configured. */
  graph?: GraphApi;
  close(): Promise<void>;
}

/** Options used by tests and benchmarks to run the real server in-process. */
export interface StartOptions {
  store?: Store;
  logger?: Logger;
  now?: () => string;
  host?: string;
  tabDir?: string;
  files?: FileStore;
  /** The day the demo data is laid out around (meetings are relative to it); default now. */
  seedAt?: string;
  /** Run the scheduler and the outbox worker (default true; tests drive them by hand). */
  background?: boolean;
  /** The Microsoft 365 calendar, mailboxes and attendance reports (tests); default: from the configuration. */
  microsoft365?: Microsoft365;
}

export type { Microsoft365 } from './microsoft365';

/** The .docx renderers, loaded when a document is first rendered: docx is large and only publishing needs it. */
const documents = () => import('../documents');

/** How long closing waits for requests under way before it ends their connections. */
const CLOSE_GRACE_MS = 5000;
/** How often closing looks for connections whose request has ended. */
const CLOSE_POLL_MS = 50;

/** The Bot Connector request timeout: 30 s, or less with a short outbox lease, which a send must never outlive. */
function senderTimeoutMs(leaseMs: number): number {
  return Math.min(30_000, Math.floor(leaseMs / 2));
}

/** Starts the whole app with a configuration; resolves when it listens. */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  // Listen first so the public URL is known when the port is chosen by the system (PORT=0 in tests).
  const server = http.createServer();
  const host = options.host ?? (config.mode === 'local' ? '127.0.0.1' : '0.0.0.0');
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, host, () => resolve());
  });
  try {
    return await wireServer(server, config, options, logger);
  } catch (error) {
    // Wiring failed after listening (a store, Graph or Azure Storage that would not open): free the port.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
}

/** Wires the app onto a server already listening: stores, services, bot, routes, outbox worker and scheduler. */
async function wireServer(
  server: http.Server,
  config: Config,
  options: StartOptions,
  logger: Logger,
): Promise<RunningServer> {
  const port = (server.address() as AddressInfo).port;
  const publicUrl =
    config.port === 0 && config.publicUrl.endsWith(':0') ? `http://localhost:${port}` : config.publicUrl;
  const now = options.now ?? (() => new Date().toISOString());
  // One Graph layer for the whole instance, so the SharePoint store, the library and the calendar share one budget.
  const graph = await openGraph(config);
  const opened = options.store ? { store: options.store } : await openStore(config, logger, graph);
  const store = opened.store;
  // OPS_STORE=azure: the outbox's work travels through Azure Queue Storage and a blob lease elects the scheduler.
  const scaleOut =
    'operational' in opened && opened.operational
      ? await openScaleOut(config, opened.operational, now, logger)
      : undefined;
  if (config.seedDemo && (await seedDemoData(store, options.seedAt ? Date.parse(options.seedAt) : Date.now()))) {
    logger.info('seeded the store with demo data');
  }

  const register = new RegisterService(store);
  const conversations = new ConversationService(store);
  const bot = new IscBot({
    register,
    conversations,
    tabUrl: publicUrl,
    teamsAppId: config.teamsAppId,
    now,
    log: logger,
    tenantAllowed: tenantGate(botTenants(config)),
    async savePersonLocale(person, locale) {
      const { etag, ...record } = person;
      await store.people.update({ ...record, locale }, etag);
    },
  });
  // The services queue on the same clock as the worker that delivers (a shifted clock in tests).
  const outbox = new Outbox(store, { now: () => Date.parse(now()), ...(scaleOut ? { queue: scaleOut.queue } : {}) });
  const m365 = options.microsoft365 ?? (await microsoft365(config, logger, graph, store));
  const collection = new CollectionService({
    store,
    register,
    outbox,
    messages: collectionMessagesFor(bot.tabLinks),
    now,
    ...(m365.outOfOffice ? { outOfOffice: m365.outOfOffice } : {}),
  });
  const schedule = new ScheduleService({
    store,
    outbox,
    messages: scheduleMessages,
    calendar: m365.calendar,
    now,
    log: logger,
  });
  addCollectionHandlers(bot, collection, register);
  const registerAdmin = new RegisterAdminService({
    store,
    register,
    outbox,
    messages: collectionMessagesFor(bot.tabLinks),
    adminMessages,
    now,
  });
  const followUp = new FollowUpService({ store, outbox, messages: followUpMessages, now });
  addFollowUpCommands(bot, followUp, now);
  const chats = new MeetingChatService(store, now, chatReading(config.botName));
  const meetings = new MeetingService({
    store,
    files: options.files ?? opened.files ?? localFileStore(path.join(config.dataDir, 'documents')),
    render: {
      agenda: async (agenda, locale) => (await documents()).agendaDocx(agenda, { locale }),
      addendum: async (agenda, locale) => (await documents()).addendumDocx(agenda, { locale }),
      minutes: async (minutes, locale, draft) => (await documents()).minutesDocx(minutes, { locale, draft }),
    },
    messages: meetingMessages(bot.tabLinks),
    outbox,
    publicUrl,
    now,
    chat: chats,
    ...(m365.attendance ? { attendance: m365.attendance } : {}),
  });
  addMeetingHandlers(bot, meetings, chats, collection);
  // botbuilder loads on the first bot request or proactive send, not at start (bot/adapter-lazy.ts).
  const adapter = lazyBotAdapter(config.bot, (error) => logger.error({ err: error }, 'bot turn failed'));
  const verifyToken = config.sso.clientId
    ? createTokenVerifier({
        clientId: config.sso.clientId,
        appIdUri: config.sso.appIdUri,
        allowedTenants: config.sso.allowedTenants,
        jwksUrl: config.sso.jwksUrl,
      })
    : undefined;

  const reports = new AnnualReportService({
    store,
    files: options.files ?? opened.files ?? localFileStore(path.join(config.dataDir, 'documents')),
    render: async (report, draft) => (await documents()).annualReportDocx(report, { draft }),
    now,
  });

  const app = createApp({
    mode: config.mode,
    store,
    register,
    logger,
    now,
    identity: { devUser: config.devUser, verifyToken },
    ...(scaleOut ? { outboxStatus: () => scaleOut.queue.status() } : {}),
    apiRouters: [
      scheduleRoutes(schedule),
      collectionRoutes(collection),
      meetingRoutes(meetings, chats),
      registerAdminRoutes(registerAdmin),
      followUpRoutes(followUp, new HistoryService(store)),
      recordsRoutes({
        store,
        now,
        tracker: (meetingId, caller) => collection.tracker(meetingId, caller),
        followRegisterChanges: (changes, actorId) => registerAdmin.followChanges(changes, actorId),
      }),
      reportRoutes(reports, now),
    ],
    botEndpoint: (request) => adapter.process(request, (turn) => bot.onTurn(turn)),
    tabDir: options.tabDir ?? path.resolve(__dirname, '../../dist/tab'),
  });

  const sender = lazyAdapterSender(config.bot, { timeoutMs: senderTimeoutMs(config.outbox.leaseMs) });
  const worker = new OutboxWorker({
    store,
    // The worker reads the same clock as the services that queue its messages (a shifted clock in tests).
    ...(options.now ? { clock: { ...systemClock, now: () => Date.parse(now()) } } : {}),
    sender,
    // Several instances share the app's Teams budget: each takes its part of the 50 requests/s.
    limiter: scaleOut?.limiter ?? new RateLimiter({ limits: shareGlobalLimits(TEAMS_LIMITS, config.outbox.instances) }),
    // A work queue says nothing when items arrive: it is asked four times a second (an empty receive is cheap).
    ...(scaleOut ? { source: scaleOut.queue, pollMs: 250 } : {}),
    leaseMs: config.outbox.leaseMs,
    onProgress: (event) => {
      if (event.type === 'error') logger.error({ err: event.error }, 'outbox worker error');
      else if (event.type !== 'sent')
        logger.warn({ outbox: event.message.id, kind: event.type, reason: event.message.lastError }, 'outbox delivery');
    },
  });
  const scheduler = new Scheduler(
    [
      {
        name: 'collection',
        pattern: '* * * * *',
        run: async () => ({ ...(await collection.tick()), ...(await meetings.reconcile()) }),
      },
      // Events moved or cancelled in Outlook move or cancel their meetings (nothing to follow without a calendar).
      ...(m365.calendar.kind === 'none'
        ? []
        : [{ name: 'calendar', pattern: '* * * * *', run: () => schedule.syncCalendar() }]),
    ],
    logger,
  );
  const leader = scaleOut?.leader ?? alwaysLeader();
  if (options.background !== false) {
    if (scaleOut) {
      await scaleOut.queue.start();
      // One of several instances may be handed a fan-out's partition at any moment: the Bot Framework SDK is loaded
      // now, in the background, rather than by the first send (where it would hold that send and its lanes).
      sender.warm().catch((error: unknown) => logger.warn({ err: error }, 'bot sender not loaded ahead'));
    }
    worker.start();
    leader.start((leading) => {
      // One line per change of hands, so operators (and the scale-out tests) can tell which instance schedules.
      logger.info(
        { leader: leading },
        leading ? 'this instance runs the scheduler' : 'this instance stopped the scheduler',
      );
      return leading ? scheduler.start() : scheduler.stop();
    });
  }

  server.on('request', config.publicRegister ? withPublicRegister(app, register) : app);
  return {
    url: `http://localhost:${port}`,
    port,
    store,
    logger,
    worker,
    leader,
    ...(graph ? { graph } : {}),
    async close() {
      await leader.stop();
      await scheduler.stop();
      await worker.stop();
      await scaleOut?.queue.stop();
      // Stop accepting and end the idle keep-alive connections; a connection with a request under way is ended
      // once its response is sent (Node would keep it open for keepAliveTimeout), and any still busy after the
      // grace period is cut, so close never waits on a client.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const idle = setInterval(() => server.closeIdleConnections(), CLOSE_POLL_MS);
      const cutOff = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      await closed;
      clearInterval(idle);
      clearTimeout(cutOff);
      await store.close();
    },
  };
}

/**
 * The store of the configuration, and the file store that goes with it when it is not the local folder:
 * STORE=sharepoint keeps the records in the site's lists and the documents in its library (Graph loaded only
 * then), joined with the embedded SQLite store for the operational data.
 */
export async function openStore(
  config: Config,
  logger: Logger,
  graph?: GraphApi,
): Promise<{ store: Store; files?: FileStore; operational?: AzureOperationalStore }> {
  const sqlite = openSqliteStore({ file: path.join(config.dataDir, 'isc-coordinator.sqlite') });
  // OPS_STORE=azure: the operational data on Azure Table Storage (the Azure SDKs loaded only then).
  const operational =
    config.operational.store === 'azure'
      ? await (await import('../store/azure')).openAzureOperationalStore(config.operational)
      : undefined;
  if (config.store !== 'sharepoint') {
    return operational ? { store: composeStores(sqlite, operational), operational } : { store: sqlite };
  }
  const { openSharePoint } = await import('../store/sharepoint/open-sharepoint');
  const { business, files } = await openSharePoint({
    baseUrl: config.sharepoint.graphBaseUrl,
    siteId: config.sharepoint.siteId ?? '',
    credentials: config.sharepoint.credentials,
    emulatorToken: config.sharepoint.emulatorToken,
    budgetPerMinute: config.sharepoint.budgetPerMinute,
    onError: (error) => logger.warn({ err: error }, 'SharePoint change poll failed'),
    ...(graph ? { graph } : {}),
  });
  return { store: composeStores(business, operational ?? sqlite), files, ...(operational ? { operational } : {}) };
}

/**
 * Starts the server from the environment and stops it on SIGINT/SIGTERM (npm run serve, dist/server/main.js);
 * resolves with the running server once it listens.
 */
export async function main(): Promise<RunningServer> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(2);
  }
  const running = await startServer(config);
  running.logger.info({ config: describeConfig(config) }, 'configuration');
  if (config.mode === 'local') {
    running.logger.warn(
      'LOCAL MODE: no bot or SSO credentials are configured; the API accepts the dev identity and the bot endpoint accepts unauthenticated activities, from loopback only.',
    );
  }
  running.logger.info({ url: running.url }, `ISC Coordinator listening on ${running.url}`);
  const stop = async (signal: string) => {
    running.logger.info({ signal }, 'shutting down');
    await running.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return running;
}

if (require.main === module) {
  main().catch((error) => {
    console.error('ISC Coordinator could not start:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

/** The parts that let several instances share the work on Azure Storage. */
interface ScaleOut {
  queue: AzureOutboxQueue;
  limiter: RateLimiter;
  leader: LeaderElection;
}

/**
 * The queue outbox (partitions by conversation, the app's 50/s shared by the partitions each instance serves) and
 * the blob-lease leader of the scheduler, on the Azure Storage account of the operational store.
 */
async function openScaleOut(
  config: Config,
  operational: AzureOperationalStore,
  now: () => string,
  logger: Logger,
): Promise<ScaleOut | undefined> {
  if (config.operational.store !== 'azure') return undefined;
  const { AzureOutboxQueue, openBlobLeaseLeader } = await import('../store/azure');
  const limiter = new RateLimiter({ limits: TEAMS_LIMITS });
  const onError = (error: unknown) => logger.warn({ err: error }, 'azure storage coordination');
  const queue = await AzureOutboxQueue.open({
    ...config.operational,
    outbox: operational.outbox,
    limiter,
    leaseMs: config.outbox.leaseMs,
    now: () => Date.parse(now()),
    onError,
    onPoison: (event) => logger.error(event, 'outbox work item moved to the dead-letter queue'),
  });
  const leader = await openBlobLeaseLeader({ ...config.operational, onError });
  return { queue, limiter, leader };
}
