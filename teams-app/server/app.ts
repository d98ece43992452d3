import express from 'express';
import fs from 'node:fs';
import type { RequestListener } from 'node:http';
import path from 'node:path';
import { AppError } from '../domain';
import type { RegisterService } from '../services';
import type { Store } from '../store';
import { botRoute, isBotPath, type BotEndpoint } from './bot-route';
import { errorHandler } from './http-errors';
import { identify, type IdentityOptions } from './identity';
import type { Logger } from './logger';
import { requestIdOf } from './request-id';
import { securityHeaders } from './security-headers';
import { staticFiles } from './static-files';
import { registerRoutes } from './routes/register-routes';

/** Everything the HTTP layer needs, wired by main.ts (or by tests). */
export interface AppDeps {
  mode: 'local' | 'production';
  store: Store;
  register: RegisterService;
  logger: Logger;
  identity: Omit<IdentityOptions, 'mode' | 'register'>;
  now(): string;
  /** Handles Bot Framework activities at POST /api/messages (bot-route.ts). */
  botEndpoint?: BotEndpoint;
  /** Extra API routers mounted under /api/v1 after authentication (collection, agenda, ...). */
  apiRouters?: express.Router[];
  /** The built tab; served at / when present. */
  tabDir?: string;
  /** What this instance's outbox serves when several instances share it (partitions, rate slots), for /healthz. */
  outboxStatus?: () => Record<string, unknown>;
}

/** Limit of a JSON request body; larger bodies get 413. */
export const BODY_LIMIT = '256kb';

/** Builds the server's request listener: the bot endpoint (bot-route.ts), and health, API v1 and tab in Express. */
export function createApp(deps: AppDeps): RequestListener {
  const app = expressApp(deps);
  if (!deps.botEndpoint) return app;
  const bot = botRoute({
    mode: deps.mode,
    endpoint: deps.botEndpoint,
    parseBody: express.json({ limit: BODY_LIMIT }),
    logger: deps.logger,
  });
  return (req, res) => (req.method === 'POST' && isBotPath(req.url) ? bot(req, res) : app(req, res));
}

/** The Express app of everything but the bot endpoint. */
function expressApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  app.use((req, res, next) => {
    res.locals.requestId = requestIdOf(req.headers);
    res.setHeader('x-request-id', res.locals.requestId);
    next();
  });
  app.use(securityHeaders());

  app.get('/healthz', async (_req, res) => {
    const store = await deps.store.health();
    // In production the detail (a file path, a driver message) stays in the log, not on a public page.
    if (deps.mode === 'production' && !store.ok) deps.logger.warn({ store }, 'store health degraded');
    const shown = deps.mode === 'production' ? { ok: store.ok, kind: store.kind } : store;
    res.status(store.ok ? 200 : 503).json({
      status: store.ok ? 'ok' : 'degraded',
      mode: deps.mode,
      store: shown,
      ...(deps.outboxStatus ? { outbox: deps.outboxStatus() } : {}),
    });
  });

  app.get(['/privacy', '/terms'], (req, res) => {
    const privacy = req.path === '/privacy';
    res
      .type('html')
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ISC Coordinator – ${privacy ? 'Privacy' : 'Terms of use'}</title></head><body><main><h1>${
          privacy ? 'Privacy statement' : 'Terms of use'
        }</h1><p>${
          privacy
            ? 'ISC Coordinator stores the names, e-mail addresses, sectors and status updates of the people in the ISC-TF/ISCG register, and the messages of meeting chats it is added to, in the ITU tenant (SharePoint) or on the server that runs it. They are used only to run the coordination cycle and are visible to the members of the coordination bodies.'
            : 'ISC Coordinator is provided to the members and secretariat of the ITU Inter-Sectoral Coordination Task Force and Group for their work under PP Resolution 191.'
        }</p></main></body></html>`,
      );
  });

  const api = express.Router();
  api.use(express.json({ limit: BODY_LIMIT }));
  api.use(identify({ ...deps.identity, mode: deps.mode, register: deps.register }));
  for (const router of deps.apiRouters ?? []) api.use(router);
  api.use(registerRoutes(deps.register, deps.now));
  app.use('/api/v1', api);
  app.use('/api', (req, _res, next) =>
    next(new AppError('route.not-found', `There is no API route ${req.method} ${req.originalUrl}.`)),
  );

  if (deps.tabDir && fs.existsSync(path.join(deps.tabDir, 'index.html'))) {
    app.use(staticFiles(deps.tabDir));
  } else {
    app.get('/', (_req, res) => {
      res
        .status(503)
        .type('text/plain')
        .send('The tab is not built yet. Run `npm run build:tab` (npm start does it for you).');
    });
  }

  app.use(errorHandler(deps.logger));
  return app;
}
