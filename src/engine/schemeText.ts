/**
 * What the texts of a scheme may hold (a grade label, an indicator level, the scheme's name, a 评分标准). They come
 * from the clerk's 评分方案 sheet or a --scheme file and are only ever written as text cells (the 评价等级 formula
 * looks labels up from cells, never embeds them), so the rules are about what would mislead or break elsewhere:
 * no control, invisible or bidirectional-override characters, no lone surrogates, no label that a spreadsheet
 * would take for a formula when it is pasted (= + - @ first), and a sensible length.
 */

export type SchemeTextKind = 'grade' | 'label' | 'standard';

const MAX_LENGTH: Record<SchemeTextKind, number> = { grade: 20, label: 100, standard: 2000 };

/** Control (except line breaks and tabs in a 评分标准), format (zero-width, bidi), surrogate, private, unassigned. */
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\u2028\u2029]/u;
const FORBIDDEN_STANDARD = /(?![\n\t])[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\u2028\u2029]/u;
/** What makes Excel, WPS or LibreOffice read pasted text as a formula. */
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

function codePoint(ch: string): string {
  return 'U+' + (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Answers already given: every evaluation validates its scheme, and the Unicode property classes above made
 * this function half the engine's time over 10,000 departments (npm run bench). Pure, so a bounded memo is safe.
 */
const answered = new Map<string, string | undefined>();
const ANSWERED_LIMIT = 5000;

/** Why `value` cannot be a scheme text of this kind (Chinese, without the row), or undefined when it can. */
export function schemeTextProblem(value: string, kind: SchemeTextKind): string | undefined {
  const key = `${kind}:${value}`;
  if (answered.has(key)) return answered.get(key);
  const problem = findProblem(value, kind);
  if (answered.size >= ANSWERED_LIMIT) answered.clear();
  answered.set(key, problem);
  return problem;
}

function findProblem(value: string, kind: SchemeTextKind): string | undefined {
  const bad = (kind === 'standard' ? FORBIDDEN_STANDARD : FORBIDDEN).exec(value);
  if (bad) return `含有不可见字符或控制字符（${codePoint(bad[0])}），请删除后重新输入`;
  if (kind !== 'standard' && /[\r\n]/.test(value)) return '不能换行';
  if (kind !== 'standard' && FORMULA_START.test(value.trim()))
    return `不能以“${value.trim()[0]}”开头（粘贴到表格中会被当作公式）`;
  if (value.length > MAX_LENGTH[kind]) return `超过 ${MAX_LENGTH[kind]} 个字符`;
  return undefined;
}

/** A scheme text as a message quotes it, shortened to 40 characters. */
export function quoteText(value: string): string {
  return value.length > 40 ? value.slice(0, 40) + '…' : value;
}
