import { Outbox, OutboxWorker, RateLimiter } from '../../../../teams-app/services/outbox';
import { outdatedByCancel, outdatedByMove, withdrawMessages } from '../../../../teams-app/services';
import { ScriptedSender, draft, storeWithPeople } from '../outbox/factories';
import { VirtualClock } from '../outbox/virtual-clock';

async function setup() {
  const store = await storeWithPeople(3);
  const clock = new VirtualClock();
  const outbox = new Outbox(store, { now: clock.now });
  const sender = new ScriptedSender();
  const worker = new OutboxWorker({
    store,
    sender,
    clock,
    limiter: new RateLimiter({ now: clock.now }),
    random: () => 0.5,
  });
  return { store, outbox, sender, worker };
}

describe('withdrawing the queued messages of a meeting', () => {
  it('never sends what was withdrawn, and sends the rest', async () => {
    const { store, outbox, sender, worker } = await setup();
    await outbox.enqueue([
      draft('prompt:m1:p1:t1:BR', 1),
      draft('reminder:m1:p2:0', 2, { kind: 'reminder' }),
      draft('notice:m1:p3:meeting:cancelled', 3, { kind: 'notice' }),
      draft('prompt:m2:p1:t1:BR', 1, { meetingId: 'm2' }),
    ]);
    expect(await withdrawMessages({ store, outbox }, 'm1', outdatedByCancel)).toBe(2);
    await worker.runOnce();
    expect(sender.delivered().sort()).toEqual(['notice:m1:p3:meeting:cancelled', 'prompt:m2:p1:t1:BR']);
    expect((await store.outbox.get('prompt:m1:p1:t1:BR'))?.status).toBe('withdrawn');
    expect((await store.outbox.get('reminder:m1:p2:0'))?.status).toBe('withdrawn');
  });

  it('leaves what was already sent, and takes back on a move only reminders and earlier move notices', async () => {
    const { store, outbox, worker } = await setup();
    await outbox.enqueue([draft('prompt:m1:p1:t1:BR', 1)]);
    await worker.runOnce();
    await outbox.enqueue([
      draft('prompt:m1:p2:t1:BR', 2),
      draft('reminder:m1:p2:0', 2, { kind: 'reminder' }),
      draft('notice:m1:p3:meeting:moved@2026-12-10T08:00:00.000Z', 3, { kind: 'notice' }),
      draft('notice:m1:p3:t1:delegated', 3, { kind: 'notice' }),
    ]);
    expect(await withdrawMessages({ store, outbox }, 'm1', outdatedByMove)).toBe(2);
    const statuses = Object.fromEntries(
      (await store.outbox.all({ where: { meetingId: 'm1' } })).map((row) => [row.id, row.status]),
    );
    expect(statuses).toEqual({
      'prompt:m1:p1:t1:BR': 'sent',
      'prompt:m1:p2:t1:BR': 'pending',
      'reminder:m1:p2:0': 'withdrawn',
      'notice:m1:p3:meeting:moved@2026-12-10T08:00:00.000Z': 'withdrawn',
      'notice:m1:p3:t1:delegated': 'pending',
    });
  });
});
