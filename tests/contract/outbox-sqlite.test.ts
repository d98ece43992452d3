import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Outbox, OutboxWorker } from '../../teams-app/services/outbox';
import type { Store } from '../../teams-app/store';
import { openSqliteStore } from '../../teams-app/store/sqlite/sqlite-store';
import { describeOutboxContract, dying, type OutboxData } from './outbox-contract';

jest.setTimeout(180_000);

describeOutboxContract('embedded sqlite, polled', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-'));
  const file = path.join(dir, 'isc.db');
  const stores: Store[] = [];
  const open = (): Store => {
    const store = openSqliteStore({ file });
    stores.push(store);
    return store;
  };
  const data = open();
  return {
    data,
    outbox: new Outbox(data),
    outboxOver: (records) => new Outbox({ outbox: records }),
    async worker(options) {
      // Each worker has its own connection to the file, as a process of its own would.
      const store = open();
      const dead = { value: false };
      const own: OutboxData = { outbox: dying(store.outbox, dead), conversations: dying(store.conversations, dead) };
      const worker = new OutboxWorker({ store: own, ...options });
      return {
        worker,
        data: own,
        stop: async () => {
          if (!dead.value) await worker.stop();
        },
        kill: () => {
          dead.value = true;
        },
      };
    },
    async close() {
      for (const store of stores.splice(0)) await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});
