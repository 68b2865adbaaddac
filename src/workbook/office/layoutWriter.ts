/**
 * Queues the commands that put one SheetLayout on a worksheet. Whole-grid 2-D writes (null leaves a
 * cell unchanged) keep the command count independent of the number of indicators; styles go out
 * one command per rectangle of equal cells.
 */
import { type CellStyle, type LayoutCell, type SheetLayout } from '../../sheets/layout';
import { boxAddress, columnsAddress, rowsAddress, type CellBox } from '../../engine/a1';
import type { ApiFeatures } from './apiSets';
import { rectangles } from './rectangles';

/** A string Excel would take for a formula (d.ts Range.values; '@' per docs/outputs.md). */
export const FORMULA_LIKE = /^[=+\-@]/;

/**
 * Strings Excel parses like typed input when written through `values` (docs
 * excel-add-ins-ranges-set-get-values; d.ts Range.values): formulas, numbers ("00123" → 123, "1,234"),
 * percents ("50%" → 0.5), dates ("2024-01-05"), booleans, error literals. Such a string only stays text
 * in a cell formatted "@" before its value is set.
 */
const CONVERTIBLE = [
  FORMULA_LIKE,
  /^\s*[\d.,]+\s*%?\s*$/,
  /^\s*\d{1,4}[-/.年]\d{1,2}([-/.月]\d{1,4}日?)?\s*$/,
  /^\s*\d{1,2}:\d{2}(:\d{2})?\s*$/,
  /^\s*(TRUE|FALSE)\s*$/i,
  /^#(N\/A|DIV\/0!|VALUE!|NAME\?|NULL!|NUM!|REF!|SPILL!|CALC!)$/i,
];

export function wouldConvert(text: string): boolean {
  return CONVERTIBLE.some((pattern) => pattern.test(text));
}

/**
 * ExcelJS column width (the file's `<col width>`, in characters of the maximum digit width, padding
 * included) → points for Office.js `format.columnWidth`, which is in points (#187, #3036).
 * ECMA-376 §18.3.1.13: pixels = trunc((256·w + trunc(128/7)) / 256 · 7) with a maximum digit width of
 * 7 px (Calibri 11; 等线 11 measures the same, inferred), and 0.75 pt per pixel at 96 dpi. So about
 * 5.25 pt per character: Excel's default 8.43 (stored 9.140625) is 64 px = 48 pt.
 */
export function columnWidthPoints(width: number): number {
  if (width <= 0) return 0;
  const pixels = Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
  return pixels * 0.75;
}

function isTextCell(cell: LayoutCell): boolean {
  if (cell.formula !== undefined) return false;
  return cell.text === true || (typeof cell.value === 'string' && wouldConvert(cell.value));
}

interface Grid {
  rows: number;
  cols: number;
  cell(r: number, c: number): LayoutCell | null;
}

function gridOf(layout: SheetLayout): Grid {
  const cols = Math.max(0, ...layout.rows.map((row) => row.length));
  return { rows: layout.rows.length, cols, cell: (r, c) => layout.rows[r]?.[c] ?? null };
}

/** A rows × cols array from `pick`, or null when every entry is null (nothing to send). */
function matrix<T>(grid: Grid, pick: (cell: LayoutCell) => T | null): (T | null)[][] | null {
  let any = false;
  const out: (T | null)[][] = [];
  for (let r = 0; r < grid.rows; r++) {
    const row: (T | null)[] = [];
    for (let c = 0; c < grid.cols; c++) {
      const cell = grid.cell(r, c);
      const v = cell ? pick(cell) : null;
      if (v !== null && v !== undefined) any = true;
      row.push(v ?? null);
    }
    out.push(row);
  }
  return any ? out : null;
}

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VERTICAL = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;
type BorderEdge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';
const EDGES: BorderEdge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];

/** One style attribute: its key per cell and the command(s) that apply it to a block. */
interface StyleAttribute {
  key(style: CellStyle): string | undefined;
  apply(range: Excel.Range, key: string, box: CellBox): void;
}

const STYLE_ATTRIBUTES: StyleAttribute[] = [
  {
    key: (s) => (s.bold ? 'bold' : undefined),
    apply: (r) => {
      r.format.font.bold = true;
    },
  },
  {
    key: (s) => (s.size ? String(s.size) : undefined),
    apply: (r, k) => {
      r.format.font.size = Number(k);
    },
  },
  {
    key: (s) => s.color,
    apply: (r, k) => {
      r.format.font.color = k;
    },
  },
  {
    key: (s) => s.fill,
    apply: (r, k) => {
      r.format.fill.color = k;
    },
  },
  {
    key: (s) => (s.wrap ? 'wrap' : undefined),
    apply: (r) => {
      r.format.wrapText = true;
    },
  },
  {
    key: (s) => s.horizontal,
    apply: (r, k) => {
      r.format.horizontalAlignment = HORIZONTAL[k as keyof typeof HORIZONTAL];
    },
  },
  {
    key: (s) => s.vertical,
    apply: (r, k) => {
      r.format.verticalAlignment = VERTICAL[k as keyof typeof VERTICAL];
    },
  },
  {
    key: (s) => (s.border ? 'border' : undefined),
    apply: (r, _k, box) => {
      const edges: BorderEdge[] = [...EDGES];
      if (box.bottom > box.top) edges.push('InsideHorizontal');
      if (box.right > box.left) edges.push('InsideVertical');
      for (const edge of edges) {
        const border = r.format.borders.getItem(edge);
        border.style = 'Continuous';
        border.weight = 'Thin';
      }
    },
  },
  {
    key: (s) => (s.unlocked ? 'unlocked' : undefined),
    apply: (r) => {
      r.format.protection.locked = false;
    },
  },
];

