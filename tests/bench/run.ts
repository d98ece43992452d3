/** npm run bench: runs every benchmark and prints one JSON line per figure. */
import { runApiBench } from './api-bench';

type Bench = () => Promise<object[]>;

async function optional(modulePath: string, exportName: string): Promise<Bench | null> {
  try {
    const mod = (await import(modulePath)) as Record<string, Bench>;
    return mod[exportName] ?? null;
  } catch (error) {
    console.error(`skipping ${modulePath}: ${(error as Error).message}`);
    return null;
  }
}

async function main(): Promise<void> {
  const benches: Bench[] = [runApiBench];
  for (const [file, name] of [
    ['./agenda-bench', 'runAgendaBench'],
    ['./fanout-bench', 'runFanoutBench'],
    ['./fanout-scaleout-bench', 'runFanoutScaleoutBench'],
    ['./collection-bench', 'runCollectionBench'],
    ['./tab-load-bench', 'runTabLoadBench'],
    ['./sharepoint-bench', 'runSharePointBench'],
    ['./oof-lookup-bench', 'runOofLookupBench'],
    ['./register-io-bench', 'runRegisterIoBench'],
  ] as const) {
    const bench = await optional(file, name);
    if (bench) benches.push(bench);
  }
  const only = process.argv[2];
  for (const bench of benches) {
    if (only && !bench.name.toLowerCase().includes(only.toLowerCase())) continue;
    for (const line of await bench()) console.log(JSON.stringify(line));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
