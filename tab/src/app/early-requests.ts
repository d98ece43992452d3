/**
 * The first view's data requested by the entry script, while the app's code is still downloading: the answers
 * wait for the first component that asks for the same thing as the same person, instead of that component
 * starting the request only once it renders.
 */
import { createApiClient, toQueryString, type ApiClient, type Identity } from '../api/client';

/** Requests sent early, each answered once. */
export interface EarlyRequests {
  readonly identity: Identity;
  /** The answer to GET `path` (no query) if it was requested early and not taken yet; taking it removes it. */
  take(path: string): Promise<unknown> | undefined;
}

/** Sends GET requests for `paths` now, as the API client would for `identity`. */
export function requestEarly(identity: Identity, paths: readonly string[]): EarlyRequests {
  const api = createApiClient(identity);
  const answers = new Map<string, Promise<unknown>>();
  for (const path of paths) {
    const answer = api.get<unknown>(path);
    answer.catch(() => undefined); // Not taken, or taken and retried: a failure here is not the page's failure.
    answers.set(path, answer);
  }
  return {
    identity,
    take(path) {
      const answer = answers.get(path);
      answers.delete(path);
      return answer;
    },
  };
}

/** True when two identities send the same request headers. */
function sameIdentity(a: Identity, b: Identity): boolean {
  return a.language === b.language && a.devUserId === b.devUserId && a.getToken === b.getToken;
}

/**
 * The client `api` (acting as `identity`), answering a GET from `early` when it was requested early as the same
 * person in the same language; a failed early request is sent again, so errors come from the usual path.
 */
export function withEarlyRequests(api: ApiClient, identity: Identity, early: EarlyRequests | null): ApiClient {
  if (!early || !sameIdentity(identity, early.identity)) return api;
  return {
    ...api,
    get<T>(path: string, query?: Parameters<ApiClient['get']>[1], signal?: AbortSignal): Promise<T> {
      const answer = toQueryString(query) === '' ? early.take(path) : undefined;
      if (!answer) return api.get<T>(path, query, signal);
      return answer.then(
        (data) => data as T,
        () => api.get<T>(path, query, signal),
      );
    },
  };
}
