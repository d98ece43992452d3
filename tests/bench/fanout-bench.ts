/**
 * Fan-out benchmark: a collection window opening for 500 focal points with 3 topics each (1500 prompts),
 * delivered by the outbox worker through the production Bot Connector sender to the fake connector, which
 * enforces the Teams limits and injects 5% 429s (Retry-After: 1). Prints one JSON line:
 * elapsed_s (first pump → last message recorded sent) against bound_s, the least time the Teams limits allow
 * for these messages (here the global 50/s: 1500 messages → 29 s from first to last send); target ratio ≤ 1.05.
 * Run: npx tsx tests/bench/fanout-bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAdapterSender } from '../../bot/adapter-sender';
import { OutboxWorker, minimumSendTimeMs } from '../../teams-app/services/outbox';
import { openSqliteStore } from '../../teams-app/store/sqlite/sqlite-store';
import { seedFanout, startFakeConnector, tallyDeliveries } from '../support/fake-connector';

const RECIPIENTS = 500;
const TOPICS_PER_RECIPIENT = 3;
const THROTTLE_RATE = 0.05;

/** Runs the fan-out once and returns its figures (one object per JSON line). */
export async function runFanoutBench(): Promise<object[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fanout-bench-'));
  const connector = await startFakeConnector({ throttleRate: THROTTLE_RATE, retryAfterSeconds: 1, seed: 42 });
  const store = openSqliteStore({ file: path.join(dir, 'bench.db') });
  try {
    const { ids } = await seedFanout(store, connector.serviceUrl, {
      recipients: RECIPIENTS,
      perRecipient: TOPICS_PER_RECIPIENT,
    });
    let settled = 0;
    let lastSettled = 0;
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const worker = new OutboxWorker({
      store,
      sender: createAdapterSender({ appType: 'MultiTenant' }),
      onProgress(event) {
        if (event.type !== 'sent' && event.type !== 'undeliverable' && event.type !== 'failed') return;
        settled += 1;
        lastSettled = performance.now();
        if (settled === ids.length) finish();
      },
    });
    const started = performance.now();
    worker.start();
    await finished;
    await worker.stop();
    const elapsedS = (lastSettled - started) / 1000;
    const boundS = minimumSendTimeMs(new Array<number>(RECIPIENTS).fill(TOPICS_PER_RECIPIENT)) / 1000;
    const tally = tallyDeliveries(connector, ids);
    return [
      {
        bench: 'fanout',
        recipients: RECIPIENTS,
        messages: ids.length,
        elapsed_s: Number(elapsedS.toFixed(2)),
        bound_s: boundS,
        ratio: Number((elapsedS / boundS).toFixed(3)),
        lost: tally.lost.length,
        duplicates: tally.duplicates.length,
        failed: worker.counters.failed,
        injected_429: connector.counts.throttled,
        limit_429: connector.counts.limitThrottled,
        requests: connector.counts.requests,
      },
    ];
  } finally {
    await connector.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runFanoutBench()
    .then((lines) => {
      for (const line of lines) console.log(JSON.stringify(line));
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
