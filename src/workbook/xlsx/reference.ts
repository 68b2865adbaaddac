/**
 * Hand-written: no maintained package parses Excel's defined-name reference grammar (quoted and 3-D
 * sheets, external books, unions, constants, #REF!) without a whole formula engine.
 *
 * What a defined name refers to, parsed from its text (`基础数据!$B$3`, `'预算 表'!$B$3:$C$4`,
 * `#REF!`, `15`, `"忻州"`, `SUM(…)`). Host-free: the xlsx adapter reads the text from workbook.xml,
 * the Office adapter from NamedItem.formula.
 */
import type { CellValue } from '../../engine/types';
import {
  absoluteCell,
  columnIndex,
  columnLetter,
  parseBox,
  parseCell,
  quoteSheet,
  splitSheet,
  type CellBox,
} from '../../engine/a1';

export { needsQuotes, quoteSheet } from '../../engine/a1';

/** One rectangular area, 1-based inclusive (row 1 = Excel row 1, col 1 = column A). */
export interface Area {
  /** Sheet name as written, unquoted; absent when the reference has no sheet. */
  sheet?: string;
  /** A 3-D reference `Sheet1:Sheet3!A1` spans several sheets. */
  sheetTo?: string;
  /** An external workbook reference `[1]Sheet1!A1`. */
  external?: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type ParsedReference =
  | { kind: 'range'; areas: Area[] }
  | { kind: 'ref-error' }
  | { kind: 'constant'; value: CellValue }
  | { kind: 'formula' };

export const MAX_ROW = 1048576;
export const MAX_COL = 16384;

const ERROR_LITERALS = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
];

export function parseReference(text: string): ParsedReference {
  let s = text.trim();
  if (s.startsWith('=')) s = s.slice(1).trim();
  const constant = parseConstant(s);
  if (constant !== undefined && !(typeof constant === 'object' && constant?.error === '#REF!'))
    return { kind: 'constant', value: constant };
  if (/#REF!/i.test(s)) return { kind: 'ref-error' };
  const areas = parseAreas(s);
  return areas ? { kind: 'range', areas } : { kind: 'formula' };
}

function parseConstant(s: string): CellValue | undefined {
  if (/^[+-]?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?$/i.test(s)) return Number(s);
  if (/^"([^"]|"")*"$/.test(s)) return s.slice(1, -1).replace(/""/g, '"');
  if (/^TRUE$/i.test(s)) return true;
  if (/^FALSE$/i.test(s)) return false;
  const err = ERROR_LITERALS.find((e) => e === s.toUpperCase());
  if (err) return { error: err };
  return undefined;
}

/** `A1`-style column letters → 1-based number. */
export function columnNumber(letters: string): number {
  return columnIndex(letters) + 1;
}

/**
 * A union of areas (`a,b` or `(a,b)`), each `[sheet!]ref[:ref]`. Returns null as soon as anything
 * else appears: the text is then a formula, not a range.
 */
function parseAreas(input: string): Area[] | null {
  let s = input;
  if (s.startsWith('(') && s.endsWith(')')) s = s.slice(1, -1);
  const areas: Area[] = [];
  let pos = 0;
  while (pos <= s.length) {
    const parsed = parseArea(s, pos);
    if (!parsed) return null;
    areas.push(parsed.area);
    pos = parsed.end;
    if (pos === s.length) return areas;
    if (s[pos] !== ',') return null;
    pos += 1;
  }
  return null;
}

