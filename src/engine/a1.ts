/**
 * A1 addresses and sheet-name quoting, the one module for them (the strict Office fake under
 * test/support/fakeExcel keeps its own copy on purpose). Rows and columns are 0-based here
 * (row 0 = Excel row 1, col 0 = column A); the xlsx adapter's 1-based helpers call these.
 * Host-free: layouts, both adapters, the task pane and the engine's messages all use it.
 */

/** 0-based inclusive corners of a rectangle of cells. */
export interface CellBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A rectangle with its sheet. */
export interface SheetAddress extends CellBox {
  /** Unquoted sheet name, '' when the address had none. */
  sheet: string;
}

/** 0-based column → letters: 0 → A, 25 → Z, 26 → AA, 16383 → XFD. */
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters `A`…`XFD` (any case) → 0-based column. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `B3` for the 0-based cell at row 2, col 1. */
export function cellAddress(row: number, col: number): string {
  return columnLetter(col) + String(row + 1);
}

/** `$H$3`, for a defined name that must not move. */
export function absoluteCell(row: number, col: number): string {
  return '$' + columnLetter(col) + '$' + String(row + 1);
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** `B3` / `$B$3` → the 0-based cell, or null. */
export function parseCell(text: string): { row: number; col: number } | null {
  const m = CELL.exec(text.trim());
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1]) } : null;
}

/** `B3`, `$B$3:$C$4` → the box (cells only: whole rows or columns are not addresses we read back). */
export function parseBox(local: string): CellBox | null {
  const parts = local.split(':');
  if (parts.length > 2) return null;
  const a = parseCell(parts[0]);
  const b = parseCell(parts[parts.length - 1]);
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** `B3` or `B3:C4`, relative. */
export function boxAddress(box: CellBox): string {
  const first = cellAddress(box.top, box.left);
  return box.top === box.bottom && box.left === box.right ? first : first + ':' + cellAddress(box.bottom, box.right);
}

/** `A:C` for a run of whole columns. */
export function columnsAddress(first: number, last: number): string {
  return columnLetter(first) + ':' + columnLetter(last);
}

/** `3:5` for a run of whole rows (0-based in, 1-based out). */
export function rowsAddress(first: number, last: number): string {
  return String(first + 1) + ':' + String(last + 1);
}

/**
 * Whether Excel needs quotes around this sheet name in a reference (quoting is always allowed): any
 * character but letters, digits, _ and ., a leading digit or '.', and names Excel would read as
 * something else — a cell (A1, AB12), an R1C1 reference (R, C, R1C1, RC2) or a boolean (TRUE, FALSE).
 */
export function needsQuotes(sheet: string): boolean {
  if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet)) return true;
  if (/^[A-Za-z]{1,3}\d+$/.test(sheet)) return true;
  if (/^(R\d*C\d*|R|C)$/i.test(sheet)) return true;
  return /^(TRUE|FALSE)$/i.test(sheet);
}

/** `预算 表` → `'预算 表'`, `it's` → `'it''s'`; a name that needs no quotes is returned as is. */
export function quoteSheet(sheet: string): string {
  return needsQuotes(sheet) ? `'${sheet.replace(/'/g, "''")}'` : sheet;
}

/** `'预算 表'` → `预算 表`, `'it''s'` → `it's`; an unquoted name is returned as is. */
export function unquoteSheet(name: string): string {
  if (name.length >= 2 && name.startsWith("'") && name.endsWith("'")) return name.slice(1, -1).replace(/''/g, "'");
  return name;
}

/**
 * Splits `Sheet!A1:B2` (optionally `=`-prefixed) at the last '!' (a quoted sheet name may contain
 * '!', but the cell part never does); the sheet comes back unquoted, '' when there is none.
 */
export function splitSheet(address: string): { sheet: string; local: string } {
  const text = address.startsWith('=') ? address.slice(1) : address;
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { sheet: '', local: text };
  return { sheet: unquoteSheet(text.slice(0, bang)), local: text.slice(bang + 1) };
}

/** `'预算 表'!$B$3:$C$4` → sheet and box, or null when it is not a cell or a box of cells. */
export function parseAddress(address: string): SheetAddress | null {
  const { sheet, local } = splitSheet(address);
  const box = parseBox(local);
  return box ? { sheet, ...box } : null;
}

/** `=指标计算!$H$3` (quoted where needed): a defined name's formula pointing at one cell (`H3` or `$H$3`). */
export function nameFormula(sheet: string, cell: string): string {
  const at = parseCell(cell);
  if (!at) throw new Error(`无效的单元格地址：${cell}`);
  return '=' + quoteSheet(sheet) + '!' + absoluteCell(at.row, at.col);
}
