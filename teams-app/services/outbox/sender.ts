import type { ConversationRef, OutboxMessage } from '../../domain';

/** An activity as the outbox stores and sends it: plain JSON (an OutgoingActivity of the bot). */
export type OutboxActivity = OutboxMessage['activity'];

/**
 * The port through which the outbox reaches Teams (production: bot/adapter-sender.ts on the Bot Connector).
 * Implementations fail with `DeliveryError` and never retry on their own: retries are the worker's job.
 */
export interface Sender {
  /** Posts a new activity to the conversation; resolves with the id the connector gave it. */
  send(ref: ConversationRef, activity: OutboxActivity): Promise<{ id: string }>;
  /** Replaces an earlier activity in place (a card update). */
  update(ref: ConversationRef, activityId: string, activity: OutboxActivity): Promise<void>;
}

/** Options of a delivery error. */
export interface DeliveryErrorOptions {
  /** What the service asked us to wait (HTTP Retry-After), in milliseconds. */
  retryAfterMs?: number;
  /** The service's error code, e.g. "ConversationBlockedByUser". */
  code?: string;
  cause?: unknown;
}

/** A failed delivery as the connector reported it; status 0 means no HTTP answer (network error, timeout). */
export class DeliveryError extends Error {
  readonly status: number;
  readonly retryAfterMs: number | undefined;
  readonly code: string | undefined;

  constructor(status: number, message: string, options: DeliveryErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DeliveryError';
    this.status = status;
    this.retryAfterMs = options.retryAfterMs;
    this.code = options.code;
  }
}

/** True when the value is a DeliveryError. */
export function isDeliveryError(value: unknown): value is DeliveryError {
  return value instanceof DeliveryError;
}

/** Reads an HTTP Retry-After value (delta-seconds or an HTTP date) as milliseconds from `nowMs`. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.round(seconds * 1000) : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
