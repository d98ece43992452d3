/**
 * Out-of-office look-up benchmark: when collection opens, the automatic replies of 500 focal points are read from
 * their mailboxes through Graph `$batch` (20 requests per batch), against the Graph emulator answering every round
 * trip after 20 ms. Figure: the HTTP round trips it took (target ≤ 25) and the time.
 * Run: npx tsx tests/bench/oof-lookup-bench.ts
 */
import { performance } from 'node:perf_hooks';
import { graphOutOfOffice } from '../../teams-app/graph/out-of-office';
import { GraphEmulator } from '../support/graph-emulator';
import { emulatedGraph } from '../support/sharepoint';

const PEOPLE = 500;
const LATENCY_MS = 20;

/** One figure: `{"bench":"oof-lookup","people":500,"roundtrips":…,"away":…,"unreadable":…,"ms":…}`. */
export async function runOofLookupBench(): Promise<object[]> {
  const emulator = new GraphEmulator({ latencyMs: LATENCY_MS });
  const people = Array.from({ length: PEOPLE }, (_, i) => ({
    id: `person-${i}`,
    aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    email: `person.${i}@contoso.com`,
  }));
  // Every tenth person is away for the whole window; every 50th mailbox is unknown to the directory.
  for (const [i, person] of people.entries()) {
    if (i % 50 === 49) continue;
    emulator.setMailboxSettings(
      { id: person.aadObjectId, userPrincipalName: person.email },
      { automaticRepliesSetting: { status: i % 10 === 0 ? 'alwaysEnabled' : 'disabled' } },
    );
  }
  const graph = emulatedGraph(emulator);
  const mailboxes = graphOutOfOffice(graph);
  const started = performance.now();
  const away = await mailboxes.awayDuring(people, '2026-12-01T08:00:00.000Z', '2026-12-09T16:00:00.000Z');
  const ms = performance.now() - started;
  const answers = [...away.values()];
  return [
    {
      bench: 'oof-lookup',
      people: PEOPLE,
      roundtrips: graph.stats.roundtrips,
      target_roundtrips: 25,
      away: answers.filter((a) => a === true).length,
      unreadable: answers.filter((a) => a === null).length,
      ms: Math.round(ms),
    },
  ];
}

if (require.main === module) {
  runOofLookupBench()
    .then((lines) => lines.forEach((line) => console.log(JSON.stringify(line))))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
