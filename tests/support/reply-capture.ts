import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** An activity the bot sent or updated, as the connector received it. */
export interface CapturedActivity {
  method: 'POST' | 'PUT';
  conversationId: string;
  activityId?: string;
  body: Record<string, any>;
}

/** A minimal Bot Connector on 127.0.0.1 that records the bot's replies and updates. */
export interface ReplyCapture {
  serviceUrl: string;
  activities: CapturedActivity[];
  waitFor(count: number, timeoutMs?: number): Promise<CapturedActivity[]>;
  close(): Promise<void>;
}

/** Starts the reply recorder. */
export async function startReplyCapture(): Promise<ReplyCapture> {
  const activities: CapturedActivity[] = [];
  let next = 0;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const match = req.url?.match(/\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/);
      if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
        res.writeHead(404).end();
        return;
      }
      activities.push({
        method: req.method as 'POST' | 'PUT',
        conversationId: decodeURIComponent(match[1]!),
        activityId: match[2] ? decodeURIComponent(match[2]) : undefined,
        body: JSON.parse(raw || '{}'),
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `reply-${(next += 1)}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    activities,
    async waitFor(count, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (activities.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      return activities;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
