import {
  deliveryFailure,
  type Agenda,
  type DocumentVersion,
  type Meeting,
  type Minutes,
  type OutboxMessage,
} from '../../domain';
import { versionDocumentUrl } from './document-files';
import type { MeetingDeps } from './meeting-deps';

type Deps = Pick<MeetingDeps, 'store' | 'outbox' | 'messages' | 'publicUrl'>;

/** The outbox key of a document's post to the meeting chat: one post per meeting, kind and version. */
export function postKey(kind: DocumentVersion['kind'], meetingId: string, version: number): string {
  return `${kind}:${meetingId}:v${version}`;
}

/** Queues a post to the meeting's chat (idempotent by id); nothing when the meeting has no chat. */
async function postToChat(
  deps: Pick<MeetingDeps, 'store' | 'outbox'>,
  meeting: Meeting,
  id: string,
  kind: OutboxMessage['kind'],
  activity: Record<string, unknown>,
): Promise<void> {
  if (!meeting.chatId) return;
  const refs = await deps.store.conversations.all({ where: { conversationId: meeting.chatId } });
  const ref = refs[0];
  await deps.outbox.enqueue([
    {
      id,
      kind,
      meetingId: meeting.id,
      personId: null,
      topicId: null,
      conversationRefId: ref?.id ?? 'none',
      activity,
      undeliverableReason: ref
        ? null
        : deliveryFailure('delivery.not-installed', 'the bot has not been added to this meeting chat yet'),
    },
  ]);
}

/** Posts the published agenda to the meeting chat, with the link to its document. */
export async function postAgenda(
  deps: Deps,
  meeting: Meeting,
  version: DocumentVersion,
  agenda: Agenda,
): Promise<void> {
  if (!version.file) return;
  const activity = deps.messages.agendaPublished(
    agenda,
    versionDocumentUrl(deps, { ...version, file: version.file }),
    agenda.locale,
  );
  await postToChat(deps, meeting, postKey('agenda', meeting.id, version.version), 'agenda', activity);
}

/** Posts the approved minutes to the meeting chat, with the link to their document. */
export async function postMinutes(
  deps: Deps,
  meeting: Meeting,
  version: DocumentVersion,
  minutes: Minutes,
): Promise<void> {
  if (!version.file) return;
  const activity = deps.messages.minutesApproved(
    minutes,
    versionDocumentUrl(deps, { ...version, file: version.file }),
    minutes.locale,
  );
  await postToChat(deps, meeting, postKey('minutes', meeting.id, version.version), 'minutes', activity);
}

/** Whether a document's post is in the outbox (queued, sent or recorded undeliverable). */
export async function isPosted(
  deps: Pick<MeetingDeps, 'outbox'>,
  kind: DocumentVersion['kind'],
  meetingId: string,
  version: number,
): Promise<boolean> {
  return (await deps.outbox.get(postKey(kind, meetingId, version))) !== null;
}
