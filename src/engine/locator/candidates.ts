/**
 * Finding candidate cells in one sheet: a label left of its value (same row, unit cells skipped), a
 * label above its value (a header row), and two-dimensional tables (a row topic × a column role, or
 * the total row/column of a table whose title names the topic). Each candidate is `strong` only when
 * nothing about its position is doubtful; confidence.ts decides from there.
 */
import type Decimal from 'decimal.js';
import { inputDef, type InputName } from '../catalogue';
import { Exact } from '../decimal';
import { isPercentFormat, numberFromText } from '../reading';
import type { InputDef } from '../types';
import { cellAddress } from '../a1';
import { SheetGrid } from './grid';
import {
  LABEL_INDEX,
  ROLE_INDEX,
  TABLE_INPUTS,
  TITLE_TOPICS,
  TOPIC_INDEX,
  TOTAL_LABELS,
  type Role,
  type Topic,
} from './synonyms';
import { declaredUnit, formatUnit, isMoneyUnit, toWanyuan, type MoneyUnit, type Unit } from './units';

export interface Candidate {
  input: InputName;
  /** `部门决算!B6` (sheet unquoted, relative address) — as the clerk reads it. */
  cell: string;
  sheet: string;
  row: number;
  col: number;
  /** The label as written; for a table `三公经费合计 × 本年决算数`. */
  label: string;
  labelCell: string;
  /** In the catalogue unit (万元 for amounts) as a decimal string; text for a text input; null when the cell is empty. */
  value: string | null;
  /** The unit the workbook uses for this value ('' for text and year). */
  unit: string;
  /** False when the unit was not declared anywhere and the catalogue unit is assumed. */
  unitDeclared: boolean;
  how: 'left' | 'above' | 'table';
  strong: boolean;
}

const SHEET_UNIT = /(?:^|[(（\s])(?:金额|计量)?单位[:：]\s*(万元|千元|亿元|元)/;
const GRAND_TOTALS = ['合计', '总计', '合计数'];
const YEAR_TEXT = /^(\d{4})\s*年?度?$/;

interface Header {
  key: string;
  raw: string;
  row: number;
  col: number;
}

/** What a sheet says once for all its cells: unit declarations by row, a title topic. */
export interface SheetFacts {
  units: { row: number; col: number; text: string; unit: MoneyUnit }[];
  titleTopic?: Topic;
}

/** A unit the workbook declares for an amount, and where: `决算数据!A2` “金额单位：元”. */
export interface UnitDeclaration {
  unit: MoneyUnit;
  /** The cell that declares it (the amount's own cell for a number format). */
  cell: string;
  /** What that cell says (its text, or the number format). */
  text: string;
}

/** A unit cell or a bracketed unit in a label, near a value. */
interface UnitClue {
  unit: Unit | undefined;
  row: number;
  col: number;
  text: string;
}

export function sheetFacts(grid: SheetGrid): SheetFacts {
  const facts: SheetFacts = { units: [] };
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.width(r); c++) {
      const t = grid.text(r, c);
      if (!t || t.length > 80) continue;
      const m = t.includes('单位') ? SHEET_UNIT.exec(t.normalize('NFKC')) : null;
      if (m) facts.units.push({ row: r, col: c, text: t, unit: m[1] as MoneyUnit });
      if (r < 5 && !facts.titleTopic) {
        const key = grid.label(r, c)?.key ?? '';
        facts.titleTopic = TITLE_TOPICS.find((t) => t.pattern.test(key))?.topic;
      }
    }
  }
  return facts;
}

/** Text cells above (r, c) in its column, nearest first, through merges, numbers skipped. */
function headersAbove(grid: SheetGrid, r: number, c: number, limit = 4): Header[] {
  const out: Header[] = [];
  for (let k = r - 1; k >= 0 && k >= r - 8 && out.length < limit; k--) {
    const m = grid.covering(k, c);
    const [hr, hc] = m ? [m.top, m.left] : [k, c];
    if (m && m.top !== k) continue; // the merge is met once, at its top row
    const raw = grid.text(hr, hc);
    const label = grid.label(hr, hc);
    if (raw && label) out.push({ key: label.key, raw, row: hr, col: hc });
  }
  return out;
}

