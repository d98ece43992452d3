/**
 * SharePoint store benchmarks on the Graph emulator:
 * - sharepoint-load: the register (topics, assignments, people) and the upcoming meetings, over 5,000 list items,
 *   loaded cold through the store with 20 ms latency per round trip; the bound is the pages needed at the largest
 *   page SharePoint gives (5,000 items), one round trip each.
 * - sharepoint-throttle: 2,000 item creates under the smallest tenant's budget (1,250 resource units a minute, 2 per
 *   write), the client pacing itself. Time is scaled: the emulator's throttle window, the client's budget and its
 *   waits all run on a clock 10× faster than the wall clock, so the ~3 budget minutes take ~20 s. Figures are in
 *   budget (scaled) seconds; the bound is units spent / budget per minute.
 */
import { performance } from 'node:perf_hooks';
import { type Assignment, type Meeting, type Person, type Topic } from '../../teams-app/domain';
import { createGraphApi, staticTokenAuth, type GraphApi, type GraphRequest } from '../../teams-app/graph';
import { RegisterService } from '../../teams-app/services';
import { composeStores, type BusinessCollectionName, type Records } from '../../teams-app/store';
import { DEMO_PEOPLE, DEMO_TOPICS, demoMeetings } from '../../teams-app/store/demo/seed';
import { LISTS, SHAREPOINT_MAX_PAGE, openSharePointStore, provisionSite } from '../../teams-app/store/sharepoint';
import { fieldsOf } from '../../teams-app/store/sharepoint/items';
import { openSqliteStore } from '../../teams-app/store/sqlite/sqlite-store';
import { GraphEmulator } from '../support/graph-emulator';

const BASE_URL = 'https://graph.microsoft.com/v1.0';
const SECTORS = ['BR', 'TSB', 'BDT', 'GS'] as const;

function graphOn(
  emulator: GraphEmulator,
  budgetPerMinute: number,
  clock: { now?: () => number; sleep?: (ms: number) => Promise<void> } = {},
): GraphApi {
  return createGraphApi(
    { baseUrl: BASE_URL, auth: staticTokenAuth(emulator.token), budgetPerMinute },
    { middleware: emulator.middleware(), ...clock },
  );
}

/** Writes records straight into their list, in batches (the bench's setup, not what it measures). */
async function fill<K extends BusinessCollectionName>(graph: GraphApi, siteId: string, name: K, records: Records[K][]) {
  const url = `/sites/${siteId}/lists/${encodeURIComponent(LISTS[name].listName)}/items`;
  const requests: GraphRequest[] = records.map((record) => ({
    method: 'POST',
    url,
    body: { fields: fieldsOf(LISTS[name], record) },
  }));
  const answers = await graph.batch(requests);
  const failed = answers.filter((a) => a.status !== 201).length;
  if (failed) throw new Error(`${failed} of ${records.length} ${name} were not created`);
}

/** A register past 5,000 items: 1,250 topics, 5,000 assignments (4 sectors each), 400 people, 60 meetings. */
function register(nowMs: number) {
  const topics: Topic[] = Array.from({ length: 1250 }, (_, i) => ({
    ...(DEMO_TOPICS[i % DEMO_TOPICS.length] as Topic),
    id: `topic-${i}`,
  }));
  const people: Person[] = Array.from({ length: 400 }, (_, i) => ({
    ...(DEMO_PEOPLE[i % DEMO_PEOPLE.length] as Person),
    id: `person-${i}`,
    aadObjectId: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
    email: `person${i}@contoso.com`,
  }));
  const assignments: Assignment[] = topics.flatMap((topic, t) =>
    SECTORS.map((sector, s) => ({
      id: `${topic.id}-${sector}`,
      topicId: topic.id,
      sector,
      focalPointId: `person-${(t * 4 + s) % people.length}`,
      alternateId: `person-${(t * 4 + s + 1) % people.length}`,
      iscgCoordinator: false,
    })),
  );
  const [template] = demoMeetings(nowMs);
  const meetings: Meeting[] = Array.from({ length: 60 }, (_, i) => ({
    ...(template as Meeting),
    id: `meeting-${i}`,
    number: i + 1,
    start: new Date(nowMs + (i - 30) * 7 * 864e5).toISOString(),
    end: new Date(nowMs + (i - 30) * 7 * 864e5 + 2 * 3600e3).toISOString(),
    state: 'scheduled',
  }));
  return { topics, people, assignments, meetings };
}

