/**
 * Closing the server (tests, SIGTERM) ends its connections instead of waiting on clients: keep-alive connections
 * that are idle at once, a connection with a request under way as soon as its response is sent.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningServer } from '../../teams-app/server/main';
import type { Store } from '../../teams-app/store';
import { startTestServer } from '../support/server';

/** Node's default keep-alive timeout: how long a closing server would otherwise wait on an idle connection. */
const KEEP_ALIVE_MS = 5000;

describe('closing the server', () => {
  let server: RunningServer | undefined;
  const agent = new http.Agent({ keepAlive: true });

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(() => agent.destroy());

  it('ends an idle keep-alive connection at once', async () => {
    server = await startTestServer({ seed: false });
    const socketClosed = await new Promise<Promise<void>>((resolve, reject) => {
      http
        .get(`${server!.url}/healthz`, { agent }, (res) => {
          const socket = res.socket;
          res.resume();
          res.on('end', () => resolve(new Promise<void>((closed) => socket.once('close', () => closed()))));
        })
        .on('error', reject);
    });

    const started = performance.now();
    await server.close();
    await socketClosed;
    server = undefined;

    // Waiting for the keep-alive timeout would take all of it; a loaded machine may be slow, never that slow.
    expect(performance.now() - started).toBeLessThan(KEEP_ALIVE_MS);
  });

  it('lets a request under way finish, then ends its connection without waiting for the keep-alive timeout', async () => {
    server = await startTestServer({ seed: false });
    const body = JSON.stringify({ type: 'message', text: 'help' });
    let status = 0;
    const request = http.request(`${server.url}/api/messages`, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const answered = new Promise<void>((resolve, reject) => {
      request.on('response', (res) => {
        status = res.statusCode ?? 0;
        res.resume();
        res.on('end', () => resolve());
      });
      request.on('error', reject);
    });
    request.write(body.slice(0, 10)); // the request is under way: the server waits for the rest of its body
    await new Promise((resolve) => setTimeout(resolve, 100));

    const started = performance.now();
    const closing = server.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    request.end(body.slice(10));
    await answered;
    await closing;
    server = undefined;

    expect(status).toBeGreaterThan(0);
    // Waiting for the keep-alive timeout would take all of it; a loaded machine may be slow, never that slow.
    expect(performance.now() - started).toBeLessThan(KEEP_ALIVE_MS);
  });

  it('frees its port when wiring fails after it started listening', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = http.createServer().listen(0, '127.0.0.1', () => {
        const free = (probe.address() as AddressInfo).port;
        probe.close(() => resolve(free));
      });
    });
    const broken = new Proxy({} as Store, {
      get() {
        throw new Error('the store would not open');
      },
    });
    await expect(startTestServer({ store: broken, env: { PORT: String(port) } })).rejects.toThrow(
      'the store would not open',
    );
    const again = http.createServer();
    await new Promise<void>((resolve, reject) => {
      again.once('error', reject);
      again.listen(port, '127.0.0.1', () => resolve());
    });
    await new Promise<void>((resolve) => again.close(() => resolve()));
  });
});
