import { Router } from 'express';
import { z } from 'zod';
import { AppError, BodyId, Id, SectorId, Topic } from '../../domain';
import type { RegisterService } from '../../services';
import { requireRole, type Identity } from '../auth';

const ALL_ROLES = ['chair', 'secretariat', 'focal-point', 'member', 'observer'] as const;

const TopicQuery = z
  .object({
    sector: SectorId.optional(),
    kind: Topic.shape.kind.optional(),
    status: Topic.shape.status.optional(),
    q: z.string().max(200).optional(),
    mine: z.enum(['true', 'false']).optional(),
  })
  .strict();

const MeetingQuery = z.object({ upcoming: z.enum(['true', 'false']).optional(), body: BodyId.optional() }).strict();

const PeopleQuery = z.object({ sector: SectorId.optional() }).strict();
const AssignmentQuery = z.object({ topicId: Id.optional(), personId: Id.optional() }).strict();

function identityOf(locals: Record<string, unknown>): Identity {
  return locals.identity as Identity;
}

/** Read API of the register: topics, meetings, people, assignments, and who I am. */
export function registerRoutes(register: RegisterService, now: () => string): Router {
  const router = Router();
  router.use((_req, res, next) => {
    try {
      requireRole(identityOf(res.locals), ...ALL_ROLES);
      next();
    } catch (error) {
      next(error);
    }
  });

  router.get('/me', (_req, res) => {
    const identity = identityOf(res.locals);
    res.json({ person: identity.person, roles: identity.roles, mode: identity.via === 'dev' ? 'local' : 'production' });
  });

  router.get('/topics', async (req, res) => {
    const query = TopicQuery.parse(req.query);
    const personId = query.mine === 'true' ? identityOf(res.locals).person?.id : undefined;
    if (query.mine === 'true' && !personId) {
      res.json({ items: [] });
      return;
    }
    res.json({ items: await register.listTopics({ ...query, personId }) });
  });

  router.get('/topics/:id', async (req, res) => {
    res.json(await register.getTopic(Id.parse(req.params.id)));
  });

  router.get('/meetings', async (req, res) => {
    const query = MeetingQuery.parse(req.query);
    const items =
      query.upcoming === 'false' ? await register.allMeetings() : await register.upcomingMeetings(now(), query.body);
    res.json({ items: query.body ? items.filter((m) => m.body === query.body) : items });
  });

  router.get('/meetings/:id', async (req, res) => {
    res.json(await register.getMeeting(Id.parse(req.params.id)));
  });

  router.get('/people', async (req, res) => {
    const query = PeopleQuery.parse(req.query);
    res.json({ items: await register.listPeople(query.sector) });
  });

  router.get('/people/:id', async (req, res) => {
    res.json(await register.getPerson(Id.parse(req.params.id)));
  });

  router.get('/assignments', async (req, res) => {
    const query = AssignmentQuery.parse(req.query);
    res.json({ items: await register.listAssignments(query) });
  });

  router.use((req) => {
    throw new AppError('route.not-found', `There is no API route ${req.method} ${req.path}.`);
  });
  return router;
}
