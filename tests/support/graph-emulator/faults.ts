/** Failures a test injects on purpose (503, 504, 429 …) to prove a client's retries, before any rule applies. */
import { GraphHttpError } from './errors';
import type { ParsedRequest } from './http';

/** A failure to answer to the next matching request(s). */
export interface FaultInput {
  /** Only this method (any when absent). */
  method?: string;
  /** A path below /v1.0 containing this text, or matching this expression. */
  path: string | RegExp;
  status: number;
  /** Graph error code (default by status: serviceNotAvailable, gatewayTimeout, activityLimitReached, generalException). */
  code?: string;
  message?: string;
  /** Adds `Retry-After` (seconds). */
  retryAfterSeconds?: number;
  /** How many matching requests fail (default 1). */
  times?: number;
}

const DEFAULT_CODES: Record<number, string> = {
  429: 'activityLimitReached',
  503: 'serviceNotAvailable',
  504: 'gatewayTimeout',
};

/** Injected failures, consumed in the order they were added. */
export class Faults {
  private readonly pending: Array<FaultInput & { left: number }> = [];

  add(fault: FaultInput): void {
    this.pending.push({ ...fault, left: fault.times ?? 1 });
  }

  /** The failure for this request, if one is pending for it (and counts it down). */
  take(req: ParsedRequest): GraphHttpError | null {
    const fault = this.pending.find(
      (f) =>
        f.left > 0 &&
        (f.method === undefined || f.method.toUpperCase() === req.method) &&
        (typeof f.path === 'string' ? req.path.includes(f.path) : f.path.test(req.path)),
    );
    if (!fault) return null;
    fault.left -= 1;
    const headers: Record<string, string> =
      fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : {};
    return new GraphHttpError(
      fault.status,
      fault.code ?? DEFAULT_CODES[fault.status] ?? 'generalException',
      fault.message ?? 'Injected failure.',
      headers,
    );
  }
}
