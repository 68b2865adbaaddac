/** Reading a filled workbook back, the way a test looks at what a clerk receives. */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import { runJob, type JobOptions, type JobResult } from '../../src/app/job';
import { XlsxWorkbook } from '../../src/workbook/xlsx';

export const SAMPLE_PATH = join(__dirname, '..', '..', 'assets', 'sample-xinzhou-2021.xlsx');
export const REPORT_DATE = new Date(2022, 6, 8);

export function sampleBytes(): Uint8Array {
  return new Uint8Array(readFileSync(SAMPLE_PATH));
}

export async function fill(
  data: Uint8Array,
  options: JobOptions = {},
): Promise<{ bytes: Uint8Array; result: JobResult }> {
  const book = await XlsxWorkbook.open(data);
  const result = await runJob(book, { date: REPORT_DATE, onNameConflict: 'rename', ...options });
  if (!result.written)
    throw new Error(
      `not written: ${result.evaluation.findings
        .filter((f) => f.severity === 'error')
        .map((f) => f.message)
        .join('; ')}`,
    );
  return { bytes: await book.toBuffer(), result };
}

export async function loadBook(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  return book;
}

export async function saveBook(book: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** A cell's plain value: the cached result of a formula, rich text joined, errors as '#X'. */
export function plain(cell: ExcelJS.Cell): unknown {
  const v = cell.value as unknown;
  if (v && typeof v === 'object') {
    const o = v as {
      result?: unknown;
      richText?: { text: string }[];
      error?: string;
      formula?: string;
      sharedFormula?: string;
    };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('formula' in o || 'sharedFormula' in o) return o.result ?? null;
    if (o.error) return o.error;
  }
  return v ?? null;
}

export function formulaOf(cell: ExcelJS.Cell): string | undefined {
  const v = cell.value as { formula?: string } | null;
  return v && typeof v === 'object' && typeof v.formula === 'string' ? v.formula : undefined;
}

/** The row whose column `col` (1-based) holds `label`. */
export function rowOf(ws: ExcelJS.Worksheet, col: number, label: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (!found && plain(row.getCell(col)) === label) found = row;
  });
  if (!found) throw new Error(`no row with ${label} in column ${col} of ${ws.name}`);
  return found;
}

export function sheet(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = book.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}; sheets: ${book.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

/** Every non-empty cell of a sheet as address → plain value (and formula), for whole-sheet comparisons. */
export function sheetDump(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const f = formulaOf(cell);
      out[cell.address] = f ? { f, v: plain(cell) } : plain(cell);
    }),
  );
  return out;
}
