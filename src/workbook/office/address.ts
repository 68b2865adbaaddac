/**
 * A1 addresses as Office.js reports them (`基础数据!B3`, `'预算 表'!$B$3:$C$4`) and as we send them.
 * Host-free so it can be tested without Excel.
 */
import { cellAddress, columnLetter } from '../../sheets/layout';

export interface CellBox {
  /** 0-based inclusive corners. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetAddress extends CellBox {
  /** Unquoted sheet name, '' when the address had none. */
  sheet: string;
}

/** Splits `Sheet!A1:B2` at the last '!' (sheet names may contain '!' but never end a quoted name with it). */
export function splitSheet(address: string): { sheet: string; local: string } {
  const text = address.startsWith('=') ? address.slice(1) : address;
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { sheet: '', local: text };
  return { sheet: unquoteSheet(text.slice(0, bang)), local: text.slice(bang + 1) };
}

/** `'预算 表'` → `预算 表`, `'it''s'` → `it's`; an unquoted name is returned as is. */
export function unquoteSheet(name: string): string {
  if (name.length >= 2 && name.startsWith("'") && name.endsWith("'")) {
    return name.slice(1, -1).replace(/''/g, "'");
  }
  return name;
}

/** Quotes a sheet name for a formula when Excel would need it (anything but letters, digits, _ and .). */
export function quoteSheet(name: string): string {
  if (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^R\d*C\d*$/i.test(name)) {
    return name;
  }
  return "'" + name.replace(/'/g, "''") + "'";
}

/** 0-based column index of letters `A`…`XFD`. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** Parses `B3`, `$B$3:$C$4` (cells only; whole rows or columns are not addresses we read back). */
export function parseLocal(local: string): CellBox | null {
  const parts = local.split(':');
  if (parts.length > 2) return null;
  const a = CELL.exec(parts[0]);
  const b = CELL.exec(parts[parts.length - 1]);
  if (!a || !b) return null;
  const r1 = Number(a[2]) - 1;
  const c1 = columnIndex(a[1]);
  const r2 = Number(b[2]) - 1;
  const c2 = columnIndex(b[1]);
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

export function parseAddress(address: string): SheetAddress | null {
  const { sheet, local } = splitSheet(address);
  const box = parseLocal(local);
  return box ? { sheet, ...box } : null;
}

/** `B3` or `B3:C4`, relative. */
export function boxAddress(box: CellBox): string {
  const first = cellAddress(box.top, box.left);
  return box.top === box.bottom && box.left === box.right ? first : first + ':' + cellAddress(box.bottom, box.right);
}

/** `$H$3`, for re-pointing a defined name. */
export function absoluteCell(row: number, col: number): string {
  return '$' + columnLetter(col) + '$' + String(row + 1);
}

/** `=指标计算!$H$3` (quoted where needed): a name's formula. */
export function nameFormula(sheet: string, cell: string): string {
  const box = parseLocal(cell);
  if (!box) throw new Error(`无效的单元格地址：${cell}`);
  return '=' + quoteSheet(sheet) + '!' + absoluteCell(box.top, box.left);
}

/** `A:C` for a run of whole columns. */
export function columnsAddress(first: number, last: number): string {
  return columnLetter(first) + ':' + columnLetter(last);
}

/** `3:5` for a run of whole rows (0-based in, 1-based out). */
export function rowsAddress(first: number, last: number): string {
  return String(first + 1) + ':' + String(last + 1);
}
