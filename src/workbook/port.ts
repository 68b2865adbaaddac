/**
 * WorkbookPort: the only way the rest of the project talks to a workbook. Coarse-grained and async
 * so that the Office adapter does a whole job in few context.sync() calls (3 on a re-run, 4 on a
 * first run: see src/workbook/office/OfficeWorkbook.ts):
 *   1. readState(marks)       — the sheets, and the contents of our own sheets found by their marks
 *   2. readNames(candidates)  — every defined name (both scopes) and the values of the candidates
 *   3. write(plan)            — every sheet layout, name and named output, all at once
 * The label locator (engine/locator) reads a bounded window of the clerk's sheets: readState reads
 * them in its own batch when given a WindowRequest (the sheets of named amounts, for their 单位：元,
 * and every clerk's sheet when a required input has no name); readWindows reads any other alone:
 *   readWindows(sheets)        — a bounded snapshot of each sheet's top-left window (LOCATE_WINDOW)
 * Adapters: xlsx (our own parts added to the clerk's package; streaming reads) and office (Office.js).
 * `write` may replace a sheet only when it is marked ours or was reported `empty` by readState.
 */
import type { CellValue, DefinedName, NamedValue } from '../engine/types';
import type { SheetLayout } from '../sheets/layout';
import type { SheetParagraph } from '../sheets/reportSheet';
import type { SheetSnapshot, WindowSize } from '../engine/locator/snapshot';

export type { SheetParagraph };

export interface SheetInfo {
  name: string;
  visibility: 'visible' | 'hidden' | 'veryHidden';
  protected: boolean;
  /**
   * Only for the sheets readState was asked to probe: true when the sheet holds no value at all.
   * A failed write can leave one of our sheets added but not yet marked; an empty sheet with our
   * name can be reused without losing anything, so a re-run repairs the workbook.
   */
  empty?: boolean;
}

/**
 * Our sheets are marked by hidden workbook-scoped names (`_jixiao_评分表` → `'评分表'!$A$1`): they
 * follow a rename, survive saving as .xlsx and are read by WPS. readState is given those mark names.
 */
export interface OwnedSheet {
  /** The sheet the mark points at now. */
  sheet: string;
  /**
   * Its values as a dense grid from A1 to the last used cell (rows × columns, ragged rows padded
   * with null). A formula cell gives its last calculated value (null when never calculated).
   */
  values: CellValue[][];
}

export interface WorkbookState {
  sheets: SheetInfo[];
  /** One entry per requested mark that exists and points at a sheet. */
  owned: Record<string, OwnedSheet>;
  /**
   * With a WindowRequest: the locator windows (LOCATE_WINDOW) of the sheets windowSheets picks, read
   * in the same batch as the rest; absent when the adapter was not asked (or cannot read them there).
   */
  windows?: SheetSnapshot[];
}

/**
 * What readState reads besides, for the label locator and the units of named amounts (see
 * workbook/windowPlan.ts): names are given because the job knows its mapping only after readState.
 */
export interface WindowRequest {
  /** The names amounts may be read through: the sheets they point at (workbook scope) are read. */
  amounts: string[];
  /** Per required input, the names it may be read through: when none exists for one, every sheet not ours. */
  required: string[][];
}

export interface NamesRead {
  /** Every defined name of the workbook, workbook- and sheet-scoped. */
  all: DefinedName[];
  /** One entry per requested candidate name (kind 'missing' when not defined at any scope). */
  values: Record<string, NamedValue>;
}

/** A defined name the write creates or re-points. */
export interface NameWrite {
  name: string;
  /** Sheet and cell, e.g. { sheet: '指标计算', cell: 'H3' }. */
  sheet: string;
  cell: string;
  hidden?: boolean;
}

/** A value written into a cell the clerk's workbook already names (e.g. 自评得分). */
export interface NamedOutputWrite {
  /** The clerk's defined name (resolved through NamesRead). */
  name: string;
  /** Target cell as `Sheet!B3` (from the NamedValue). */
  cell: string;
  value: number | string;
  /** Number format for the target, e.g. `0.00%` for a rate written as a fraction. */
  numberFormat?: string;
}

export interface WritePlan {
  /**
   * Sheets to create or replace. `replaces` names an existing sheet the add-in owns (it is
   * rewritten in place or recreated); otherwise a new sheet is added with `layout.name`, which the
   * job has already made unique. The adapter marks every sheet it writes with its hidden
   * workbook name `_jixiao_<role>` → A1, except a `基础数据` layout (the template's input sheet,
   * which belongs to the clerk). Sheet-name clashes and a missing `replaces` reject the whole write.
   */
  sheets: { layout: SheetLayout; replaces?: string }[];
  /** Defined names to create or re-point (workbook scope): 指标_<id>, ownership marks, settings. */
  names: NameWrite[];
  namedOutputs: NamedOutputWrite[];
  /**
   * Sheet to activate at the end. The xlsx adapter does so only when no sheet of the clerk's is a
   * selected tab: the selection lives in the clerk's sheet part, which it keeps byte for byte.
   */
  activate?: string;
}

/** Our 自评报告 sheet read back: its paragraphs in reading order (row by row, left to right). */
export interface ReportRead {
  /** The sheet our 自评报告 mark points at now (it may have been renamed). */
  sheet: string;
  paragraphs: SheetParagraph[];
}

export interface WorkbookPort {
  readState(marks: string[], probeEmpty?: string[], windows?: WindowRequest): Promise<WorkbookState>;
  readNames(candidates: string[]): Promise<NamesRead>;
  write(plan: WritePlan): Promise<void>;
  /**
   * The current paragraphs of our 自评报告 sheet (found by its mark, as readState finds it), with the
   * clerk's edits; null when the workbook has no report of ours. One host call (Office: two syncs).
   */
  readReport(): Promise<ReportRead | null>;
  /**
   * For the label locator: value, display text (when known), number format and merged areas of the
   * top-left window of each named sheet (default LOCATE_WINDOW), in the order asked; a sheet that
   * does not exist is left out. Office: one sync (three when an asked sheet is gone), reading only
   * where the window meets the used range.
   */
  readWindows(sheets: string[], window?: WindowSize): Promise<SheetSnapshot[]>;
}

/** Thrown by adapters for a host failure the clerk must act on; the message is Chinese. */
export class WorkbookError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** True when a write failed midway: sheets may be partly written; a re-run repairs them. */
    readonly partial = false,
  ) {
    super(message);
    this.name = 'WorkbookError';
  }
}
