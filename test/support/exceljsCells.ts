/**
 * Reading ExcelJS cells in tests (the fixture dump): formula cells give their cached result, rich text
 * its plain text, dates their serial number, an empty string counts as empty. The adapter itself no
 * longer uses ExcelJS; tests use it as an independent reader of what we wrote.
 */
import type ExcelJS from 'exceljs';
import type { CellValue } from '../../src/engine/types';

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86400000;

export function toCellValue(raw: unknown, date1904 = false): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : { error: '#NUM!' };
  if (typeof raw === 'string') return raw === '' ? null : raw;
  if (typeof raw === 'boolean') return raw;
  if (raw instanceof Date) {
    const serial = (raw.getTime() - EXCEL_EPOCH) / DAY;
    return date1904 ? serial - 1462 : serial;
  }
  if (typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if ('formula' in o || 'sharedFormula' in o) return toCellValue(o.result, date1904);
    if (Array.isArray(o.richText)) {
      const text = (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
      return text === '' ? null : text;
    }
    if ('text' in o) return toCellValue(o.text, date1904);
  }
  return null;
}

/** The formula of a cell with a leading '=', or undefined. */
export function formulaOf(cell: ExcelJS.Cell): string | undefined {
  const v = cell.value as unknown;
  if (v && typeof v === 'object') {
    const o = v as { formula?: string; sharedFormula?: string };
    if (typeof o.formula === 'string') return `=${o.formula}`;
    // A shared formula's dependent cells expose the translated formula through `cell.formula`.
    if (typeof o.sharedFormula === 'string') return `=${cell.formula ?? o.sharedFormula}`;
  }
  return undefined;
}

export function isFormulaCell(cell: ExcelJS.Cell): boolean {
  return formulaOf(cell) !== undefined;
}

/** A number format, with Excel's General reported as undefined. */
export function numberFormatOf(cell: ExcelJS.Cell): string | undefined {
  const f = cell.numFmt;
  return f && f !== 'General' ? f : undefined;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Merged areas of a sheet, 1-based. ExcelJS keeps them in a private map keyed by the master cell. */
export function mergesOf(ws: ExcelJS.Worksheet): Rect[] {
  const merges = (ws as unknown as { _merges: Record<string, Rect> })._merges ?? {};
  return Object.values(merges).map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right }));
}

/** ExcelJS keeps a sheet's protection in an untyped field. */
export function isProtected(ws: ExcelJS.Worksheet): boolean {
  return !!(ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection?.sheet;
}

export function setProtected(ws: ExcelJS.Worksheet): void {
  (ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection = { sheet: true };
}
