/**
 * sheets/: host-free layouts of everything the add-in writes. The job calls buildLayouts with an
 * evaluation and the sheet names it chose; adapters apply the layouts.
 */
import type { Evaluation } from '../engine/types';
import type { SheetLayout } from './layout';
import { OUR_SHEETS, type SheetRole } from './names';
import { indicatorSheet } from './indicatorSheet';
import { scoreSheet } from './scoreSheet';
import { reportSheet } from './reportSheet';
import { schemeSheet } from './schemeSheet';
import { settingsSheet, type WorkbookSettings } from './settingsSheet';

export { OUR_SHEETS, OUR_ROLES, OUR_MARKS, markName, uniqueSheetName, type SheetRole } from './names';
export { indicatorSheet, indicatorName } from './indicatorSheet';
export { scoreSheet, readManualEntries } from './scoreSheet';
export { keptNotice } from './reportNotices';
export {
  keptReport,
  reportSheet,
  reportLayout,
  reportParagraphs,
  type KeptReport,
  type SheetParagraph,
} from './reportSheet';
export type { ReportRecord } from './reportEdits';
export { schemeSheet, schemeFromSheet } from './schemeSheet';
export { settingsSheet, readSettings, type WorkbookSettings } from './settingsSheet';

export interface BuildOptions {
  /** The sheet name of each role (our own sheet's current name, or a free one). */
  names: Partial<Record<SheetRole, string>>;
  /** Date of the report's signature. */
  date: Date;
  settings: WorkbookSettings;
  /** The 自评报告 with the clerk's paragraphs kept (keptReport); default: generated afresh. */
  report?: SheetLayout;
}

/** Every sheet we write, in order: 指标计算, 评分表, 自评报告, 评分方案, and the hidden settings. */
export function buildLayouts(ev: Evaluation, opts: BuildOptions): (SheetLayout & { role: SheetRole })[] {
  const name = (role: SheetRole) => opts.names[role] ?? OUR_SHEETS[role];
  const layouts: SheetLayout[] = [
    indicatorSheet(ev, name('指标计算')),
    scoreSheet(ev, name('评分表')),
    opts.report ?? reportSheet(ev, name('自评报告'), opts.date),
    schemeSheet(ev.scheme, name('评分方案')),
    settingsSheet(opts.settings, name('设置')),
  ];
  return layouts as (SheetLayout & { role: SheetRole })[];
}
