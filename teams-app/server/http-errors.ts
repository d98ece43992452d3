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
        message: errorMessage(appError.code, locale, appError.message),
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
  return new AppError('internal', 'Something went wrong on our side. Please try again.');
}
