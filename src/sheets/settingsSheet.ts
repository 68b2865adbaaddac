/**
 * The hidden settings sheet: which scheme the workbook uses and which of the clerk's names map to
 * which input (docs/inputs.md "Aliases and mapping"), stored inside the workbook so that the next run —
 * or a colleague opening the same file — needs no set-up.
 */
import type { UnitRecords } from '../engine/locator/units';
import type { CellValue, ManualEntries, NameMapping } from '../engine/types';
import type { LayoutCell, SheetLayout } from './layout';
import { markEntry } from './names';
import { MAX_CELL_CHARS, splitText } from './excelLimits';
import type { RecordEntry, ReportRecord } from './reportEdits';
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
  /**
   * What we generated in each paragraph of the 自评报告 and what the clerk changed, inserted, deleted
   * or filled there (reportEdits.ts). Written before the report sheet: an interrupted write loses
   * none of the clerk's paragraphs, and a filled （请补充：…） outlives the sheet.
   */
  report?: ReportRecord;
  /**
   * Amounts the workbook keeps in another unit than 万元 (元 in a 决算 sheet), by input: the unit and
   * the cell it was found for. The name stays a plain reference to the clerk's cell (what 名称管理器
   * shows is what the clerk typed); reading converts exactly, in Decimal, and says so (engine/reading).
   */
  units?: UnitRecords;
  /**
   * The clerk's own named cells (自评得分 on 上报表!B1 …) the clerk confirmed in the pane as outputs, with the
   * cell the name pointed at then: a re-run writes there again while the name still points at that cell
   * (app/namedOutputs.ts).
   */
  outputs?: ConfirmedOutput[];
}

/** A name of the clerk's that we write a result into, and the cell it named when the clerk confirmed it. */
export interface ConfirmedOutput {
  name: string;
  cell: string;
}

const SCHEME_LABEL = '评分方案';
const MAPPING_HEADER = ['输入项', '工作簿中的名称'];
const MANUAL_HEADER = ['人工评分备份：三级指标', '得分', '说明'];
const UNIT_HEADER = ['金额单位：输入项', '工作簿中的单位', '单元格'];
const OUTPUT_HEADER = ['写入结果的命名单元格：名称', '单元格'];
const REPORT_HEADER = ['自评报告记录：段落', '内容', '文字（过长时续写在右侧单元格）'];
/** The fields of a record entry as the settings sheet labels them; an entry starts at 生成 or 插入. */
const FIELD = {
  generated: '生成',
  inserted: '插入',
  previous: '上次生成',
  kept: '您的文字',
  base: '修改时的生成',
  deleted: '已删除',
  added: '本次新增',
  filled: '填写',
} as const;

/** A text over as many cells of a row as Excel's cell limit needs (at least one). */
function textCells(value: string): LayoutCell[] {
  return splitText(value, MAX_CELL_CHARS).map((piece) => text(piece, BODY));
}

