/**
 * Apply one SheetLayout to an empty ExcelJS worksheet: values, formulas, text kept as text, number
 * formats, styles, merges, widths, heights, frozen header, print setup, tab colour, visibility.
 */
import type ExcelJS from 'exceljs';
import type { CellStyle, LayoutCell, SheetLayout } from '../../sheets/layout';
import { argb } from './cells';

/** Government forms are set in 宋体; giving the name keeps our sheets uniform in any workbook. */
const FONT_NAME = '宋体';
const THIN = { style: 'thin' as const };

function applyStyle(cell: ExcelJS.Cell, style: CellStyle | undefined): void {
  const s = style ?? {};
  const font: Partial<ExcelJS.Font> = { name: FONT_NAME, size: s.size ?? 11 };
  if (s.bold) font.bold = true;
  if (s.color) font.color = { argb: argb(s.color) };
  cell.font = font;
  if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.horizontal || s.vertical || s.wrap) {
    const alignment: Partial<ExcelJS.Alignment> = {};
    if (s.horizontal) alignment.horizontal = s.horizontal;
    if (s.vertical) alignment.vertical = s.vertical;
    if (s.wrap) alignment.wrapText = true;
    cell.alignment = alignment;
  }
  if (s.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (s.unlocked) cell.protection = { locked: false };
}

function applyCell(cell: ExcelJS.Cell, spec: LayoutCell): void {
  applyStyle(cell, spec.style);
  if (spec.formula) {
    // The layout's value is the engine's result: kept as the cached result so viewers that do not
    // recalculate (previews, some WPS modes) still show the total.
    const result = spec.value === null || spec.value === undefined ? undefined : spec.value;
    cell.value = {
      formula: spec.formula.replace(/^=/, ''),
      ...(result !== undefined ? { result } : {}),
    } as ExcelJS.CellFormulaValue;
    if (spec.format) cell.numFmt = spec.format;
    return;
  }
  if (spec.text) {
    // '@' first: the value stays text in Excel even when it starts with '=', '+', '-' or '@'.
    cell.numFmt = '@';
    cell.value = spec.value === null || spec.value === undefined ? null : String(spec.value);
    return;
  }
  if (spec.format) cell.numFmt = spec.format;
  const v = spec.value;
  cell.value = v === undefined ? null : typeof v === 'number' && !Number.isFinite(v) ? null : v;
}

export function applyLayout(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  layout.columnWidths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  for (const c of layout.hiddenColumns ?? []) ws.getColumn(c + 1).hidden = true;
  layout.rows.forEach((row, r) => {
    row.forEach((spec, c) => {
      if (spec) applyCell(ws.getCell(r + 1, c + 1), spec);
    });
  });
  for (const [r, h] of Object.entries(layout.rowHeights ?? {})) ws.getRow(Number(r) + 1).height = h;
  for (const m of layout.merges ?? []) ws.mergeCellsWithoutStyle(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  const freeze = layout.freezeRows ?? 0;
  if (freeze > 0)
    ws.views = [{ state: 'frozen', xSplit: 0, ySplit: freeze, topLeftCell: `A${freeze + 1}`, activeCell: 'A1' }];
  if (layout.print) {
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9,
      orientation: layout.print.orientation,
      fitToPage: layout.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    };
  }
  if (layout.tabColor) ws.properties.tabColor = { argb: argb(layout.tabColor) };
  ws.state = layout.visibility ?? 'visible';
}

/** The merges of a layout must not overlap (Excel refuses it); says which ones do. */
export function overlappingMerges(layout: SheetLayout): string | undefined {
  const ms = layout.merges ?? [];
  for (let i = 0; i < ms.length; i++) {
    for (let j = i + 1; j < ms.length; j++) {
      const a = ms[i];
      const b = ms[j];
      if (a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom)
        return `${i + 1} 与 ${j + 1}`;
    }
  }
  return undefined;
}
