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
import { Outbox, OutboxWorker, systemClock } from '../services/outbox';
import { chatReading } from '../../bot/chat-reading';
import { addCollectionHandlers } from '../../bot/collection-handlers';
import { collectionMessages } from '../../bot/collection-messages';
import { collectionRoutes } from './routes/collection-routes';
import { meetingRoutes } from './routes/meeting-routes';
import { addMeetingHandlers, meetingMessages } from '../../bot/meeting-handlers';
import { MeetingChatService, MeetingService } from '../services';
import { localFileStore } from '../store/local-files';
import { seedDemoData } from '../store/demo/seed';
import { openSqliteStore } from '../store/sqlite/sqlite-store';
import type { FileStore, Store } from '../store';
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
}

/** The .docx renderers, loaded when a document is first rendered: docx is large and only publishing needs it. */
const documents = () => import('../documents');

/** How long closing waits for requests under way before it ends their connections. */
const CLOSE_GRACE_MS = 5000;
/** How often closing looks for connections whose request has ended. */
const CLOSE_POLL_MS = 50;

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
  const port = (server.address() as AddressInfo).port;
  const publicUrl =
    config.port === 0 && config.publicUrl.endsWith(':0') ? `http://localhost:${port}` : config.publicUrl;
  const now = options.now ?? (() => new Date().toISOString());
  const store = options.store ?? openStore(config);
  if (config.seedDemo && (await seedDemoData(store, options.seedAt ? Date.parse(options.seedAt) : Date.now()))) {
    logger.info('seeded the store with demo data');
  }

  const register = new RegisterService(store);
  const conversations = new ConversationService(store);
  const bot = new IscBot({
    register,
    conversations,
    tabUrl: publicUrl,
    now,
    log: logger,
    tenantAllowed: tenantGate(botTenants(config)),
    async savePersonLocale(person, locale) {
      const { etag, ...record } = person;
      await store.people.update({ ...record, locale }, etag);
    },
  });
  // The services queue on the same clock as the worker that delivers (a shifted clock in tests).
  const outbox = new Outbox(store, { now: () => Date.parse(now()) });
  const collection = new CollectionService({ store, register, outbox, messages: collectionMessages, now });
  addCollectionHandlers(bot, collection, register);
  const chats = new MeetingChatService(store, now, chatReading(config.botName));
  const meetings = new MeetingService({
    store,
    files: options.files ?? localFileStore(path.join(config.dataDir, 'documents')),
    render: {
      agenda: async (agenda, locale) => (await documents()).agendaDocx(agenda, { locale }),
      addendum: async (agenda, locale) => (await documents()).addendumDocx(agenda, { locale }),
      minutes: async (minutes, locale, draft) => (await documents()).minutesDocx(minutes, { locale, draft }),
    },
    messages: meetingMessages(publicUrl),
    outbox,
    publicUrl,
    now,
    chat: chats,
  });
  addMeetingHandlers(bot, meetings, chats, collection, publicUrl);
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

  const app = createApp({
    mode: config.mode,
    store,
    register,
    logger,
    now,
    identity: { devUser: config.devUser, verifyToken },
    apiRouters: [collectionRoutes(collection), meetingRoutes(meetings, chats)],
    botEndpoint: (request) => adapter.process(request, (turn) => bot.onTurn(turn)),
    tabDir: options.tabDir ?? path.resolve(__dirname, '../../dist/tab'),
  });

  const worker = new OutboxWorker({
    store,
    // The worker reads the same clock as the services that queue its messages (a shifted clock in tests).
    ...(options.now ? { clock: { ...systemClock, now: () => Date.parse(now()) } } : {}),
    sender: lazyAdapterSender(config.bot),
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
    ],
    logger,
  );
  if (options.background !== false) {
    worker.start();
    scheduler.start();
  }

  server.on('request', app);
  return {
    url: `http://localhost:${port}`,
    port,
    store,
    logger,
    worker,
    async close() {
      await scheduler.stop();
      await worker.stop();
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

function openStore(config: Config): Store {
  if (config.store === 'sharepoint') {
    throw new ConfigError([
      'STORE=sharepoint: the SharePoint store adapter is not available in this build; use STORE=sqlite.',
    ]);
  }
  return openSqliteStore({ file: path.join(config.dataDir, 'isc-coordinator.sqlite') });
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
