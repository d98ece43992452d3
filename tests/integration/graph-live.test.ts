/**
 * The record/replay suite for a real tenant. With GRAPH_LIVE_TENANT_ID, GRAPH_LIVE_CLIENT_ID,
 * GRAPH_LIVE_CLIENT_SECRET and GRAPH_LIVE_SITE_ID set (GRAPH_LIVE_ORGANIZER adds the calendar steps) it runs the
 * app's key Graph requests on the tenant — a scratch list (removed afterwards), eTag and a stale If-Match (412), a
 * filter on a column without index (400), paging, `$batch`, an upload conflict (409), an event with a Teams meeting
 * and the calendar view delta — records the shapes of the answers to a file (GRAPH_LIVE_RECORD_FILE, default
 * data/graph-live/shapes-<time>.json; copy it to tests/fixtures/graph-shapes.live.json to replay it in every run)
 * and compares them with the emulator's answers to the same scenario. Without the settings it says why and its test
 * is reported as skipped: no tenant is reachable from the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { GraphEmulator, callerFor } from '../support/graph-emulator';
import { liveCaller, liveSettings } from '../support/graph-live/live-caller';
import { cleanUp, runScenario, type ScenarioState } from '../support/graph-live/scenario';
import { compareShape, type ShapesFile } from '../support/graph-live/shapes';

const live = liveSettings(process.env);
if ('reason' in live) console.info(`graph-live: not run against a tenant: ${live.reason}`);

const suite = 'settings' in live ? describe : describe.skip;
const title =
  'settings' in live
    ? 'Graph record and replay on the tenant'
    : `Graph record and replay on a real tenant (skipped: ${live.reason})`;

suite(title, () => {
  it('records the answers of the key requests on the tenant, and the emulator answers them alike', async () => {
    if (!('settings' in live)) return;
    const { settings } = live;
    const run = `${new Date()
      .toISOString()
      .replace(/[-:.TZ]/g, '')
      .slice(0, 14)}`;
    const target = {
      call: liveCaller(settings),
      siteId: settings.GRAPH_LIVE_SITE_ID,
      run,
      ...(settings.GRAPH_LIVE_ORGANIZER ? { organizer: settings.GRAPH_LIVE_ORGANIZER } : {}),
    };
    const state: ScenarioState = {};
    let recorded;
    try {
      recorded = await runScenario(target, state);
    } finally {
      await cleanUp(target, state);
    }
    const file = settings.GRAPH_LIVE_RECORD_FILE ?? path.resolve(__dirname, `../../data/graph-live/shapes-${run}.json`);
    const content: ShapesFile = {
      comment: `Recorded on tenant ${settings.GRAPH_LIVE_TENANT_ID} by tests/integration/graph-live.test.ts.`,
      recordedAt: new Date().toISOString(),
      shapes: recorded.map((shape) => ({ ...shape, source: 'tenant recording' })),
    };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
    console.info(`graph-live: ${recorded.length} answers recorded in ${file}`);

    const emulator = new GraphEmulator({ pageSize: 2 });
    const replayed = await runScenario({
      call: callerFor(emulator),
      siteId: emulator.siteId,
      run,
      ...(settings.GRAPH_LIVE_ORGANIZER ? { organizer: emulator.organizer.userPrincipalName } : {}),
    });
    const differences = recorded
      .map((shape) => {
        const answer = replayed.find((r) => r.step === shape.step);
        return answer ? compareShape(shape, answer) : { step: shape.step, problems: ['not answered'] };
      })
      .filter((difference) => difference.problems.length > 0);
    expect(differences).toEqual([]);
  }, 180_000);
});
