/** How a failed API call reaches the tab's components. */

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
