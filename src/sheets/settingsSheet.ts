/**
 * The hidden settings sheet: which scheme the workbook uses and which of the clerk's names map to
 * which input (inputs.md "Aliases and mapping"), stored inside the workbook so that the next run —
 * or a colleague opening the same file — needs no set-up.
 */
import type { CellValue, ManualEntries, NameMapping } from '../engine/types';
import type { LayoutCell, SheetLayout } from './layout';
import { markEntry } from './names';
import { BODY, HEADER, SUBTITLE, text } from './style';
import { cellNumber, cellText } from './cellValue';

export interface WorkbookSettings {
  mapping: NameMapping;
  /** The scheme the workbook uses: a preset name, or the name of its 评分方案 sheet's scheme. */
  scheme?: string;
  /**
   * A copy of the clerk's manual scores and notes as this run read them from the 评分表. The
   * settings sheet is written before the 评分表 is cleared, so if a write is interrupted in between
   * (Office.js has no rollback) the next run restores them from here.
   */
  manual?: ManualEntries;
}

const SCHEME_LABEL = '评分方案';
const MAPPING_HEADER = ['输入项', '工作簿中的名称'];
const MANUAL_HEADER = ['人工评分备份：三级指标', '得分', '说明'];

export function settingsSheet(settings: WorkbookSettings, name: string): SheetLayout {
  const rows: (LayoutCell | null)[][] = [
    [text('绩效自评助手设置（由加载项维护，请勿修改）', { ...SUBTITLE, bold: true })],
    [text(SCHEME_LABEL, HEADER), text(settings.scheme ?? '', BODY)],
    [],
    MAPPING_HEADER.map((h) => text(h, HEADER)),
  ];
  for (const [input, workbookName] of Object.entries(settings.mapping).sort(([a], [b]) => a.localeCompare(b, 'zh'))) {
    rows.push([text(input, BODY), text(workbookName, BODY)]);
  }
  const manual = settings.manual ?? { scores: {}, notes: {} };
  const items = [...new Set([...Object.keys(manual.scores), ...Object.keys(manual.notes)])].sort((a, b) =>
    a.localeCompare(b, 'zh'),
  );
  if (items.length)
    rows.push(
      [],
      MANUAL_HEADER.map((h) => text(h, HEADER)),
    );
  for (const item of items) {
    const score = manual.scores[item];
    rows.push([
      text(item, BODY),
      score === undefined ? null : { value: score, style: BODY },
      manual.notes[item] === undefined ? null : text(manual.notes[item], BODY),
    ]);
  }
  return {
    name,
    role: '设置',
    visibility: 'hidden',
    rows,
    columnWidths: [24, 30, 40],
    names: [markEntry('设置')],
  };
}

export function readSettings(values: CellValue[][]): WorkbookSettings {
  const settings: WorkbookSettings = { mapping: {} };
  const schemeRow = values.find((row) => cellText(row?.[0]) === SCHEME_LABEL);
  const scheme = schemeRow ? cellText(schemeRow[1]) : '';
  if (scheme) settings.scheme = scheme;
  const header = values.findIndex(
    (row) => cellText(row?.[0]) === MAPPING_HEADER[0] && cellText(row?.[1]) === MAPPING_HEADER[1],
  );
  if (header >= 0) {
    for (const row of values.slice(header + 1)) {
      const input = cellText(row?.[0]);
      const workbookName = cellText(row?.[1]);
      if (input === MANUAL_HEADER[0]) break;
      if (input && workbookName) settings.mapping[input] = workbookName;
    }
  }
  const manualHeader = values.findIndex((row) => cellText(row?.[0]) === MANUAL_HEADER[0]);
  if (manualHeader >= 0) {
    const manual: ManualEntries = { scores: {}, notes: {} };
    for (const row of values.slice(manualHeader + 1)) {
      const item = cellText(row?.[0]);
      if (!item) continue;
      const score = cellNumber(row[1]);
      if (score !== undefined) manual.scores[item] = score;
      const note = cellText(row?.[2]);
      if (note) manual.notes[item] = note;
    }
    settings.manual = manual;
  }
  return settings;
}
