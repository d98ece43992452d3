import { Router } from 'express';
import { z } from 'zod';
import { AgendaEditRequest, AppError, Id, MinutesEditRequest } from '../../domain';
import type { MeetingChatService, MeetingService, Staff } from '../../services';
import { requireRole, type Identity } from '../auth';

const READERS = ['chair', 'secretariat', 'focal-point', 'member', 'observer'] as const;

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

function staffOf(locals: Record<string, unknown>): Staff {
  const identity = locals.identity as Identity;
  requireRole(identity, 'chair', 'secretariat');
  if (!identity.person) throw new AppError('auth.forbidden', 'You are not in the register.');
  return { personId: identity.person.id, roles: identity.roles };
}

function reader(locals: Record<string, unknown>): void {
  requireRole(locals.identity as Identity, ...READERS);
}

/** The body of a step that asks for confirmation when it would lose something (missing updates, empty minutes). */
const ConfirmBody = z.strictObject({ confirm: z.boolean().default(false) });

/** Agenda and minutes API: compile, edit, publish/approve, the chat's agenda pointer, and download the documents. */
export function meetingRoutes(meetings: MeetingService, chats: MeetingChatService): Router {
  const router = Router();

  router.get('/meetings/:id/agenda', async (req, res) => {
    reader(res.locals);
    const { status } = z
      .object({ status: z.enum(['latest', 'published']).default('latest') })
      .strict()
      .parse(req.query);
    const id = Id.parse(req.params.id);
    const version = status === 'published' ? await meetings.publishedAgenda(id) : await meetings.latestAgenda(id);
    if (!version) throw new AppError('agenda.not-ready', 'No agenda has been compiled for this meeting yet.');
    res.json(version);
  });

  router.post('/meetings/:id/agenda/compile', async (req, res) => {
    const { confirm } = ConfirmBody.parse(req.body ?? {});
    res.status(201).json(await meetings.compileAgenda(Id.parse(req.params.id), staffOf(res.locals), { confirm }));
  });

  router.patch('/meetings/:id/agenda', async (req, res) => {
    const body = AgendaEditBody.parse(req.body);
    res.json(await meetings.editAgenda(Id.parse(req.params.id), staffOf(res.locals), body.edit, body.expectedRevision));
  });

  router.post('/meetings/:id/agenda/publish', async (req, res) => {
    res.json(await meetings.publishAgenda(Id.parse(req.params.id), staffOf(res.locals)));
  });

  router.get('/meetings/:id/minutes', async (req, res) => {
    reader(res.locals);
    const version = await meetings.latestMinutes(Id.parse(req.params.id));
    if (!version) throw new AppError('minutes.not-ready', 'No minutes have been drafted for this meeting yet.');
    res.json(version);
  });

  router.post('/meetings/:id/minutes/compile', async (req, res) => {
    res.status(201).json(await meetings.compileMinutes(Id.parse(req.params.id), staffOf(res.locals)));
  });

  router.patch('/meetings/:id/minutes', async (req, res) => {
    const body = MinutesEditBody.parse(req.body);
    res.json(
      await meetings.editMinutes(Id.parse(req.params.id), staffOf(res.locals), body.edit, body.expectedRevision),
    );
  });

  router.post('/meetings/:id/minutes/approve', async (req, res) => {
    const { confirm } = ConfirmBody.parse(req.body ?? {});
    res.json(await meetings.approveMinutes(Id.parse(req.params.id), staffOf(res.locals), { confirm }));
  });

  router.get('/meetings/:id/current-item', async (req, res) => {
    reader(res.locals);
    res.json(await chats.currentItem(Id.parse(req.params.id)));
  });

  router.post('/meetings/:id/current-item', async (req, res) => {
    const body = z
      .object({ item: z.number().int().min(1).max(100), sub: z.number().int().min(1).max(999).nullable().optional() })
      .strict()
      .parse(req.body);
    res.json(await chats.setCurrentItem(Id.parse(req.params.id), staffOf(res.locals), body.item, body.sub ?? null));
  });

  router.get('/documents/:meetingId/:file', async (req, res) => {
    reader(res.locals);
    const meetingId = Id.parse(req.params.meetingId);
    const file = z
      .string()
      .regex(/^[a-z0-9.-]+\.docx$/, 'a document name')
      .parse(req.params.file);
    const content = await meetings.documentFile(`${meetingId}/${file}`);
    res
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .setHeader('content-disposition', `attachment; filename="${meetingId}-${file}"`)
      .send(content);
  });

  return router;
}
