/**
 * What a Range does to the model: 2-D reads and writes with Excel's shape rules, the text-to-formula
 * conversion of `values`, protection, clearing, merging.
 */
import type { CellValue } from '../../../src/engine/types';
import { boxText, cellCount, contains, intersects, sheetRef, type Box } from './a1';
import { officeError } from './errors';
import { mergesTouching, type CellStyle, type FakeCell, type FakeSheet, type FakeWorkbook } from './model';

export interface RangeRef {
  sheet: FakeSheet;
  box: Box;
}

/**
 * Reads of more cells than this fail at once, without building the arrays (docs: resource limits, "a
 * range of more than 5 million cells" may not be read). Smaller reads are measured by the sync (5 MB).
 */
const READ_LIMIT = 5_000_000;

export function assertLive(workbook: FakeWorkbook, sheet: FakeSheet, where: string): void {
  if (!workbook.isLive(sheet))
    throw officeError('ItemNotFound', `The worksheet "${sheet.name}" no longer exists.`, where);
}

/** Writing to locked cells (or formatting) on a protected sheet fails the batch. */
export function assertWritable(ref: RangeRef, where: string, lockedCellsOnly: boolean): void {
  if (!ref.sheet.protected) return;
  if (lockedCellsOnly && cellCount(ref.box) <= READ_LIMIT) {
    let anyLocked = false;
    forEachCell(ref.box, (r, c) => {
      if (ref.sheet.peek(r, c)?.locked !== false) anyLocked = true;
    });
    if (!anyLocked) return;
  }
  throw officeError('AccessDenied', `The worksheet "${ref.sheet.name}" is protected.`, where);
}

export function forEachCell(box: Box, visit: (r: number, c: number) => void): void {
  for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) visit(r, c);
}

export function rangeAddress(ref: RangeRef): string {
  return `${sheetRef(ref.sheet.name)}!${boxText(ref.box)}`;
}

function assertReadable(ref: RangeRef, where: string): void {
  if (cellCount(ref.box) > READ_LIMIT) {
    throw officeError('ResponsePayloadSizeLimitExceeded', 'Too many cells to read.', where);
  }
}

function grid<T>(ref: RangeRef, where: string, pick: (cell: FakeCell | undefined) => T): T[][] {
  assertReadable(ref, where);
  // Empty cells first, then the stored ones: a whole column is a million rows but few stored cells.
  const empty = pick(undefined);
  const width = ref.box.right - ref.box.left + 1;
  const out: T[][] = [];
  for (let r = ref.box.top; r <= ref.box.bottom; r++) out.push(new Array<T>(width).fill(empty));
  for (const [r, c, cell] of ref.sheet.cellsIn(ref.box)) out[r - ref.box.top][c - ref.box.left] = pick(cell);
  return out;
}

function shown(value: CellValue): unknown {
  if (value === null) return '';
  if (typeof value === 'object') return value.error;
  return value;
}

export function readValues(ref: RangeRef): unknown[][] {
  return grid(ref, 'Range.values', (cell) => shown(cell?.value ?? null));
}

export function readFormulas(ref: RangeRef): unknown[][] {
  return grid(ref, 'Range.formulas', (cell) => cell?.formula ?? shown(cell?.value ?? null));
}

export function readNumberFormat(ref: RangeRef): unknown[][] {
  return grid(ref, 'Range.numberFormat', (cell) => cell?.numberFormat ?? 'General');
}

/**
 * Range.text: what Excel displays. The fake formats only the formats our fixtures use (General,
 * 0, 0.00, #,##0, #,##0.00, 0%, 0.00%, @ and a quoted unit suffix such as 0.00"万元"); any other
 * format shows the number as General does (inferred, TESTING.md: column widths and #### are not modelled).
 */
export function readText(ref: RangeRef): string[][] {
  return grid(ref, 'Range.text', (cell) => displayText(cell?.value ?? null, cell?.numberFormat ?? 'General'));
}

function displayText(value: CellValue, format: string): string {
  if (value === null) return '';
  if (typeof value === 'object') return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const suffix = /"([^"]*)"$/.exec(format)?.[1] ?? '';
  const core = format.replace(/"[^"]*"$/, '');
  const m = /^(#,##)?0(?:\.(0+))?(%?)$/.exec(core);
  if (!m) return String(value);
  const scaled = m[3] ? value * 100 : value;
  let digits = scaled.toFixed(m[2]?.length ?? 0);
  if (m[1]) digits = digits.replace(/^(-?\d+)/, (whole) => whole.replace(/\B(?=(\d{3})+$)/g, ','));
  return digits + m[3] + suffix;
}

export function readValueTypes(ref: RangeRef): string[][] {
  return grid(ref, 'Range.valueTypes', (cell) => {
    const v = cell?.value ?? null;
    if (v === null) return 'Empty';
    if (typeof v === 'object') return 'Error';
    if (typeof v === 'number') return 'Double';
    if (typeof v === 'boolean') return 'Boolean';
    return 'String';
  });
}

