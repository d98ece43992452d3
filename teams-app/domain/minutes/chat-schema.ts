import { z } from 'zod';
import { DateOnly, Locale, SectorId } from '../reference';

/** An @mention Teams attaches to a message (activity `entities` of type mention). */
export const ChatMention = z.object({
  name: z.string().max(200),
  id: z.string().max(200).optional(),
  aadObjectId: z.string().max(64).optional(),
});
export type ChatMention = z.infer<typeof ChatMention>;

/** Who wrote a chat message. */
export const ChatSender = z.object({
  id: z.string().max(200),
  name: z.string().max(200),
  aadObjectId: z.string().max(64).optional(),
});
export type ChatSender = z.infer<typeof ChatSender>;

/** A meeting-chat message as the bot receives it (text may be Teams HTML). */
export const ChatMessage = z.object({
  id: z.string().min(1).max(200),
  from: ChatSender,
  text: z.string(),
  timestamp: z.string().max(64),
  mentions: z.array(ChatMention).max(100).optional(),
  contentType: z.enum(['html', 'text']).optional(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** A person the parser may recognise as an action owner by name or mention. */
export const KnownPerson = z.object({
  id: z.string().max(100),
  name: z.string().max(200),
  aadObjectId: z.string().max(64).optional(),
});
export type KnownPerson = z.infer<typeof KnownPerson>;

/** What was wrong with a captured line; the line is kept (with `raw`) whatever the problem. */
export const ChatProblem = z.enum([
  'owner-missing',
  'date-invalid',
  'text-empty',
  'text-truncated',
  'markup-removed',
  'message-too-long',
  'item-unknown',
  'unparsed',
  /** An escalation whose sector could not be told (no `Escalate (BDT):`, no single-sector topic): to confirm. */
  'sector-unknown',
  /** A `Done:` line naming no open follow-up action (unknown number, or owner and text matching none or several). */
  'action-unknown',
  /** A decision, action, escalation or `Done:` line from someone not in the register (a guest): to confirm. */
  'sender-unknown',
]);
export type ChatProblem = z.infer<typeof ChatProblem>;

/** The owner of an action: by @mention, by a known name, or by a name written before a colon or dash. */
export const ActionOwner = z.object({
  name: z.string().max(200),
  personId: z.string().max(100).nullable(),
  aadObjectId: z.string().max(64).nullable(),
  sector: SectorId.nullable(),
  mentioned: z.boolean(),
});
export type ActionOwner = z.infer<typeof ActionOwner>;

/** A move of the current agenda item: to an item (and sub-item), or to the next or previous one. */
export const ChatPointer = z.object({
  move: z.enum(['to', 'next', 'previous']),
  item: z.number().int().min(0).max(999).nullable(),
  sub: z.number().int().min(0).max(999).nullable(),
});
export type ChatPointer = z.infer<typeof ChatPointer>;

/** The kinds of captured line; `done` closes (or re-dates) a follow-up action from an earlier meeting. */
export const LineKind = z.enum(['decision', 'action', 'escalation', 'done', 'pointer', 'note', 'bot-command']);
export type LineKind = z.infer<typeof LineKind>;

/** One line of chat, understood. `raw` is always the line as received. */
export const ParsedLine = z.object({
  kind: LineKind,
  /** The language of the command word, when there is one. */
  language: Locale.nullable(),
  text: z.string(),
  raw: z.string(),
  owner: ActionOwner.nullable(),
  due: DateOnly.nullable(),
  dueText: z.string().max(100).nullable(),
  pointer: ChatPointer.nullable(),
  /** The sector an escalation names (`Escalate (BDT): …`), when it names one. */
  sector: SectorId.nullable(),
  /** The follow-up action a `Done:` line names by number (`Done: 3`), when it does. */
  actionNumber: z.number().int().min(1).max(999).nullable(),
  problems: z.array(ChatProblem),
});
export type ParsedLine = z.infer<typeof ParsedLine>;

/** The agenda position the chat was at: item number and optional sub-item. */
export const ChatPosition = z.object({
  item: z.number().int().min(0).max(999).nullable(),
  sub: z.number().int().min(0).max(999).nullable(),
});
export type ChatPosition = z.infer<typeof ChatPosition>;

/** A captured line with its message, author, time and the agenda position it was said at. */
export const CapturedRecord = ParsedLine.extend({
  id: z.string().min(1).max(140),
  messageId: z.string().max(200),
  line: z.number().int().min(0),
  at: z.string().max(64),
  from: ChatSender,
  ...ChatPosition.shape,
});
export type CapturedRecord = z.infer<typeof CapturedRecord>;

/** Everything captured from a meeting chat, in chat order. */
export const CapturedChat = z.object({
  records: z.array(CapturedRecord),
  /** Where the chat ended up on the agenda. */
  position: ChatPosition,
  messages: z.number().int().min(0),
  /** Messages written by the bot itself, left out. */
  skipped: z.number().int().min(0),
});
export type CapturedChat = z.infer<typeof CapturedChat>;
