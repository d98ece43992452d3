/**
 * Register import and record exports:
 *
 *   GET  /register/template?format=xlsx|csv            the empty register workbook (headers in the reader's language)
 *   POST /register/import?dryRun=true|false            body: the XLSX or CSV file itself (at most 5 MB)
 *   GET  /exports/:what?format=xlsx|csv                register, actions, decisions, audit
 *   GET  /meetings/:id/tracker/export?format=xlsx|csv  the collection tracker of a meeting
 *   GET  /topics/:id/history/export?format=xlsx|csv    a topic's history in time order
 *
 * The reader's language is `?lang=`, else Accept-Language, else the caller's own. Importing is the secretariat's;
 * exports follow the read permissions (the audit log is the secretariat's).
 */
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { AppError, Id, Locale, type Caller, type TrackerView } from '../../domain';
import { pickLocale } from '../../i18n';
import {
  CONTENT_TYPES,
  MAX_UPLOAD_BYTES,
  RECORD_EXPORTS,
  exportFile,
  exportRecords,
  exportTopicHistory,
  importRegister,
  registerTemplate,
  trackerSheet,
  type ExportFile,
} from '../../services/records';
import type { RegisterChanges } from '../../services/admin';
import type { Store } from '../../store';
import { callerFor, identityOf } from '../identity';

/** What the record routes need. */
export interface RecordsRouteDeps {
  store: Store;
  now(): string;
  /** The collection tracker of a meeting, as the tracker API shows it. */
  tracker(meetingId: string, caller: Caller): Promise<TrackerView>;
  /** What an applied import's changes mean for the prompts of an open collection, as the register administration does. */
  followRegisterChanges(changes: RegisterChanges, actorId: string): Promise<unknown>;
}

const FormatQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx'), lang: Locale.optional() });
const ImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('false'),
  lang: Locale.optional(),
});

/** The reader's language: `?lang=`, else Accept-Language, else the language the caller chose in the register. */
function readerLocale(req: Request, res: Response, lang: Locale | undefined): Locale {
  if (lang) return lang;
  if (req.headers['accept-language']) return pickLocale(req.headers['accept-language']);
  const identity = identityOf(res);
  return identity.kind === 'person' ? identity.person.locale : 'en';
}

function sendFile(res: Response, file: ExportFile): void {
  res
    .type(CONTENT_TYPES[file.format])
    .setHeader('content-disposition', `attachment; filename="${file.fileName}"`)
    .setHeader('cache-control', 'no-store')
    .send(file.content);
}

/** The raw upload, with a clear refusal (the limit named) when it is larger than an import takes. */
function uploadBody(): RequestHandler {
  const raw = express.raw({ type: () => true, limit: MAX_UPLOAD_BYTES });
  return (req, res, next) =>
    raw(req, res, (error?: unknown) => {
      if ((error as { type?: string } | undefined)?.type === 'entity.too.large') {
        next(
          new AppError(
            'request.too-large',
            `The file is larger than an import takes: at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
            { limit: MAX_UPLOAD_BYTES },
          ),
        );
      } else next(error);
    });
}

/** The import and export routes; each asks the permission table, the service again. */
export function recordsRoutes(deps: RecordsRouteDeps): Router {
  const router = Router();

  router.get('/register/template', async (req, res) => {
    callerFor(res, 'records.export');
    const query = FormatQuery.parse(req.query);
    sendFile(res, await registerTemplate(query.format, readerLocale(req, res, query.lang)));
  });

  router.post('/register/import', uploadBody(), async (req, res) => {
    const caller = callerFor(res, 'register.import');
    const query = ImportQuery.parse(req.query);
    const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const report = await importRegister(deps.store, content, {
      dryRun: query.dryRun === 'true',
      locale: readerLocale(req, res, query.lang),
      caller,
      now: deps.now(),
      followChanges: (changes, actorId) => deps.followRegisterChanges(changes, actorId),
    });
    res.json(report);
  });

  router.get('/exports/:what', async (req, res) => {
    const what = z.enum(RECORD_EXPORTS).parse(req.params.what);
    const caller = callerFor(res, what === 'audit' ? 'audit.export' : 'records.export');
    const query = FormatQuery.parse(req.query);
    const locale = readerLocale(req, res, query.lang);
    sendFile(res, await exportRecords(deps.store, what, { format: query.format, locale, caller, now: deps.now() }));
  });

  router.get('/meetings/:id/tracker/export', async (req, res) => {
    const caller = callerFor(res, 'tracker.read');
    callerFor(res, 'records.export');
    const query = FormatQuery.parse(req.query);
    const locale = readerLocale(req, res, query.lang);
    const view = await deps.tracker(Id.parse(req.params.id), caller);
    const name = `tracker-${view.meeting.id}`;
    sendFile(res, await exportFile(name, query.format, [trackerSheet(view, locale)], locale, deps.now()));
  });

  router.get('/topics/:id/history/export', async (req, res) => {
    const caller = callerFor(res, 'history.read');
    callerFor(res, 'records.export');
    const query = FormatQuery.parse(req.query);
    const locale = readerLocale(req, res, query.lang);
    const options = { format: query.format, locale, caller, now: deps.now() };
    sendFile(res, await exportTopicHistory(deps.store, Id.parse(req.params.id), options));
  });

  return router;
}
