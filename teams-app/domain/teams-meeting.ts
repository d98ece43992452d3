import { z } from 'zod';

/** A Teams chat thread id, e.g. `19:meeting_NjA…@thread.v2` (a meeting chat) or `19:…@thread.tacv2` (a channel). */
const ChatThreadId = z
  .string()
  .min(1)
  .max(400)
  .regex(/^19:[^\s/]+@thread\.[a-z0-9]+$/i, 'a Teams chat thread id');

/**
 * How Teams identifies a meeting: the thread of its meeting chat (also in its join URL) and, once the bot has
 * heard from the chat, the meeting id Teams sends in `channelData.meeting.id`. A chat is recognised as the
 * meeting's own chat only by this identity.
 */
export const TeamsMeetingIdentity = z.object({
  chatThreadId: ChatThreadId,
  meetingId: z.string().min(1).max(400).nullable().default(null),
});
export type TeamsMeetingIdentity = z.infer<typeof TeamsMeetingIdentity>;

/** What an incoming chat activity says about where it comes from. */
export interface SeenChat {
  /** `conversation.id` of the activity. */
  conversationId: string;
  /** `channelData.meeting.id`, present only in chats of Teams meetings. */
  meetingId: string | null;
}

/**
 * The chat thread a Teams join URL names (`https://teams.microsoft.com/l/meetup-join/19%3ameeting_…%40thread.v2/0?…`),
 * or null when the URL is not a Teams meeting link.
 */
export function chatThreadFromJoinUrl(joinUrl: string | null | undefined): string | null {
  if (!joinUrl) return null;
  let url: URL;
  try {
    url = new URL(joinUrl);
  } catch {
    return null;
  }
  const match = /\/l\/meetup-join\/([^/]+)/.exec(url.pathname);
  if (!match?.[1]) return null;
  let thread: string;
  try {
    thread = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return ChatThreadId.safeParse(thread).success ? thread : null;
}

/** The identity a meeting gets when it is scheduled with a join URL (null when the URL names no chat). */
export function teamsMeetingFromJoinUrl(joinUrl: string | null | undefined): TeamsMeetingIdentity | null {
  const chatThreadId = chatThreadFromJoinUrl(joinUrl);
  return chatThreadId ? { chatThreadId, meetingId: null } : null;
}

/** The thread of a conversation id: a channel reply chain `19:…@thread.tacv2;messageid=…` belongs to its channel. */
function threadOf(conversationId: string): string {
  return conversationId.split(';')[0] ?? conversationId;
}

/** True when a chat activity comes from the meeting with this stored identity (same chat thread or same Teams meeting id). */
export function isSameTeamsMeeting(stored: TeamsMeetingIdentity | null | undefined, seen: SeenChat): boolean {
  if (!stored) return false;
  if (threadOf(seen.conversationId) === stored.chatThreadId) return true;
  return stored.meetingId !== null && seen.meetingId !== null && stored.meetingId === seen.meetingId;
}

/** The identity stored when a chat is linked to a meeting: its own thread, and the Teams meeting id when it has one. */
export function identityOfChat(seen: SeenChat): TeamsMeetingIdentity | null {
  const parsed = TeamsMeetingIdentity.safeParse({
    chatThreadId: threadOf(seen.conversationId),
    meetingId: seen.meetingId,
  });
  return parsed.success ? parsed.data : null;
}

/**
 * The chat thread a Teams meeting id names. Teams gives a meeting (teams-js `context.meeting.id`, the bot's
 * `channelData.meeting.id`) as base64 of `0#<chat thread id>#0`; null when the id is not of that form.
 */
export function chatThreadFromMeetingId(meetingId: string): string | null {
  let decoded: string;
  try {
    decoded = atob(meetingId.trim());
  } catch {
    return null;
  }
  const thread = /^\d+#([^#]+)(?:#\d+)?$/.exec(decoded)?.[1];
  return thread && ChatThreadId.safeParse(thread).success ? thread : null;
}

/**
 * True when the Teams meeting a tab is opened in (its meeting id or its chat's thread id, as teams-js gives them) is
 * the meeting with this stored identity.
 */
export function isTeamsMeetingOf(stored: TeamsMeetingIdentity | null | undefined, hostId: string): boolean {
  if (!stored) return false;
  const id = hostId.trim();
  if (stored.meetingId !== null && stored.meetingId === id) return true;
  const thread = ChatThreadId.safeParse(threadOf(id)).success ? threadOf(id) : chatThreadFromMeetingId(id);
  return thread === stored.chatThreadId;
}
