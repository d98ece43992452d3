import type { ConversationRef } from '../../../../teams-app/domain';
import {
  DeliveryError,
  type OutboxActivity,
  type OutboxDraft,
  type Sender,
} from '../../../../teams-app/services/outbox';
import { openSqliteStore } from '../../../../teams-app/store/sqlite/sqlite-store';
import type { Store } from '../../../../teams-app/store';

/** A personal-chat reference for person `n`. */
export function conversationRef(n: number): ConversationRef {
  return {
    id: `personal.p${n}`,
    aadObjectId: `aad-${n}`,
    personId: `p${n}`,
    conversationId: `a:conv-${n}`,
    conversationType: 'personal',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    tenantId: 'tenant-1',
    botId: '28:bot',
    locale: 'en',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** A prompt for person `n`; the activity text is the message id, so a sender can tell messages apart. */
export function draft(id: string, person: number, overrides: Partial<OutboxDraft> = {}): OutboxDraft {
  return {
    id,
    kind: 'prompt',
    meetingId: 'm1',
    personId: `p${person}`,
    topicId: 't1',
    conversationRefId: `personal.p${person}`,
    activity: { type: 'message', text: id },
    ...overrides,
  };
}

/** An in-memory store with references for persons 1..people. */
export async function storeWithPeople(people: number): Promise<Store> {
  const store = openSqliteStore({ file: ':memory:' });
  for (let n = 1; n <= people; n += 1) await store.conversations.create(conversationRef(n));
  return store;
}

/** One call the scripted sender received. */
export interface SenderCall {
  op: 'send' | 'update';
  conversationId: string;
  text: string;
  activityId?: string;
  failed?: boolean;
}

/** A Sender that records calls and fails as scripted per message text; otherwise succeeds. */
export class ScriptedSender implements Sender {
  readonly calls: SenderCall[] = [];
  private readonly script = new Map<string, (DeliveryError | Error)[]>();
  private nextId = 1;
  /** Called inside each call before it answers (e.g. to make it slow). */
  during: (call: SenderCall) => Promise<void> = async () => undefined;

  /** The next calls for the message with this text fail with these errors, in order. */
  fail(text: string, ...errors: (DeliveryError | Error)[]): void {
    this.script.set(text, [...(this.script.get(text) ?? []), ...errors]);
  }

  /** The texts delivered successfully, in order. */
  delivered(op: 'send' | 'update' = 'send'): string[] {
    return this.calls.filter((c) => c.op === op && !c.failed).map((c) => c.text);
  }

  async send(ref: ConversationRef, activity: OutboxActivity): Promise<{ id: string }> {
    await this.answer({ op: 'send', conversationId: ref.conversationId, text: String(activity.text) });
    return { id: `act-${this.nextId++}` };
  }

  async update(ref: ConversationRef, activityId: string, activity: OutboxActivity): Promise<void> {
    await this.answer({ op: 'update', conversationId: ref.conversationId, text: String(activity.text), activityId });
  }

  private async answer(call: SenderCall): Promise<void> {
    await this.during(call);
    const error = this.script.get(call.text)?.shift();
    this.calls.push(error ? { ...call, failed: true } : call);
    if (error) throw error;
  }
}
