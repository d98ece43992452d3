import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { seedDemoData } from '../../teams-app/store/demo/seed';
import { openSqliteStore } from '../../teams-app/store/sqlite/sqlite-store';
import { docxText } from '../unit/documents/docx-reader';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

let dataDir: string;

/** Runs a command-line script on the temporary store; resolves with its exit code and output. */
function run(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [TSX, path.join(ROOT, 'scripts', script), ...args],
      { cwd: ROOT, env },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isc-cli-'));
  const store = openSqliteStore({ file: path.join(dataDir, 'isc-coordinator.sqlite') });
  await seedDemoData(store, Date.parse('2026-11-24T08:00:00.000Z'));
  await store.close();
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run register and npm run report', () => {
  it('exports the configured register and imports it back unchanged (exit 0)', async () => {
    const file = path.join(dataDir, 'register.xlsx');
    const exported = await run('register.ts', ['export', file]);
    expect(exported).toEqual(expect.objectContaining({ code: 0 }));
    expect(fs.existsSync(file)).toBe(true);

    const imported = await run('register.ts', ['import', file]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('topics: 0 added, 0 changed, 18 unchanged, 0 removed');
    expect(imported.stdout).toContain('Imported.');
  });

  it('refuses a bad file with exit code 1 and each problem printed with its row and column', async () => {
    const template = path.join(dataDir, 'template.xlsx');
    expect((await run('register.ts', ['template', template])).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(template);
    book.getWorksheet('people')?.addRow(['someone@example', 'Someone', 'ITU-X']);
    const bad = path.join(dataDir, 'bad.xlsx');
    await book.xlsx.writeFile(bad);

    for (const args of [
      ['import', bad, '--dry-run'],
      ['import', bad],
    ]) {
      const result = await run('register.ts', args);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        'people, row 2, column A: "someone@example" is not a valid e-mail address. [bad-email]',
      );
      expect(result.stderr).toContain(
        'people, row 2, column C: Unknown sector "ITU-X": use BR, TSB, BDT or GS. [unknown-sector]',
      );
    }
    expect((await run('register.ts', ['import'])).code).toBe(2);
  });

  it('writes the annual report in the chosen language', async () => {
    const out = path.join(dataDir, 'report.docx');
    const result = await run('report.ts', [
      'annual',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--lang',
      'fr',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(await docxText(fs.readFileSync(out))).toContain('Rapport sur la mise en œuvre de la Résolution 191');
    expect((await run('report.ts', ['annual', '--from', '2026-12-31', '--to', '2026-01-01', '--out', out])).code).toBe(
      2,
    );
  });
});
