import { Router } from 'express';
import { z } from 'zod';
import { AppError, Id } from '../../domain';
import { SubmitInput, type CollectionService, type OpenResult } from '../../services';
import { requireRole, type Identity } from '../auth';

const SubmitBody = SubmitInput.omit({ meetingId: true }).strict();

function identityOf(locals: Record<string, unknown>): Identity {
  return locals.identity as Identity;
}

/** What the secretariat is told after opening collection or retrying: queued, and who cannot be reached. */
function deliveryReport(result: OpenResult) {
  return {
    meetingId: result.meeting.id,
    state: result.meeting.state,
    queued: result.queued,
    undeliverable: result.undeliverable,
    undeliverablePeople: result.undeliverablePeople,
    reopened: result.reopened,
  };
}

/** Collection API: open a meeting's window, submit updates, read updates and the tracker. */
export function collectionRoutes(collection: CollectionService): Router {
  const router = Router();

  router.post('/meetings/:id/collection/open', async (req, res) => {
    const identity = identityOf(res.locals);
    requireRole(identity, 'secretariat');
    const result = await collection.open(Id.parse(req.params.id), {
      personId: identity.person!.id,
      roles: identity.roles,
    });
    res.json(deliveryReport(result));
  });

  router.post('/meetings/:id/collection/retry-undeliverable', async (req, res) => {
    const identity = identityOf(res.locals);
    requireRole(identity, 'secretariat');
    const result = await collection.retryUndeliverable(Id.parse(req.params.id), {
      personId: identity.person!.id,
      roles: identity.roles,
    });
    res.json(deliveryReport({ ...result, reopened: false }));
  });

  router.get('/meetings/:id/tracker', async (req, res) => {
    requireRole(identityOf(res.locals), 'chair', 'secretariat', 'focal-point', 'member', 'observer');
    res.json(await collection.tracker(Id.parse(req.params.id)));
  });

  router.get('/meetings/:id/updates', async (req, res) => {
    requireRole(identityOf(res.locals), 'chair', 'secretariat', 'focal-point', 'member', 'observer');
    res.json({ items: await collection.updates(Id.parse(req.params.id)) });
  });

  router.post('/meetings/:id/updates', async (req, res) => {
    const identity = identityOf(res.locals);
    if (!identity.person) throw new AppError('auth.forbidden', 'You are not in the register.');
    const body = SubmitBody.parse(req.body);
    const result = await collection.submit(identity.person.id, { ...body, meetingId: Id.parse(req.params.id) });
    res.status(result.outcome === 'created' ? 201 : 200).json({ outcome: result.outcome, update: result.update });
  });

  router.post('/meetings/:id/updates/no-change', async (req, res) => {
    const identity = identityOf(res.locals);
    if (!identity.person) throw new AppError('auth.forbidden', 'You are not in the register.');
    const body = z
      .object({ topicId: Id, sector: SubmitInput.shape.sector, baseRevision: z.number().int().min(0).default(0) })
      .strict()
      .parse(req.body);
    const result = await collection.submitNoChange(identity.person.id, { ...body, meetingId: Id.parse(req.params.id) });
    res.json({ outcome: result.outcome, update: result.update });
  });

  return router;
}
