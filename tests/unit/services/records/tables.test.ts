import { strToU8, zipSync } from 'fflate';
import { LOCALES } from '../../../../teams-app/domain';
import { t } from '../../../../teams-app/i18n';
import {
  EXPORT_COLUMNS,
  REGISTER_COLUMNS,
  REGISTER_SHEETS,
  columnLetter,
  declaredUnzippedSize,
  neutralise,
  readTables,
  restore,
  writeCsv,
} from '../../../../teams-app/services/records';

describe('import and export tables', () => {
  it('gives every column of a sheet its own header in each language, so any language imports back', () => {
    const sheets = [...REGISTER_SHEETS.map((s) => REGISTER_COLUMNS[s]), ...Object.values(EXPORT_COLUMNS)];
    for (const columns of sheets) {
      const headers = columns.flatMap((c) => [c.key.toLowerCase(), ...LOCALES.map((l) => t(c.label, l).toLowerCase())]);
      const owners = new Map<string, Set<string>>();
      columns.forEach((c, i) =>
        headers.slice(i * 7, i * 7 + 7).forEach((h) => owners.set(h, (owners.get(h) ?? new Set()).add(c.key))),
      );
      const shared = [...owners].filter(([, keys]) => keys.size > 1).map(([header]) => header);
      expect(shared).toEqual([]);
    }
  });

  it('makes text starting with a formula character inert, and restores it on import', () => {
    for (const text of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx']) {
      expect(neutralise(text)).toBe(`'${text}`);
      expect(restore(neutralise(text))).toBe(text);
    }
    expect(neutralise('plain = text')).toBe('plain = text');
    expect(restore("'quoted")).toBe("'quoted");
    expect(writeCsv([{ name: 'x', headers: ['a'], rows: [['=cmd|"/c calc"!A0']] }]).toString('utf8')).toBe(
      '\uFEFFa\r\n"\'=cmd|""/c calc""!A0"\r\n',
    );
  });

  it('reads the unzipped size a zip declares, and refuses a workbook that would unzip too large', async () => {
    const zip = Buffer.from(zipSync({ 'a.xml': strToU8('x'.repeat(1000)), 'b.xml': strToU8('y'.repeat(500)) }));
    expect(declaredUnzippedSize(zip)).toBe(1500);
    const bomb = Buffer.from(zipSync({ 'xl/workbook.xml': new Uint8Array(70 * 1024 * 1024) }, { level: 9 }));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(readTables(bomb)).rejects.toMatchObject({ code: 'request.too-large' });
  });

  it('names columns as spreadsheets do', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });
});
