/**
 * The key Graph requests of the app, as one scenario run the same way against a real tenant (to record the shapes
 * of its answers) and against the emulator (to replay and compare them): a scratch list with an indexed and a
 * plain column, an item's eTag and a stale If-Match (412), a filter on the plain column (400), paging, `$batch`,
 * an upload with `conflictBehavior=fail` twice (409), and — with an organiser — an event with a Teams meeting and
 * the calendar view delta. Everything it creates carries the run's name and is removed by `cleanUp`.
 */
import { shapeOf, type Shape } from './shapes';

/** A raw Graph call: status, lower-case headers, parsed JSON body (or bytes); `path` below /v1.0 or absolute. */
export type GraphCaller = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<{ status: number; headers: Record<string, string>; body: any }>;

/** Where the scenario runs. */
export interface ScenarioTarget {
  call: GraphCaller;
  siteId: string;
  /** The organiser mailbox (UPN or id) for the calendar steps; without it they are not run. */
  organizer?: string;
  /** Names the scratch list, folder and event (unique per run on a tenant). */
  run: string;
}

/** What a run created, for `cleanUp`. */
export interface ScenarioState {
  listId?: string;
  fileId?: string;
  eventId?: string;
}

/** Runs the scenario; resolves with one shape per step, in order (and what it created, in `state`). */
export async function runScenario(target: ScenarioTarget, state: ScenarioState = {}): Promise<Shape[]> {
  const { call, siteId, run } = target;
  const shapes: Shape[] = [];
  const record = async (step: string, answer: Awaited<ReturnType<GraphCaller>>) => {
    shapes.push(shapeOf(step, answer));
    return answer;
  };
  const site = `/sites/${siteId}`;

  const list = await record(
    'list.create',
    await call('POST', `${site}/lists`, {
      displayName: `ISC Live Check ${run}`,
      columns: [
        { name: 'CheckCode', text: {}, indexed: true },
        { name: 'CheckPlain', text: {} },
      ],
      list: { template: 'genericList' },
    }),
  );
  state.listId = String(list.body?.id ?? '');
  const items = `${site}/lists/${state.listId}/items`;

  const created = await record(
    'item.create',
    await call('POST', items, { fields: { Title: 'first', CheckCode: 'a', CheckPlain: 'x' } }),
  );
  const itemId = String(created.body?.id ?? '');
  const firstEtag = String(created.body?.eTag ?? '');
  await record(
    'item.update',
    await call('PATCH', `${items}/${itemId}/fields`, { Title: 'first, edited' }, { 'If-Match': firstEtag }),
  );
  await record(
    'item.update-stale',
    await call('PATCH', `${items}/${itemId}/fields`, { Title: 'lost update' }, { 'If-Match': firstEtag }),
  );
  await record(
    'items.filter-non-indexed',
    await call('GET', `${items}?expand=fields&$filter=${encodeURIComponent("fields/CheckPlain eq 'x'")}`),
  );
  for (const title of ['second', 'third']) await call('POST', items, { fields: { Title: title, CheckCode: 'b' } });
  const page = await record('items.page', await call('GET', `${items}?expand=fields&$top=2`));
  const nextLink = page.body?.['@odata.nextLink'];
  if (typeof nextLink === 'string') await record('items.next-page', await call('GET', nextLink));
  await record(
    'batch',
    await call(
      'POST',
      '/$batch',
      {
        requests: [
          { id: '1', method: 'GET', url: `${items}/${itemId}?expand=fields` },
          { id: '2', method: 'GET', url: `${items}/999999` },
        ],
      },
      { 'Content-Type': 'application/json' },
    ),
  );

  const file = `${site}/drive/root:/ISC-Live-Check-${run}/check.txt:/content?@microsoft.graph.conflictBehavior=fail`;
  const content = Buffer.from('ISC Coordinator: Graph record and replay check.\n');
  const uploaded = await record('upload.create', await call('PUT', file, content));
  state.fileId = String(uploaded.body?.id ?? '');
  await record('upload.conflict', await call('PUT', file, content));

  if (target.organizer) {
    const user = `/users/${encodeURIComponent(target.organizer)}`;
    const start = new Date(Date.now() + 30 * 864e5);
    start.setUTCHours(9, 0, 0, 0);
    const utc = (d: Date) => ({ dateTime: d.toISOString().replace(/Z$/, ''), timeZone: 'UTC' });
    const event = await record(
      'event.create',
      await call(
        'POST',
        `${user}/events`,
        {
          subject: `ISC Live Check ${run}`,
          start: utc(start),
          end: utc(new Date(start.getTime() + 36e5)),
          location: { displayName: 'Record and replay check' },
          isOnlineMeeting: true,
          onlineMeetingProvider: 'teamsForBusiness',
        },
        { Prefer: 'outlook.timezone="UTC"' },
      ),
    );
    state.eventId = String(event.body?.id ?? '');
    const from = new Date(Date.now() - 864e5).toISOString();
    const to = new Date(Date.now() + 60 * 864e5).toISOString();
    let delta = await call('GET', `${user}/calendarView/delta?startDateTime=${from}&endDateTime=${to}`);
    for (let pages = 0; typeof delta.body?.['@odata.nextLink'] === 'string' && pages < 50; pages += 1)
      delta = await call('GET', delta.body['@odata.nextLink']);
    await record('calendar.delta', delta);
    await record('event.delete', await call('DELETE', `${user}/events/${state.eventId}`));
    state.eventId = undefined;
  }
  return shapes;
}

/** Removes what a run created (the scratch list with its items, the uploaded file, the event); failures ignored. */
export async function cleanUp(target: ScenarioTarget, state: ScenarioState): Promise<void> {
  const site = `/sites/${target.siteId}`;
  const attempts: Array<Promise<unknown>> = [];
  if (state.fileId) attempts.push(target.call('DELETE', `${site}/drive/items/${state.fileId}`));
  if (state.listId) attempts.push(target.call('DELETE', `${site}/lists/${state.listId}`));
  if (state.eventId && target.organizer)
    attempts.push(target.call('DELETE', `/users/${encodeURIComponent(target.organizer)}/events/${state.eventId}`));
  await Promise.allSettled(attempts);
}
