/** A small JSON client for the server's API: adds identity headers and turns failures into ApiError. */
import { ApiError } from './errors';
import { responseSchemas } from './responses';

export { ApiError, refusal } from './errors';

/** Where the caller's identity comes from: a Teams SSO token, or a dev user id in local mode. */
export interface Identity {
  /** Gets a Teams SSO token (teams-js caches and refreshes it); null outside Teams. */
  getToken: (() => Promise<string>) | null;
  /** The person to act as in local mode (`x-dev-user`); null for the server's default dev user. */
  devUserId: string | null;
  /** The UI language, sent as Accept-Language so server messages come back in it. */
  language: string;
}

type QueryValue = string | number | boolean | undefined | null;

/**
 * Reads and changes a JSON API under one base path. Answers come unchecked; the endpoint functions read them with
 * the domain's response schemas (`readAnswer`).
 */
export interface ApiClient {
  get<T = unknown>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal): Promise<T>;
  /**
   * Sends a change (POST, PATCH, PUT, DELETE) with an optional JSON body and reads the JSON answer; `headers` adds
   * request headers (If-Match with the version edited).
   */
  send<T = unknown>(
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T>;
  /** Reads a file (a stored document, an export) with the caller's identity, as a Blob. */
  download(path: string, query?: Record<string, QueryValue>): Promise<Blob>;
  /** Sends a file as the request body (an import) and reads the JSON answer. */
  upload<T = unknown>(path: string, file: Blob, query?: Record<string, QueryValue>): Promise<T>;
}

/** Builds the query string, leaving out empty values and `false` flags. */
export function toQueryString(query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The ApiError of a failed call: the server's code, message and details when its body is the API's error body. */
async function errorFrom(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy page, an empty body): a generic HTTP error.
    return new ApiError('http', '', response.status);
  }
  const parsed = await responseSchemas().then(
    (schemas) => schemas.ErrorBody.safeParse(body),
    () => null,
  );
  const error = parsed?.success ? parsed.data.error : null;
  if (!error?.message.trim()) return new ApiError('http', '', response.status);
  return new ApiError(error.code, error.message, response.status, error.details ?? null);
}

/** Creates a client for the API at `/api/v1` on the page's own origin. */
export function createApiClient(identity: Identity, basePath = '/api/v1'): ApiClient {
  async function headers(): Promise<Record<string, string>> {
    const result: Record<string, string> = { Accept: 'application/json', 'Accept-Language': identity.language };
    if (identity.getToken) {
      let token: string;
      try {
        token = await identity.getToken();
      } catch (error) {
        throw new ApiError('auth.sso-failed', error instanceof Error ? error.message : String(error), 401);
      }
      result.Authorization = `Bearer ${token}`;
    } else if (identity.devUserId) {
      result['x-dev-user'] = identity.devUserId;
    }
    return result;
  }

  async function call(url: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(url, { ...init, credentials: 'same-origin' });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new ApiError('network', '', 0);
    }
    if (!response.ok) throw await errorFrom(response);
    return response;
  }

  return {
    async get<T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal): Promise<T> {
      const response = await call(`${basePath}${path}${toQueryString(query)}`, { headers: await headers(), signal });
      return (await response.json()) as T;
    },
    async send<T>(
      method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
      path: string,
      body?: unknown,
      extra: Record<string, string> = {},
    ): Promise<T> {
      const init: RequestInit = { method, headers: { ...(await headers()), ...extra } };
      if (body !== undefined) {
        init.headers = { ...init.headers, 'Content-Type': 'application/json' };
        init.body = JSON.stringify(body);
      }
      const response = await call(`${basePath}${path}`, init);
      return (await response.json()) as T;
    },
    async download(path: string, query?: Record<string, QueryValue>): Promise<Blob> {
      const response = await call(`${basePath}${path}${toQueryString(query)}`, {
        headers: { ...(await headers()), Accept: '*/*' },
      });
      return response.blob();
    },
    async upload<T>(path: string, file: Blob, query?: Record<string, QueryValue>): Promise<T> {
      const response = await call(`${basePath}${path}${toQueryString(query)}`, {
        method: 'POST',
        headers: { ...(await headers()), 'Content-Type': file.type || 'application/octet-stream' },
        body: file,
      });
      return (await response.json()) as T;
    },
  };
}
