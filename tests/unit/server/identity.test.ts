import type { Request, Response } from 'express';
import { AppError } from '../../../teams-app/domain';
import { RegisterService } from '../../../teams-app/services';
import { identify, identityOf } from '../../../teams-app/server/identity';
import { seedDemoData } from '../../../teams-app/store/demo/seed';
import { openSqliteStore } from '../../../teams-app/store/sqlite/sqlite-store';

async function run(
  remoteAddress: string,
  headers: Record<string, string> = {},
  prepare: (store: ReturnType<typeof openSqliteStore>) => Promise<void> = async () => {},
) {
  const store = openSqliteStore({ file: ':memory:' });
  await seedDemoData(store);
  await prepare(store);
  const middleware = identify({ mode: 'local', devUser: 'alex-wilber', register: new RegisterService(store) });
  const res = { locals: {} as Record<string, unknown> } as unknown as Response;
  const req = { headers, socket: { remoteAddress } } as unknown as Request;
  const error = await new Promise<unknown>((resolve) => void middleware(req, res, resolve));
  await store.close();
  const identity = error === undefined ? identityOf(res) : undefined;
  return { error, identity: identity?.kind === 'person' ? identity : undefined };
}

describe('local dev identity', () => {
  it('is accepted from loopback', async () => {
    const { error, identity } = await run('127.0.0.1');
    expect(error).toBeUndefined();
    expect(identity?.person.id).toBe('alex-wilber');
  });

  it('is refused from any other address, even with a header naming a person', async () => {
    const { error, identity } = await run('192.168.1.20', { 'x-dev-user': 'patti-fernandez' });
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('auth.loopback-only');
    expect(identity).toBeUndefined();
  });

  it.each<Record<string, string>>([
    { forwarded: 'for=203.0.113.7' },
    { 'x-forwarded-for': '203.0.113.7' },
    { 'x-forwarded-host': 'isc.example.ngrok.app' },
    { 'x-forwarded-proto': 'https' },
  ])('is refused from loopback when a proxy or tunnel forwarded the request (%p)', async (headers) => {
    const { error, identity } = await run('127.0.0.1', headers);
    expect((error as AppError).code).toBe('auth.loopback-only');
    expect(identity).toBeUndefined();
  });

  it('accepts a Playground AAD object id as the dev user', async () => {
    const { identity } = await run('::1', { 'x-dev-user': '00000000-0000-0000-0000-0000000000024' });
    expect(identity?.person.id).toBe('patti-fernandez');
  });

  it('refuses a person who has left the register, like someone it does not know', async () => {
    const retire = async (store: ReturnType<typeof openSqliteStore>) => {
      const person = await store.people.get('patti-fernandez');
      if (!person) throw new Error('the seed has no patti-fernandez');
      const { etag, ...record } = person;
      await store.people.update({ ...record, retiredAt: '2026-11-01T00:00:00.000Z' }, etag);
    };
    for (const user of ['patti-fernandez', '00000000-0000-0000-0000-0000000000024']) {
      const { error, identity } = await run('127.0.0.1', { 'x-dev-user': user }, retire);
      expect((error as AppError).code).toBe('auth.forbidden');
      expect(identity).toBeUndefined();
    }
  });
});
