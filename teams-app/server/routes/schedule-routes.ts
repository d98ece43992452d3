import { Router, type Request, type Response } from 'express';
import {
  CancelMeetingRequest,
  Id,
  RescheduleMeetingRequest,
  ScheduleMeetingRequest,
  collectionWindow,
  type CancelAnswer,
  type Meeting,
  type MeetingView,
  type RescheduleAnswer,
  type ScheduleAnswer,
} from '../../domain';
import type { ScheduleService } from '../../services';
import type { Stored } from '../../store';
import { callerFor } from '../identity';

/** The meeting as the API shows it, with its window; its version tag also goes in the ETag header. */
function view(res: Response, meeting: Stored<Meeting>): MeetingView {
  res.setHeader('etag', `"${meeting.etag}"`);
  return { ...meeting, collection: collectionWindow(meeting) };
}

/** The version the caller read, from `If-Match` (quoted or not); undefined when the header is absent. */
function ifMatch(req: Request): string | undefined {
  const header = req.get('if-match')?.trim();
  if (!header || header === '*') return undefined;
  return header.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

/**
 * The meeting calendar API (the secretariat): schedule a meeting, move or edit it (`If-Match`: the version read),
 * cancel it. Each route asks the permission table for its operation; the service checks it again.
 */
export function scheduleRoutes(schedule: ScheduleService): Router {
  const router = Router();

  router.post('/meetings', async (req, res) => {
    const caller = callerFor(res, 'meeting.schedule');
    const result = await schedule.schedule(caller, ScheduleMeetingRequest.parse(req.body));
    res
      .status(result.outcome === 'created' ? 201 : 200)
      .json({ outcome: result.outcome, meeting: view(res, result.meeting) } satisfies ScheduleAnswer);
  });

  router.patch('/meetings/:id', async (req, res) => {
    const caller = callerFor(res, 'meeting.reschedule');
    const request = RescheduleMeetingRequest.parse(req.body);
    const result = await schedule.reschedule(caller, Id.parse(req.params.id), request, ifMatch(req));
    res.json({
      outcome: result.outcome,
      meeting: view(res, result.meeting),
      told: result.told,
    } satisfies RescheduleAnswer);
  });

  router.post('/meetings/:id/cancel', async (req, res) => {
    const caller = callerFor(res, 'meeting.cancel');
    const request = CancelMeetingRequest.parse(req.body ?? {});
    const result = await schedule.cancel(caller, Id.parse(req.params.id), request, ifMatch(req));
    res.json({
      outcome: result.outcome,
      meeting: view(res, result.meeting),
      withdrawn: result.withdrawn,
      told: result.told,
    } satisfies CancelAnswer);
  });

  return router;
}
