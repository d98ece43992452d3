import { createHash } from 'node:crypto';
import { pickLocale } from '../teams-app/i18n';
import type { ConversationRef } from '../teams-app/domain';
import type { IncomingActivity } from './activity';

/** The kind of Teams conversation an activity comes from. */
export function conversationType(activity: IncomingActivity): ConversationRef['conversationType'] {
  const type = activity.conversation.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat' || activity.conversation.isGroup) return 'groupChat';
  return 'personal';
}

/** The reference the bot stores to reach the sender later; one per person for 1:1, one per chat otherwise. */
export function referenceFrom(
  activity: IncomingActivity,
  personId: string | null,
  nowIso: string,
): ConversationRef | null {
  const aadObjectId = activity.from.aadObjectId;
  if (!aadObjectId) return null;
  const type = conversationType(activity);
  const id =
    type === 'personal'
      ? `personal.${aadObjectId}`
      : `${type}.${createHash('sha256').update(activity.conversation.id).digest('hex').slice(0, 32)}`;
  return {
    id,
    aadObjectId,
    personId,
    conversationId: activity.conversation.id,
    conversationType: type,
    serviceUrl: activity.serviceUrl,
    tenantId: activity.conversation.tenantId ?? null,
    botId: activity.recipient.id,
    locale: activity.locale ? pickLocale(activity.locale) : null,
    updatedAt: nowIso,
  };
}
