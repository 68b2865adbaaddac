/**
 * What the locator reads: a bounded snapshot of the top-left window of each sheet (the port method
 * readWindows fills it; tests and the bench build it in memory). Plain data, host-free.
 */
import type { CellValue } from '../types';

/**
 * The window read from each sheet, from A1. 500 rows × 40 columns (A:AN) covers every 基础数据表,
 * 决算 and 预算 table we have seen (the 部门决算 tables are 9–30 columns wide and a few hundred rows
 * long); it bounds one Office read to 20,000 cells per sheet (values, text, formats), and the Office
 * adapter reads only the part of it that the sheet uses.
 */
export const LOCATE_WINDOW = { rows: 500, columns: 40 } as const;

export interface WindowSize {
  rows: number;
  columns: number;
}

export interface SnapshotCell {
  /** As the host reports it: a formula cell gives its calculated value. */
  value: CellValue;
  /** The text Excel displays, when the host knows it (Office); the xlsx adapter does not format numbers. */
  text?: string;
  /** The number format when it is not General. */
  numberFormat?: string;
}

/** A merged area, 0-based inclusive corners. */
export interface CellRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  sheet: string;
  /**
   * Dense rows × columns from A1 (row 0 = Excel row 1); null for an empty cell and for the cells a
   * merge covers other than its top-left. Rows may be shorter than the window; trailing empties omitted.
   */
  cells: (SnapshotCell | null)[][];
  /** Merged areas that start inside the window. */
  merges: CellRect[];
  /** True when the sheet holds values outside the window (not read). */
  truncated: boolean;
}
