/**
 * Decisions and actions register and topic history API. Everyone in the register reads; owners and staff change
 * actions; staff record escalation outcomes; the secretariat alone reads the audit log. Schemas:
 * teams-app/domain/api/follow-up.ts and history.ts.
 *
 *   GET   /actions?topicId&sector&ownerId&status&overdue&dueFrom&dueTo&q&meetingId&resolution&limit&cursor → ActionPage
 *   GET   /actions/:id        one action (read again after a conflict)                                → ActionView
 *   PATCH /actions/:id        ActionChange { status?, note?, due?, ownerId? (staff), etag? } (or If-Match) → ActionView
 *   GET   /decisions?topicId&sector&q&meetingId&resolution&limit&cursor                                  → DecisionPage
 *   GET   /escalations?topicId&sector&status&to&q&meetingId&resolution&limit&cursor                      → EscalationPage
 *   GET   /escalations/:id    one escalation                                                          → EscalationView
 *   PATCH /escalations/:id    EscalationChange { status?, outcome?, etag? } (or If-Match)                → EscalationView
 *   GET   /topics/:id/history  register changes, status update revisions, decisions, actions, escalations
 *                              in time order                                                        → TopicHistory
 *   GET   /audit?actorId&entity&entityId&from&to&limit&cursor (secretariat), newest first           → AuditPage
 *
 * Lists are paged: `limit` (default 100, at most 500) and the `nextCursor` of the previous page as `cursor`.
 */
import { Router, type Request } from 'express';
import {
  Id,
  type ActionPage,
  type ActionView,
  type AuditPage,
  type DecisionPage,
  type EscalationPage,
  type EscalationView,
  type TopicHistory,
} from '../../domain';
import type { FollowUpService, HistoryService } from '../../services';
import { callerFor } from '../identity';

/** The If-Match header, when sent. */
function ifMatch(req: Request): string | undefined {
  return req.get('if-match') ?? undefined;
}

/** The follow-up register, topic history and audit log routes; each asks the permission table, the service again. */
export function followUpRoutes(followUp: FollowUpService, history: HistoryService): Router {
  const router = Router();

  router.get('/actions', async (req, res) => {
    const caller = callerFor(res, 'records.read');
    res.json((await followUp.actions(caller, req.query)) satisfies ActionPage);
  });

  router.get('/actions/:id', async (req, res) => {
    const caller = callerFor(res, 'records.read');
    res.json((await followUp.action(caller, Id.parse(req.params.id))) satisfies ActionView);
  });

  router.patch('/actions/:id', async (req, res) => {
    const caller = callerFor(res, 'action.update');
    res.json(
      (await followUp.updateAction(caller, Id.parse(req.params.id), req.body, ifMatch(req))) satisfies ActionView,
    );
  });

  router.get('/decisions', async (req, res) => {
    const caller = callerFor(res, 'records.read');
    res.json((await followUp.decisions(caller, req.query)) satisfies DecisionPage);
  });

  router.get('/escalations', async (req, res) => {
    const caller = callerFor(res, 'records.read');
    res.json((await followUp.escalations(caller, req.query)) satisfies EscalationPage);
  });

  router.get('/escalations/:id', async (req, res) => {
    const caller = callerFor(res, 'records.read');
    res.json((await followUp.escalation(caller, Id.parse(req.params.id))) satisfies EscalationView);
  });

  router.patch('/escalations/:id', async (req, res) => {
    const caller = callerFor(res, 'escalation.update');
    const view = await followUp.updateEscalation(caller, Id.parse(req.params.id), req.body, ifMatch(req));
    res.json(view satisfies EscalationView);
  });

  router.get('/topics/:id/history', async (req, res) => {
    const caller = callerFor(res, 'history.read');
    res.json((await history.topic(caller, Id.parse(req.params.id))) satisfies TopicHistory);
  });

  router.get('/audit', async (req, res) => {
    const caller = callerFor(res, 'audit.read');
    res.json((await history.audit(caller, req.query)) satisfies AuditPage);
  });

  return router;
}
