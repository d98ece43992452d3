/**
 * Submit-turn benchmark: a focal point clicks "Submit update" on the status card (Action.Execute invoke) →
 * the update is stored as a new revision in SQLite → the summary card comes back in the invoke response.
 * 50 clients at once against the real server process (the production start, compiled); the bound is a bare Node HTTP server answering the
 * same-sized card, measured in the same run. Target p99 ≤ 50 ms.
 * Run: npx tsx tests/bench/collection-bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PEOPLE, DEMO_TENANT_ID } from '../../teams-app/store/demo/seed';
import { ROUNDS, SERVER, buildServer, freePort, percentile, startProcess, stop } from './api-bench';

const CONCURRENCY = 50;
const SUBMITS_PER_CLIENT = 20;

interface Slot {
  topicId: string;
  sector: string;
  aad: string;
}

async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

function invoke(serviceUrl: string, slot: Slot, n: number) {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `bench-${slot.topicId}-${slot.sector}-${n}`,
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${slot.aad}`, name: 'Focal point', aadObjectId: slot.aad },
    recipient: { id: '28:bot', name: 'ISC Coordinator' },
    conversation: { id: `a:${slot.aad}`, conversationType: 'personal', tenantId: DEMO_TENANT_ID },
    value: {
      action: {
        type: 'Action.Execute',
        verb: 'update.submit',
        data: {
          meetingId: 'isc-tf-32',
          topicId: slot.topicId,
          sector: slot.sector,
          baseRevision: 1_000_000,
          progress: `Revision ${n}: workshops held, toolkit circulated to the other sectors for comments.`,
          nextSteps: 'Joint event planning.',
          escalate: 'false',
        },
      },
      trigger: 'manual',
    },
  };
}

/** Runs the submit-turn benchmark; one JSON object per figure. */
export async function runCollectionBench(): Promise<object[]> {
  buildServer();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-submit-bench-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = await startProcess(
    SERVER,
    { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    `${base}/healthz`,
  );
  try {
    const opened = await post(`${base}/api/v1/meetings/isc-tf-32/collection/open`, {}, { 'x-dev-user': 'megan-bowen' });
    if (opened.status !== 200) throw new Error(`could not open collection: ${opened.text}`);
    const assignments = JSON.parse(await (await fetch(`${base}/api/v1/assignments`)).text()).items as {
      topicId: string;
      sector: string;
      focalPointId: string | null;
    }[];
    const aadOf = new Map(DEMO_PEOPLE.map((p) => [p.id, p.aadObjectId]));
    const slots: Slot[] = assignments
      .filter((a) => a.focalPointId)
      .map((a) => ({ topicId: a.topicId, sector: a.sector, aad: aadOf.get(a.focalPointId!)! }));
    const serviceUrl = `http://127.0.0.1:${await freePort()}/`; // never called: the card comes back in the invoke response
    const sample = await post(`${base}/api/messages`, invoke(serviceUrl, slots[0]!, 0));
    if (!sample.text.includes('update.edit'))
      throw new Error(`the submit did not return the summary card: ${sample.text.slice(0, 200)}`);

    const bareFile = path.join(dataDir, 'card.json');
    fs.writeFileSync(bareFile, sample.text);
    const barePort = await freePort();
    const bareScript = `const b=require('fs').readFileSync(process.env.CARD);require('http').createServer((q,s)=>{q.resume();q.on('end',()=>{s.setHeader('content-type','application/json');s.end(b)})}).listen(${barePort},'127.0.0.1')`;
    const bare = await startProcess(
      [process.execPath, '-e', bareScript],
      { CARD: bareFile },
      `http://127.0.0.1:${barePort}/`,
    );

    let submitted = 0;
    const run = async (url: string, perClient = SUBMITS_PER_CLIENT) => {
      const latencies: number[] = [];
      let errors = 0;
      submitted += 1;
      const offset = submitted * 100;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async (_, client) => {
          const slot = slots[client % slots.length]!;
          for (let i = offset; i < offset + perClient; i += 1) {
            const t0 = performance.now();
            const res = await post(url, invoke(serviceUrl, slot, client * 1000 + i));
            latencies.push(performance.now() - t0);
            if (res.status !== 200 || !res.text.includes('update.edit')) errors += 1;
          }
        }),
      );
      return { latencies: latencies.sort((a, b) => a - b), errors };
    };
    await run(`${base}/api/messages`); // warm-up
    // App and bound alternate in rounds, so a change in the machine's load weighs on both alike.
    const measured = { latencies: [] as number[], errors: 0 };
    const bound = { latencies: [] as number[], errors: 0 };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [url, into] of [
        [`${base}/api/messages`, measured],
        [`http://127.0.0.1:${barePort}/`, bound],
      ] as const) {
        const part = await run(url, SUBMITS_PER_CLIENT / ROUNDS);
        into.latencies.push(...part.latencies);
        into.errors += part.errors;
      }
    }
    measured.latencies.sort((a, b) => a - b);
    bound.latencies.sort((a, b) => a - b);
    await stop(bare.child);
    const p50 = percentile(measured.latencies, 50);
    const p99 = percentile(measured.latencies, 99);
    return [
      {
        bench: 'submit-turn',
        concurrency: CONCURRENCY,
        submits: measured.latencies.length,
        errors: measured.errors,
        p50_ms: +p50.toFixed(2),
        p99_ms: +p99.toFixed(2),
        bound_p50_ms: +percentile(bound.latencies, 50).toFixed(2),
        bound_p99_ms: +percentile(bound.latencies, 99).toFixed(2),
        ratio_p99: +(p99 / percentile(bound.latencies, 99)).toFixed(2),
        target_p99_ms: 50,
      },
    ];
  } finally {
    await stop(app.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runCollectionBench().then((lines) => lines.forEach((line) => console.log(JSON.stringify(line))));
}
