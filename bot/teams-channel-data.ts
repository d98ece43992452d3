import { z } from 'zod';
import type { SeenChat } from '../teams-app/domain';
import type { IncomingActivity } from './activity';

/** The parts of Teams' `channelData` the bot reads: the tenant and, in a meeting chat, the meeting. */
const TeamsChannelData = z.object({
  tenant: z.object({ id: z.string().min(1).max(64) }).optional(),
  meeting: z.object({ id: z.string().min(1).max(400) }).optional(),
});

function channelDataOf(activity: IncomingActivity): z.infer<typeof TeamsChannelData> {
  const parsed = TeamsChannelData.safeParse(activity.channelData ?? {});
  return parsed.success ? parsed.data : {};
}

/** The Entra tenant an activity comes from (`conversation.tenantId`, else `channelData.tenant.id`), or null. */
export function tenantOf(activity: IncomingActivity): string | null {
  return activity.conversation.tenantId || channelDataOf(activity).tenant?.id || null;
}

/** Where a chat activity comes from, as the meeting-chat linking compares it with a meeting's Teams identity. */
export function seenChat(activity: IncomingActivity): SeenChat {
  return { conversationId: activity.conversation.id, meetingId: channelDataOf(activity).meeting?.id ?? null };
}
