import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { AppError, isAppError } from '../domain';
import { errorMessage, pickLocale } from '../i18n';
import type { Logger } from './logger';

/** Turns any error into `{ error: { code, message } }` with the right status; nothing internal leaks. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = toAppError(error);
    const locale = pickLocale(req.headers['accept-language']);
    if (appError.status >= 500) logger.error({ err: error, requestId: res.locals.requestId }, 'request failed');
    else logger.info({ code: appError.code, requestId: res.locals.requestId }, 'request refused');
    res.status(appError.status).json({
      error: {
        code: appError.code,
        message: errorMessage(appError, locale),
        ...(appError.details && appError.status < 500 ? { details: appError.details } : {}),
      },
    });
  };
}

/** Maps library errors (zod, body parser) to coded errors. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
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