/** The nearest text cell left of (r, c): numbers, empties and unit cells skipped. */
function rowLabel(grid: SheetGrid, r: number, c: number): Header | undefined {
  for (let j = c - 1; j >= 0; j--) {
    const m = grid.covering(r, j);
    const [hr, hc] = m ? [m.top, m.left] : [r, j];
    if (grid.isNumber(hr, hc) || grid.unitCell(hr, hc)) continue;
    const raw = grid.text(hr, hc);
    const label = grid.label(hr, hc);
    if (raw && label) return { key: label.key, raw, row: hr, col: hc };
    if (raw) return undefined; // a sentence, not a label
  }
  return undefined;
}

function roleOf(headers: Header[]): { role: Role; header: Header } | undefined {
  for (const h of headers) {
    const role = ROLE_INDEX.get(h.key);
    if (role) return { role, header: h };
  }
  return undefined;
}

function isLastYear(input: InputName): boolean {
  return input.startsWith('上年');
}

function knownLabel(key: string): boolean {
  return LABEL_INDEX.has(key) || TOPIC_INDEX.has(key) || ROLE_INDEX.has(key) || TOTAL_LABELS.includes(key);
}

interface Parsed {
  value: Decimal | string;
  unit: string;
  unitDeclared: boolean;
  /** Parsed from text: a weaker sign than a number cell. */
  fromText: boolean;
}

/**
 * The money unit an amount at (r, c) is declared in, nearest declaration first: a unit cell or a
 * bracketed unit in its label (`clues`), its number format (0.00"元"), a column header （元）, then the
 * nearest 单位：元 above it in the sheet. Undefined when nothing declares one.
 */
function moneyDeclaration(
  grid: SheetGrid,
  r: number,
  c: number,
  clues: UnitClue[],
  facts: SheetFacts,
  headers: () => Header[],
): UnitDeclaration | undefined {
  const at = (row: number, col: number) => `${grid.sheet}!${cellAddress(row, col)}`;
  for (const clue of clues)
    if (isMoneyUnit(clue.unit)) return { unit: clue.unit, cell: at(clue.row, clue.col), text: clue.text };
  const format = grid.cell(r, c)?.numberFormat;
  const formatted = formatUnit(format);
  if (isMoneyUnit(formatted)) return { unit: formatted, cell: at(r, c), text: format! };
  for (const h of headers()) {
    const unit = declaredUnit(h.raw);
    if (unit) return { unit, cell: at(h.row, h.col), text: h.raw };
  }
  const sheetWide = [...facts.units].reverse().find((u) => u.row <= r);
  return sheetWide && { unit: sheetWide.unit, cell: at(sheetWide.row, sheetWide.col), text: sheetWide.text };
}

/** A unit cell at (r, c) as a clue, or undefined. */
function unitClue(grid: SheetGrid, r: number, c: number): UnitClue | undefined {
  const unit = grid.unitCell(r, c);
  return unit && { unit, row: r, col: c, text: grid.text(r, c)! };
}

/**
 * The unit a named amount's cell is declared in, by the same rules the locator reads a found figure
 * with: a unit cell right of it, a unit cell or a bracketed unit in the label on its left, its number
 * format, a column header, the sheet's 单位：元. Pass `facts` when asking for several cells of a sheet.
 */
export function namedAmountUnit(
  grid: SheetGrid,
  r: number,
  c: number,
  facts: SheetFacts = sheetFacts(grid),
): UnitDeclaration | undefined {
  const clues: UnitClue[] = [];
  const right = unitClue(grid, r, c + 1);
  if (right) clues.push(right);
  for (let j = c - 1; j >= 0 && j >= c - 4; j--) {
    const covered = grid.covering(r, j);
    const [hr, hc] = covered ? [covered.top, covered.left] : [r, j];
    if (grid.value(hr, hc) === null) continue;
    const unit = unitClue(grid, hr, hc);
    if (unit) {
      clues.push(unit);
      continue;
    }
    const raw = grid.text(hr, hc);
    const label = raw ? grid.label(hr, hc) : undefined;
    if (raw && label?.unit) clues.push({ unit: label.unit, row: hr, col: hc, text: raw });
    break;
  }
  return moneyDeclaration(grid, r, c, clues, facts, () => headersAbove(grid, r, c));
}

