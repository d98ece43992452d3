/**
 * Register administration API (secretariat writes; everyone reads through register-routes.ts). Bodies are the
 * domain's schemas (teams-app/domain/api/admin.ts); answers are the register's views.
 *
 *   POST   /topics                          TopicCreate            → 201 TopicView
 *   PATCH  /topics/:id                      TopicPatch + version   → TopicView
 *   POST   /topics/:id/retire               { etag } or If-Match   → TopicView (status "closed")
 *   PUT    /topics/:id/assignments/:sector  AssignmentPut          → 200/201 AssignmentChange (prompts moved, if any)
 *   DELETE /topics/:id/assignments/:sector  { etag } or If-Match   → AssignmentChange (assignment null)
 *   POST   /people                          PersonCreate           → 201 PersonView
 *   PATCH  /people/:id                      PersonPatch + version  → PersonView
 *   POST   /people/:id/retire               { etag } or If-Match   → PersonView (retiredAt set)
 *
 * The version is the record's `etag` as read, sent as the `etag` field or an If-Match header. Without it a change
 * is refused (428 `store.version-required`); with an older one, 409 `store.conflict` (never an overwrite).
 * Every write is audited (who, when, the fields before and after) in its own unit of work.
 */
import { Router, type Request } from 'express';
import { Id, SectorId, VersionBody, type AssignmentChange, type PersonView, type TopicView } from '../../domain';
import type { RegisterAdminService } from '../../services';
import { callerFor } from '../identity';

/** The If-Match header, when sent. */
function ifMatch(req: Request): string | undefined {
  return req.get('if-match') ?? undefined;
}

/** The version of a retirement or deletion: the body's `etag` or the If-Match header. */
function versionOf(req: Request): string | undefined {
  return VersionBody.parse(req.body ?? {}).etag ?? ifMatch(req);
}

/** The register administration routes; each asks the permission table (`register.edit`), the service again. */
export function registerAdminRoutes(admin: RegisterAdminService): Router {
  const router = Router();

  router.post('/topics', async (req, res) => {
    const caller = callerFor(res, 'register.edit');
    res.status(201).json((await admin.createTopic(caller, req.body)) satisfies TopicView);
  });

  router.patch('/topics/:id', async (req, res) => {
    const caller = callerFor(res, 'register.edit');
    res.json((await admin.updateTopic(caller, Id.parse(req.params.id), req.body, ifMatch(req))) satisfies TopicView);
  });

  router.post('/topics/:id/retire', async (req, res) => {
    const caller = callerFor(res, 'register.edit');
    res.json((await admin.retireTopic(caller, Id.parse(req.params.id), versionOf(req))) satisfies TopicView);
  });

  router.put('/topics/:id/assignments/:sector', async (req, res) => {
    const caller = callerFor(res, 'register.edit');
    const topicId = Id.parse(req.params.id);
    const sector = SectorId.parse(req.params.sector);
    const change = await admin.putAssignment(caller, topicId, sector, req.body, ifMatch(req));
    res.status(change.created ? 201 : 200).json(change satisfies AssignmentChange);
  });

  router.delete('/topics/:id/assignments/:sector', async (req, res) => {
    const caller = callerFor(res, 'register.edit');
    const change = await admin.removeAssignment(
      caller,
      Id.parse(req.params.id),
      SectorId.parse(req.params.sector),
      versionOf(req),
    );
    res.json(change satisfies AssignmentChange);
  });

  router.post('/people', async (req, res) => {
    const caller = callerFor(res, 'register.edit');
    res.status(201).json((await admin.createPerson(caller, req.body)) satisfies PersonView);
  });

  router.patch('/people/:id', async (req, res) => {
    const caller = callerFor(res, 'register.edit');
    res.json((await admin.updatePerson(caller, Id.parse(req.params.id), req.body, ifMatch(req))) satisfies PersonView);
  });

  router.post('/people/:id/retire', async (req, res) => {
    const caller = callerFor(res, 'register.edit');
    res.json((await admin.retirePerson(caller, Id.parse(req.params.id), versionOf(req))) satisfies PersonView);
  });

  return router;
}
