/**
 * The annual report to Council (Resolution 191):
 *
 *   POST /reports/annual            { from?, to?, lang? } → 201 a new draft version (default: this calendar year)
 *   GET  /reports                   every report version, newest first
 *   GET  /reports/:id               one version with its content
 *   POST /reports/:id/publish       publishes the draft (the secretariat)
 *   GET  /reports/:id/file          its .docx (a draft is rendered marked as such)
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { DateOnly, Id, Locale } from '../../domain';
import { ReportPeriod, calendarYear, reportVersionView as view, type ReportList } from '../../domain/report';
import { pickLocale } from '../../i18n';
import type { AnnualReportService } from '../../services/records';
import { callerFor } from '../identity';

const AnnualBody = z.strictObject({
  from: DateOnly.optional(),
  to: DateOnly.optional(),
  lang: Locale.optional(),
});

function languageOf(req: Request, lang: Locale | undefined): Locale {
  return lang ?? pickLocale(req.headers['accept-language']);
}

/** The report routes; each asks the permission table, the service again. */
export function reportRoutes(reports: AnnualReportService, now: () => string): Router {
  const router = Router();

  router.post('/reports/annual', async (req, res) => {
    const caller = callerFor(res, 'report.compile');
    const body = AnnualBody.parse(req.body ?? {});
    const year = calendarYear(now());
    const period = ReportPeriod.parse({ from: body.from ?? year.from, to: body.to ?? year.to });
    res.status(201).json(view(await reports.draft(caller, period, languageOf(req, body.lang))));
  });

  router.get('/reports', async (_req, res) => {
    const caller = callerFor(res, 'report.read');
    res.json({ items: (await reports.list(caller)).map(view) } satisfies ReportList);
  });

  router.get('/reports/:id', async (req, res) => {
    const caller = callerFor(res, 'report.read');
    res.json(view(await reports.get(Id.parse(req.params.id), caller)));
  });

  router.post('/reports/:id/publish', async (req, res) => {
    const caller = callerFor(res, 'report.publish');
    res.json(view(await reports.publish(Id.parse(req.params.id), caller)));
  });

  router.get('/reports/:id/file', async (req, res) => {
    const caller = callerFor(res, 'report.read');
    const file = await reports.file(Id.parse(req.params.id), caller);
    res
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .setHeader('content-disposition', `attachment; filename="${file.fileName}"`)
      .setHeader('cache-control', 'no-store')
      .send(file.content);
  });

  return router;
}
