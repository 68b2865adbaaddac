/**
 * One of our sheet layouts as a worksheet part (SpreadsheetML, ECMA-376 18.3). Hand-written because
 * ExcelJS can only write a whole workbook with its own styles and shared strings, and the clerk's
 * package must not pass through it; our sheets use a small, fixed subset of the format. Strings are
 * inline (`t="inlineStr"`), so the clerk's shared-string table is never touched.
 */
import { cellAddress, columnLetter } from '../../engine/a1';
import type { LayoutCell, SheetLayout } from '../../sheets/layout';
import type { StyleAppender } from './styleAppender';
import { escapeAttr, escapeText } from './xml';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Characters XML 1.0 cannot carry are written as Excel's `_xHHHH_` escapes (ST_Xstring). */
export function xstring(s: string): string {
  return escapeText(
    s.replace(
      /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`,
    ),
  );
}

function numberText(v: number): string {
  return String(v);
}

/** The XML of one cell's content (attributes after `r` and `s`, and children). */
export function cellContent(
  value: string | number | boolean | null | undefined,
  formula?: string,
): { t: string; body: string } {
  const f = formula ? `<f>${xstring(formula.replace(/^=/, ''))}</f>` : '';
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value)))
    return { t: '', body: f };
  if (typeof value === 'number') return { t: '', body: `${f}<v>${numberText(value)}</v>` };
  if (typeof value === 'boolean') return { t: ' t="b"', body: `${f}<v>${value ? 1 : 0}</v>` };
  if (formula) return { t: ' t="str"', body: `${f}<v>${xstring(value)}</v>` };
  return { t: ' t="inlineStr"', body: `<is><t xml:space="preserve">${xstring(value)}</t></is>` };
}

function cellXml(row: number, col: number, spec: LayoutCell, styles: StyleAppender): string {
  const format = spec.formula ? spec.format : spec.text ? '@' : spec.format;
  const s = styles.xf({ style: spec.style, format });
  const value =
    spec.text && !spec.formula && spec.value !== null && spec.value !== undefined ? String(spec.value) : spec.value;
  const { t, body } = cellContent(value, spec.formula);
  const attrs = `r="${cellAddress(row, col)}"${s ? ` s="${s}"` : ''}${t}`;
  return body ? `<c ${attrs}>${body}</c>` : `<c ${attrs}/>`;
}

export function sheetXml(layout: SheetLayout, styles: StyleAppender, selected: boolean): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
  ];
  const pr: string[] = [];
  if (layout.tabColor) pr.push(`<tabColor rgb="FF${layout.tabColor.replace(/^#/, '').toUpperCase()}"/>`);
  if (layout.print?.fitToWidth) pr.push('<pageSetUpPr fitToPage="1"/>');
  if (pr.length) out.push(`<sheetPr>${pr.join('')}</sheetPr>`);
  const width = Math.max(1, ...layout.rows.map((r) => r.length));
  out.push(`<dimension ref="A1:${columnLetter(width - 1)}${Math.max(1, layout.rows.length)}"/>`);
  const freeze = layout.freezeRows ?? 0;
  const pane =
    freeze > 0
      ? `<pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/>` +
        '<selection pane="bottomLeft" activeCell="A1" sqref="A1"/>'
      : '';
  out.push(
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0"${pane ? `>${pane}</sheetView>` : '/>'}</sheetViews>`,
  );
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  const hidden = new Set(layout.hiddenColumns ?? []);
  const cols: string[] = [];
  const count = Math.max(layout.columnWidths.length, ...[...hidden].map((c) => c + 1));
  for (let c = 0; c < count; c++) {
    const w = layout.columnWidths[c] ?? 0;
    if (w <= 0 && !hidden.has(c)) continue;
    cols.push(
      `<col min="${c + 1}" max="${c + 1}" width="${w > 0 ? w : 9}"${w > 0 ? ' customWidth="1"' : ''}${hidden.has(c) ? ' hidden="1"' : ''}/>`,
    );
  }
  if (cols.length) out.push(`<cols>${cols.join('')}</cols>`);
  out.push('<sheetData>');
  const heights = layout.rowHeights ?? {};
  layout.rows.forEach((row, r) => {
    const cells = row.map((spec, c) => (spec ? cellXml(r, c, spec, styles) : '')).join('');
    const h = heights[r];
    if (!cells && h === undefined) return;
    out.push(`<row r="${r + 1}"${h !== undefined ? ` ht="${h}" customHeight="1"` : ''}>${cells}</row>`);
  });
  for (const [r, h] of Object.entries(heights))
    if (Number(r) >= layout.rows.length) out.push(`<row r="${Number(r) + 1}" ht="${h}" customHeight="1"/>`);
  out.push('</sheetData>');
  const merges = layout.merges ?? [];
  if (merges.length)
    out.push(
      `<mergeCells count="${merges.length}">${merges
        .map((m) => `<mergeCell ref="${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}"/>`)
        .join('')}</mergeCells>`,
    );
  if (layout.print) {
    out.push('<printOptions horizontalCentered="1"/>');
    out.push('<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
    out.push(
      `<pageSetup paperSize="9" orientation="${escapeAttr(layout.print.orientation)}" fitToWidth="1" fitToHeight="0"/>`,
    );
  } else {
    out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  }
  out.push('</worksheet>');
  return out.join('');
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
