import { Router } from 'express';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  AppError,
  BodyId,
  Id,
  SectorId,
  Topic,
  isTeamsMeetingOf,
  type AssignmentList,
  type Me,
  type MeetingList,
  type MeetingView,
  type PersonList,
  type PersonView,
  type TopicList,
  type TopicView,
} from '../../domain';
import type { RegisterService } from '../../services';
import { callerFor, identityOf } from '../identity';

const TopicQuery = z
  .object({
    sector: SectorId.optional(),
    kind: Topic.shape.kind.optional(),
    status: Topic.shape.status.optional(),
    q: z.string().max(200).optional(),
    mine: z.enum(['true', 'false']).optional(),
  })
  .strict();

const MeetingQuery = z
  .object({
    upcoming: z.enum(['true', 'false']).optional(),
    /** Only the meetings whose end has passed, newest first (the archive; by the server's clock, like `upcoming`). */
    past: z.enum(['true']).optional(),
    body: BodyId.optional(),
    /** The Teams meeting a tab is opened in: its meeting id (`context.meeting.id`) or its chat's thread id. */
    teamsMeeting: z.string().trim().min(1).max(400).optional(),
  })
  .strict();

const PeopleQuery = z.object({ sector: SectorId.optional() }).strict();
const AssignmentQuery = z.object({ topicId: Id.optional(), personId: Id.optional() }).strict();

/** Read API of the register: topics, meetings, people, assignments, and who I am (`register.read`). */
export function registerRoutes(register: RegisterService, now: () => string): Router {
  const router = Router();
  router.use((_req, res, next) => {
    try {
      callerFor(res, 'register.read');
      next();
    } catch (error) {
      next(error);
    }
  });

  router.get('/me', (_req, res) => {
    const identity = identityOf(res);
    const person = identity.kind === 'person' ? identity.person : null;
    const mode = identity.via === 'dev' ? 'local' : 'production';
    res.json({ person, roles: person?.roles ?? [], mode } satisfies Me);
  });

  // The whole register, the tab's first call: serialised once per version of the register, not per request.
  let unfiltered: { version: string; body: Buffer; etag: string } | null = null;
  router.get('/topics', async (req, res) => {
    const query = TopicQuery.parse(req.query);
    if (Object.keys(query).length === 0) {
      const snapshot = await register.snapshot();
      if (unfiltered?.version !== snapshot.version) {
        const body = Buffer.from(JSON.stringify({ items: [...snapshot.topics] } satisfies TopicList));
        unfiltered = {
          version: snapshot.version,
          body,
          etag: `W/"${createHash('sha1').update(body).digest('base64url')}"`,
        };
      }
      res.type('json').set('etag', unfiltered.etag).send(unfiltered.body);
      return;
    }
    const personId = query.mine === 'true' ? callerFor(res, 'register.read').personId : undefined;
    res.json({ items: await register.listTopics({ ...query, personId }) } satisfies TopicList);
  });

  router.get('/topics/:id', async (req, res) => {
    res.json((await register.getTopic(Id.parse(req.params.id))) satisfies TopicView);
  });

  router.get('/meetings', async (req, res) => {
    const query = MeetingQuery.parse(req.query);
    if (query.teamsMeeting !== undefined) {
      const teamsId = query.teamsMeeting;
      const linked = (await register.allMeetings()).filter((m) => isTeamsMeetingOf(m.teamsMeeting, teamsId));
      res.json({ items: linked } satisfies MeetingList);
      return;
    }
    const items =
      query.past === 'true'
        ? await register.pastMeetings(now(), query.body)
        : query.upcoming === 'false'
          ? await register.allMeetings()
          : await register.upcomingMeetings(now(), query.body);
    res.json({ items: query.body ? items.filter((m) => m.body === query.body) : items } satisfies MeetingList);
  });

  router.get('/meetings/:id', async (req, res) => {
    res.json((await register.getMeeting(Id.parse(req.params.id))) satisfies MeetingView);
  });

  router.get('/people', async (req, res) => {
    const query = PeopleQuery.parse(req.query);
    res.json({ items: await register.listPeople(query.sector) } satisfies PersonList);
  });

  router.get('/people/:id', async (req, res) => {
    res.json((await register.getPerson(Id.parse(req.params.id))) satisfies PersonView);
  });

  router.get('/assignments', async (req, res) => {
    const query = AssignmentQuery.parse(req.query);
    res.json({ items: await register.listAssignments(query) } satisfies AssignmentList);
  });

  router.use((req) => {
    throw new AppError('route.not-found', `There is no API route ${req.method} ${req.path}.`);
  });
  return router;
}
