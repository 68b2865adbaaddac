/**
 * The look shared by our sheets: a bold title, shaded bold headers, thin borders on table cells, and
 * the pale yellow of a cell the clerk is expected to fill in.
 */
import type { CellStyle, LayoutCell } from './layout';

export const TITLE: CellStyle = { bold: true, size: 14, horizontal: 'center', vertical: 'middle' };
export const SUBTITLE: CellStyle = { color: '#595959', wrap: true, vertical: 'middle' };
export const HEADER: CellStyle = {
  bold: true,
  fill: '#D9E1F2',
  border: true,
  wrap: true,
  horizontal: 'center',
  vertical: 'middle',
};
export const SECTION: CellStyle = { bold: true, fill: '#F2F2F2', border: true, vertical: 'middle' };
export const BODY: CellStyle = { border: true, wrap: true, vertical: 'middle' };
export const CENTER: CellStyle = { ...BODY, horizontal: 'center' };
export const NUMBER: CellStyle = { border: true, vertical: 'middle', horizontal: 'right' };
/** A cell the clerk fills in: highlighted and unlocked. */
export const EDITABLE: CellStyle = {
  border: true,
  fill: '#FFF2CC',
  unlocked: true,
  vertical: 'middle',
  horizontal: 'right',
};
/** A notes cell the clerk may overwrite: unlocked, not highlighted. */
export const NOTE: CellStyle = { ...BODY, unlocked: true };

export const RATE_FORMAT = '0.00%';
export const AMOUNT_FORMAT = '#,##0.00';
export const SCORE_FORMAT = '0.00';

/** A text cell that must stay text (adapters give it the @ format); empty text leaves the cell blank. */
export function text(value: string, style: CellStyle = BODY): LayoutCell {
  return value === '' ? { text: true, style } : { value, text: true, style };
}

export function num(value: number, format: string, style: CellStyle = NUMBER): LayoutCell {
  return { value, format, style };
}

export function header(values: string[]): LayoutCell[] {
  return values.map((v) => text(v, HEADER));
}

const WIDE = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F\u2018-\u201D\u2014\u2026]/;

/** Lines a text takes in a wrapped cell `width` character units wide (a CJK character ≈ 2.1 units). */
export function wrappedLines(value: string, width: number): number {
  return value.split('\n').reduce((sum, line) => {
    let units = 0;
    for (const ch of line) units += WIDE.test(ch) ? 2.1 : 1;
    return sum + Math.max(1, Math.ceil(units / Math.max(1, width - 1)));
  }, 0);
}

/** Estimated height in points of a wrapped text cell. */
export function wrappedHeight(value: string, width: number, lineHeight = 15): number {
  return wrappedLines(value, width) * lineHeight + 4;
}
