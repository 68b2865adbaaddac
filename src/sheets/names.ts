/**
 * Our sheets, their default names and their ownership marks (docs/outputs.md): each sheet we write carries
 * a hidden workbook name `_jixiao_<role>` at A1, so that a re-run finds it after a rename and never
 * touches a sheet of the clerk's.
 */
import { MAX_SHEET_NAME_CHARS } from './excelLimits';
import type { SheetLayout } from './layout';

export type SheetRole = '指标计算' | '评分表' | '自评报告' | '评分方案' | '设置';

/** Role → default sheet name, in the order the sheets are written. */
export const OUR_SHEETS: Record<SheetRole, string> = {
  指标计算: '指标计算',
  评分表: '评分表',
  自评报告: '自评报告',
  评分方案: '评分方案',
  设置: '绩效自评设置',
};

/** Our roles in the order the sheets are written. */
export const OUR_ROLES = Object.keys(OUR_SHEETS) as SheetRole[];

/** The marks of all our sheets, as readState is asked for them. */
export const OUR_MARKS: readonly string[] = OUR_ROLES.map((role) => markName(role));

export function markName(role: SheetLayout['role']): string {
  return '_jixiao_' + role;
}

/** The mark entry of a layout's names: hidden, at A1. */
export function markEntry(role: SheetLayout['role']): NonNullable<SheetLayout['names']>[number] {
  return { name: markName(role), row: 0, col: 0, hidden: true };
}

/**
 * `base` when no existing sheet has that name (Excel compares sheet names case-insensitively), else
 * "评分表 (2)", "评分表 (3)", …, within Excel's 31-character limit.
 */
export function uniqueSheetName(base: string, existing: string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, MAX_SHEET_NAME_CHARS - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
