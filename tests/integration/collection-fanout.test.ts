/**
 * A collection window's prompts go to the outbox in one enqueue (on Azure Storage: their records many to a
 * transaction, announced together), so the fan-out is queued faster than the instances send it; queueing again
 * adds nothing.
 */
import { Outbox, type OutboxDraft } from '../../teams-app/services/outbox';
import { RegisterService, queuePrompts, targetsOf, type CollectionMessages } from '../../teams-app/services';
import { CYCLE_SEED, cycleStore } from '../support/cycle-services';

class CountingOutbox extends Outbox {
  readonly calls: number[] = [];
  override async enqueue(drafts: readonly OutboxDraft[]) {
    this.calls.push(drafts.length);
    return super.enqueue(drafts);
  }
}

const messages: CollectionMessages = {
  prompt: (data) => ({ type: 'message', text: `prompt ${data.topic.id}` }),
  reminder: () => ({ type: 'message', text: 'reminder' }),
  delegationNotice: () => ({ type: 'message', text: 'delegation' }),
};

it('queues a window of prompts in one enqueue, each reachable focal point once, and nothing the second time', async () => {
  const store = await cycleStore('isc-tf-32');
  const outbox = new CountingOutbox(store, { now: () => Date.parse(CYCLE_SEED) });
  const deps = { store, register: new RegisterService(store), outbox, messages, now: () => CYCLE_SEED };
  const meeting = (await store.meetings.get('isc-tf-32'))!;
  const targets = await targetsOf(deps, meeting);
  expect(targets.length).toBeGreaterThan(10);
  // Three focal points have installed the app (a 1:1 conversation); the others cannot be reached yet.
  const installed = [...new Set(targets.map((t) => t.personId))].slice(0, 3);
  for (const personId of installed) {
    const person = (await store.people.get(personId))!;
    await store.conversations.create({
      id: `personal.${personId}`,
      aadObjectId: person.aadObjectId,
      personId,
      conversationId: `a:1${personId}`,
      conversationType: 'personal',
      serviceUrl: 'http://localhost:56150/_connector',
      tenantId: null,
      botId: 'bot',
      locale: null,
      updatedAt: CYCLE_SEED,
    });
  }

  const { queued } = await queuePrompts(deps, meeting, targets);

  expect(outbox.calls).toEqual([targets.length]);
  const prompts = await store.outbox.all({ where: { meetingId: 'isc-tf-32', kind: 'prompt' } });
  expect(prompts).toHaveLength(targets.length);
  const pending = prompts.filter((p) => p.status === 'pending');
  expect(queued).toBe(pending.length);
  expect(new Set(pending.map((p) => p.personId))).toEqual(new Set(installed));
  expect(prompts.filter((p) => p.status === 'undeliverable')).toHaveLength(targets.length - pending.length);

  expect(await queuePrompts(deps, meeting, targets)).toEqual({ queued: 0 });
  expect(outbox.calls).toHaveLength(1);
  await store.close();
});
