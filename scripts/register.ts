/**
 * The register from the command line, on the configured store (DATA_DIR, STORE as the server reads them):
 *
 *   npm run register -- export <file.xlsx|file.csv> [--lang en]   topics, assignments and people
 *   npm run register -- import <file> [--dry-run] [--lang en]      all or nothing; exit 1 with the problems when refused
 *   npm run register -- template <file.xlsx|file.csv> [--lang en]  the empty workbook to fill in
 *
 * Exit codes: 0 done, 1 the file was refused (each problem printed with its sheet, row and column), 2 wrong usage
 * or configuration.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { adminMessages } from '../bot/admin-messages';
import { collectionMessagesFor } from '../bot/collection-messages';
import { isAppError, Locale } from '../teams-app/domain';
import type { Config } from '../teams-app/server/config';
import { RegisterAdminService, RegisterService } from '../teams-app/services';
import { Outbox } from '../teams-app/services/outbox';
import {
  exportRecords,
  importRegister,
  registerTemplate,
  type ImportProblem,
  type ImportReport,
  type TableFormat,
} from '../teams-app/services/records';
import type { Store } from '../teams-app/store';
import { finish, openConfiguredStore } from './configured-store';

const USAGE = `Usage:
  npm run register -- export <file.xlsx|file.csv> [--lang <ar|zh|en|fr|ru|es>]
  npm run register -- import <file> [--dry-run] [--lang <code>]
  npm run register -- template <file.xlsx|file.csv> [--lang <code>]`;

function usage(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function formatOf(file: string): TableFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv') return 'csv';
  return usage(`The file name must end in .xlsx or .csv: ${file}`);
}

function problemLine(problem: ImportProblem): string {
  const where = [
    problem.sheet,
    problem.row === null ? null : `row ${problem.row}`,
    problem.column === null ? null : `column ${problem.column}`,
  ]
    .filter(Boolean)
    .join(', ');
  return `  ${where}: ${problem.message} [${problem.code}]`;
}

function printReport(report: ImportReport): void {
  for (const [sheet, counts] of Object.entries(report.counts)) {
    console.log(
      `${sheet}: ${counts.added} added, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.removed} removed`,
    );
  }
  for (const row of report.rows) {
    if (row.outcome === 'unchanged') continue;
    const where = row.row === null ? '' : ` (row ${row.row})`;
    const fields = row.fields.length ? `: ${row.fields.join(', ')}` : '';
    console.log(`  ${row.outcome} ${row.sheet} ${row.key}${where}${fields}`);
  }
}

function printProblems(problems: readonly ImportProblem[]): void {
  console.error(`The file was refused; nothing was imported. ${problems.length} problem(s):`);
  for (const problem of problems) console.error(problemLine(problem));
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean', default: false }, lang: { type: 'string', default: 'en' } },
    });
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  const [command, file] = parsed.positionals;
  if (!command || !file) usage('A command and a file are needed.');
  const locale = Locale.safeParse(parsed.values.lang);
  if (!locale.success) usage(`Unknown language "${parsed.values.lang}".`);
  const now = new Date().toISOString();

  if (command === 'template') {
    const template = await registerTemplate(formatOf(file), locale.data);
    await writeFile(file, template.content);
    console.log(`Wrote the register template to ${file}.`);
    return;
  }
  if (command !== 'export' && command !== 'import') usage(`Unknown command "${command}".`);

  const format = command === 'export' ? formatOf(file) : null;
  const content = command === 'import' ? await readFile(file).catch(() => usage(`Cannot read ${file}.`)) : null;
  const { config, store } = await openConfiguredStore();
  try {
    if (format) {
      const exported = await exportRecords(store, 'register', { format, locale: locale.data, caller: null, now });
      await writeFile(file, exported.content);
      console.log(`Wrote the register to ${file}.`);
      return await finish(store, 0);
    }
    const dryRun = parsed.values['dry-run'];
    const report = await importRegister(store, content ?? Buffer.alloc(0), {
      dryRun,
      locale: locale.data,
      caller: null,
      now,
      followChanges: (changes, actorId) => followingAdmin(config, store).followChanges(changes, actorId),
    });
    printReport(report);
    if (report.errors.length > 0) {
      printProblems(report.errors);
      return await finish(store, 1);
    }
    console.log(dryRun ? 'Dry run: nothing was written.' : 'Imported.');
    return await finish(store, 0);
  } catch (error) {
    if (isAppError(error, 'import.refused')) {
      printProblems((error.details?.errors as ImportProblem[] | undefined) ?? []);
      return await finish(store, 1);
    }
    if (isAppError(error)) {
      console.error(error.message);
      return await finish(store, 1);
    }
    throw error;
  }
}

/**
 * The register administration on the configured store, for what an applied import means to an open collection's
 * prompts (withdrawn, handed over), queued in the outbox the server's worker delivers.
 */
function followingAdmin(config: Config, store: Store): RegisterAdminService {
  const tab = { publicUrl: config.publicUrl, teamsAppId: config.teamsAppId };
  return new RegisterAdminService({
    store,
    register: new RegisterService(store),
    outbox: new Outbox(store),
    messages: collectionMessagesFor(tab),
    adminMessages,
    now: () => new Date().toISOString(),
  });
}

main().catch((error) => {
  console.error('The register command failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
