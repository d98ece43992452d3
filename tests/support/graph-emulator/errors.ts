/** Graph's error envelope and the exception the emulator's handlers throw to answer with it. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';

/** A failure answered as `{ error: { code, message, innerError: { request-id, date } } }` with an HTTP status. */
export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The body Graph sends with a failure; `innerError` carries the request id support asks for. */
export function errorBody(code: string, message: string, now: number): Record<string, unknown> {
  const requestId = randomUUID();
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date(now).toISOString().replace(/\.\d{3}Z$/, ''),
        'request-id': requestId,
        'client-request-id': requestId,
      },
    },
  };
}

export const badRequest = (message: string, code = 'invalidRequest'): GraphHttpError =>
  new GraphHttpError(400, code, message);
export const notFound = (message = 'The resource could not be found.', code = 'itemNotFound'): GraphHttpError =>
  new GraphHttpError(404, code, message);
export const conflict = (message: string, code = 'nameAlreadyExists'): GraphHttpError =>
  new GraphHttpError(409, code, message);
export const preconditionFailed = (): GraphHttpError =>
  new GraphHttpError(
    412,
    'resourceModified',
    'The resource has changed since the caller last read it; usually an eTag mismatch',
  );

/**
 * Parses a request body with a strict schema. An unknown property answers 400 the way Graph's OData reader does
 * ("The property 'x' does not exist on type 'microsoft.graph.event'"); any other mismatch answers 400 too.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, typeName: string): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const unknownKey = parsed.error.issues.find((issue) => issue.code === 'unrecognized_keys');
  if (unknownKey && unknownKey.code === 'unrecognized_keys') {
    throw badRequest(
      `The property '${unknownKey.keys[0]}' does not exist on type '${typeName}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
      'BadRequest',
    );
  }
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at '${issue.path.join('.')}'` : '';
  throw badRequest(`Invalid request body for '${typeName}'${where}: ${issue?.message ?? 'unreadable'}`, 'BadRequest');
}
