/** The agenda and minutes API's answers: a document version with its content, and the chat's agenda pointer. */
import { z } from 'zod';
import { Agenda } from '../agenda/agenda-schema';
import { DocumentVersion } from '../entities';
import { ChatPosition } from '../minutes/chat-schema';
import { Minutes } from '../minutes/minutes-schema';
import { Etag } from './register';

/** A stored document version as the API shows it: its state and file, without the raw stored content. */
const VersionBase = DocumentVersion.omit({ content: true }).extend({ etag: Etag });

/**
 * GET /meetings/:id/agenda (and compile, edit, publish): draft, published (with its .docx) or superseded;
 * `outOfDate` when collection was re-opened after this draft was compiled.
 */
export const AgendaVersionView = VersionBase.extend({ kind: z.literal('agenda'), agenda: Agenda });
export type AgendaVersionView = z.infer<typeof AgendaVersionView>;

/** GET /meetings/:id/minutes (and compile, edit, approve): draft, or published (approved) with its .docx. */
export const MinutesVersionView = VersionBase.extend({ kind: z.literal('minutes'), minutes: Minutes });
export type MinutesVersionView = z.infer<typeof MinutesVersionView>;

/** GET /meetings/:id/current-item: where the meeting chat is on the agenda; null before any pointer line. */
export { ChatPosition };

/** GET /meetings/:id/current-item with its timing (the agenda timer of the side panel and the stage). */
export { CurrentItemState } from '../agenda/agenda-timer';

/** POST /meetings/:id/current-item: the item the meeting chat is now on. */
export const CurrentItem = z.object({ item: z.number().int().min(1), sub: z.number().int().min(1).nullable() });
export type CurrentItem = z.infer<typeof CurrentItem>;

/** The API's view of an agenda version: the parsed agenda, not the stored content. */
export function agendaVersionView(version: DocumentVersion & { etag: string; agenda: Agenda }): AgendaVersionView {
  const { content: _content, ...view } = version;
  return { ...view, kind: 'agenda' };
}

/** The API's view of a minutes version: the parsed minutes, not the stored content. */
export function minutesVersionView(version: DocumentVersion & { etag: string; minutes: Minutes }): MinutesVersionView {
  const { content: _content, ...view } = version;
  return { ...view, kind: 'minutes' };
}
