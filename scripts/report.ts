/**
 * The annual report to Council on Resolution 191 from the command line, compiled from the configured store:
 *
 *   npm run report -- annual [--from 2026-01-01] [--to 2026-12-31] [--lang en] --out report.docx
 *
 * The period defaults to the current calendar year. Exit codes: 0 written, 2 wrong usage or configuration.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { Locale } from '../teams-app/domain';
import { ReportPeriod, calendarYear } from '../teams-app/domain/report';
import { annualReportDocx } from '../teams-app/documents';
import { compileReport } from '../teams-app/services/records';
import { finish, openConfiguredStore } from './configured-store';

const USAGE =
  'Usage: npm run report -- annual [--from <YYYY-MM-DD>] [--to <YYYY-MM-DD>] [--lang <ar|zh|en|fr|ru|es>] --out <file.docx>';

function usage(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        lang: { type: 'string', default: 'en' },
        out: { type: 'string' },
        draft: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  const [command] = parsed.positionals;
  if (command !== 'annual') usage(command ? `Unknown report "${command}".` : 'Which report? annual.');
  const { out } = parsed.values;
  if (!out || !out.toLowerCase().endsWith('.docx')) usage('--out <file.docx> is needed.');
  const locale = Locale.safeParse(parsed.values.lang);
  if (!locale.success) usage(`Unknown language "${parsed.values.lang}".`);
  const now = new Date().toISOString();
  const year = calendarYear(now);
  const period = ReportPeriod.safeParse({ from: parsed.values.from ?? year.from, to: parsed.values.to ?? year.to });
  if (!period.success) usage(`The period is not valid: ${period.error.issues.map((i) => i.message).join('; ')}`);

  const { store } = await openConfiguredStore();
  const report = await compileReport(store, period.data, locale.data, now);
  await writeFile(out, await annualReportDocx(report, { draft: parsed.values.draft }));
  console.log(
    `Wrote the annual report ${period.data.from} – ${period.data.to} (${locale.data}) to ${out}: ` +
      `${report.meetings.length} meetings, ${report.decisions.length} decisions, ${report.escalations.length} escalations.`,
  );
  await finish(store, 0);
}

main().catch((error) => {
  console.error('The report could not be written:', error instanceof Error ? error.message : error);
  process.exit(1);
});
