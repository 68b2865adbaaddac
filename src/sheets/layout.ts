/**
 * A sheet layout: everything an adapter needs to write one sheet, as plain data. Both the xlsx
 * adapter (src/workbook/xlsx) and the Office adapter (Office.js) apply the same layout; nothing
 * here may depend on either.
 *
 * Coordinates are 0-based (row 0 = Excel row 1, col 0 = column A). Widths are in Excel character
 * units (the file's `<col width>`; the Office adapter converts to points), heights in points.
 */

export interface CellStyle {
  bold?: boolean;
  /** Font size in points (default 11). */
  size?: number;
  /** Fill colour `#RRGGBB`. */
  fill?: string;
  /** Font colour `#RRGGBB`. */
  color?: string;
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  /** Thin borders on all four sides. */
  border?: boolean;
  /** Left unlocked for the clerk to type in (manual 得分, notes). */
  unlocked?: boolean;
}

export interface LayoutCell {
  /** A value: numbers as JS numbers (converted from Decimal at this boundary), text as string. */
  value?: string | number | boolean | null;
  /** A formula with English function names and ',' separators, starting with '='. */
  formula?: string;
  /**
   * True when `value` is text that must never become a formula or a number (clerk text, report
   * paragraphs): adapters set the `@` text format before writing it.
   */
  text?: boolean;
  /** Number format, e.g. `0.00%`, `0.00`, `#,##0.00`, `0`, `@`. */
  format?: string;
  style?: CellStyle;
}

export interface Merge {
  /** Inclusive 0-based corners. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetLayout {
  /** Sheet name (already made unique by the job). */
  name: string;
  /** Which of our sheets this is; also the suffix of its ownership mark `_jixiao_<role>`. */
  role: '指标计算' | '评分表' | '自评报告' | '评分方案' | '设置' | '基础数据';
  visibility?: 'visible' | 'hidden';
  /** Dense grid: rows[r][c]; a missing or null entry is an empty cell. */
  rows: (LayoutCell | null)[][];
  /** Column widths in character units, by column index. */
  columnWidths: number[];
  /** Row heights in points, by row index, for wrapped text (others default). */
  rowHeights?: Record<number, number>;
  merges?: Merge[];
  /** Rows frozen at the top (header rows). */
  freezeRows?: number;
  print?: {
    orientation: 'portrait' | 'landscape';
    /** Fit all columns on one A4 page width. */
    fitToWidth: boolean;
    /** Rows repeated on every printed page (0-based inclusive range), e.g. the header. */
    repeatRows?: [number, number];
  };
  tabColor?: string;
  /** Columns hidden from view and print (e.g. the 评分表's bookkeeping columns), by index. */
  hiddenColumns?: number[];
  /**
   * Workbook-scoped names pointing at cells of this sheet, e.g. 指标_在职人员控制率 → H3. `hidden`
   * names (the ownership mark `_jixiao_<role>` at A1) are not listed in the Name Manager.
   */
  names?: { name: string; row: number; col: number; hidden?: boolean }[];
}
