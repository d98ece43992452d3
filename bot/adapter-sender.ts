/**
 * The production `Sender` of the outbox, on botbuilder's CloudAdapter (like bot/adapter.ts): a proactive turn
 * gives the ConnectorClient for a service URL, activities are posted or updated through it, and every failure
 * is turned into a `DeliveryError` (HTTP status, Retry-After, connector error code). The connector client's own
 * retry policy is removed so each call is exactly one HTTP request: retries, rate limits and their
 * bookkeeping belong to the outbox worker.
 */
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { cloudAdapter, type BotCredentials } from './adapter';
import type { ConversationRef } from '../teams-app/domain';
import { DeliveryError, parseRetryAfter, type OutboxActivity, type Sender } from '../teams-app/services/outbox';

/** Options of the Bot Connector sender. */
export interface AdapterSenderOptions {
  /** Per-request timeout; keep it well below the outbox lease (default 30 s). */
  timeoutMs?: number;
}

/** The part of botbuilder's ConnectorClient the sender uses (its type is not exported by botbuilder). */
interface ConnectorConversations {
  sendToConversation(
    conversationId: string,
    activity: Partial<Activity>,
    options?: { abortSignal?: AbortSignal },
  ): Promise<{ id?: string }>;
  updateActivity(
    conversationId: string,
    activityId: string,
    activity: Partial<Activity>,
    options?: { abortSignal?: AbortSignal },
  ): Promise<{ id?: string }>;
}

/** The name of the retry policy @azure/core-rest-pipeline puts in every ConnectorClient. */
const BUILT_IN_RETRY_POLICY = 'defaultRetryPolicy';

/**
 * Removes the pipeline's built-in retries (3 tries on 429/5xx/network errors, invisible to the outbox and
 * able to duplicate posts). Reaches into botbuilder-stdlib's ServiceClientContext, which is frozen with the
 * archived botbuilder 4.x; if its shape ever differs this is a no-op and the tests notice.
 */
function disableBuiltInRetries(connector: unknown): void {
  const pipeline = (connector as { client?: { pipeline?: { removePolicy?: (o: { name: string }) => unknown } } }).client
    ?.pipeline;
  pipeline?.removePolicy?.({ name: BUILT_IN_RETRY_POLICY });
}

function referenceOf(ref: ConversationRef): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl: ref.serviceUrl,
    conversation: {
      id: ref.conversationId,
      isGroup: ref.conversationType !== 'personal',
      conversationType: ref.conversationType,
      tenantId: ref.tenantId ?? undefined,
      name: '',
    },
    bot: { id: ref.botId, name: '' },
    user: { id: '', name: '', aadObjectId: ref.aadObjectId },
  };
}

function connectorErrorCode(error: { response?: { bodyAsText?: string | null } }): string | undefined {
  const body = error.response?.bodyAsText;
  if (!body) return undefined;
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown } };
    return typeof parsed.error?.code === 'string' ? parsed.error.code.slice(0, 100) : undefined;
  } catch {
    return undefined;
  }
}

/** Maps what botbuilder / @azure/core-rest-pipeline throws (RestError and friends) to a DeliveryError. */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = (error ?? {}) as {
    statusCode?: unknown;
    code?: unknown;
    message?: unknown;
    response?: {
      status?: number;
      headers?: { get?: (name: string) => string | undefined };
      bodyAsText?: string | null;
    };
  };
  const status =
    typeof e.statusCode === 'number' ? e.statusCode : typeof e.response?.status === 'number' ? e.response.status : 0;
  const message = typeof e.message === 'string' && e.message ? e.message : String(error);
  const retryAfterMs = parseRetryAfter(e.response?.headers?.get?.('retry-after'));
  const code = status === 0 ? (typeof e.code === 'string' ? e.code : undefined) : connectorErrorCode(e);
  return new DeliveryError(status, status === 0 ? `no answer from the connector: ${message}` : message, {
    retryAfterMs,
    code,
    cause: error,
  });
}

/** Builds the Sender that posts and updates proactive messages through the Bot Connector. */
export function createAdapterSender(credentials: BotCredentials, options: AdapterSenderOptions = {}): Sender {
  // No onTurnError: a failed send must reach the worker, not be answered with an apology message.
  const adapter = cloudAdapter(credentials);
  const timeout = options.timeoutMs ?? 30_000;

  // One ConnectorClient per service URL, made by a proactive turn (the sanctioned way, so authentication is
  // botbuilder's) and reused: a client per message costs twice the CPU. Its credentials refresh tokens per request.
  const connectors = new Map<string, Promise<ConnectorConversations>>();

  async function openConnector(ref: ConversationRef): Promise<ConnectorConversations> {
    let found: { conversations: ConnectorConversations } | undefined;
    await adapter.continueConversationAsync(credentials.appId ?? '', referenceOf(ref), async (context) => {
      found = context.turnState.get(adapter.ConnectorClientKey) as
        { conversations: ConnectorConversations } | undefined;
    });
    if (!found) throw new DeliveryError(0, 'botbuilder created no connector client for this turn');
    disableBuiltInRetries(found);
    return found.conversations;
  }

  function connectorFor(ref: ConversationRef): Promise<ConnectorConversations> {
    let connector = connectors.get(ref.serviceUrl);
    if (!connector) {
      connector = openConnector(ref);
      connectors.set(ref.serviceUrl, connector);
      connector.catch(() => connectors.delete(ref.serviceUrl));
    }
    return connector;
  }

  async function withConnector<T>(
    ref: ConversationRef,
    call: (
      connector: ConnectorConversations,
      reference: Partial<ConversationReference>,
      abortSignal: AbortSignal,
    ) => Promise<T>,
  ): Promise<T> {
    // Our own timer rather than the client's `timeout`, which is never cleared when a request errors.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeout);
    try {
      return await call(await connectorFor(ref), referenceOf(ref), abort.signal);
    } catch (error) {
      throw toDeliveryError(error);
    } finally {
      clearTimeout(timer);
    }
  }

  function outgoing(activity: OutboxActivity, reference: Partial<ConversationReference>): Partial<Activity> {
    const plain = { type: 'message', ...activity } as Partial<Activity>;
    return TurnContext.applyConversationReference(plain, reference);
  }

  return {
    async send(ref, activity) {
      return withConnector(ref, async (connector, reference, abortSignal) => {
        const response = await connector.sendToConversation(ref.conversationId, outgoing(activity, reference), {
          abortSignal,
        });
        return { id: response?.id ?? '' };
      });
    },
    async update(ref, activityId, activity) {
      await withConnector(ref, async (connector, reference, abortSignal) => {
        const body = { ...outgoing(activity, reference), id: activityId };
        await connector.updateActivity(ref.conversationId, activityId, body, { abortSignal });
      });
    },
  };
}
