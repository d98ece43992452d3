import { Router } from 'express';
import { z } from 'zod';
import {
  Id,
  type CollectionOpened,
  type DelegateAnswer,
  type DeliveryReportView,
  type SubmitAnswer,
  type TrackerView,
  type UpdateList,
  type Locale,
} from '../../domain';
import { pickLocale, withReasonText } from '../../i18n';
import { SubmitInput, type CollectionService, type DeliveryReport } from '../../services';
import { callerFor } from '../identity';

const SubmitBody = SubmitInput.omit({ meetingId: true }).strict();

const NoChangeBody = z
  .object({ topicId: Id, sector: SubmitInput.shape.sector, baseRevision: z.number().int().min(0).default(0) })
  .strict();

const DelegateBody = z.object({ topicId: Id, sector: SubmitInput.shape.sector }).strict();

/** What the secretariat is told after opening collection or retrying: queued, and who cannot be reached and why. */
function deliveryReport(result: DeliveryReport, locale: Locale): DeliveryReportView {
  return {
    meetingId: result.meeting.id,
    state: result.meeting.state,
    queued: result.queued,
    undeliverable: result.undeliverable,
    undeliverablePeople: result.undeliverablePeople.map((person) => withReasonText(person, locale)),
  };
}

/**
 * Collection API: open a meeting's window, submit updates, read updates and the tracker. Each route asks the
 * permission table for its operation; the service checks it again.
 */
export function collectionRoutes(collection: CollectionService): Router {
  const router = Router();

  router.post('/meetings/:id/collection/open', async (req, res) => {
    const caller = callerFor(res, 'collection.open');
    const result = await collection.open(Id.parse(req.params.id), caller);
    const locale = pickLocale(req.headers['accept-language']);
    res.json({ ...deliveryReport(result, locale), reopened: result.reopened } satisfies CollectionOpened);
  });

  router.post('/meetings/:id/collection/retry-undeliverable', async (req, res) => {
    const caller = callerFor(res, 'collection.retry');
    const result = await collection.retryUndeliverable(Id.parse(req.params.id), caller);
    res.json(deliveryReport(result, pickLocale(req.headers['accept-language'])));
  });

  router.get('/meetings/:id/tracker', async (req, res) => {
    const caller = callerFor(res, 'tracker.read');
    const view = await collection.tracker(Id.parse(req.params.id), caller);
    const locale = pickLocale(req.headers['accept-language']);
    res.json({ ...view, rows: view.rows.map((row) => withReasonText(row, locale)) } satisfies TrackerView);
  });

  router.get('/meetings/:id/updates', async (req, res) => {
    const caller = callerFor(res, 'updates.read');
    res.json({ items: await collection.updates(Id.parse(req.params.id), caller) } satisfies UpdateList);
  });

  router.post('/meetings/:id/updates', async (req, res) => {
    const caller = callerFor(res, 'update.submit');
    const body = SubmitBody.parse(req.body);
    const result = await collection.submit(caller, { ...body, meetingId: Id.parse(req.params.id) });
    const answer: SubmitAnswer = { outcome: result.outcome, update: result.update };
    res.status(result.outcome === 'created' ? 201 : 200).json(answer);
  });

  router.post('/meetings/:id/updates/no-change', async (req, res) => {
    const caller = callerFor(res, 'update.submit');
    const body = NoChangeBody.parse(req.body);
    const result = await collection.submitNoChange(caller, { ...body, meetingId: Id.parse(req.params.id) });
    res.json({ outcome: result.outcome, update: result.update } satisfies SubmitAnswer);
  });

  // The card's "Delegate to alternate", from the tab: the focal point alone may hand the prompt over.
  router.post('/meetings/:id/updates/delegate', async (req, res) => {
    const caller = callerFor(res, 'update.delegate');
    const body = DelegateBody.parse(req.body);
    const { alternate } = await collection.delegate(caller, Id.parse(req.params.id), body.topicId, body.sector);
    res.json({ alternate: { id: alternate.id, name: alternate.name } } satisfies DelegateAnswer);
  });

  return router;
}
