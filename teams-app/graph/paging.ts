import { z } from 'zod';
import { GraphError, isGraphError } from './graph-error';
import type { DeltaResult, GraphRequest, GraphResponse } from './types';

/** A page of a Graph collection. */
export const CollectionPage = z
  .object({
    value: z.array(z.unknown()),
    '@odata.nextLink': z.string().optional(),
    '@odata.deltaLink': z.string().optional(),
  })
  .loose();
export type CollectionPage = z.infer<typeof CollectionPage>;

type Send = (request: GraphRequest) => Promise<GraphResponse>;

/** Reads one page; a body that is not a collection is an error of Graph's answer, not of ours. */
async function readPage(send: Send, url: string, headers?: Record<string, string>): Promise<CollectionPage> {
  const response = await send({ method: 'GET', url, headers });
  const page = CollectionPage.safeParse(response.body);
  if (!page.success) {
    throw new GraphError({
      status: response.status,
      code: 'invalidCollection',
      message: 'Graph answered a collection request without a value array.',
      method: 'GET',
      url,
    });
  }
  return page.data;
}

/**
 * The pages of a collection, one per round trip: each @odata.nextLink is requested exactly as Graph gave it
 * (never rebuilt from a skip token). The request headers (`Prefer`, `ConsistencyLevel`) go with every page.
 */
export async function* collectionPages<T>(
  send: Send,
  url: string,
  headers?: Record<string, string>,
): AsyncIterable<T[]> {
  let next: string | undefined = url;
  while (next !== undefined) {
    const page = await readPage(send, next, headers);
    yield page.value as T[];
    next = page['@odata.nextLink'];
  }
}

/**
 * Follows a delta query — from the saved deltaLink, or from `initialUrl` the first time — through its nextLinks
 * to the new deltaLink. A 410 (the token expired or the state was reset) starts over once from `initialUrl`;
 * the caller then gets every item again with `restarted: true` and should treat the result as a full sync.
 */
export async function followDelta<T>(
  send: Send,
  initialUrl: string,
  deltaLink?: string | null,
  headers?: Record<string, string>,
): Promise<DeltaResult<T>> {
  const run = async (start: string) => {
    const items: T[] = [];
    let next = start;
    for (;;) {
      const page = await readPage(send, next, headers);
      items.push(...(page.value as T[]));
      const nextLink = page['@odata.nextLink'];
      const newDeltaLink = page['@odata.deltaLink'];
      if (nextLink !== undefined) next = nextLink;
      else if (newDeltaLink !== undefined) return { items, deltaLink: newDeltaLink };
      else {
        throw new GraphError({
          status: 200,
          code: 'invalidDelta',
          message: 'A delta page had neither a nextLink nor a deltaLink.',
          method: 'GET',
          url: next,
        });
      }
    }
  };
  try {
    return { ...(await run(deltaLink ?? initialUrl)), restarted: false };
  } catch (error) {
    if (!isGraphError(error, 410)) throw error;
    return { ...(await run(initialUrl)), restarted: true };
  }
}
