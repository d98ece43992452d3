import { isAppError } from '../../../../teams-app/domain';
import { Outbox } from '../../../../teams-app/services/outbox';
import { draft, storeWithPeople } from './factories';

const now = () => Date.parse('2026-03-01T09:00:00.000Z');

describe('Outbox', () => {
  it('keeps one row when the same message is queued twice', async () => {
    const store = await storeWithPeople(1);
    const outbox = new Outbox(store, { now });
    expect(await outbox.enqueue([draft('prompt:m1:p1:t1', 1)])).toEqual({ created: ['prompt:m1:p1:t1'], existing: [] });
    expect(await outbox.enqueue([draft('prompt:m1:p1:t1', 1, { activity: { text: 'changed' } })])).toEqual({
      created: [],
      existing: ['prompt:m1:p1:t1'],
    });
    const rows = await store.outbox.all();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.activity).toEqual({ type: 'message', text: 'prompt:m1:p1:t1' });
  });

  it('treats a repeated id within one call as already queued', async () => {
    const store = await storeWithPeople(1);
    const result = await new Outbox(store, { now }).enqueue([draft('a', 1), draft('a', 1), draft('b', 1)]);
    expect(result).toEqual({ created: ['a', 'b'], existing: ['a'] });
    expect(await store.outbox.all()).toHaveLength(2);
  });

  it('leaves a message alone once it has been sent, even when queued again', async () => {
    const store = await storeWithPeople(1);
    const outbox = new Outbox(store, { now });
    await outbox.enqueue([draft('a', 1)]);
    const row = (await store.outbox.get('a'))!;
    const { etag, ...message } = row;
    await store.outbox.update({ ...message, status: 'sent', sentActivityId: 'x' }, etag);
    await outbox.enqueue([draft('a', 1)]);
    expect((await store.outbox.get('a'))?.status).toBe('sent');
  });

  it('fills in the delivery bookkeeping and normalises notBefore to UTC', async () => {
    const store = await storeWithPeople(1);
    await new Outbox(store, { now }).enqueue([
      draft('a', 1),
      draft('b', 1, { notBefore: '2026-03-01T12:00:00+02:00', replaceActivityId: '1:xyz' }),
    ]);
    expect(await store.outbox.get('a')).toMatchObject({
      status: 'pending',
      attempts: 0,
      notBefore: '2026-03-01T09:00:00.000Z',
      createdAt: '2026-03-01T09:00:00.000Z',
      replaceActivityId: null,
      leaseUntil: null,
      sentAt: null,
    });
    expect(await store.outbox.get('b')).toMatchObject({
      notBefore: '2026-03-01T10:00:00.000Z',
      replaceActivityId: '1:xyz',
    });
  });

  it('refuses an invalid message with a coded error and queues nothing of that batch', async () => {
    const store = await storeWithPeople(1);
    const outbox = new Outbox(store, { now });
    expect.assertions(2);
    await outbox.enqueue([draft('ok', 1), draft('', 1)]).catch((error: unknown) => {
      expect(isAppError(error, 'request.invalid')).toBe(true);
    });
    expect(await store.outbox.all()).toHaveLength(0);
  });

  it('counts messages by state, per meeting or overall', async () => {
    const store = await storeWithPeople(2);
    const outbox = new Outbox(store, { now });
    await outbox.enqueue([draft('a', 1), draft('b', 2), draft('c', 2, { meetingId: 'm2' })]);
    const b = (await store.outbox.get('b'))!;
    const { etag, ...message } = b;
    await store.outbox.update({ ...message, status: 'undeliverable', lastError: 'blocked (403)' }, etag);
    expect(await outbox.stats('m1')).toEqual({
      pending: 1,
      sending: 0,
      sent: 0,
      undeliverable: 1,
      failed: 0,
      total: 2,
    });
    expect((await outbox.stats()).total).toBe(3);
    expect((await outbox.problems('m1')).map((m) => m.id)).toEqual(['b']);
  });

  it('requeues an undeliverable message with fresh attempts and refuses to requeue a pending one', async () => {
    const store = await storeWithPeople(1);
    const outbox = new Outbox(store, { now });
    await outbox.enqueue([draft('a', 1), draft('b', 1)]);
    const { etag, ...message } = (await store.outbox.get('a'))!;
    await store.outbox.update({ ...message, status: 'undeliverable', attempts: 1, lastError: '403' }, etag);
    expect(await outbox.requeue('a')).toBe(true);
    expect(await store.outbox.get('a')).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    expect(await outbox.requeue('b')).toBe(false);
    expect(await outbox.requeue('missing')).toBe(false);
  });
});
