/**
 * Small reads over an ExcelJS workbook that the adapter, the fixture dump and the tests share:
 * sheets by name (Excel compares them ignoring case), merged areas, dense value grids.
 */
import type ExcelJS from 'exceljs';
import type { CellValue } from '../../engine/types';
import { isFormulaCell, toCellValue } from './cells';

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function findSheet(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const lower = name.toLowerCase();
  return book.worksheets.find((ws) => ws.name.toLowerCase() === lower);
}

/** Merged areas of a sheet, 1-based. ExcelJS keeps them in a private map keyed by the master cell. */
export function mergesOf(ws: ExcelJS.Worksheet): Rect[] {
  const merges = (ws as unknown as { _merges: Record<string, Rect> })._merges ?? {};
  return Object.values(merges).map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right }));
}

export function mergeContaining(ws: ExcelJS.Worksheet, row: number, col: number): Rect | undefined {
  return mergesOf(ws).find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

/** True for a cell covered by a merge but not its top-left: Excel shows it empty. */
export function isMergedSlave(ws: ExcelJS.Worksheet, row: number, col: number): boolean {
  const m = mergeContaining(ws, row, col);
  return !!m && (m.top !== row || m.left !== col);
}

/** The value Excel shows for one cell (a merged non-top-left cell is empty). */
export function valueAt(ws: ExcelJS.Worksheet, row: number, col: number, date1904 = false): CellValue {
  if (isMergedSlave(ws, row, col)) return null;
  return toCellValue(ws.findCell(row, col)?.value, date1904);
}

/**
 * The sheet's values from A1 to the last cell holding a value or a formula, rows padded with null.
 * Formatting alone does not extend the grid.
 */
export function valueGrid(ws: ExcelJS.Worksheet, date1904 = false): CellValue[][] {
  const slaves = new Set<string>();
  for (const m of mergesOf(ws)) {
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) slaves.add(`${r}:${c}`);
  }
  const cells: { row: number; col: number; value: CellValue }[] = [];
  let rows = 0;
  let cols = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (slaves.has(`${r}:${c}`)) return;
      const value = toCellValue(cell.value, date1904);
      if (value === null && !isFormulaCell(cell)) return;
      cells.push({ row: r, col: c, value });
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    });
  });
  const grid: CellValue[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => null as CellValue));
  for (const { row, col, value } of cells) grid[row - 1][col - 1] = value;
  return grid;
}

/** ExcelJS keeps a sheet's protection in an untyped field. */
export function isProtected(ws: ExcelJS.Worksheet): boolean {
  return !!(ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection?.sheet;
}

export function setProtected(ws: ExcelJS.Worksheet): void {
  (ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection = { sheet: true };
}
