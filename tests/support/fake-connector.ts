import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConversationRef } from '../../teams-app/domain';
import {
  Outbox,
  RateLimiter,
  TEAMS_LIMITS,
  type OutboxDraft,
  type OutboxPort,
  type RateLimits,
} from '../../teams-app/services/outbox';
import type { Store } from '../../teams-app/store';

/** Faults the fake connector injects; rates are fractions of requests, drawn from a seeded generator. */
export interface FakeConnectorFaults {
  /** Answered 429 with a Retry-After header. */
  throttleRate?: number;
  /** Answered 429 without Retry-After. */
  throttleWithoutRetryAfterRate?: number;
  /** Retry-After of injected and limit 429s, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** Answered 500, 502, 503 or 504. */
  serverErrorRate?: number;
  /** Connection destroyed before the activity is accepted (the client sees a network error). */
  dropRate?: number;
  /** Conversation ids answered 403 (bot not installed / blocked by the user). */
  forbidden?: Iterable<string>;
  /** Requests destroyed unanswered and unrecorded, deterministically (e.g. those of a "dead" worker). */
  drop?: (request: { path: string; conversationId: string }) => boolean;
}

/** Options of the fake Bot Connector. */
export interface FakeConnectorOptions extends FakeConnectorFaults {
  /** The limits it enforces with 429 + Retry-After; null to enforce none. Teams limits by default. */
  limits?: RateLimits | null;
  /** Seed of the fault generator (default 1), so a run is reproducible. */
  seed?: number;
  /** Path prefix of the service URL, like the Agents Playground's "/_connector" (default). */
  prefix?: string;
}

/** An activity the connector accepted. */
export interface RecordedActivity {
  conversationId: string;
  activityId: string;
  activity: Record<string, unknown>;
  /** performance.now() when accepted. */
  at: number;
  /**
   * True when the sender's connection was already gone when the connector took the activity (e.g. its process was
   * killed while the request was held): the activity reached Teams, but its sender never learnt it.
   */
  clientGone?: boolean;
}

/** What the connector answered, by kind. */
export interface FakeConnectorCounts {
  requests: number;
  posted: number;
  updated: number;
  throttled: number;
  limitThrottled: number;
  serverErrors: number;
  dropped: number;
  forbidden: number;
  notFound: number;
}

/** A running fake Bot Connector. */
export interface FakeConnector {
  /** The serviceUrl to store in conversation references. */
  readonly serviceUrl: string;
  /** Every accepted POST, in order. */
  readonly posted: RecordedActivity[];
  /** Every accepted PUT (card update), in order. */
  readonly updated: RecordedActivity[];
  readonly counts: FakeConnectorCounts;
  /** The current content of an activity (after updates), or undefined. */
  activity(conversationId: string, activityId: string): Record<string, unknown> | undefined;
  /** Changes the injected faults from now on. */
  setFaults(faults: FakeConnectorFaults): void;
  /** Holds new requests unanswered and unrecorded until resume() or dropHeld(). */
  pause(): void;
  /** How many requests are held. */
  readonly held: number;
  /** The client-side TCP ports of the requests held now (which process sent them: see tests/support/instances.ts). */
  heldFrom(): number[];
  /** Destroys the held requests' connections: the connector never accepted them. */
  dropHeld(): void;
  /** Answers held requests and stops holding. */
  resume(): void;
  close(): Promise<void>;
}

/** A small seeded generator (mulberry32): fault injection is reproducible run to run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROUTE = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;
const SERVER_ERRORS = [500, 502, 503, 504];

interface Pending {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  body: string;
}

/**
 * Starts a fake Bot Connector on 127.0.0.1 (random port): POST /v3/conversations/{id}/activities → { id } and
 * PUT /v3/conversations/{id}/activities/{activityId}, anonymous like the Agents Playground's. It enforces the
 * Teams rate limits (429 + Retry-After), injects faults, and records every accepted activity so tests can
 * count lost and duplicated messages.
 */