function parseArea(s: string, start: number): { area: Area; end: number } | null {
  let pos = start;
  let external: string | undefined;
  let sheet: string | undefined;
  let sheetTo: string | undefined;
  const ext = /^\[([^\]]*)\]/.exec(s.slice(pos));
  if (ext) {
    external = ext[1];
    pos += ext[0].length;
  }
  const sheetPart = readSheetPart(s, pos);
  if (sheetPart) {
    sheet = sheetPart.sheet;
    sheetTo = sheetPart.sheetTo;
    external = external ?? sheetPart.external;
    pos = sheetPart.end;
  } else if (external !== undefined) {
    return null;
  }
  const rest = s.slice(pos);
  const cellRange = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?/.exec(rest);
  const colRange = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})(?![A-Za-z0-9(])/.exec(rest);
  const rowRange = /^\$?(\d{1,7}):\$?(\d{1,7})(?![0-9(])/.exec(rest);
  let area: Omit<Area, 'sheet' | 'sheetTo' | 'external'>;
  let length: number;
  if (cellRange && !/^[A-Za-z0-9_.(]/.test(rest.slice(cellRange[0].length))) {
    const r1 = Number(cellRange[2]);
    const c1 = columnNumber(cellRange[1]);
    const r2 = cellRange[4] ? Number(cellRange[4]) : r1;
    const c2 = cellRange[3] ? columnNumber(cellRange[3]) : c1;
    area = { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
    length = cellRange[0].length;
  } else if (colRange) {
    const c1 = columnNumber(colRange[1]);
    const c2 = columnNumber(colRange[2]);
    area = { top: 1, bottom: MAX_ROW, left: Math.min(c1, c2), right: Math.max(c1, c2) };
    length = colRange[0].length;
  } else if (rowRange) {
    const r1 = Number(rowRange[1]);
    const r2 = Number(rowRange[2]);
    area = { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: 1, right: MAX_COL };
    length = rowRange[0].length;
  } else {
    return null;
  }
  if (area.bottom > MAX_ROW || area.right > MAX_COL || area.top < 1 || area.left < 1) return null;
  const full: Area = { ...area };
  if (sheet !== undefined) full.sheet = sheet;
  if (sheetTo !== undefined) full.sheetTo = sheetTo;
  if (external !== undefined) full.external = external;
  return { area: full, end: pos + length };
}

/** Characters an unquoted sheet name cannot contain in a formula. */
const UNQUOTED_SHEET = /^[^\s'!:,()+\-*/&=<>^"{}[\]%;]+/u;

function readSheetPart(
  s: string,
  start: number,
): { sheet: string; sheetTo?: string; external?: string; end: number } | null {
  if (s[start] === "'") {
    let i = start + 1;
    let name = '';
    while (i < s.length) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += s[i];
      i += 1;
    }
    if (s[i] !== "'" || s[i + 1] !== '!') return null;
    // Inside quotes Excel writes `[1]Sheet` for external and `A:B` for 3-D references.
    const ext = /^\[([^\]]*)\](.*)$/.exec(name);
    const inner = ext ? ext[2] : name;
    const threeD = splitThreeD(inner);
    return { sheet: threeD.sheet, sheetTo: threeD.sheetTo, external: ext ? ext[1] : undefined, end: i + 2 };
  }
  const m = UNQUOTED_SHEET.exec(s.slice(start));
  if (!m) return null;
  let end = start + m[0].length;
  let sheetTo: string | undefined;
  if (s[end] === ':') {
    const m2 = UNQUOTED_SHEET.exec(s.slice(end + 1));
    if (m2 && s[end + 1 + m2[0].length] === '!') {
      sheetTo = m2[0];
      end = end + 1 + m2[0].length;
    }
  }
  if (s[end] !== '!') return null;
  return { sheet: m[0], sheetTo, end: end + 1 };
}

function splitThreeD(name: string): { sheet: string; sheetTo?: string } {
  const i = name.indexOf(':');
  return i > 0 ? { sheet: name.slice(0, i), sheetTo: name.slice(i + 1) } : { sheet: name };
}

/** 1-based column → letters. */
export function columnLetters(col: number): string {
  return columnLetter(col - 1);
}

/** `Sheet!$C$2` (quoted as needed) for a workbook name pointing at one cell (1-based row and column). */
export function absoluteReference(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!${absoluteCell(row - 1, col - 1)}`;
}

/** Parse `B3` / `$B$3` → 1-based row/col, or null. */
export function parseCellAddress(address: string): { row: number; col: number } | null {
  const cell = parseCell(address);
  return cell ? { row: cell.row + 1, col: cell.col + 1 } : null;
}

/** A rectangle of cells with 1-based corners (the xlsx adapter's counting). */
export type Rect = CellBox;

/** Parse `B3:C4` / `B3` (a merge or a name's area) → 1-based corners, or undefined. */
export function parseRect(ref: string): Rect | undefined {
  const box = parseBox(ref);
  return box ? { top: box.top + 1, left: box.left + 1, bottom: box.bottom + 1, right: box.right + 1 } : undefined;
}

/** Split `基础数据!B3` / `'预算 表'!B3` (the form NamedValue.cell and NamedOutputWrite.cell use), 1-based. */
export function splitSheetCell(ref: string): { sheet: string; row: number; col: number } | null {
  const { sheet, local } = splitSheet(ref);
  const cell = sheet ? parseCellAddress(local) : null;
  return cell ? { sheet, ...cell } : null;
}
