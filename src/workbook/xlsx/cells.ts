/**
 * ExcelJS cells ↔ host-neutral values. Reading: formula cells give their cached result, rich text
 * its plain text, dates their serial number, an empty string counts as empty.
 */
import type ExcelJS from 'exceljs';
import type { CellValue } from '../../engine/types';

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

/** `#RRGGBB` → ExcelJS ARGB. */
export function argb(color: string): string {
  return `FF${color.replace(/^#/, '').toUpperCase()}`;
}
