import type { FileStore, Store } from '../../store';
import type { OutboxPort } from '../outbox/outbox-port';
import type { AttendancePort } from './attendance-port';
import type { MeetingChatService } from './meeting-chat';
import type { DocumentRenderer, MeetingMessages } from './meeting-ports';

/** What the agenda and minutes use cases work with, wired by the composition root. */
export interface MeetingDeps {
  store: Store;
  /** Where the .docx files are stored (names taken from the operation, written once). */
  files: FileStore;
  render: DocumentRenderer;
  /** Renders the posts to the meeting chat (the bot's cards). */
  messages: MeetingMessages;
  /** Where the posts to the meeting chat are queued. */
  outbox: OutboxPort;
  /** The server's public URL, for document links. */
  publicUrl: string;
  /** The current instant (ISO 8601). */
  now: () => string;
  /** The recorded meeting chats. */
  chat: MeetingChatService;
  /** The Teams attendance reports (Microsoft 365); absent: attendance is taken from the meeting chat. */
  attendance?: AttendancePort;
}
