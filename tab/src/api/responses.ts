/**
 * Reads the server's answers with the domain's response schemas (teams-app/domain/api), the ones the server builds
 * them to. The schemas and zod (about 30 KB gzip) load on the first answer read, while that request is in flight,
 * and never before the register shows: the first view's answers are typed by their schemas but not parsed.
 */
import type { ZodType } from 'zod';
import type * as ApiSchemas from '../../../teams-app/domain/api';
import { ApiError } from './errors';

/** The response schemas of the API, by name. */
export type ResponseSchemas = typeof ApiSchemas;

let loading: Promise<ResponseSchemas> | null = null;

/** The response schemas, loaded once; a failed load (network, new deployment) is tried again next time. */
export function responseSchemas(): Promise<ResponseSchemas> {
  loading ??= import('./response-schemas').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/**
 * Waits for an answer and checks it with the schema `pick` chooses: the parsed value, or `response.invalid` when
 * the server sent something else.
 */
export async function readAnswer<T>(
  answer: Promise<unknown>,
  pick: (schemas: ResponseSchemas) => ZodType<T>,
): Promise<T> {
  const schemas = responseSchemas().catch(() => {
    throw new ApiError('network', '', 0);
  });
  // Started together: the schemas arrive while the request is in flight.
  const [body, loaded] = await Promise.all([answer, schemas]);
  const parsed = pick(loaded).safeParse(body);
  if (!parsed.success) {
    console.error('The server answered with an unexpected shape', parsed.error.issues.slice(0, 5));
    throw new ApiError('response.invalid', '', 200);
  }
  return parsed.data;
}

/**
 * An answer of the first view (who I am, the register, the meetings, the "Viewing as" people), typed by the schema
 * `pick` names but not parsed: parsing would put zod among the scripts the tab loads before the register shows. The
 * server builds these answers to the same schemas (`satisfies` in its routes; tests parse every answer).
 */
export function firstViewAnswer<T>(
  answer: Promise<unknown>,
  _pick: (schemas: ResponseSchemas) => ZodType<T>,
): Promise<T> {
  return answer as Promise<T>;
}
