/** Register import/export and annual report figures on a large register (1,000 topics × 4 sectors, 500 people). */
import { annualReportDocx } from '../../teams-app/documents';
import { compileReport, exportRecords, importRegister } from '../../teams-app/services/records';
import { write, type Store } from '../../teams-app/store';
import { DEMO_PEOPLE, DEMO_TOPICS, seedDemoData } from '../../teams-app/store/demo/seed';
import { openSqliteStore } from '../../teams-app/store/sqlite/sqlite-store';

const NOW = '2026-12-20T09:00:00.000Z';
const TOPICS = 1000;
const PEOPLE = 500;

async function largeRegister(): Promise<Store> {
  const store = openSqliteStore({ file: ':memory:' });
  const topics = Array.from({ length: TOPICS }, (_, i) => ({
    ...DEMO_TOPICS[i % DEMO_TOPICS.length]!,
    id: `topic-${i}`,
  }));
  const people = Array.from({ length: PEOPLE }, (_, i) => ({
    ...DEMO_PEOPLE[i % DEMO_PEOPLE.length]!,
    id: `person-${i}`,
    email: `person${i}@example.com`,
  }));
  const assignments = topics.flatMap((topic, i) =>
    (['BR', 'TSB', 'BDT', 'GS'] as const).map((sector, j) => ({
      id: `${topic.id}.${sector}`,
      topicId: topic.id,
      sector,
      focalPointId: `person-${(i + j) % PEOPLE}`,
      alternateId: `person-${(i + j + 1) % PEOPLE}`,
      iscgCoordinator: false,
    })),
  );
  await store.commit([
    ...topics.map((t) => write.create('topics', t)),
    ...people.map((p) => write.create('people', p)),
    ...assignments.map((a) => write.create('assignments', a)),
  ]);
  return store;
}

async function ms(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return +(performance.now() - start).toFixed(1);
}

/** Export and dry-run import of the large register in both formats, and the annual report on the demo data. */
export async function runRegisterIoBench(): Promise<object[]> {
  const store = await largeRegister();
  const lines: object[] = [];
  try {
    for (const format of ['xlsx', 'csv'] as const) {
      const options = { format, locale: 'en' as const, caller: null, now: NOW };
      await exportRecords(store, 'register', options); // warm-up
      let file = await exportRecords(store, 'register', options);
      const exportMs = await ms(async () => (file = await exportRecords(store, 'register', options)));
      const importMs = await ms(() =>
        importRegister(store, file.content, { dryRun: true, locale: 'en', caller: null, now: NOW }),
      );
      lines.push({
        bench: 'register-io',
        format,
        rows: TOPICS + TOPICS * 4 + PEOPLE,
        bytes: file.content.length,
        export_ms: exportMs,
        dry_run_import_ms: importMs,
      });
    }
  } finally {
    await store.close();
  }
  const demo = openSqliteStore({ file: ':memory:' });
  try {
    await seedDemoData(demo, Date.parse('2026-11-24T08:00:00.000Z'));
    const period = { from: '2026-01-01', to: '2026-12-31' };
    let report = await compileReport(demo, period, 'en', NOW);
    const compileMs = await ms(async () => (report = await compileReport(demo, period, 'ar', NOW)));
    const docxMs = await ms(() => annualReportDocx(report));
    lines.push({ bench: 'annual-report', topics: report.topics.length, compile_ms: compileMs, docx_ms: docxMs });
  } finally {
    await demo.close();
  }
  return lines;
}

if (require.main === module) {
  runRegisterIoBench().then((lines) => lines.forEach((line) => console.log(JSON.stringify(line))));
}
