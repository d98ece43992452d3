/**
 * npm run provision [-- --dry-run] [-- --demo]: creates or upgrades the SharePoint lists, columns, indexes and the
 * document library folder the SharePoint store needs, printing each change; a second run prints that nothing
 * changed. It never deletes. `--dry-run` prints the plan only; `--demo` also loads the demo data (once).
 *
 * Settings (environment): GRAPH_BASE_URL (default https://graph.microsoft.com/v1.0; a loopback URL is the Graph
 * emulator, reached with its token GRAPH_EMULATOR_TOKEN, default `emulator-token`), SHAREPOINT_SITE_ID (on the
 * emulator the root site's id when absent), GRAPH_BUDGET_PER_MINUTE (1,250 resource units), and for a real tenant GRAPH_TENANT_ID, GRAPH_CLIENT_ID and
 * GRAPH_CLIENT_SECRET, or the bot's MICROSOFT_APP_TENANT_ID, MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD (the app
 * registration granted Sites.Selected on the site, raised to fullcontrol for the run: see README).
 */
import { z } from 'zod';
import { createGraphApi } from '../teams-app/graph';
import { composeStores } from '../teams-app/store';
import { seedDemoData } from '../teams-app/store/demo/seed';
import { describeStep, openSharePointStore, provisionSite } from '../teams-app/store/sharepoint';
import { graphSettings, isLoopbackUrl, siteIdOf } from '../teams-app/store/sharepoint/graph-access';
import { openSqliteStore } from '../teams-app/store/sqlite/sqlite-store';

const Env = z.object({
  GRAPH_BASE_URL: z.url().default('https://graph.microsoft.com/v1.0'),
  GRAPH_EMULATOR_TOKEN: z.string().min(1).optional(),
  GRAPH_BUDGET_PER_MINUTE: z.coerce.number().int().min(10).max(1_000_000).optional(),
  SHAREPOINT_SITE_ID: z.string().min(1).optional(),
  GRAPH_TENANT_ID: z.string().min(1).optional(),
  GRAPH_CLIENT_ID: z.string().min(1).optional(),
  GRAPH_CLIENT_SECRET: z.string().min(1).optional(),
  MICROSOFT_APP_TENANT_ID: z.string().min(1).optional(),
  MICROSOFT_APP_ID: z.string().min(1).optional(),
  MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
});

const Args = z.array(z.enum(['--dry-run', '--demo']));

async function main(): Promise<void> {
  const args = Args.safeParse(process.argv.slice(2));
  if (!args.success) {
    console.error('Usage: npm run provision -- [--dry-run] [--demo]');
    process.exit(2);
  }
  const dryRun = args.data.includes('--dry-run');
  const demo = args.data.includes('--demo');
  const env = Env.parse(process.env);
  if (!env.SHAREPOINT_SITE_ID && !isLoopbackUrl(env.GRAPH_BASE_URL)) {
    console.error('SHAREPOINT_SITE_ID is missing: the id of the site that holds the lists.');
    process.exit(2);
  }
  const graph = createGraphApi(
    graphSettings({
      baseUrl: env.GRAPH_BASE_URL,
      emulatorToken: env.GRAPH_EMULATOR_TOKEN,
      budgetPerMinute: env.GRAPH_BUDGET_PER_MINUTE,
      credentials: {
        tenantId: env.GRAPH_TENANT_ID ?? env.MICROSOFT_APP_TENANT_ID,
        clientId: env.GRAPH_CLIENT_ID ?? env.MICROSOFT_APP_ID,
        clientSecret: env.GRAPH_CLIENT_ID ? env.GRAPH_CLIENT_SECRET : env.MICROSOFT_APP_PASSWORD,
      },
    }),
  );
  const siteId = await siteIdOf(graph, env.SHAREPOINT_SITE_ID);
  console.log(`${dryRun ? 'Plan for' : 'Provisioning'} site ${siteId} at ${env.GRAPH_BASE_URL}`);
  const steps = await provisionSite(graph, siteId, {
    dryRun,
    onStep: (step) => console.log(`${dryRun ? 'would ' : ''}${describeStep(step)}`),
  });
  console.log(steps.length ? `${steps.length} ${dryRun ? 'changes planned' : 'changes made'}.` : 'Nothing to change.');
  if (demo && !dryRun) {
    const store = composeStores(
      await openSharePointStore({ graph, siteId, changePollMs: 0 }),
      openSqliteStore({ file: ':memory:' }),
    );
    try {
      console.log((await seedDemoData(store)) ? 'Loaded the demo data.' : 'The demo data is already there.');
    } finally {
      await store.close();
    }
  }
}

main().catch((error) => {
  console.error('Provisioning failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