async function loadBench(): Promise<object> {
  const emulator = new GraphEmulator({ latencyMs: 20 });
  const setup = graphOn(emulator, 10_000_000);
  await provisionSite(setup, emulator.siteId);
  const nowMs = Date.parse('2026-12-01T09:00:00.000Z');
  const data = register(nowMs);
  await fill(setup, emulator.siteId, 'topics', data.topics);
  await fill(setup, emulator.siteId, 'people', data.people);
  await fill(setup, emulator.siteId, 'assignments', data.assignments);
  await fill(setup, emulator.siteId, 'meetings', data.meetings);
  const items = data.topics.length + data.people.length + data.assignments.length + data.meetings.length;

  // Cold: a new Graph layer (default budget) and a new store, nothing cached.
  const graph = graphOn(emulator, 1250);
  const business = await openSharePointStore({ graph, siteId: emulator.siteId, changePollMs: 0 });
  const store = composeStores(business, openSqliteStore({ file: ':memory:' }));
  const before = graph.stats.roundtrips;
  const started = performance.now();
  const registerService = new RegisterService(store);
  const [topics, meetings] = await Promise.all([
    registerService.listTopics(),
    registerService.upcomingMeetings(new Date(nowMs).toISOString()),
  ]);
  const ms = performance.now() - started;
  const roundtrips = graph.stats.roundtrips - before;
  await store.close();
  if (topics.length !== data.topics.length || meetings.length === 0) throw new Error('the register did not load whole');
  const pages = (n: number) => Math.ceil(n / SHAREPOINT_MAX_PAGE);
  const bound =
    pages(data.topics.length) +
    pages(data.assignments.length) +
    pages(data.people.length) +
    pages(data.meetings.length);
  return {
    bench: 'sharepoint-load',
    items,
    roundtrips,
    bound_roundtrips: bound,
    ms: Math.round(ms),
    ratio: +(roundtrips / bound).toFixed(2),
    latency_ms: 20,
  };
}

async function throttleBench(): Promise<object> {
  const SCALE = 10;
  const BUDGET = 1250;
  const WRITES = 2000;
  const realStart = Date.now();
  const virtualStart = Date.parse('2026-12-01T09:00:00.000Z');
  const now = () => virtualStart + (Date.now() - realStart) * SCALE;
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms / SCALE));

  const throttled = new GraphEmulator({ now, budgetPerMinute: BUDGET });
  await provisionSite(graphOn(throttled, 10_000_000, { now, sleep }), throttled.siteId);
  const before = throttled.stats.throttled;
  const graph = graphOn(throttled, BUDGET, { now, sleep });
  const store = await openSharePointStore({ graph, siteId: throttled.siteId, changePollMs: 0 });
  // The provisioning above spent part of the first window; wait for a fresh one so the figure is the writes' own.
  await sleep(60_000);
  const started = now();
  let next = 0;
  const worker = async () => {
    while (next < WRITES) {
      const i = next++;
      await store.actions.create({
        id: `action-${i}`,
        topicId: 'accessibility',
        ownerId: 'alex-wilber',
        ownerName: 'Alex Wilber',
        text: `Action ${i}`,
        due: '2026-12-20',
        status: 'open',
        sourceMeetingId: 'isc-tf-31',
        createdAt: '2026-12-01T09:00:00.000Z',
      });
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  const elapsed = (now() - started) / 1000;
  await store.close();
  const stored = throttled.items('ISC Actions').length;
  const bound = (WRITES * 2 * 60) / BUDGET;
  return {
    bench: 'sharepoint-throttle',
    writes: WRITES,
    elapsed_s: +elapsed.toFixed(1),
    bound_s: +bound.toFixed(1),
    ratio: +(elapsed / bound).toFixed(2),
    lost: WRITES - stored,
    http_429: throttled.stats.throttled - before,
    budget_per_minute: BUDGET,
    time_scale: SCALE,
  };
}

/** Runs both SharePoint figures. */
export async function runSharePointBench(): Promise<object[]> {
  return [await loadBench(), await throttleBench()];
}

if (require.main === module) {
  // tsx tests/bench/sharepoint-bench.ts [load|throttle]: one figure, or both.
  const only = process.argv[2];
  const run =
    only === 'load'
      ? loadBench().then((l) => [l])
      : only === 'throttle'
        ? throttleBench().then((l) => [l])
        : runSharePointBench();
  run
    .then((lines) => lines.forEach((line) => console.log(JSON.stringify(line))))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
