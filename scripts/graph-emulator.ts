/**
 * Serves the Microsoft Graph emulator over HTTP for offline runs of the app:
 *   npm run graph-emulator -- --port 4100 [--latency 20] [--budget 1250] [--page-size 100] [--token emulator-token]
 * Prints the base URL, the site id and the group id, then keeps state in memory until stopped (Ctrl+C).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { GraphEmulator } from '../tests/support/graph-emulator';

const Args = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(4100),
  latency: z.coerce.number().int().min(0).optional(),
  budget: z.coerce.number().int().min(1).optional(),
  'page-size': z.coerce.number().int().min(1).max(5000).optional(),
  token: z.string().min(1).optional(),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      latency: { type: 'string' },
      budget: { type: 'string' },
      'page-size': { type: 'string' },
      token: { type: 'string' },
    },
  });
  const parsed = Args.safeParse(values);
  if (!parsed.success) {
    console.error(
      `graph-emulator: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
    process.exit(2);
  }
  const args = parsed.data;
  const emulator = new GraphEmulator({
    latencyMs: args.latency,
    budgetPerMinute: args.budget,
    pageSize: args['page-size'],
    token: args.token,
  });
  const server = await emulator.listen(args.port);
  console.log(`Microsoft Graph emulator listening on ${server.url}`);
  console.log(`  site id:  ${emulator.siteId}`);
  console.log(`  group id: ${emulator.groupId}`);
  console.log(`  token:    Authorization: Bearer ${emulator.token} (requests without it get 401)`);
  console.log(
    `  latency:  ${args.latency ?? 0} ms; budget: ${args.budget ? `${args.budget} resource units per minute` : 'unthrottled'}`,
  );
  console.log('  state is in memory: it is gone when the emulator stops.');
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
