/**
 * Workbooks for the reading tests: a clerk's 基础数据 sheet holding the required inputs, built into a
 * real .xlsx and read back through XlsxWorkbook.readNames(candidateNames()) → readInputs, the path
 * every front end takes.
 */
import { candidateNames, readInputs } from '../../src/engine/reading';
import type { CellValue, Finding, InputReading, InputsRead, NameMapping } from '../../src/engine/types';
import type { NamesRead } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import type { FixtureCell, FixtureName, WorkbookFixture } from './fixture';
import { buildXlsx } from './xlsxFixture';

export const SHEET = '基础数据';

/** Row of each required input on the base sheet (value in column B). */
export const BASE_ROWS: Record<string, number> = {
  单位名称: 2,
  评价年度: 3,
  编制数: 4,
  在职人员数: 5,
  全年预算数: 6,
  全年执行数: 7,
};

export const BASE_VALUES: Record<string, CellValue> = {
  单位名称: '忻州市人民政府金融工作办公室',
  评价年度: 2021,
  编制数: 17,
  在职人员数: 15,
  全年预算数: 174.56,
  全年执行数: 174.56,
};

/** A valid workbook: every required input on 基础数据!B2:B7 with its canonical workbook name. */
export function baseFixture(): WorkbookFixture {
  const cells: Record<string, CellValue | FixtureCell> = { A1: '基础数据' };
  const names: FixtureName[] = [];
  for (const [input, row] of Object.entries(BASE_ROWS)) {
    cells[`A${row}`] = input;
    cells[`B${row}`] = BASE_VALUES[input];
    names.push({ name: input, refersTo: `${SHEET}!$B$${row}` });
  }
  return { sheets: [{ name: SHEET, cells }], names };
}

/** The base workbook with some cells set (on 基础数据) and some names added or replaced. */
export function variant(options: {
  cells?: Record<string, CellValue | FixtureCell>;
  names?: FixtureName[];
  dropNames?: string[];
  sheets?: WorkbookFixture['sheets'];
  merges?: string[];
}): WorkbookFixture {
  const f = baseFixture();
  Object.assign(f.sheets[0].cells, options.cells ?? {});
  if (options.merges) f.sheets[0].merges = options.merges;
  const drop = new Set([
    ...(options.dropNames ?? []),
    ...(options.names ?? []).filter((n) => !n.sheet).map((n) => n.name),
  ]);
  f.names = f.names.filter((n) => !drop.has(n.name)).concat(options.names ?? []);
  f.sheets.push(...(options.sheets ?? []));
  return f;
}

export interface Read extends InputsRead {
  names: NamesRead;
  get(input: string): InputReading;
  /** Findings about one input. */
  about(input: string): Finding[];
  errors: Finding[];
  /** Every finding except the missing-text notes (the base workbook has no narrative texts). */
  notable: Finding[];
}

export async function readFixture(fixture: WorkbookFixture, mapping?: NameMapping): Promise<Read> {
  const book = await XlsxWorkbook.open(await buildXlsx(fixture));
  const names = await book.readNames(candidateNames(mapping));
  const read = readInputs(names.values, mapping);
  return {
    ...read,
    names,
    get: (input) => read.readings[input],
    about: (input) => read.findings.filter((f) => (f.inputs as string[]).includes(input)),
    errors: read.findings.filter((f) => f.severity === 'error'),
    notable: read.findings.filter((f) => f.code !== 'missing-text'),
  };
}

/** A reading's value as a plain string (Decimal or text). */
export function valueOf(r: InputReading): string | undefined {
  return r.value === undefined ? undefined : r.value.toString();
}
