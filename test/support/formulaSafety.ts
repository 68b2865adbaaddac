/**
 * What a formula we write may contain: our functions, references to cells of its own sheet, numbers, operators
 * and the few text literals we write ourselves. Anything else (a text from a workbook or a scheme, a reference to
 * another sheet or file, another function) means text became formula syntax.
 */
import type ExcelJS from 'exceljs';

export const OUR_FUNCTIONS = new Set(['ROUND', 'SUM', 'SUMIF', 'IF', 'COUNTBLANK', 'INDEX', 'MATCH', 'MAX']);
export const OUR_LITERALS = new Set(['', '—', '暂定：尚有', '项人工评分未填写（黄色单元格），按0分计']);
const TOKEN = /\s+|[A-Z]+\(|\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\d+(?:\.\d+)?|<=|>=|<>|[-+*/&=<>(),]/y;

/** Why `formula` (with or without '=') is not one of ours; empty when it is. */
export function formulaProblems(formula: string): string[] {
  const problems: string[] = [];
  const body = formula.replace(/^=/, '');
  let rest = '';
  for (let i = 0; i < body.length;) {
    if (body[i] === '"') {
      let j = i + 1;
      let literal = '';
      for (;;) {
        if (j >= body.length) return [`unterminated text in ${formula}`];
        if (body[j] === '"' && body[j + 1] === '"') {
          literal += '"';
          j += 2;
        } else if (body[j] === '"') break;
        else literal += body[j++];
      }
      if (!OUR_LITERALS.has(literal)) problems.push(`text we did not write: "${literal}"`);
      rest += ' ';
      i = j + 1;
    } else rest += body[i++];
  }
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < rest.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(rest);
    if (!m) {
      problems.push(`unexpected ${JSON.stringify(rest.slice(at, at + 20))} in ${formula}`);
      break;
    }
    if (m[0].length > 1 && m[0].endsWith('(') && !OUR_FUNCTIONS.has(m[0].slice(0, -1)))
      problems.push(`function ${m[0]} in ${formula}`);
  }
  return problems;
}

/** Every formula in the given sheets of a workbook, as `sheet!address: formula`, with its problems. */
export function formulasOf(book: ExcelJS.Workbook, sheets: string[]): { where: string; formula: string }[] {
  const out: { where: string; formula: string }[] = [];
  for (const name of sheets) {
    const ws = book.getWorksheet(name);
    ws?.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { formula?: string; sharedFormula?: string } | null;
        const f = v && typeof v === 'object' ? (v.formula ?? v.sharedFormula) : undefined;
        if (f) out.push({ where: `${name}!${cell.address}`, formula: f });
      }),
    );
  }
  return out;
}
