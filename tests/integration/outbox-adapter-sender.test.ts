import { createAdapterSender } from '../../bot/adapter-sender';
import { DeliveryError } from '../../teams-app/services/outbox';
import { fakeConversationRef, startFakeConnector, type FakeConnector } from '../support/fake-connector';

const local = { appType: 'MultiTenant' as const };

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe('the Bot Connector sender', () => {
  let connector: FakeConnector;

  beforeEach(async () => {
    connector = await startFakeConnector({ limits: null });
  });

  afterEach(async () => {
    await connector.close();
  });

  it('posts an activity anonymously to the stored conversation and returns the connector id', async () => {
    const sender = createAdapterSender(local);
    const ref = fakeConversationRef(connector.serviceUrl, 1);
    const { id } = await sender.send(ref, { type: 'message', text: 'Status update for ISC-TF-32, please' });
    expect(id).toMatch(/^1:act-/);
    expect(connector.posted).toHaveLength(1);
    expect(connector.posted[0]).toMatchObject({
      conversationId: ref.conversationId,
      activity: {
        type: 'message',
        text: 'Status update for ISC-TF-32, please',
        conversation: { id: ref.conversationId, tenantId: 'tenant-1' },
        from: { id: ref.botId },
      },
    });
  });

  it('replaces an earlier activity in place', async () => {
    const sender = createAdapterSender(local);
    const ref = fakeConversationRef(connector.serviceUrl, 1);
    const { id } = await sender.send(ref, { type: 'message', text: 'card v1' });
    await sender.update(ref, id, { type: 'message', text: 'card v2' });
    expect(connector.posted).toHaveLength(1);
    expect(connector.activity(ref.conversationId, id)).toMatchObject({ text: 'card v2', id });
  });

  it('reports a 429 with its Retry-After in milliseconds', async () => {
    connector.setFaults({ throttleRate: 1, retryAfterSeconds: 3 });
    const sender = createAdapterSender(local);
    const error = await failure(sender.send(fakeConversationRef(connector.serviceUrl, 1), { type: 'message' }));
    expect(error).toMatchObject({ status: 429, retryAfterMs: 3000 });
  });

  it('reports a 429 without Retry-After', async () => {
    connector.setFaults({ throttleWithoutRetryAfterRate: 1 });
    const sender = createAdapterSender(local);
    const error = await failure(sender.send(fakeConversationRef(connector.serviceUrl, 1), { type: 'message' }));
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBeUndefined();
  });

  it('makes exactly one request per call: botbuilder does not retry a 5xx behind the outbox', async () => {
    connector.setFaults({ serverErrorRate: 1 });
    const sender = createAdapterSender(local);
    const error = await failure(sender.send(fakeConversationRef(connector.serviceUrl, 1), { type: 'message' }));
    expect([500, 502, 503, 504]).toContain(error.status);
    expect(connector.counts.requests).toBe(1);
  });

  it('reports a blocked conversation as 403 with the connector error code', async () => {
    const ref = fakeConversationRef(connector.serviceUrl, 1);
    connector.setFaults({ forbidden: [ref.conversationId] });
    const error = await failure(createAdapterSender(local).send(ref, { type: 'message' }));
    expect(error).toMatchObject({ status: 403, code: 'ConversationBlockedByUser' });
  });

  it('reports a dropped connection as status 0', async () => {
    connector.setFaults({ dropRate: 1 });
    const error = await failure(
      createAdapterSender(local).send(fakeConversationRef(connector.serviceUrl, 1), { type: 'message' }),
    );
    expect(error.status).toBe(0);
    expect(connector.posted).toHaveLength(0);
  });

  it('reports an update of an unknown activity as 404', async () => {
    const error = await failure(
      createAdapterSender(local).update(fakeConversationRef(connector.serviceUrl, 1), '1:nope', { type: 'message' }),
    );
    expect(error.status).toBe(404);
  });

  it('gives up on a connector that does not answer within the timeout', async () => {
    connector.pause();
    const sender = createAdapterSender(local, { timeoutMs: 300 });
    const error = await failure(sender.send(fakeConversationRef(connector.serviceUrl, 1), { type: 'message' }));
    expect(error.status).toBe(0);
    connector.dropHeld();
    expect(connector.posted).toHaveLength(0);
  });
});