/** A scalar for a multi-cell range is broadcast (observed behaviour); otherwise rows × columns must match. */
function shaped(ref: RangeRef, input: unknown, where: string): unknown[][] {
  const rows = ref.box.bottom - ref.box.top + 1;
  const cols = ref.box.right - ref.box.left + 1;
  if (!Array.isArray(input)) {
    if (input === null || input === undefined) throw officeError('InvalidArgument', `${where} cannot be null.`, where);
    if (rows * cols > READ_LIMIT) throw officeError('InvalidArgument', `${where}: range too large.`, where);
    return Array.from({ length: rows }, () => new Array<unknown>(cols).fill(input));
  }
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
    const got = `${input.length} × ${Array.isArray(input[0]) ? (input[0] as unknown[]).length : '?'}`;
    throw officeError('InvalidArgument', `${where}: the array is ${got}, the range ${rows} × ${cols}.`, where);
  }
  return input as unknown[][];
}

const FORMULA_START = /^[=+\-@]/;
const PLAIN_NUMBER = /^\s*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*$/;
const PERCENT = /^\s*(\d+(?:\.\d+)?)%\s*$/;
const ISO_DATE = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})\s*$/;
const BOOLEAN_TEXT = /^(TRUE|FALSE)$/i;
const ERROR_TEXT = /^#(?:N\/A|DIV\/0!|VALUE!|NAME\?|NULL!|NUM!|REF!)$/;

/** Excel's date serial (1900 system): days since 1899-12-30. */
function dateSerial(year: number, month: number, day: number): number | null {
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return Math.round((time - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * A constant entered as if typed (d.ts Range.values: "If the returned value starts with a plus ("+"),
 * minus ("-"), or equal sign ("="), Excel interprets this value as a formula"; docs
 * excel-add-ins-ranges-set-get-values: values are parsed like user input): text in a cell already
 * formatted "@" stays text; otherwise a string starting with = + - @ becomes a formula ('@' per our
 * spec), a number string (also "00123", "1,234") a number, "50%" 0.5 formatted 0%, an ISO date
 * (2024-01-05) a date serial formatted as a date, TRUE/FALSE a boolean, an error literal an error.
 */
function enter(cell: FakeCell, input: unknown, where: string): void {
  if (input === '') {
    cell.value = null;
    delete cell.formula;
    return;
  }
  if (typeof input === 'number' || typeof input === 'boolean') {
    if (typeof input === 'number' && !Number.isFinite(input))
      throw officeError('InvalidArgument', `${where}: not a finite number.`, where);
    cell.value = input;
    delete cell.formula;
    return;
  }
  if (typeof input !== 'string')
    throw officeError('InvalidArgument', `${where}: unsupported value ${String(input)}.`, where);
  if (input.length > 32767)
    throw officeError('InvalidArgument', `${where}: text longer than 32,767 characters.`, where);
  if (cell.numberFormat === '@') {
    cell.value = input;
    delete cell.formula;
  } else if (FORMULA_START.test(input)) {
    cell.formula = input.startsWith('=') ? input : '=' + input;
    cell.value = null;
  } else if (PLAIN_NUMBER.test(input)) {
    cell.value = Number(input.replace(/,/g, ''));
    delete cell.formula;
  } else if (PERCENT.test(input)) {
    cell.value = Number(PERCENT.exec(input)![1]) / 100;
    if (cell.numberFormat === 'General') cell.numberFormat = input.includes('.') ? '0.00%' : '0%';
    delete cell.formula;
  } else if (
    ISO_DATE.test(input) &&
    dateSerial(...(ISO_DATE.exec(input)!.slice(1, 4).map(Number) as [number, number, number])) !== null
  ) {
    const [, y, m, d] = ISO_DATE.exec(input)!.map(Number);
    cell.value = dateSerial(y, m, d);
    if (cell.numberFormat === 'General') cell.numberFormat = 'yyyy/m/d';
    delete cell.formula;
  } else if (BOOLEAN_TEXT.test(input)) {
    cell.value = input.toUpperCase() === 'TRUE';
    delete cell.formula;
  } else if (ERROR_TEXT.test(input)) {
    cell.value = { error: input };
    delete cell.formula;
  } else {
    cell.value = input;
    delete cell.formula;
  }
}

export function writeMatrix(ref: RangeRef, input: unknown, kind: 'values' | 'formulas' | 'numberFormat'): void {
  const where = `Range.${kind}`;
  const data = shaped(ref, input, where);
  assertWritable(ref, where, kind !== 'numberFormat');
  data.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === null || v === undefined) return;
      const cell = ref.sheet.cell(ref.box.top + i, ref.box.left + j);
      if (kind === 'numberFormat') {
        if (typeof v !== 'string') throw officeError('InvalidArgument', `${where}: a format must be text.`, where);
        cell.numberFormat = v === '' ? 'General' : v;
      } else if (kind === 'formulas' && typeof v === 'string' && v.startsWith('=')) {
        cell.formula = v;
        cell.value = null;
      } else {
        enter(cell, v, where);
      }
    }),
  );
}

