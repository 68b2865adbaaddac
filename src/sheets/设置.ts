/**
 * The hidden settings sheet: which scheme the workbook uses and which of the clerk's names map to
 * which input (inputs.md "Aliases and mapping"), stored inside the workbook so that the next run —
 * or a colleague opening the same file — needs no set-up.
 */
import type { CellValue, NameMapping } from '../engine/types';
import type { LayoutCell, SheetLayout } from './layout';
import { markEntry } from './names';
import { BODY, HEADER, SUBTITLE, text } from './style';

export interface WorkbookSettings {
  mapping: NameMapping;
  /** The scheme the workbook uses: a preset name, or the name of its 评分方案 sheet's scheme. */
  scheme?: string;
}

const SCHEME_LABEL = '评分方案';
const MAPPING_HEADER = ['输入项', '工作簿中的名称'];

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
  return {
    name,
    role: '设置',
    visibility: 'hidden',
    rows,
    columnWidths: [24, 30],
    names: [markEntry('设置')],
  };
}

function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined || typeof v === 'object') return '';
  return String(v).trim();
}

export function readSettings(values: CellValue[][]): WorkbookSettings {
  const settings: WorkbookSettings = { mapping: {} };
  const schemeRow = values.find((row) => cellText(row?.[0]) === SCHEME_LABEL);
  const scheme = schemeRow ? cellText(schemeRow[1]) : '';
  if (scheme) settings.scheme = scheme;
  const header = values.findIndex((row) => cellText(row?.[0]) === MAPPING_HEADER[0] && cellText(row?.[1]) === MAPPING_HEADER[1]);
  if (header >= 0) {
    for (const row of values.slice(header + 1)) {
      const input = cellText(row?.[0]);
      const workbookName = cellText(row?.[1]);
      if (input && workbookName) settings.mapping[input] = workbookName;
    }
  }
  return settings;
}
