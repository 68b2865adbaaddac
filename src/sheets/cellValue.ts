/**
 * Reading a cell of one of our sheets back (评分方案, 评分表, 设置), the one helper for all readers:
 * text trimmed ('' for an empty cell or an error value), a number from a number or from numeric text
 * (as a clerk types it, thousands separators allowed: "1,000", "1，000").
 */
import type { CellValue } from '../engine/types';

/** The cell as trimmed text; '' for an empty cell or an error value. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined || typeof v === 'object') return '';
  return String(v).trim();
}

const GROUPED = /^-?\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?$/;

/** The cell as a finite number (a number, or text that is one); undefined otherwise. */
export function cellNumber(v: CellValue | undefined): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  if (t === '') return undefined;
  const n = Number(GROUPED.test(t) ? t.replace(/[,，]/g, '') : t);
  return Number.isFinite(n) ? n : undefined;
}
