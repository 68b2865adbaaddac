/** A1 arithmetic for the fake, kept apart from src/engine/a1.ts on purpose: one bug cannot hide in both. */

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function letters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(text: string): number {
  let n = 0;
  for (const ch of text.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** `B3`, `$B$3:C4`, `A:C`, `3:5`; null when it is not a plain A1 reference or lies outside the grid. */
export function parseBox(text: string): Box | null {
  const t = text.trim();
  let m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(t);
  if (m) {
    const r1 = Number(m[2]) - 1;
    const c1 = colIndex(m[1]);
    const r2 = m[4] ? Number(m[4]) - 1 : r1;
    const c2 = m[3] ? colIndex(m[3]) : c1;
    return valid({ top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) });
  }
  m = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(t);
  if (m) {
    const a = colIndex(m[1]);
    const b = colIndex(m[2]);
    return valid({ top: 0, left: Math.min(a, b), bottom: MAX_ROWS - 1, right: Math.max(a, b) });
  }
  m = /^\$?(\d+):\$?(\d+)$/.exec(t);
  if (m) {
    const a = Number(m[1]) - 1;
    const b = Number(m[2]) - 1;
    return valid({ top: Math.min(a, b), left: 0, bottom: Math.max(a, b), right: MAX_COLS - 1 });
  }
  return null;
}

function valid(b: Box): Box | null {
  return b.top >= 0 && b.left >= 0 && b.bottom < MAX_ROWS && b.right < MAX_COLS ? b : null;
}

export function cellName(r: number, c: number, absolute = false): string {
  return absolute ? `$${letters(c)}$${r + 1}` : `${letters(c)}${r + 1}`;
}

/** How Excel prints a box: whole columns `A:C`, whole rows `3:5`, else `B3` / `B3:C4`. */
export function boxText(b: Box, absolute = false): string {
  const d = absolute ? '$' : '';
  if (b.top === 0 && b.bottom === MAX_ROWS - 1) return `${d}${letters(b.left)}:${d}${letters(b.right)}`;
  if (b.left === 0 && b.right === MAX_COLS - 1) return `${d}${b.top + 1}:${d}${b.bottom + 1}`;
  const first = cellName(b.top, b.left, absolute);
  return b.top === b.bottom && b.left === b.right ? first : `${first}:${cellName(b.bottom, b.right, absolute)}`;
}

/** Excel quotes a sheet name in a reference unless it is a plain identifier. */
export function sheetRef(name: string): string {
  if (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** Splits `'预算 表'!$B$3` / `Sheet!B3` into the unquoted sheet and the local part; null without a sheet. */
export function splitRef(text: string): { sheet: string; local: string } | null {
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(text);
  if (quoted) return { sheet: quoted[1].replace(/''/g, "'"), local: quoted[2] };
  const bang = text.lastIndexOf('!');
  if (bang <= 0) return null;
  return { sheet: text.slice(0, bang), local: text.slice(bang + 1) };
}

export function intersects(a: Box, b: Box): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: Box, inner: Box): boolean {
  return (
    inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right
  );
}

export function cellCount(b: Box): number {
  return (b.bottom - b.top + 1) * (b.right - b.left + 1);
}
