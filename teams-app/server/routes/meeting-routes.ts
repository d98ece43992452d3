import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import {
  AgendaEditRequest,
  AppError,
  Id,
  MinutesEditRequest,
  agendaVersionView,
  minutesVersionView,
  type ChatPosition,
  type CurrentItem,
  type CurrentItemState,
} from '../../domain';
import type { MeetingChatService, MeetingService } from '../../services';
import { callerFor } from '../identity';

/** The PATCH body of the draft agenda: one edit (the domain's schema) and the revision it was made on. */
const AgendaEditBody = z.strictObject({
  expectedRevision: z.number().int().min(1).optional(),
  edit: AgendaEditRequest,
});

/** The PATCH body of the draft minutes: one edit (the domain's schema) and the revision it was made on. */
const MinutesEditBody = z.strictObject({
  expectedRevision: z.number().int().min(1).optional(),
  edit: MinutesEditRequest,
});

/** The body of a step that asks for confirmation when it would lose something (missing updates, empty minutes). */
const ConfirmBody = z.strictObject({ confirm: z.boolean().default(false) });

const AgendaQuery = z.strictObject({ status: z.enum(['latest', 'published']).default('latest') });

const PointerBody = z.strictObject({
  item: z.number().int().min(1).max(100),
  sub: z.number().int().min(1).max(999).nullable().optional(),
});

const DocumentName = z
  .string()
  .regex(/^[a-z0-9.-]+\.docx$/, 'a document name')
  .max(200);

/**
 * Refuses a body that is not JSON (`request.not-json`, 415): express.json leaves any other body unread, and a
 * compile or approve step would then run as if nothing had been asked (no `confirm`).
 */
const jsonBodiesOnly: RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  if (hasBody && !req.is(['application/json', '+json'])) {
    next(new AppError('request.not-json', `The request body is ${req.get('content-type') ?? 'untyped'}, not JSON.`));
    return;
  }
  next();
};

/**
 * Agenda and minutes API: compile, edit, publish/approve, the chat's agenda pointer, and download the documents.
 * Each route asks the permission table for its operation; the service checks it again.
 */
export function meetingRoutes(meetings: MeetingService, chats: MeetingChatService): Router {
  const router = Router();
  router.use(['/meetings/:id/agenda', '/meetings/:id/minutes', '/meetings/:id/current-item'], jsonBodiesOnly);

  router.get('/meetings/:id/agenda', async (req, res) => {
    const caller = callerFor(res, 'agenda.read');
    const { status } = AgendaQuery.parse(req.query);
    const id = Id.parse(req.params.id);
    const version =
      status === 'published' ? await meetings.publishedAgenda(id, caller) : await meetings.latestAgenda(id, caller);
    if (!version) throw new AppError('agenda.not-ready', 'No agenda has been compiled for this meeting yet.');
    res.json(agendaVersionView(version));
  });

  router.post('/meetings/:id/agenda/compile', async (req, res) => {
    const caller = callerFor(res, 'agenda.compile');
    const { confirm } = ConfirmBody.parse(req.body ?? {});
    res.status(201).json(agendaVersionView(await meetings.compileAgenda(Id.parse(req.params.id), caller, { confirm })));
  });

  router.patch('/meetings/:id/agenda', async (req, res) => {
    const caller = callerFor(res, 'agenda.edit');
    const body = AgendaEditBody.parse(req.body);
    const version = await meetings.editAgenda(Id.parse(req.params.id), caller, body.edit, body.expectedRevision);
    res.json(agendaVersionView(version));
  });

  router.post('/meetings/:id/agenda/publish', async (req, res) => {
    const caller = callerFor(res, 'agenda.publish');
    res.json(agendaVersionView(await meetings.publishAgenda(Id.parse(req.params.id), caller)));
  });

  router.get('/meetings/:id/minutes', async (req, res) => {
    const caller = callerFor(res, 'minutes.read');
    const version = await meetings.latestMinutes(Id.parse(req.params.id), caller);
    if (!version) throw new AppError('minutes.not-ready', 'No minutes have been drafted for this meeting yet.');
    res.json(minutesVersionView(version));
  });

  router.post('/meetings/:id/minutes/compile', async (req, res) => {
    const caller = callerFor(res, 'minutes.compile');
    res.status(201).json(minutesVersionView(await meetings.compileMinutes(Id.parse(req.params.id), caller)));
  });

  router.patch('/meetings/:id/minutes', async (req, res) => {
    const caller = callerFor(res, 'minutes.edit');
    const body = MinutesEditBody.parse(req.body);
    const version = await meetings.editMinutes(Id.parse(req.params.id), caller, body.edit, body.expectedRevision);
    res.json(minutesVersionView(version));
  });

  router.post('/meetings/:id/minutes/approve', async (req, res) => {
    const caller = callerFor(res, 'minutes.approve');
    const { confirm } = ConfirmBody.parse(req.body ?? {});
    res.json(minutesVersionView(await meetings.approveMinutes(Id.parse(req.params.id), caller, { confirm })));
  });

  // Polled by the side panel and the stage every few seconds while they are shown. A poller that sends the version
  // it has (If-None-Match with the weak ETag) gets an empty 304 while the position stays. Browsers must not answer
  // from their cache: the answer carries the server's clock, which the timer needs fresh.
  router.get('/meetings/:id/current-item', async (req, res) => {
    const caller = callerFor(res, 'current-item.read');
    const state = await chats.currentItemState(Id.parse(req.params.id), caller);
    const etag = `W/"${state.version}"`;
    res.setHeader('etag', etag).setHeader('cache-control', 'no-store');
    const known = req.get('if-none-match');
    if (known && known.split(',').some((tag) => tag.trim() === etag)) {
      res.status(304).end();
      return;
    }
    res.json(state satisfies CurrentItemState & ChatPosition);
  });

  router.post('/meetings/:id/current-item', async (req, res) => {
    const caller = callerFor(res, 'current-item.set');
    const body = PointerBody.parse(req.body);
    const id = Id.parse(req.params.id);
    res.json((await chats.setCurrentItem(id, caller, body.item, body.sub ?? null)) satisfies CurrentItem);
  });

  router.get('/documents/:meetingId/:file', async (req, res) => {
    const caller = callerFor(res, 'documents.read');
    const meetingId = Id.parse(req.params.meetingId);
    const file = DocumentName.parse(req.params.file);
    const content = await meetings.documentFile(`${meetingId}/${file}`, caller);
    res
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .setHeader('content-disposition', `attachment; filename="${meetingId}-${file}"`)
      .send(content);
  });

  return router;
}
