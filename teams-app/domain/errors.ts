/** Every error the product can show a user, with its HTTP status. The code is the message key. */
export const ERROR_STATUS = {
  'request.invalid': 400,
  'request.too-large': 413,
  'request.unsupported-encoding': 415,
  'request.not-json': 415,
  'request.undecodable': 400,
  'card.invalid': 400,
  'auth.required': 401,
  'auth.invalid-token': 401,
  'auth.forbidden': 403,
  'auth.loopback-only': 403,
  'topic.not-found': 404,
  'meeting.not-found': 404,
  'person.not-found': 404,
  'assignment.not-found': 404,
  'action.not-found': 404,
  'update.not-found': 404,
  'document.not-found': 404,
  'route.not-found': 404,
  'escalation.not-found': 404,
  'action.not-owner': 403,
  'store.version-required': 428,
  'person.has-assignments': 409,
  'person.retired': 409,
  'store.conflict': 409,
  'store.already-exists': 409,
  'meeting.invalid-transition': 409,
  'meeting.window-closed': 409,
  'meeting.already-held': 409,
  'meeting.chat-linked-elsewhere': 409,
  'update.not-responsible': 403,
  'update.stale': 409,
  'update.too-long': 400,
  'collection.not-open': 409,
  'delegation.no-alternate': 409,
  /** No agenda (minutes) has been compiled yet: nothing to read or change. */
  'agenda.not-ready': 404,
  'minutes.not-ready': 404,
  'minutes.agenda-not-published': 409,
  'collection.incomplete': 409,
  'minutes.too-early': 409,
  'minutes.unresolved-notes': 409,
  'minutes.empty': 409,
  'store.unavailable': 503,
  'import.refused': 422,
  'import.unreadable': 400,
  'calendar.unavailable': 503,
  'graph.not-found': 404,
  'graph.busy': 503,
  'graph.access-denied': 502,
  'graph.failed': 502,
  'bot.signing-keys-unavailable': 503,
  internal: 500,
} as const;

/** A coded error a user may see. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** The one error type the services throw; the HTTP layer and the bot turn it into a readable message. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = details;
  }
}

/** True when the value is an AppError with the given code (or any code when none is given). */
export function isAppError(value: unknown, code?: ErrorCode): value is AppError {
  return value instanceof AppError && (code === undefined || value.code === code);
}
