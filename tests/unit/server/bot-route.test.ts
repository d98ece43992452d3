import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotRequest } from '../../../bot/adapter';
import { AppError } from '../../../teams-app/domain';
import { botRoute, isBotPath, type BotEndpoint } from '../../../teams-app/server/bot-route';
import { createLogger } from '../../../teams-app/server/logger';
import { CONTENT_SECURITY_POLICY } from '../../../teams-app/server/security-headers';

/** Serves the bot route alone with `endpoint` on a loopback port; closed with the returned function. */
async function serve(endpoint: BotEndpoint): Promise<{ url: string; close(): Promise<void> }> {
  const route = botRoute({
    mode: 'local',
    endpoint,
    parseBody: express.json({ limit: '256kb' }),
    logger: createLogger('silent'),
  });
  const server = http.createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('the bot route', () => {
  it.each(['/api/messages', '/API/Messages', '/api/messages/', '/api/messages?x=1', 'http://localhost/api/messages'])(
    'takes %s, as Express routed it',
    (url) => expect(isBotPath(url)).toBe(true),
  );

  it.each(['/api/messages/x', '/api/messagesx', '/api/v1/messages', '/', undefined])('leaves %s to Express', (url) =>
    expect(isBotPath(url)).toBe(false),
  );

  it("answers the endpoint's reply as JSON, with a request id and the security headers", async () => {
    const seen: BotRequest[] = [];
    const app = await serve(async (request) => {
      seen.push(request);
      return { status: 200, body: { statusCode: 200, value: { type: 'AdaptiveCard' } } };
    });
    try {
      const res = await post(app.url, { type: 'invoke' }, { authorization: 'Bearer t' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{36}$/);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.json()).toEqual({ statusCode: 200, value: { type: 'AdaptiveCard' } });
      expect(seen).toEqual([{ body: { type: 'invoke' }, authorization: 'Bearer t' }]);
    } finally {
      await app.close();
    }
  });

  it("keeps the caller's request id and answers a reply without a body with none", async () => {
    const app = await serve(async () => ({ status: 200 }));
    try {
      const res = await post(app.url, { type: 'message' }, { 'x-request-id': 'turn-42' });
      expect(res.headers.get('x-request-id')).toBe('turn-42');
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('');
    } finally {
      await app.close();
    }
  });

  it("answers a refusal of the endpoint with its coded error in the reader's language", async () => {
    const app = await serve(async () => {
      throw new AppError('request.invalid', 'The request is not a valid Bot Framework activity.');
    });
    try {
      const res = await post(app.url, { type: 'nonsense' }, { 'accept-language': 'fr' });
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('request.invalid');
      expect(error.message).not.toBe('The request is not a valid Bot Framework activity.');
    } finally {
      await app.close();
    }
  });

  it('answers a failure of the endpoint with 500 and nothing of its cause', async () => {
    const app = await serve(async () => {
      throw new Error('SQLITE_CORRUPT at /srv/data/isc.sqlite');
    });
    try {
      const res = await post(app.url, { type: 'message' });
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text).error.code).toBe('internal');
      expect(text).not.toMatch(/SQLITE|\/srv\//);
    } finally {
      await app.close();
    }
  });
});