export async function startFakeConnector(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
  const prefix = options.prefix ?? '/_connector';
  const random = seeded(options.seed ?? 1);
  const limiter = options.limits === null ? null : new RateLimiter({ limits: options.limits ?? TEAMS_LIMITS });
  let faults: FakeConnectorFaults = { ...options };
  let forbidden = new Set(faults.forbidden ?? []);
  const posted: RecordedActivity[] = [];
  const updated: RecordedActivity[] = [];
  const activities = new Map<string, Record<string, unknown>>();
  const counts: FakeConnectorCounts = {
    requests: 0,
    posted: 0,
    updated: 0,
    throttled: 0,
    limitThrottled: 0,
    serverErrors: 0,
    dropped: 0,
    forbidden: 0,
    notFound: 0,
  };
  let paused = false;
  let heldRequests: Pending[] = [];
  let nextId = 1;

  function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  }

  function error(res: http.ServerResponse, status: number, code: string, headers: Record<string, string> = {}): void {
    json(res, status, { error: { code, message: `${code} (fake connector)` } }, headers);
  }

  function drop(req: http.IncomingMessage): void {
    counts.dropped += 1;
    req.socket.destroy();
  }

  function answer({ req, res, body }: Pending): void {
    const url = new URL(req.url ?? '/', 'http://connector');
    const match = ROUTE.exec(url.pathname);
    if (!match || !url.pathname.startsWith(`${prefix}/`)) return error(res, 404, 'NotFound');
    const conversationId = decodeURIComponent(match[1] ?? '');
    const activityId = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
    if (faults.drop?.({ path: url.pathname, conversationId })) return drop(req);
    if (req.method !== (activityId === undefined ? 'POST' : 'PUT')) return error(res, 405, 'MethodNotAllowed');
    let activity: Record<string, unknown>;
    try {
      activity = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return error(res, 400, 'BadSyntax');
    }
    const retryAfter = String(faults.retryAfterSeconds ?? 1);
    const roll = random();
    const dropUntil = faults.dropRate ?? 0;
    const throttleUntil = dropUntil + (faults.throttleRate ?? 0);
    const bareThrottleUntil = throttleUntil + (faults.throttleWithoutRetryAfterRate ?? 0);
    const serverErrorUntil = bareThrottleUntil + (faults.serverErrorRate ?? 0);
    if (roll < dropUntil) return drop(req);
    if (roll < throttleUntil) {
      counts.throttled += 1;
      return error(res, 429, 'Throttled', { 'retry-after': retryAfter });
    }
    if (roll < bareThrottleUntil) {
      counts.throttled += 1;
      return error(res, 429, 'Throttled');
    }
    if (roll < serverErrorUntil) {
      counts.serverErrors += 1;
      return error(res, SERVER_ERRORS[Math.floor(random() * SERVER_ERRORS.length)] ?? 500, 'ServiceError');
    }
    if (forbidden.has(conversationId)) {
      counts.forbidden += 1;
      return error(res, 403, 'ConversationBlockedByUser');
    }
    const key = `${conversationId}\n${activityId ?? ''}`;
    if (activityId !== undefined && !activities.has(key)) {
      counts.notFound += 1;
      return error(res, 404, 'ActivityNotFound');
    }
    const wait = limiter ? limiter.reserve(conversationId) : 0;
    if (wait > 0) {
      counts.limitThrottled += 1;
      return error(res, 429, 'Throttled', { 'retry-after': String(Math.max(1, Math.ceil(wait / 1000))) });
    }
    const id = activityId ?? `1:act-${String(nextId++).padStart(6, '0')}`;
    const record: RecordedActivity = { conversationId, activityId: id, activity, at: performance.now() };
    if (res.destroyed) record.clientGone = true;
    activities.set(`${conversationId}\n${id}`, activity);
    if (activityId === undefined) {
      counts.posted += 1;
      posted.push(record);
      return json(res, 201, { id });
    }
    counts.updated += 1;
    updated.push(record);
    json(res, 200, { id });
  }

  const server = http.createServer((req, res) => {
    counts.requests += 1;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => undefined);
    req.on('end', () => {
      const pending = { req, res, body: Buffer.concat(chunks).toString('utf8') };
      if (paused) heldRequests.push(pending);
      else answer(pending);
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    serviceUrl: `http://127.0.0.1:${port}${prefix}`,
    posted,
    updated,
    counts,
    activity: (conversationId, activityId) => activities.get(`${conversationId}\n${activityId}`),
    setFaults(next) {
      faults = { ...faults, ...next };
      if (next.forbidden) forbidden = new Set(next.forbidden);
    },
    pause() {
      paused = true;
    },
    get held() {
      return heldRequests.length;
    },
    heldFrom() {
      return heldRequests.map(({ req }) => req.socket.remotePort ?? 0);
    },
    dropHeld() {
      const held = heldRequests;
      heldRequests = [];
      for (const { req } of held) drop(req);
    },
    resume() {
      paused = false;
      const held = heldRequests;
      heldRequests = [];
      for (const pending of held) answer(pending);
    },
    async close() {
      paused = false;
      for (const { req } of heldRequests) req.socket.destroy();
      heldRequests = [];
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A personal-chat conversation reference on the fake connector, for person number `index`. */
export function fakeConversationRef(serviceUrl: string, index: number): ConversationRef {
  const n = String(index).padStart(4, '0');
  return {
    id: `personal.user-${n}`,
    aadObjectId: `00000000-0000-0000-0000-00000000${n}`,
    personId: `person-${n}`,
    conversationId: `a:1conversation-${n}`,
    conversationType: 'personal',
    serviceUrl,
    tenantId: 'tenant-1',
    botId: '28:isc-coordinator',
    locale: 'en',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** Lost and duplicated messages: each expected message must have been accepted exactly once (matched by text). */
export interface DeliveryTally {
  lost: string[];
  duplicates: string[];
  /** Accepted activities whose text is not an expected message. */
  unexpected: string[];
}

/** Compares what the connector accepted (POSTs, or PUTs) with the texts that should each arrive exactly once. */
export function tallyDeliveries(
  connector: FakeConnector,
  expected: Iterable<string>,
  kind: 'posted' | 'updated' = 'posted',
): DeliveryTally {
  const seen = new Map<string, number>();
  for (const record of connector[kind]) {
    const text = String(record.activity.text);
    seen.set(text, (seen.get(text) ?? 0) + 1);
  }
  const wanted = new Set(expected);
  return {
    lost: [...wanted].filter((text) => !seen.has(text)),
    duplicates: [...seen].filter(([text, n]) => wanted.has(text) && n > 1).map(([text]) => text),
    unexpected: [...seen.keys()].filter((text) => !wanted.has(text)),
  };
}

/** Options of a fan-out fixture. */
export interface FanoutFixture {
  recipients: number;
  perRecipient: number;
  meetingId?: string;
  /** The outbox to queue through (one with a work queue on Azure Storage); a plain one on the store by default. */
  outbox?: Pick<OutboxPort, 'enqueue'>;
  /**
   * How many recipients are stored and queued for at once (default 1: one after the other, in one enqueue); each
   * recipient's prompts stay in one enqueue, in order. For stores whose every call is a network round trip.
   */
  concurrency?: number;
  /** The recipients' conversation references are stored already (by an earlier call): only queue. */
  refsStored?: boolean;
}

/**
 * Stores a conversation reference on the fake connector for each recipient and queues `perRecipient`
 * prompts to each (the activity text is the message id). Returns the message ids and the references.
 */
export async function seedFanout(
  store: Pick<Store, 'outbox' | 'conversations'>,
  serviceUrl: string,
  fixture: FanoutFixture,
): Promise<{ ids: string[]; refs: ConversationRef[] }> {
  const concurrency = Math.max(1, fixture.concurrency ?? 1);
  const people = Array.from({ length: fixture.recipients }, (_, i) => i + 1);
  // Each of `concurrency` callers seeds every concurrency-th recipient, one after the other.
  const parts = await Promise.all(
    Array.from({ length: concurrency }, (_, k) =>
      seedPeople(
        store,
        serviceUrl,
        fixture,
        people.filter((n) => n % concurrency === k),
      ),
    ),
  );
  if (parts.length === 1 && parts[0]) return parts[0];
  return {
    ids: parts.flatMap((part) => part.ids).sort(),
    refs: parts.flatMap((part) => part.refs).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

/** Stores the references of the given recipients (by number) and queues their prompts in one enqueue. */
async function seedPeople(
  store: Pick<Store, 'outbox' | 'conversations'>,
  serviceUrl: string,
  fixture: FanoutFixture,
  people: readonly number[],
): Promise<{ ids: string[]; refs: ConversationRef[] }> {
  const meetingId = fixture.meetingId ?? 'isc-tf-1';
  const refs: ConversationRef[] = [];
  const drafts: OutboxDraft[] = [];
  for (const person of people) {
    const ref = fakeConversationRef(serviceUrl, person);
    refs.push(ref);
    if (!fixture.refsStored && !(await store.conversations.get(ref.id))) await store.conversations.create(ref);
    for (let topic = 1; topic <= fixture.perRecipient; topic += 1) {
      const id = `prompt:${meetingId}:${ref.personId}:topic-${topic}`;
      drafts.push({
        id,
        kind: 'prompt',
        meetingId,
        personId: ref.personId,
        topicId: `topic-${topic}`,
        conversationRefId: ref.id,
        activity: { type: 'message', text: id },
      });
    }
  }
  await (fixture.outbox ?? new Outbox(store)).enqueue(drafts);
  return { ids: drafts.map((d) => d.id), refs };
}
