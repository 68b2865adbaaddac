/**
 * Excel's limits on what a workbook may hold (Microsoft, "Excel specifications and limits"): 32,767 characters in
 * a cell, 8,192 in a formula, 31 in a sheet name without : \ / ? * [ ] or a leading/trailing apostrophe. Excel
 * refuses to open a file that breaks them, so every layout passes fitLayout before it is written: over-long texts
 * are cut with an ellipsis and a warning says where; the report splits long paragraphs beforehand (splitText).
 * Lengths are UTF-16 code units, as Excel counts them; a cut never splits a surrogate pair.
 */
import { cellAddress } from '../engine/a1';
import type { SheetLayout } from './layout';

export const MAX_CELL_CHARS = 32_767;
export const MAX_FORMULA_CHARS = 8_192;
export const MAX_SHEET_NAME_CHARS = 31;
/** Row height in points. */
export const MAX_ROW_HEIGHT = 409;
export const INVALID_SHEET_CHARS = /[:\\/?*[\]]/;
export const ELLIPSIS = '…';

/** Why `name` cannot be a sheet name (Chinese), or undefined when it can. */
export function sheetNameProblem(name: string): string | undefined {
  if (!name) return '工作表名称不能为空';
  if (name.length > MAX_SHEET_NAME_CHARS) return `工作表名称“${name}”超过 ${MAX_SHEET_NAME_CHARS} 个字符`;
  if (INVALID_SHEET_CHARS.test(name)) return `工作表名称“${name}”不能包含 : \\ / ? * [ ]`;
  if (name.startsWith("'") || name.endsWith("'")) return `工作表名称“${name}”不能以单引号开头或结尾`;
  if (name.toLowerCase() === 'history') return '工作表名称不能是 History（Excel 保留）';
  return undefined;
}

/** The index at or before `at` that does not split a surrogate pair. */
function safeCut(value: string, at: number): number {
  const code = value.charCodeAt(at - 1);
  return at > 0 && code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

/** `value` cut to `max` characters including a trailing ellipsis; unchanged when it fits. */
export function cutText(value: string, max = MAX_CELL_CHARS): string {
  if (value.length <= max) return value;
  return value.slice(0, safeCut(value, max - ELLIPSIS.length)) + ELLIPSIS;
}

const BREAK_AFTER = /[。！？；;.!?\n]/;

/**
 * `value` in pieces of at most `max` characters, each ending at a sentence end (。！？；) where one lies in the
 * last quarter of the piece, else at the limit; joined they give back `value`.
 */
export function splitText(value: string, max = MAX_CELL_CHARS): string[] {
  const pieces: string[] = [];
  let rest = value;
  while (rest.length > max) {
    let at = safeCut(rest, max);
    for (let i = at - 1; i >= Math.floor(max * 0.75); i--)
      if (BREAK_AFTER.test(rest[i])) {
        at = i + 1;
        break;
      }
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  pieces.push(rest);
  return pieces;
}

/**
 * Makes every cell of `layout` fit Excel: text longer than 32,767 characters is cut with an ellipsis (one Chinese
 * warning per cut cell, naming the sheet and cell, is returned) and row heights are capped at 409 points. A formula
 * over 8,192 characters or an invalid sheet name is our bug and throws.
 */
export function fitLayout(layout: SheetLayout): string[] {
  const problem = sheetNameProblem(layout.name);
  if (problem) throw new Error(problem);
  const warnings: string[] = [];
  for (const [r, h] of Object.entries(layout.rowHeights ?? {}))
    if (h > MAX_ROW_HEIGHT) layout.rowHeights![Number(r)] = MAX_ROW_HEIGHT;
  layout.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      if (cell.formula && cell.formula.length > MAX_FORMULA_CHARS)
        throw new Error(`公式过长（${cell.formula.length} 个字符）：${layout.name}!${cellAddress(r, c)}`);
      if (typeof cell.value === 'string' && cell.value.length > MAX_CELL_CHARS) {
        warnings.push(
          `“${layout.name}”工作表 ${cellAddress(r, c)} 的文字有 ${cell.value.length} 个字符，超过 Excel 每个单元格 ` +
            `${MAX_CELL_CHARS} 个字符的上限，已截断，末尾以“${ELLIPSIS}”表示；请缩短原文（如单位名称）。`,
        );
        row[c] = { ...cell, value: cutText(cell.value) };
      }
    }),
  );
  return warnings;
}
