import type * as ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { AppError } from '../../domain';

/** A value of a written cell: text, or a number kept as a number. */
export type CellValue = string | number;

/** A sheet to write: its name, header row and data rows. */
export interface OutSheet {
  name: string;
  headers: string[];
  rows: CellValue[][];
}

/** A row as read from a file: its line (worksheet row or CSV line, 1-based) and its cells as text. */
export interface InRow {
  line: number;
  cells: string[];
}

/** A sheet as read from a file: its name (null for a CSV without section markers), header and rows. */
export interface InSheet {
  name: string | null;
  headerLine: number;
  headers: string[];
  rows: InRow[];
}

/** The file formats of imports and exports. */
export type TableFormat = 'xlsx' | 'csv';

/** The largest file an import accepts. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** The most an XLSX upload may hold once unzipped (a small zip can expand enormously). */
export const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;
/** The most data rows a sheet may have. */
export const MAX_ROWS = 10_000;

/** The MIME type of each format. */
export const CONTENT_TYPES: Record<TableFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** exceljs, loaded on the first workbook read or written (it is large and only imports and exports need it). */
async function excel(): Promise<typeof ExcelJS> {
  const loaded = (await import('exceljs')) as typeof ExcelJS & { default?: typeof ExcelJS };
  return loaded.default ?? loaded;
}

/** Characters that make a spreadsheet read a cell as a formula (or a command, for some programs). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell's text made inert for spreadsheets (CSV/formula injection): text starting with = + - @, a tab or a carriage
 * return gets a leading apostrophe, which Excel and LibreOffice show as text. The import removes it again.
 */