/** The value of a cell for an input, in the catalogue unit, or undefined when the kind is wrong. */
function parseValue(
  def: InputDef,
  grid: SheetGrid,
  r: number,
  c: number,
  units: UnitClue[],
  facts: SheetFacts,
  headers: () => Header[],
): Parsed | undefined {
  const cell = grid.cell(r, c);
  const v = cell?.value ?? null;
  if (def.kind === 'text') {
    if (typeof v !== 'string') return undefined;
    const t = v.trim();
    const label = grid.label(r, c);
    if (t.length < 2 || (label && knownLabel(label.key))) return undefined;
    return { value: t, unit: '', unitDeclared: true, fromText: false };
  }
  let n: Decimal;
  let fromText = false;
  if (typeof v === 'number') n = new Exact(v);
  else if (typeof v === 'string') {
    const t = def.kind === 'year' ? YEAR_TEXT.exec(v.trim())?.[1] : undefined;
    const parsed = t ? { digits: t, percent: false } : numberFromText(v, def);
    if (!parsed || (parsed.percent && def.kind !== 'percent')) return undefined;
    n = new Exact(parsed.digits);
    // A year written as 2021年 is how years are written, not a number stored as text.
    fromText = !t;
  } else return undefined;
  switch (def.kind) {
    case 'year':
      if (!n.isInteger() || n.lt(1900) || n.gt(2100)) return undefined;
      return { value: n, unit: '', unitDeclared: true, fromText };
    case 'count':
      if (!n.isInteger() || n.isNegative()) return undefined;
      return { value: n, unit: def.unit, unitDeclared: true, fromText };
    case 'percent':
      if (typeof v === 'number' && isPercentFormat(cell?.numberFormat)) n = n.times(100);
      if (n.isNegative() || n.gt(100)) return undefined;
      return { value: n, unit: '%', unitDeclared: true, fromText };
    default: {
      if (n.isNegative()) return undefined;
      const declared = moneyDeclaration(grid, r, c, units, facts, headers)?.unit;
      const unit: MoneyUnit = declared ?? '万元';
      return { value: toWanyuan(n, unit), unit, unitDeclared: declared !== undefined, fromText };
    }
  }
}

function show(value: Decimal | string): string {
  return typeof value === 'string' ? value : value.toFixed();
}

