/**
 * Test helpers for layouts: the values a host would show (a formula cell shows its cached value),
 * cell lookup by A1 address, and a tiny evaluator for the formulas our sheets write (SUM, SUMIF,
 * ROUND, IF, COUNTBLANK, MAX, MATCH, INDEX, arithmetic, comparisons, &), so that a test can check that a live formula
 * reproduces the engine's number after the clerk types into the sheet.
 */
import type { CellValue } from '../../src/engine/types';
import type { LayoutCell, SheetLayout } from '../../src/sheets/layout';
import { cellAddress } from '../../src/engine/a1';

/** The grid as CellValue[][] (what WorkbookPort.readState returns for an owned sheet). */
export function layoutValues(layout: SheetLayout): CellValue[][] {
  const width = Math.max(0, ...layout.rows.map((r) => r.length));
  return layout.rows.map((row) => Array.from({ length: width }, (_, c) => (row[c]?.value ?? null) as CellValue));
}

export function cellAt(layout: SheetLayout, address: string): LayoutCell | null {
  const { row, col } = parseAddress(address);
  return layout.rows[row]?.[col] ?? null;
}

export function parseAddress(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`bad address ${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Finds the first cell whose value equals `value`. */
export function findCell(
  layout: SheetLayout,
  value: string,
): { row: number; col: number; address: string } | undefined {
  for (let r = 0; r < layout.rows.length; r++) {
    const c = layout.rows[r].findIndex((cell) => cell?.value === value);
    if (c >= 0) return { row: r, col: c, address: cellAddress(r, c) };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// A tiny formula evaluator
// ---------------------------------------------------------------------------------------------

type Value = number | string | boolean | null;
type Range = { range: Value[] };
type Arg = Value | Range;

/** Evaluates `formula` (with leading '=') against `grid`; formula cells of the grid are evaluated recursively. */
export function evaluateFormula(formula: string, layout: SheetLayout, overrides: Record<string, Value> = {}): Value {
  const valueOf = (address: string, depth: number): Value => {
    if (address in overrides) return overrides[address];
    const cell = cellAt(layout, address);
    if (!cell) return null;
    if (cell.formula) {
      if (depth > 20) throw new Error('formula cycle');
      return new Parser(cell.formula.slice(1), (a) => valueOf(a, depth + 1)).parse();
    }
    const v = cell.value;
    return v === undefined || v === '' ? (v === '' ? '' : null) : v;
  };
  return new Parser(formula.replace(/^=/, ''), (a) => valueOf(a, 0)).parse();
}

const num = (v: Value): number =>
  typeof v === 'number'
    ? v
    : typeof v === 'boolean'
      ? Number(v)
      : v === null || v === ''
        ? 0
        : Number.isFinite(Number(v))
          ? Number(v)
          : NaN;

/** Excel's ROUND: half away from zero, on the decimal representation. */
function round(x: number, digits: number): number {
  const factor = 10 ** digits;
  const shifted = Number((Math.abs(x) * factor).toPrecision(15));
  return (Math.sign(x) * Math.round(shifted)) / factor;
}

function matches(v: Value, criterion: Value): boolean {
  const c = String(criterion ?? '');
  const m = /^(<>|>=|<=|=|>|<)?(.*)$/.exec(c) as RegExpExecArray;
  const op = m[1] ?? '=';
  const target = m[2];
  const isNum = target !== '' && Number.isFinite(Number(target));
  const left = v === null ? '' : v;
  if (op === '=' || op === '<>') {
    const eq = isNum ? typeof left === 'number' && left === Number(target) : String(left) === target;
    return op === '=' ? eq : !eq;
  }
  if (typeof left !== 'number' || !isNum) return false;
  const t = Number(target);
  return op === '>' ? left > t : op === '<' ? left < t : op === '>=' ? left >= t : left <= t;
}

class Parser {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly cell: (address: string) => Value,
  ) {}

  parse(): Value {
    const v = this.comparison();
    this.skip();
    if (this.i < this.s.length) throw new Error(`unexpected ${this.s.slice(this.i)}`);
    return this.scalar(v);
  }

  private skip(): void {
    while (this.s[this.i] === ' ') this.i++;
  }

  private scalar(v: Arg): Value {
    if (v !== null && typeof v === 'object') return v.range[0] ?? null;
    return v;
  }

  private comparison(): Arg {
    let left = this.concat();
    for (;;) {
      this.skip();
      const m = /^(<>|>=|<=|=|>|<)/.exec(this.s.slice(this.i));
      if (!m) return left;
      this.i += m[1].length;
      const a = this.scalar(left);
      const b = this.scalar(this.concat());
      const [x, y] =
        typeof a === 'number' || typeof b === 'number' ? [num(a), num(b)] : [String(a ?? ''), String(b ?? '')];
      left =
        m[1] === '='
          ? x === y
          : m[1] === '<>'
            ? x !== y
            : m[1] === '>='
              ? x >= y
              : m[1] === '<='
                ? x <= y
                : m[1] === '>'
                  ? x > y
                  : x < y;
    }
  }

  private concat(): Arg {
    let left = this.additive();
    for (;;) {
      this.skip();
      if (this.s[this.i] !== '&') return left;
      this.i++;
      left = String(this.scalar(left) ?? '') + String(this.scalar(this.additive()) ?? '');
    }
  }

  private additive(): Arg {
    let left = this.term();
    for (;;) {
      this.skip();
      const op = this.s[this.i];
      if (op !== '+' && op !== '-') return left;
      this.i++;
      const r = num(this.scalar(this.term()));
      left = op === '+' ? num(this.scalar(left)) + r : num(this.scalar(left)) - r;
    }
  }

  private term(): Arg {
    let left = this.factor();
    for (;;) {
      this.skip();
      const op = this.s[this.i];
      if (op !== '*' && op !== '/') return left;
      this.i++;
      const r = num(this.scalar(this.factor()));
      left = op === '*' ? num(this.scalar(left)) * r : num(this.scalar(left)) / r;
    }
  }

  private factor(): Arg {
    this.skip();
    const rest = this.s.slice(this.i);
    if (rest[0] === '(') {
      this.i++;
      const v = this.comparison();
      this.expect(')');
      return v;
    }
    if (rest[0] === '-') {
      this.i++;
      return -num(this.scalar(this.factor()));
    }
    if (rest[0] === '"') {
      const end = this.s.indexOf('"', this.i + 1);
      const v = this.s.slice(this.i + 1, end);
      this.i = end + 1;
      return v;
    }
    let m = /^\d+(\.\d+)?/.exec(rest);
    if (m) {
      this.i += m[0].length;
      return Number(m[0]);
    }
    m = /^([A-Z]+\d+):([A-Z]+\d+)/.exec(rest);
    if (m) {
      this.i += m[0].length;
      return { range: this.range(m[1], m[2]) };
    }
    m = /^([A-Z]+)\(/.exec(rest);
    if (m) {
      this.i += m[0].length;
      const args: Arg[] = [];
      this.skip();
      if (this.s[this.i] !== ')') {
        for (;;) {
          args.push(this.comparison());
          this.skip();
          if (this.s[this.i] === ',') this.i++;
          else break;
        }
      }
      this.expect(')');
      return this.call(m[1], args);
    }
    m = /^[A-Z]+\d+/.exec(rest);
    if (m) {
      this.i += m[0].length;
      return this.cell(m[0]);
    }
    throw new Error(`cannot parse ${rest}`);
  }

  private expect(ch: string): void {
    this.skip();
    if (this.s[this.i] !== ch) throw new Error(`expected ${ch} at ${this.s.slice(this.i)}`);
    this.i++;
  }

  private range(from: string, to: string): Value[] {
    const a = parseAddress(from);
    const b = parseAddress(to);
    const out: Value[] = [];
    for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) out.push(this.cell(cellAddress(r, c)));
    return out;
  }

  private call(name: string, args: Arg[]): Value {
    const list = (a: Arg): Value[] => (a !== null && typeof a === 'object' ? a.range : [a]);
    switch (name) {
      case 'SUM':
        return args.flatMap(list).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
      case 'SUMIF': {
        const crit = list(args[0]);
        const sum = args[2] !== undefined ? list(args[2]) : crit;
        const c = this.scalar(args[1]);
        return crit.reduce<number>(
          (s, v, k) => s + (matches(v, c) && typeof sum[k] === 'number' ? (sum[k] as number) : 0),
          0,
        );
      }
      case 'COUNTBLANK':
        return list(args[0]).filter((v) => v === null || v === '').length;
      case 'ROUND':
        return round(num(this.scalar(args[0])), num(this.scalar(args[1])));
      case 'MAX':
        return Math.max(...args.flatMap(list).filter((v): v is number => typeof v === 'number'));
      case 'MATCH': {
        // Type 1 only (what our sheets write): the last position whose value is <= the lookup value.
        const target = num(this.scalar(args[0]));
        const values = list(args[1]);
        let at = -1;
        values.forEach((v, k) => {
          if (typeof v === 'number' && v <= target) at = k;
        });
        if (at < 0) throw new Error('#N/A');
        return at + 1;
      }
      case 'INDEX':
        return list(args[0])[num(this.scalar(args[1])) - 1] ?? null;
      case 'IF':
        return this.scalar(args[0]) ? this.scalar(args[1]) : args.length > 2 ? this.scalar(args[2]) : false;
      default:
        throw new Error(`unknown function ${name}`);
    }
  }
}