export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A cell's text as imported: the apostrophe {@link neutralise} added before a formula character removed. */
export function restore(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

function cellOut(value: CellValue): CellValue {
  return typeof value === 'string' ? neutralise(value) : value;
}

/** Writes sheets as an XLSX workbook (right-to-left sheets for Arabic readers). */
export async function writeXlsx(sheets: readonly OutSheet[], rtl = false): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  workbook.creator = 'ISC Coordinator';
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, {
      views: [{ state: 'frozen', ySplit: 1, rightToLeft: rtl }],
    });
    worksheet.addRow(sheet.headers.map(cellOut)).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row.map(cellOut));
    sheet.headers.forEach((header, i) => {
      const widest = Math.max(header.length, ...sheet.rows.slice(0, 200).map((row) => String(row[i] ?? '').length));
      worksheet.getColumn(i + 1).width = Math.min(60, Math.max(10, widest + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvField(value: CellValue): string {
  const text = String(cellOut(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes sheets as one UTF-8 CSV file (with a byte order mark, so Excel reads the languages right). Several sheets
 * follow each other, each after a line `[name]` and a blank line between them; a single sheet has no marker.
 */
export function writeCsv(sheets: readonly OutSheet[]): Buffer {
  const lines: string[] = [];
  const marked = sheets.length > 1;
  sheets.forEach((sheet, i) => {
    if (marked) {
      if (i > 0) lines.push('');
      lines.push(`[${sheet.name}]`);
    }
    lines.push(sheet.headers.map(csvField).join(','));
    for (const row of sheet.rows) lines.push(row.map(csvField).join(','));
  });
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Writes sheets in a format. */
export async function writeTables(format: TableFormat, sheets: readonly OutSheet[], rtl = false): Promise<Buffer> {
  return format === 'xlsx' ? writeXlsx(sheets, rtl) : writeCsv(sheets);
}

/** The format of an uploaded file: a zip (XLSX) by its signature, otherwise CSV. */
export function detectFormat(content: Buffer): TableFormat {
  return content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) ? 'xlsx' : 'csv';
}

function tooLarge(size: number): AppError {
  return new AppError(
    'request.too-large',
    `The file is ${(size / 1024 / 1024).toFixed(1)} MB; an import takes at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
    { size, limit: MAX_UPLOAD_BYTES },
  );
}

function unreadable(why: string): AppError {
  return new AppError('import.unreadable', `The file could not be read as an XLSX workbook or a CSV file: ${why}.`);
}

/**
 * The total unzipped size a zip declares in its central directory, or null when the directory cannot be found. Read
 * before the workbook is opened, so a zip bomb is refused without being expanded.
 */
export function declaredUnzippedSize(zip: Buffer): number | null {
  const END = 0x06054b50;
  const from = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= from; at--) {
    if (zip.readUInt32LE(at) !== END) continue;
    const entries = zip.readUInt16LE(at + 10);
    let offset = zip.readUInt32LE(at + 16);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== 0x02014b50) return null;
      total += zip.readUInt32LE(offset + 24);
      offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
    }
    return total;
  }
  return null;
}

/** The text of a cell as exceljs reads it (rich text, links, formula results and dates included). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function readXlsx(content: Buffer): Promise<InSheet[]> {
  const unzipped = declaredUnzippedSize(content);
  if (unzipped === null) throw unreadable('the zip directory is damaged');
  if (unzipped > MAX_UNZIPPED_BYTES) throw tooLarge(unzipped);
  const workbook = new (await excel()).Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable('it is not a valid XLSX workbook');
  }
  return workbook.worksheets.map((worksheet): InSheet => {
    const rows: InRow[] = [];
    let headers: string[] = [];
    let headerLine = 1;
    worksheet.eachRow({ includeEmpty: false }, (row, line) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      const cells = Array.from({ length: Math.max(values.length, headers.length) }, (_, i) =>
        restore(cellText((values[i] ?? null) as ExcelJS.CellValue).trim()),
      );
      if (headers.length === 0) {
        headers = cells;
        headerLine = line;
      } else rows.push({ line, cells });
    });
    return { name: worksheet.name, headerLine, headers, rows };
  });
}

const SECTION = /^\[([A-Za-z-]+)\]$/;

/** The line breaks inside a record's cells (CRLF, LF or CR each one break). */
function breaksIn(record: readonly string[]): number {
  return record.reduce((sum, cell) => sum + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
}

function readCsv(content: Buffer): InSheet[] {
  const text = content.toString('utf8');
  if (text.includes('\uFFFD')) throw unreadable('it is not UTF-8 text');
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    throw unreadable(error instanceof Error ? (error.message.split('\n')[0] ?? 'invalid CSV') : 'invalid CSV');
  }
  const sheets: InSheet[] = [];
  let current: InSheet | null = null;
  let pendingName: string | null = null;
  // Every record, blank lines included, ends with one line break; a quoted cell may add more. Counted from the
  // cells, not csv-parse's `info.lines`, which counts a CRLF inside quotes as two lines.
  let line = 1;
  for (const record of records) {
    const start = line;
    line += 1 + breaksIn(record);
    const cells = record.map((cell) => restore(cell.trim()));
    if (cells.every((cell) => cell === '')) continue;
    const marker = cells.filter((cell) => cell !== '').length === 1 ? SECTION.exec(cells[0] ?? '') : null;
    if (marker) {
      pendingName = marker[1] ?? null;
      current = null;
      continue;
    }
    if (!current) {
      current = { name: pendingName, headerLine: start, headers: cells, rows: [] };
      sheets.push(current);
      pendingName = null;
    } else current.rows.push({ line: start, cells });
  }
  return sheets;
}

/** Reads an uploaded XLSX or CSV file into sheets; refuses files over the size limits or that cannot be read. */
export async function readTables(content: Buffer): Promise<{ format: TableFormat; sheets: InSheet[] }> {
  if (content.length > MAX_UPLOAD_BYTES) throw tooLarge(content.length);
  if (content.length === 0) throw unreadable('it is empty');
  const format = detectFormat(content);
  return { format, sheets: format === 'xlsx' ? await readXlsx(content) : readCsv(content) };
}

/** An Excel-style column name: A, B, … Z, AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}
