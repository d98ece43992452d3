import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { AppError, isAppError } from '../domain';
import { GraphError } from '../graph/graph-error';
import { errorMessage, pickLocale } from '../i18n';
import type { Logger } from './logger';

/** The answer to a failed request: its status and `{ error: { code, message } }` body, nothing internal in it. */
export interface ErrorReply {
  status: number;
  body: { error: { code: string; message: string; details?: unknown } };
}

/**
 * Turns any error into the reply for it, its message in the reader's language (`accept-language`), and logs it:
 * a server failure as an error with its cause, a refusal as information.
 */
export function errorReply(
  error: unknown,
  request: { acceptLanguage: string | string[] | undefined; requestId: unknown },
  logger: Logger,
): ErrorReply {
  const appError = toAppError(error);
  const locale = pickLocale(request.acceptLanguage);
  const { requestId } = request;
  if (appError.status >= 500) logger.error({ err: error, requestId }, 'request failed');
  else logger.info({ code: appError.code, requestId }, 'request refused');
  return {
    status: appError.status,
    body: {
      error: {
        code: appError.code,
        message: errorMessage(appError, locale),
        ...(appError.details && appError.status < 500 ? { details: appError.details } : {}),
      },
    },
  };
}

/** Turns any error into `{ error: { code, message } }` with the right status; nothing internal leaks. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const reply = errorReply(
      error,
      { acceptLanguage: req.headers['accept-language'], requestId: res.locals.requestId },
      logger,
    );
    res.status(reply.status).json(reply.body);
  };
}

/** Maps library errors (zod, body parser, Graph) to coded errors. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof GraphError) return error.toAppError();
  if (error instanceof ZodError) {
    const issues = error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = issues[0];
    return new AppError(
      'request.invalid',
      first ? `${first.path || 'request'}: ${first.message}` : 'The request is not valid.',
      {
        issues,
      },
    );
  }
  const type = (error as { type?: string }).type;
  if (type === 'entity.too.large') return new AppError('request.too-large', 'The request body is too large.');
  if (type === 'entity.parse.failed') return new AppError('request.invalid', 'The request body is not valid JSON.');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new AppError(
      'request.unsupported-encoding',
      'The request body uses a content encoding or character set this server does not accept.',
    );
  }
  const refusal = badRequest(error);
  if (refusal === 'decompression') {
    return new AppError('request.undecodable', 'The request body could not be decoded with its content encoding.');
  }
  if (refusal === 'other') return new AppError('request.invalid', 'The request could not be read.');
  return new AppError('internal', 'Something went wrong on our side. Please try again.');
}

/**
 * Classifies a 400 raised by Express or its body parser: a zlib or brotli failure (a corrupt compressed body)
 * or another unreadable request (aborted upload, wrong length, undecodable URL); null for anything else.
 */
function badRequest(error: unknown): 'decompression' | 'other' | null {
  if (typeof error !== 'object' || error === null) return null;
  const { status, code } = error as { status?: unknown; code?: unknown };
  if (status !== 400) return null;
  return typeof code === 'string' && /^(Z_|ERR__ERROR_|ERR_BROTLI)/.test(code) ? 'decompression' : 'other';
}
