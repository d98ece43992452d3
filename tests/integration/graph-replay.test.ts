/**
 * Keeps the Graph emulator honest: shapes of Graph's answers — written from the documentation's examples
 * (tests/fixtures/graph-shapes.docs.json), and any tenant recording committed beside it
 * (tests/fixtures/graph-shapes.live.json, written by tests/integration/graph-live.test.ts) — are replayed against the
 * emulator by running the same scenario on it, step by step: same status, same error code, every recorded key there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { GraphEmulator, callerFor } from '../support/graph-emulator';
import { runScenario } from '../support/graph-live/scenario';
import { compareShape, shapeOf, ShapesFile, type Shape } from '../support/graph-live/shapes';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const recordings = ['graph-shapes.docs.json', 'graph-shapes.live.json'].filter((name) =>
  fs.existsSync(path.join(FIXTURES, name)),
);

/** The scenario's answers on a fresh emulator, by step. */
async function emulatorShapes(): Promise<Map<string, Shape>> {
  const emulator = new GraphEmulator({ pageSize: 2 });
  const shapes = await runScenario({
    call: callerFor(emulator),
    siteId: emulator.siteId,
    organizer: emulator.organizer.userPrincipalName,
    run: 'replay',
  });
  return new Map(shapes.map((shape) => [shape.step, shape]));
}

describe.each(recordings)('the emulator replaying %s', (name) => {
  const recorded = ShapesFile.parse(JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')));
  let replayed: Map<string, Shape>;
  beforeAll(async () => {
    replayed = await emulatorShapes();
  });

  it.each(recorded.shapes.map((shape) => [shape.step, shape] as const))(
    'answers %s with the recorded status, error code and keys',
    (step, shape) => {
      const answer = replayed.get(step);
      expect(answer).toBeDefined();
      if (answer) expect(compareShape(shape, answer).problems).toEqual([]);
    },
  );

  it('has a recorded answer for every step of the scenario', () => {
    const steps = new Set(recorded.shapes.map((shape) => shape.step));
    expect([...replayed.keys()].filter((step) => !steps.has(step))).toEqual([]);
  });
});

describe('comparing shapes', () => {
  const documented: Shape = {
    step: 'upload.conflict',
    status: 409,
    errorCode: 'nameAlreadyExists',
    headers: ['content-type', 'ratelimit-remaining'],
    keys: ['error', 'error.code', 'error.innerError', 'error.message'],
  };

  it('finds no difference in an answer of the same shape, whatever its values and extra keys', () => {
    const answer = shapeOf('upload.conflict', {
      status: 409,
      headers: { 'Content-Type': 'application/json', 'request-id': 'r-1' },
      body: { error: { code: 'nameAlreadyExists', message: 'taken', innerError: { date: 'x' }, extra: 1 } },
    });
    expect(compareShape(documented, answer).problems).toEqual([]);
  });

  it('reports another status, another error code, a missing key and a missing content type', () => {
    const answer = shapeOf('upload.conflict', {
      status: 400,
      headers: {},
      body: { error: { code: 'invalidRequest', message: 'no' } },
    });
    expect(compareShape(documented, answer).problems).toEqual([
      'status 400, recorded 409',
      'error code invalidRequest, recorded nameAlreadyExists',
      'header content-type missing',
      'key error.innerError missing',
    ]);
  });

  it('reads keys two levels deep, arrays by their first element', () => {
    const answer = shapeOf('items.page', {
      status: 200,
      headers: {},
      body: { '@odata.nextLink': 'https://x', value: [{ id: '1', fields: { Title: 'a' } }], meta: { a: { b: 1 } } },
    });
    expect(answer.keys).toEqual(['@odata.nextLink', 'meta', 'meta.a', 'value', 'value[].fields', 'value[].id']);
  });
});
