/**
 * The empty input workbook of `jixiao template`: one 基础数据 sheet listing every catalogue input with
 * its unit and meaning, the value cell carrying the input's canonical defined name. The pane's
 * 补充缺少的数据 writes the same table for the inputs a workbook has nowhere (supplementLayout), on a
 * new sheet of the clerk's: labels, units and meanings all come from the catalogue.
 */
import { INPUTS } from '../engine/catalogue';
import type { InputDef } from '../engine/types';
import { cellAddress } from '../engine/a1';
import type { LayoutCell, SheetLayout } from './layout';

export const TEMPLATE_SHEET = '基础数据';

/** Column of the value cells (C). */
export const VALUE_COLUMN = 2;

const HEADER_STYLE = {
  bold: true,
  fill: '#D9E1F2',
  border: true,
  horizontal: 'center' as const,
  vertical: 'middle' as const,
};
const SECTION_STYLE = { bold: true, fill: '#F2F2F2', border: true };
const CELL = { border: true, vertical: 'middle' as const };
const INPUT_CELL = { border: true, fill: '#FFF2CC', unlocked: true, vertical: 'middle' as const };

function valueFormat(def: InputDef): string | undefined {
  switch (def.kind) {
    case 'amount':
      return '#,##0.00';
    case 'count':
    case 'year':
      return '0';
    case 'percent':
      return '0.00';
    default:
      return '@';
  }
}

/** Where each input's value cell is, by canonical name (row/col 0-based). */
export function templateCells(): Record<string, { row: number; col: number }> {
  const cells: Record<string, { row: number; col: number }> = {};
  templateLayout().names?.forEach((n) => (cells[n.name] = { row: n.row, col: n.col }));
  return cells;
}

/** The sheet 补充缺少的数据 adds (made unique against the clerk's sheets by the app). */
export const SUPPLEMENT_SHEET = '补充数据';

export function templateLayout(): SheetLayout {
  return inputTable(
    INPUTS,
    TEMPLATE_SHEET,
    '部门整体支出绩效自评 基础数据',
    '黄色单元格填写数据；每个数据单元格已定义名称（公式 → 名称管理器），绩效自评助手按名称读取。金额单位：万元。',
  );
}

/** The inputs a workbook has nowhere, as a small table on a new sheet `name`: fill the yellow cells, then 计算指标. */
export function supplementLayout(inputs: readonly InputDef[], name = SUPPLEMENT_SHEET): SheetLayout {
  return inputTable(
    inputs,
    name,
    '绩效自评助手 补充数据',
    '工作簿中没有找到以下数据。请在黄色单元格中填写，然后点击“计算指标”。每个黄色单元格已定义名称（公式 → 名称管理器），绩效自评助手按名称读取。金额单位：万元。',
  );
}

function inputTable(inputs: readonly InputDef[], name: string, title: string, hint: string): SheetLayout {
  const rows: (LayoutCell | null)[][] = [];
  const names: NonNullable<SheetLayout['names']> = [];
  const merges: NonNullable<SheetLayout['merges']> = [];
  rows.push([{ value: title, style: { bold: true, size: 14 } }]);
  merges.push({ top: 0, left: 0, bottom: 0, right: 4 });
  rows.push([{ value: hint, style: { color: '#595959', wrap: true } }]);
  merges.push({ top: 1, left: 0, bottom: 1, right: 4 });
  rows.push(['序号', '项目', '数值', '单位', '说明（名称）'].map((value) => ({ value, style: HEADER_STYLE })));
  let group = '';
  let index = 0;
  for (const def of inputs) {
    if (def.group !== group) {
      group = def.group;
      const r = rows.length;
      rows.push([{ value: group, style: SECTION_STYLE }, null, null, null, null]);
      merges.push({ top: r, left: 0, bottom: r, right: 4 });
    }
    index += 1;
    const r = rows.length;
    const required = def.required ? '（必填）' : '';
    rows.push([
      { value: index, style: { ...CELL, horizontal: 'center' } },
      { value: def.name + required, text: true, style: CELL },
      {
        value: null,
        format: valueFormat(def),
        style: def.kind === 'text' ? { ...INPUT_CELL, wrap: true } : INPUT_CELL,
      },
      { value: def.unit, text: true, style: { ...CELL, horizontal: 'center' } },
      { value: `${def.meaning}（名称：${def.name}）`, text: true, style: { ...CELL, wrap: true, color: '#595959' } },
    ]);
    names.push({ name: def.name, row: r, col: VALUE_COLUMN });
  }
  return {
    name,
    role: '基础数据',
    rows,
    // The hint is a merged, wrapped cell: Excel does not fit a merged cell's height to its text.
    rowHeights: { 1: hint.length > 60 ? 48 : 30 },
    columnWidths: [6, 22, 40, 8, 48],
    merges,
    freezeRows: 3,
    print: { orientation: 'portrait', fitToWidth: true, repeatRows: [2, 2] },
    names,
  };
}

export function templateAddress(name: string): string {
  const c = templateCells()[name];
  if (!c) throw new Error(`unknown input ${name}`);
  return cellAddress(c.row, c.col);
}
