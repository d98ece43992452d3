import { BUSINESS_COLLECTIONS } from '../../teams-app/store';
import { LISTS, describeStep, planProvisioning, provisionSite } from '../../teams-app/store/sharepoint';
import { GraphEmulator } from '../support/graph-emulator';
import { emulatedGraph } from '../support/sharepoint';

/** `npm run provision` on the Graph emulator: creates or upgrades, idempotently, never deletes. */

function fresh() {
  const emulator = new GraphEmulator();
  return { emulator, graph: emulatedGraph(emulator) };
}

describe('provisioning the SharePoint site', () => {
  it('creates every list with its indexed columns, the library columns and folder, and finds nothing to do the second time', async () => {
    const { emulator, graph } = fresh();
    const first = await provisionSite(graph, emulator.siteId);
    expect(first.filter((s) => s.kind === 'create-list')).toHaveLength(BUSINESS_COLLECTIONS.length);
    expect(first.some((s) => s.kind === 'add-column' && s.list === 'Documents')).toBe(true);
    expect(first.some((s) => s.kind === 'create-folder')).toBe(true);
    for (const name of BUSINESS_COLLECTIONS) {
      const list = emulator.list(LISTS[name].listName);
      expect(list?.columns.find((c) => c.name === 'RecordId')).toMatchObject({
        indexed: true,
        enforceUniqueValues: true,
      });
      for (const { column } of LISTS[name].queryColumns)
        expect(list?.columns.find((c) => c.name === column.name)?.indexed).toBe(true);
    }
    expect(await provisionSite(graph, emulator.siteId)).toEqual([]);
  });

  it('on a dry run shows the plan and changes nothing', async () => {
    const { emulator, graph } = fresh();
    const printed: string[] = [];
    const plan = await provisionSite(graph, emulator.siteId, {
      dryRun: true,
      onStep: (step) => printed.push(describeStep(step)),
    });
    expect(plan.length).toBeGreaterThan(BUSINESS_COLLECTIONS.length);
    expect(printed).toContain('create list "ISC Actions" with 15 columns (5 indexed)');
    expect(emulator.list('ISC Actions')).toBeUndefined();
    expect(await planProvisioning(graph, emulator.siteId)).toEqual(plan);
  });

  it('upgrades a list that lacks an index or a column, keeping its items', async () => {
    const { emulator, graph } = fresh();
    await provisionSite(graph, emulator.siteId);
    const list = emulator.list('ISC Actions');
    const status = list?.columns.find((c) => c.name === 'IscStatus');
    if (!list || !status) throw new Error('the list was not provisioned');
    status.indexed = false;
    list.columns = list.columns.filter((c) => c.name !== 'OwnerName');
    await graph.post(`/sites/${emulator.siteId}/lists/ISC%20Actions/items`, {
      fields: { Title: 'kept', RecordId: 'x' },
    });

    const upgrade = await provisionSite(graph, emulator.siteId);
    expect(upgrade.map(describeStep)).toEqual([
      'index column "IscStatus" of "ISC Actions"',
      'add column "OwnerName" to "ISC Actions"',
    ]);
    expect(emulator.list('ISC Actions')?.columns.find((c) => c.name === 'IscStatus')?.indexed).toBe(true);
    expect(emulator.items('ISC Actions').map((i) => i.Title)).toEqual(['kept']);
    expect(await provisionSite(graph, emulator.siteId)).toEqual([]);
  });
});