function reportRows(record: ReportRecord): (LayoutCell | null)[][] {
  const rows: (LayoutCell | null)[][] = [[], REPORT_HEADER.map((h) => text(h, HEADER))];
  const row = (key: string, field: string, value?: string) =>
    rows.push([text(key, BODY), text(field, BODY), ...(value === undefined ? [] : textCells(value))]);
  for (const e of record.entries) {
    if (!e.key) {
      row(FIELD.inserted, FIELD.inserted, e.kept ?? '');
      continue;
    }
    row(e.key, FIELD.generated, e.generated);
    if (e.previous !== undefined) row(e.key, FIELD.previous, e.previous);
    if (e.kept !== undefined) row(e.key, FIELD.kept, e.kept);
    if (e.base !== undefined) row(e.key, FIELD.base, e.base);
    if (e.deleted) row(e.key, FIELD.deleted);
    if (e.added) row(e.key, FIELD.added);
  }
  for (const [name, value] of Object.entries(record.filled)) row(name, FIELD.filled, value);
  return rows;
}

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
  const units = Object.entries(settings.units ?? {}).sort(([a], [b]) => a.localeCompare(b, 'zh'));
  if (units.length)
    rows.push(
      [],
      UNIT_HEADER.map((h) => text(h, HEADER)),
    );
  for (const [input, { unit, cell }] of units) rows.push([text(input, BODY), text(unit, BODY), text(cell, BODY)]);
  if (settings.outputs?.length)
    rows.push(
      [],
      OUTPUT_HEADER.map((h) => text(h, HEADER)),
    );
  for (const { name: output, cell } of settings.outputs ?? []) rows.push([text(output, BODY), text(cell, BODY)]);
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
  if (settings.report) rows.push(...reportRows(settings.report));
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
      if ([MANUAL_HEADER[0], REPORT_HEADER[0], UNIT_HEADER[0], OUTPUT_HEADER[0]].includes(input)) break;
      if (input && workbookName) settings.mapping[input] = workbookName;
    }
  }
  const unitHeader = values.findIndex((row) => cellText(row?.[0]) === UNIT_HEADER[0]);
  if (unitHeader >= 0) {
    const units: UnitRecords = {};
    for (const row of values.slice(unitHeader + 1)) {
      const input = cellText(row?.[0]);
      if (!input || input === MANUAL_HEADER[0] || input === REPORT_HEADER[0] || input === OUTPUT_HEADER[0]) break;
      const unit = cellText(row?.[1]);
      const cell = cellText(row?.[2]);
      if (unit && cell) units[input] = { unit, cell };
    }
    settings.units = units;
  }
  const outputHeader = values.findIndex((row) => cellText(row?.[0]) === OUTPUT_HEADER[0]);
  if (outputHeader >= 0) {
    const outputs: ConfirmedOutput[] = [];
    for (const row of values.slice(outputHeader + 1)) {
      const name = cellText(row?.[0]);
      const cell = cellText(row?.[1]);
      if (!name || !cell) break;
      outputs.push({ name, cell });
    }
    settings.outputs = outputs;
  }
  const manualHeader = values.findIndex((row) => cellText(row?.[0]) === MANUAL_HEADER[0]);
  if (manualHeader >= 0) {
    const manual: ManualEntries = { scores: {}, notes: {} };
    for (const row of values.slice(manualHeader + 1)) {
      const item = cellText(row?.[0]);
      if (item === REPORT_HEADER[0]) break;
      if (!item) continue;
      const score = cellNumber(row[1]);
      if (score !== undefined) manual.scores[item] = score;
      const note = cellText(row?.[2]);
      if (note) manual.notes[item] = note;
    }
    settings.manual = manual;
  }
  const reportHeader = values.findIndex((row) => cellText(row?.[0]) === REPORT_HEADER[0]);
  if (reportHeader >= 0) settings.report = readRecord(values.slice(reportHeader + 1));
  return settings;
}

/** A text written by textCells, joined back exactly (not trimmed: the clerk's text is verbatim). */
function joinedText(row: CellValue[], from: number): string {
  let out = '';
  for (let c = from; c < row.length; c++) {
    const v = row[c];
    if (v === null || v === undefined || v === '' || typeof v === 'object') break;
    out += String(v);
  }
  return out;
}

function readRecord(values: CellValue[][]): ReportRecord {
  const record: ReportRecord = { entries: [], filled: {} };
  let entry: RecordEntry | undefined;
  for (const row of values) {
    const key = cellText(row?.[0]);
    const field = cellText(row?.[1]);
    if (!key || !field) continue;
    const value = joinedText(row, 2);
    if (field === FIELD.inserted) {
      entry = { key: '', generated: '', kept: value };
      record.entries.push(entry);
    } else if (field === FIELD.generated) {
      entry = { key, generated: value };
      record.entries.push(entry);
    } else if (field === FIELD.filled) {
      record.filled[key] = value;
    } else if (entry && entry.key === key) {
      if (field === FIELD.previous) entry.previous = value;
      else if (field === FIELD.kept) entry.kept = value;
      else if (field === FIELD.base) entry.base = value;
      else if (field === FIELD.deleted) entry.deleted = true;
      else if (field === FIELD.added) entry.added = true;
    }
  }
  return record;
}
