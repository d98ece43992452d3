/**
 * POST /api/messages, answered without Express: a bot turn is the server's busiest request, and Express's request
 * set-up, routing and response helpers cost it about as much CPU as the rest of its HTTP handling. The route does
 * what the Express stack did for it, with the same parts: the request id and security headers, loopback only in
 * local mode, the same JSON body parser (encodings, character set, size limit) and the error replies of the
 * error handler.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { BotReply, BotRequest } from '../../bot/adapter';
import { AppError } from '../domain';
import { isLocalRequest } from './auth';
import { errorReply } from './http-errors';
import type { Logger } from './logger';
import { requestIdOf } from './request-id';
import { setSecurityHeaders } from './security-headers';

/** Runs the bot on one received activity (the bot adapter's `process` with the bot's turn). */
export type BotEndpoint = (request: BotRequest) => Promise<BotReply>;

/** Reads a request's JSON body into `req.body` (express.json), calling back with the error when it cannot. */
export type JsonBodyParser = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** What the bot route needs. */
export interface BotRouteOptions {
  mode: 'local' | 'production';
  endpoint: BotEndpoint;
  parseBody: JsonBodyParser;
  logger: Logger;
}

/** The bot's path as Express matches it: any letter case, an optional trailing slash, any query. */
const BOT_PATH = /^\/api\/messages\/?$/i;

/** The scheme and host of a request target in absolute form (`POST http://host/api/messages`). */
const ABSOLUTE_FORM = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i;

/** True when a POST to this request target is the bot's. */
export function isBotPath(url = ''): boolean {
  const target = url.startsWith('/') ? url : url.replace(ABSOLUTE_FORM, '');
  const query = target.indexOf('?');
  return BOT_PATH.test(query === -1 ? target : target.slice(0, query));
}

/** Writes a reply: its body as JSON, or no body. */
function send(res: ServerResponse, { status, body }: BotReply): void {
  if (body === undefined || body === null) {
    res.statusCode = status;
    res.end();
    return;
  }
  const json = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': json.length });
  res.end(json);
}

/** The request listener of POST /api/messages. */
export function botRoute({ mode, endpoint, parseBody, logger }: BotRouteOptions): RequestListener {
  return (req, res) => {
    const requestId = requestIdOf(req.headers);
    res.setHeader('x-request-id', requestId);
    setSecurityHeaders(res);
    const fail = (error: unknown) => {
      const reply = errorReply(error, { acceptLanguage: req.headers['accept-language'], requestId }, logger);
      // A failure after the answer started (the socket broke while it was written) can only end the connection.
      if (res.headersSent) res.destroy();
      else send(res, reply);
    };
    if (mode === 'local' && !isLocalRequest(req.socket.remoteAddress, req.headers)) {
      fail(
        new AppError(
          'auth.loopback-only',
          'Unauthenticated bot traffic is accepted only from this computer, not through a proxy or tunnel.',
        ),
      );
      return;
    }
    parseBody(req, res, (error) => {
      if (error) return fail(error);
      const body = 'body' in req ? req.body : undefined;
      endpoint({ body, authorization: req.headers.authorization ?? '' })
        .then((reply) => send(res, reply))
        .catch(fail);
    });
  };
}
