import type { Agenda, Locale, Minutes } from '../../domain';

/** Renders meeting documents (.docx); injected so services stay free of the document library. */
export interface DocumentRenderer {
  agenda(agenda: Agenda, locale: Locale): Promise<Buffer>;
  addendum(agenda: Agenda, locale: Locale): Promise<Buffer>;
  minutes(minutes: Minutes, locale: Locale, draft: boolean): Promise<Buffer>;
}

/** Renders the messages posted to a meeting chat (the bot's cards). */
export interface MeetingMessages {
  agendaPublished(agenda: Agenda, documentUrl: string, locale: Locale): Record<string, unknown>;
  minutesApproved(minutes: Minutes, documentUrl: string, locale: Locale): Record<string, unknown>;
}
