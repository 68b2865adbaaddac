/**
 * A workbook described as plain data. The port contract suite builds each adapter's workbook from
 * one of these (an .xlsx for the xlsx adapter, the strict fake for the Office adapter) and dumps a
 * written workbook back into this shape to compare adapters cell by cell.
 */
import type { CellValue } from '../../src/engine/types';

export interface FixtureCell {
  /** For a formula cell: its calculated (cached) value. */
  value?: CellValue;
  /** With a leading '=', English function names: `=B3-B4`. */
  formula?: string;
  numberFormat?: string;
}

export interface FixtureSheet {
  name: string;
  /** A1-style address → cell. A bare CellValue is shorthand for { value }. */
  cells: Record<string, CellValue | FixtureCell>;
  merges?: string[];
  visibility?: 'visible' | 'hidden' | 'veryHidden';
  protected?: boolean;
}

export interface FixtureName {
  name: string;
  /** Sheet name for a sheet-scoped name; absent = workbook scope. */
  sheet?: string;
  /** Without '=': `基础数据!$B$3`, `'预算 表'!$B$3`, `#REF!`, `15`, `"文字"`. */
  refersTo: string;
  hidden?: boolean;
}

export interface WorkbookFixture {
  sheets: FixtureSheet[];
  names: FixtureName[];
}