/** Every candidate of one sheet. */
export function sheetCandidates(grid: SheetGrid): Candidate[] {
  const facts = sheetFacts(grid);
  const out: Candidate[] = [];
  const at = (r: number, c: number) => `${grid.sheet}!${cellAddress(r, c)}`;
  const push = (
    input: InputName,
    r: number,
    c: number,
    label: string,
    labelCell: string,
    parsed: Parsed | null,
    how: Candidate['how'],
    strong: boolean,
  ) =>
    out.push({
      input,
      cell: at(r, c),
      sheet: grid.sheet,
      row: r,
      col: c,
      label,
      labelCell,
      value: parsed ? show(parsed.value) : null,
      unit: parsed ? parsed.unit : inputDef(input).unit === '万元' ? '' : inputDef(input).unit,
      unitDeclared: parsed ? parsed.unitDeclared : false,
      how,
      strong: strong && !(parsed?.fromText ?? false),
    });

  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.width(r); c++) {
      const raw = grid.text(r, c);
      if (raw) {
        const label = grid.label(r, c);
        const input = label && LABEL_INDEX.get(label.key);
        if (input) {
          leftOf(input, r, c, raw, label.subItem, label.unit);
          above(input, r, c, raw, label.subItem, label.unit);
        }
      } else if (grid.value(r, c) !== null) {
        table(r, c);
      }
    }
  }
  return out;

  function leftOf(input: InputName, r: number, c: number, raw: string, subItem: boolean, labelUnit?: Unit): void {
    const def = inputDef(input);
    const start = (grid.merge(r, c)?.right ?? c) + 1;
    const units: UnitClue[] = [];
    let firstEmpty: number | undefined;
    let found: number | undefined;
    for (let j = start; j <= start + 3; j++) {
      const covered = grid.covering(r, j);
      if (covered && covered.left !== j) continue;
      if (grid.value(r, j) === null) {
        firstEmpty ??= j;
        continue;
      }
      const unit = unitClue(grid, r, j);
      if (unit) {
        units.push(unit);
        continue;
      }
      found = j;
      break;
    }
    if (labelUnit) units.push({ unit: labelUnit, row: r, col: c, text: raw });
    if (found === undefined) {
      if (firstEmpty !== undefined) push(input, r, firstEmpty, raw, at(r, c), null, 'left', false);
      return;
    }
    const j = found;
    const headers = headersAbove(grid, r, j);
    const role = roleOf(headers);
    const label = grid.label(r, c)!;
    // A topic row in a table with role columns is read as a table, not as one figure.
    if (role && TOPIC_INDEX.has(label.key)) return;
    if (role && role.role.startsWith('上年') !== isLastYear(input)) return;
    const next = unitClue(grid, r, j + 1);
    if (next) units.unshift(next);
    const parsed = parseValue(def, grid, r, j, units, facts, () => headers);
    if (!parsed) {
      // Text beside the label (见附表) is no figure; an empty cell before it may still be the place.
      if (typeof grid.value(r, j) === 'string' && firstEmpty !== undefined && def.kind !== 'text')
        push(input, r, firstEmpty, raw, at(r, c), null, 'left', false);
      return;
    }
    let numbers = 0;
    for (let k = j; k < grid.width(r); k++) if (grid.isNumber(r, k)) numbers++;
    push(input, r, j, raw, at(r, c), parsed, 'left', !subItem && numbers <= 1);
  }

  function above(input: InputName, r: number, c: number, raw: string, subItem: boolean, labelUnit?: Unit): void {
    const def = inputDef(input);
    const below = (grid.merge(r, c)?.bottom ?? r) + 1;
    for (let k = below; k <= below + 1 && k < grid.rows; k++) {
      if (grid.value(k, c) === null) continue;
      if (grid.label(k, c) && def.kind !== 'text') return;
      const side = rowLabel(grid, k, c);
      // Values below a header but beside their own labels belong to those labels (a list or a table).
      if (side && knownLabel(side.key)) return;
      const beside = unitClue(grid, k, c + 1);
      const units: UnitClue[] = beside ? [beside] : [];
      if (labelUnit) units.push({ unit: labelUnit, row: r, col: c, text: raw });
      const parsed = parseValue(def, grid, k, c, units, facts, () => [{ key: '', raw, row: r, col: c }]);
      if (!parsed) return;
      const list = grid.value(k + 1, c) !== null && typeof grid.value(k + 1, c) === typeof grid.value(k, c);
      push(input, k, c, raw, at(r, c), parsed, 'above', !subItem && !list);
      return;
    }
  }

  function table(r: number, c: number): void {
    const side = rowLabel(grid, r, c);
    let topic = side ? TOPIC_INDEX.get(side.key) : undefined;
    let headers: Header[] | undefined;
    if (!topic && facts.titleTopic) {
      headers = headersAbove(grid, r, c);
      // The table's own total: a 合计 row, or a 合计 column right under its role (预算数 › 合计) —
      // not the 小计 of a sub-group (公务用车购置及运行费 › 小计).
      const total =
        (side && GRAND_TOTALS.includes(side.key)) ||
        (!side && GRAND_TOTALS.includes(headers[0]?.key) && ROLE_INDEX.has(headers[1]?.key ?? ''));
      if (total) topic = facts.titleTopic;
    }
    if (!topic) return;
    headers ??= headersAbove(grid, r, c);
    const role = roleOf(headers);
    if (!role) return;
    const input = TABLE_INPUTS[topic][role.role];
    if (!input) return;
    const beside = unitClue(grid, r, c + 1);
    const parsed = parseValue(inputDef(input), grid, r, c, beside ? [beside] : [], facts, () => headers!);
    if (!parsed) return;
    const subItem = side ? (grid.label(side.row, side.col)?.subItem ?? false) : false;
    const total = headers.find((h) => TOTAL_LABELS.includes(h.key));
    const labelText = side ? `${side.raw} × ${role.header.raw}` : `${role.header.raw} × ${total?.raw ?? '合计'}`;
    const labelAt = side ?? role.header;
    push(input, r, c, labelText, at(labelAt.row, labelAt.col), parsed, 'table', !subItem);
  }
}
