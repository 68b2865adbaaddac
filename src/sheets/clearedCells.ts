/**
 * What a rewrite of one of our sheets (指标计算, 评分表) would clear without a word: cells holding a
 * value now where the new layout writes nothing — typically a note the clerk typed below the 评分表
 * table or beside the 指标计算. The job lists each with its text, so nothing disappears silently.
 */
import type { CellValue } from '../engine/types';
import { cellAddress, quoteSheet } from '../engine/a1';
import type { SheetLayout } from './layout';

export interface ClearedCell {
  /** `评分表!B40` */
  cell: string;
  text: string;
}

function shown(v: CellValue | undefined): string {
  if (v === null || v === undefined || typeof v === 'object') return '';
  return String(v).trim();
}

/** The cells of `values` (the sheet as read) holding a value where `layout` writes none. */
export function clearedCells(values: CellValue[][], layout: SheetLayout): ClearedCell[] {
  const covered = (r: number, c: number) =>
    (layout.merges ?? []).some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  const out: ClearedCell[] = [];
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      const text = shown(v);
      if (!text) return;
      const ours = layout.rows[r]?.[c];
      if ((ours && (ours.value !== undefined || ours.formula)) || covered(r, c)) return;
      out.push({ cell: `${quoteSheet(layout.name)}!${cellAddress(r, c)}`, text });
    }),
  );
  return out;
}

/** "评分表!B40 中您填写的“…”不在新结果中，已被清除，请按需重新填写。" — one notice per sheet. */
export function clearedNotice(cells: ClearedCell[]): string | undefined {
  if (!cells.length) return undefined;
  return `以下单元格中的内容不在本次结果中，已被清除（原文如下，请按需重新填写）：${cells.map((c) => `${c.cell}“${c.text}”`).join('；')}。`;
}
