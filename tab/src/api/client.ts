/** A small JSON client for the server's API: adds identity headers and turns failures into ApiError. */

/**
 * A failed API call: the server's error code and message (with its `details`, e.g. the counts behind a refusal),
 * or `network` / `http` when it gave none.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: Record<string, unknown> | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The details of `error` when it is an ApiError with `code`, else null. */
export function refusal(error: unknown, code: string): Record<string, unknown> | null {
  return error instanceof ApiError && error.code === code ? (error.details ?? {}) : null;
}

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

/** Reads and changes a JSON API under one base path. */
export interface ApiClient {
  get<T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal): Promise<T>;
  /** Sends a change (POST, PATCH) with an optional JSON body and reads the JSON answer. */
  send<T>(method: 'POST' | 'PATCH', path: string, body?: unknown): Promise<T>;
  /** Reads a file (a stored document) with the caller's identity, as a Blob. */
  download(path: string): Promise<Blob>;
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

async function errorFrom(response: Response): Promise<ApiError> {
  try {
    const body: unknown = await response.json();
    const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
    if (error && typeof error.message === 'string' && error.message.trim()) {
      const details =
        typeof error.details === 'object' && error.details !== null && !Array.isArray(error.details)
          ? (error.details as Record<string, unknown>)
          : null;
      return new ApiError(
        typeof error.code === 'string' ? error.code : 'http',
        error.message,
        response.status,
        details,
      );
    }
  } catch {
    // Not JSON (a proxy page, an empty body): fall through to a generic HTTP error.
  }
  return new ApiError('http', '', response.status);
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
    async send<T>(method: 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
      const init: RequestInit = { method, headers: await headers() };
      if (body !== undefined) {
        init.headers = { ...init.headers, 'Content-Type': 'application/json' };
        init.body = JSON.stringify(body);
      }
      const response = await call(`${basePath}${path}`, init);
      return (await response.json()) as T;
    },
    async download(path: string): Promise<Blob> {
      const response = await call(`${basePath}${path}`, { headers: { ...(await headers()), Accept: '*/*' } });
      return response.blob();
    },
  };
}