/** Per-cell styles, with a bordered merge's top-left border spread over the whole merged area. */
function styleGrid(layout: SheetLayout, grid: Grid): (CellStyle | undefined)[][] {
  const styles = Array.from({ length: grid.rows }, (_, r) =>
    Array.from({ length: grid.cols }, (_, c) => grid.cell(r, c)?.style),
  );
  for (const m of layout.merges ?? []) {
    if (!styles[m.top]?.[m.left]?.border) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (styles[r] && c < grid.cols) styles[r][c] = { ...styles[r][c], border: true };
      }
    }
  }
  return styles;
}

function runs<T>(values: (T | undefined)[]): { first: number; last: number; value: T }[] {
  const out: { first: number; last: number; value: T }[] = [];
  values.forEach((value, i) => {
    if (value === undefined) return;
    const prev = out[out.length - 1];
    if (prev && prev.last === i - 1 && prev.value === value) prev.last = i;
    else out.push({ first: i, last: i, value });
  });
  return out;
}

/** Cell contents and formats: `@` before values, then values, formulas, number formats, styles, merges. */
/**
 * Queues a layout's values, formats and styles. `inPlace` (the hidden settings sheet on a re-run) writes over the
 * old content instead of after a clear: empty cells get '' and only what lies outside the layout is cleared
 * afterwards, so that a write failing at any command never leaves the clerk's recorded edits erased.
 */
export function queueLayoutContent(sheet: Excel.Worksheet, layout: SheetLayout, inPlace = false): void {
  const grid = gridOf(layout);
  if (grid.rows > 0 && grid.cols > 0) {
    const whole = sheet.getRange(boxAddress({ top: 0, left: 0, bottom: grid.rows - 1, right: grid.cols - 1 }));
    // Text first: a value written into a cell not yet formatted '@' could become a formula or number.
    const textFormats = matrix(grid, (cell) => (isTextCell(cell) ? '@' : null));
    if (textFormats) whole.numberFormat = textFormats;
    const values = matrix<string | number | boolean>(grid, (cell) => {
      if (cell.formula !== undefined) return null;
      if (cell.value === undefined || cell.value === null) return inPlace ? '' : null;
      return isTextCell(cell) ? String(cell.value) : cell.value;
    });
    if (inPlace) {
      whole.values = Array.from({ length: grid.rows }, (_, r) =>
        Array.from({ length: grid.cols }, (_, c) => values?.[r][c] ?? ''),
      );
    } else if (values) whole.values = values;
    const formulas = matrix(grid, (cell) => cell.formula ?? null);
    if (formulas) whole.formulas = formulas;
    const formats = matrix(grid, (cell) => (isTextCell(cell) ? null : (cell.format ?? null)));
    if (formats) whole.numberFormat = formats;
    if (inPlace) {
      // Whatever the previous content held beyond the new layout.
      sheet.getRange(rowsAddress(grid.rows, 1048575)).clear('All'); // Excel's last row, 0-based
      sheet.getRange(columnsAddress(grid.cols, 16383)).clear('All'); // XFD
    }
  }

  const styles = styleGrid(layout, grid);
  const ranges = new Map<string, Excel.Range>();
  const rangeAt = (box: CellBox) => {
    const address = boxAddress(box);
    let range = ranges.get(address);
    if (!range) {
      range = sheet.getRange(address);
      ranges.set(address, range);
    }
    return range;
  };
  for (const attribute of STYLE_ATTRIBUTES) {
    const keys = styles.map((row) => row.map((style) => (style ? attribute.key(style) : undefined)));
    for (const [key, boxes] of rectangles(keys)) {
      for (const box of boxes) attribute.apply(rangeAt(box), key, box);
    }
  }

  for (const m of layout.merges ?? []) {
    if (m.bottom > m.top || m.right > m.left) rangeAt(m).merge(false);
  }
  for (const run of runs(layout.columnWidths.map((w) => (typeof w === 'number' ? w : undefined)))) {
    sheet.getRange(columnsAddress(run.first, run.last)).format.columnWidth = columnWidthPoints(run.value);
  }
  const hidden: (true | undefined)[] = [];
  for (const col of layout.hiddenColumns ?? []) hidden[col] = true;
  for (const run of runs(hidden)) sheet.getRange(columnsAddress(run.first, run.last)).columnHidden = true;
  const heights: (number | undefined)[] = [];
  for (const [row, height] of Object.entries(layout.rowHeights ?? {})) heights[Number(row)] = height;
  for (const run of runs(heights)) {
    sheet.getRange(rowsAddress(run.first, run.last)).format.rowHeight = run.value;
  }
}

/** Freeze panes, tab colour and print setup: cosmetic, queued last so a failure there costs no content. */
export function queueLayoutCosmetics(
  sheet: Excel.Worksheet,
  layout: SheetLayout,
  features: ApiFeatures,
  replacing: boolean,
): void {
  if (features.freezePanes) {
    if (layout.freezeRows && layout.freezeRows > 0) sheet.freezePanes.freezeRows(layout.freezeRows);
    else if (replacing) sheet.freezePanes.unfreeze();
  }
  if (features.tabColor && layout.tabColor) sheet.tabColor = layout.tabColor;
  if (features.pageLayout && layout.print) {
    const page = sheet.pageLayout;
    page.orientation = layout.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    // Only the width is fixed; the height is left to Excel (inferred: an absent verticalFitToPages stays automatic).
    if (layout.print.fitToWidth) page.zoom = { horizontalFitToPages: 1 };
    if (layout.print.repeatRows) {
      const [first, last] = layout.print.repeatRows;
      page.setPrintTitleRows('$' + String(first + 1) + ':$' + String(last + 1));
    }
  }
}
