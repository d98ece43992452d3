/**
 * The shape of a Graph answer — status, error code, the headers of interest present, the body's keys two levels
 * deep — recorded from a real tenant (or written from the Graph documentation's examples) and compared with what
 * the emulator answers to the same request. Values are never recorded: no ids, tokens or personal data.
 */
import { z } from 'zod';

/** Headers whose presence the app relies on or reads (lower case). */
export const HEADERS_OF_INTEREST = [
  'content-type',
  'etag',
  'location',
  'retry-after',
  'request-id',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
] as const;

/** The headers whose absence is a difference (the others come and go with load: `RateLimit-*`, `Retry-After`). */
const COMPARED_HEADERS: readonly string[] = ['content-type', 'request-id', 'location'];

/** One recorded answer. */
export const Shape = z.object({
  /** The scenario step (`item.update-stale`, `upload.conflict` …). */
  step: z.string().min(1),
  status: z.number().int(),
  /** `error.code` of a failure, when the source names it. */
  errorCode: z.string().nullable().optional(),
  /** Headers of interest the answer carried (a recording); a documentation example names none it does not show. */
  headers: z.array(z.string()).default([]),
  /** Body keys: `k`, `k.child` for an object, `k[].child` for the first element of an array. */
  keys: z.array(z.string()),
  /** Where the shape comes from: the documentation page of the example, or the tenant recording. */
  source: z.string().optional(),
});
export type Shape = z.infer<typeof Shape>;

/** A file of shapes: where they come from and the answers, one per step. */
export const ShapesFile = z.object({
  comment: z.string().optional(),
  recordedAt: z.string().optional(),
  shapes: z.array(Shape),
});
export type ShapesFile = z.infer<typeof ShapesFile>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);

/** The keys of a body, two levels deep (objects by name, arrays by their first element). */
export function keysOf(body: unknown): string[] {
  if (!isObject(body)) return [];
  const keys: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    keys.push(key);
    if (isObject(value)) for (const child of Object.keys(value)) keys.push(`${key}.${child}`);
    else if (Array.isArray(value) && isObject(value[0]))
      for (const child of Object.keys(value[0])) keys.push(`${key}[].${child}`);
  }
  return keys.sort();
}

/** The shape of an answer. */
export function shapeOf(
  step: string,
  answer: { status: number; headers: Record<string, string>; body: unknown },
): Shape {
  const error = isObject(answer.body) && isObject(answer.body.error) ? answer.body.error : null;
  const lower = new Set(Object.keys(answer.headers).map((h) => h.toLowerCase()));
  return {
    step,
    status: answer.status,
    errorCode: error && typeof error.code === 'string' ? error.code : null,
    headers: HEADERS_OF_INTEREST.filter((h) => lower.has(h)),
    keys: keysOf(answer.body),
  };
}

/**
 * Keys Graph answers that the emulator leaves out, by step: nothing the app reads, each a known gap of fidelity (by
 * prefix: `createdBy` covers `createdBy.user`). A difference outside this table fails the comparison.
 */
export const NOT_EMULATED: Readonly<Record<string, readonly string[]>> = {
  // The emulator's lists record no author: the app reads a list's id, name and columns only.
  'list.create': ['createdBy', 'lastModifiedBy'],
};

/** What differs between a recorded shape and the emulator's answer to the same step. */
export interface ShapeDifference {
  step: string;
  problems: string[];
}

/**
 * Compares a recorded shape with the emulator's: the same status and error code, the headers of interest the
 * recording carried, and every recorded key present (save the known gaps in `notEmulated`). Keys the emulator
 * answers beyond the recording are not differences: the documentation's examples are truncated.
 */
export function compareShape(
  recorded: Shape,
  replayed: Shape,
  notEmulated: readonly string[] = NOT_EMULATED[recorded.step] ?? [],
): ShapeDifference {
  const problems: string[] = [];
  if (recorded.status !== replayed.status) problems.push(`status ${replayed.status}, recorded ${recorded.status}`);
  if (recorded.errorCode && recorded.errorCode !== replayed.errorCode)
    problems.push(`error code ${replayed.errorCode ?? '(none)'}, recorded ${recorded.errorCode}`);
  for (const header of recorded.headers)
    if (COMPARED_HEADERS.includes(header) && !replayed.headers.includes(header))
      problems.push(`header ${header} missing`);
  const gap = (key: string) => notEmulated.some((prefix) => key === prefix || key.startsWith(`${prefix}.`));
  for (const key of recorded.keys) if (!replayed.keys.includes(key) && !gap(key)) problems.push(`key ${key} missing`);
  return { step: recorded.step, problems };
}