/** clear(applyTo): All / Contents / Formats (merges count as formats, inferred). */
export function clearRange(ref: RangeRef, applyTo: string): void {
  assertWritable(ref, 'Range.clear', applyTo === 'Contents');
  const contents = applyTo === 'All' || applyTo === 'Contents';
  const formats = applyTo === 'All' || applyTo === 'Formats';
  if (
    !contents &&
    !formats &&
    applyTo !== 'Hyperlinks' &&
    applyTo !== 'RemoveHyperlinks' &&
    applyTo !== 'ResetContents'
  ) {
    throw officeError('InvalidArgument', `Range.clear: unknown applyTo ${applyTo}.`, 'Range.clear');
  }
  for (const [r, c, cell] of [...ref.sheet.cellsIn(ref.box)]) {
    if (contents) {
      cell.value = null;
      delete cell.formula;
    }
    if (formats) {
      cell.numberFormat = 'General';
      cell.style = {};
      cell.locked = true;
    }
    if (
      cell.value === null &&
      !cell.formula &&
      cell.numberFormat === 'General' &&
      cell.locked &&
      Object.keys(cell.style).length === 0
    ) {
      ref.sheet.cells.delete(`${r},${c}`);
    }
  }
  if (formats) ref.sheet.merges = ref.sheet.merges.filter((m) => !contains(ref.box, m));
}

/** merge(across): the upper-left value survives, like the Excel UI; overlapping a merge fails (inferred). */
export function mergeRange(ref: RangeRef, across: boolean): void {
  assertWritable(ref, 'Range.merge', false);
  const boxes: Box[] = across
    ? Array.from({ length: ref.box.bottom - ref.box.top + 1 }, (_, i) => ({
        ...ref.box,
        top: ref.box.top + i,
        bottom: ref.box.top + i,
      }))
    : [ref.box];
  for (const box of boxes) {
    if (box.top === box.bottom && box.left === box.right) continue;
    if (mergesTouching(ref.sheet, box).length > 0) {
      throw officeError('InvalidOperation', `Range.merge: ${boxText(box)} overlaps a merged area.`, 'Range.merge');
    }
    for (const [r, c, cell] of ref.sheet.cellsIn(box)) {
      if (r === box.top && c === box.left) continue;
      cell.value = null;
      delete cell.formula;
    }
    ref.sheet.merges.push(box);
  }
}

export function unmergeRange(ref: RangeRef): void {
  assertWritable(ref, 'Range.unmerge', false);
  ref.sheet.merges = ref.sheet.merges.filter((m) => !intersects(m, ref.box));
}

/** Sets a style attribute on every cell of a (bounded) range. */
export function styleCells(
  ref: RangeRef,
  where: string,
  apply: (style: CellStyle, cell: FakeCell, r: number, c: number) => void,
): void {
  assertWritable(ref, where, false);
  if (cellCount(ref.box) > READ_LIMIT) throw new Error(`FakeExcel: ${where} over ${boxText(ref.box)} is not supported`);
  forEachCell(ref.box, (r, c) => {
    const cell = ref.sheet.cell(r, c);
    apply(cell.style, cell, r, c);
  });
}

/** One value when all cells agree, else null (Excel's rule for format reads). */
export function uniform<T>(ref: RangeRef, pick: (cell: FakeCell | undefined) => T): T | null {
  assertReadable(ref, 'RangeFormat');
  let first: T | undefined;
  let same = true;
  let seen = false;
  forEachCell(ref.box, (r, c) => {
    const v = pick(ref.sheet.peek(r, c));
    if (!seen) {
      first = v;
      seen = true;
    } else if (v !== first) same = false;
  });
  return same ? (first as T) : null;
}

/** The used range: cells with a value or formula (valuesOnly) or also any format; null when none. */
export function usedBox(sheet: FakeSheet, valuesOnly: boolean): Box | null {
  let box: Box | null = null;
  for (const [key, cell] of sheet.cells) {
    const hasValue = cell.value !== null || cell.formula !== undefined;
    const hasFormat = cell.numberFormat !== 'General' || Object.keys(cell.style).length > 0 || !cell.locked;
    if (!hasValue && (valuesOnly || !hasFormat)) continue;
    const [r, c] = key.split(',').map(Number);
    box = box
      ? {
          top: Math.min(box.top, r),
          left: Math.min(box.left, c),
          bottom: Math.max(box.bottom, r),
          right: Math.max(box.right, c),
        }
      : { top: r, left: c, bottom: r, right: c };
  }
  return box;
}
