/**
 * The workbook behind the fake: sheets of cells (value, formula, number format, a few styles),
 * merges, column widths, and defined names of both scopes. Built from a WorkbookFixture and dumped
 * back into one, so the port contract suite can compare adapters.
 *
 * The fake does not calculate: a formula keeps the cached value the fixture gave it, a formula
 * written through the API has none (reads as empty). Names are evaluated only as far as Excel's
 * NamedItem.type/value need: references, #REF!, literals; anything else reads as #VALUE!.
 */
import type { CellValue } from '../../../src/engine/types';
import type { FixtureCell, FixtureName, FixtureSheet, WorkbookFixture } from '../fixture';
import { boxText, cellName, intersects, parseBox, sheetRef, splitRef, type Box } from './a1';
import { officeError } from './errors';

export interface CellStyle {
  bold?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  horizontal?: string;
  vertical?: string;
  borders?: Partial<Record<'top' | 'bottom' | 'left' | 'right', string>>;
}

export interface FakeCell {
  value: CellValue;
  /** With '='. */
  formula?: string;
  numberFormat: string;
  style: CellStyle;
  locked: boolean;
}

let nextSheetId = 1;

export class FakeSheet {
  readonly id = `{FAKE-SHEET-${nextSheetId++}}`;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  protected = false;
  readonly cells = new Map<string, FakeCell>();
  merges: Box[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  /** Sheet-scoped names. */
  readonly names: FakeName[] = [];
  freezeRows = 0;
  tabColor = '';
  readonly page: { orientation: string; zoom: Record<string, unknown>; printTitleRows: string | null } = {
    orientation: 'Portrait',
    zoom: { scale: 100 },
    printTitleRows: null,
  };

  constructor(public name: string) {}

  peek(r: number, c: number): FakeCell | undefined {
    return this.cells.get(`${r},${c}`);
  }

  cell(r: number, c: number): FakeCell {
    let cell = this.peek(r, c);
    if (!cell) {
      cell = { value: null, numberFormat: 'General', style: {}, locked: true };
      this.cells.set(`${r},${c}`, cell);
    }
    return cell;
  }

  /** Stored cells inside a box (the fake never materialises empty cells it does not need). */
  *cellsIn(box: Box): Generator<[number, number, FakeCell]> {
    for (const [key, cell] of this.cells) {
      const [r, c] = key.split(',').map(Number);
      if (r >= box.top && r <= box.bottom && c >= box.left && c <= box.right) yield [r, c, cell];
    }
  }
}

/** A reference a defined name holds; the sheet is an object so a rename follows and a delete gives #REF!. */
export type NameTarget = { kind: 'ref'; sheet: FakeSheet; box: Box } | { kind: 'text'; text: string };

export interface FakeName {
  name: string;
  target: NameTarget;
  visible: boolean;
  comment: string;
  /** null = workbook scope. */
  sheet: FakeSheet | null;
  /** Which context added it through the API, in which of the fake's syncs (for hiding, see NamedItem.visible). */
  added?: { context: unknown; sync: number };
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  /** Workbook-scoped names. */
  names: FakeName[] = [];
  structureProtected = false;
  activeSheet: FakeSheet | null = null;

  sheetNamed(name: string): FakeSheet | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  isLive(sheet: FakeSheet): boolean {
    return this.sheets.includes(sheet);
  }
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

/** Parses a name's formula (with or without '=') against the workbook's sheets. */
export function parseNameFormula(workbook: FakeWorkbook, formula: string, scopeSheet: FakeSheet | null): NameTarget {
  const text = formula.replace(/^=/, '').trim();
  const split = splitRef(text);
  if (split) {
    const box = parseBox(split.local);
    const sheet = workbook.sheetNamed(split.sheet);
    if (box && sheet) return { kind: 'ref', sheet, box };
  } else if (scopeSheet) {
    const box = parseBox(text);
    if (box) return { kind: 'ref', sheet: scopeSheet, box };
  }
  return { kind: 'text', text };
}

export function nameFormula(workbook: FakeWorkbook, name: FakeName): string {
  const t = name.target;
  if (t.kind === 'text') return '=' + t.text;
  if (!workbook.isLive(t.sheet)) return `=#REF!${boxText(t.box, true)}`;
  return `=${sheetRef(t.sheet.name)}!${boxText(t.box, true)}`;
}

const ERROR_LITERAL = /^#(?:N\/A|DIV\/0!|VALUE!|NAME\?|NULL!|NUM!|REF!)$/i;

/** NamedItem.type and .value as Excel reports them (for a range: its address). */
export function evaluateName(workbook: FakeWorkbook, name: FakeName): { type: string; value: unknown } {
  const t = name.target;
  if (t.kind === 'ref') {
    if (!workbook.isLive(t.sheet)) return { type: 'Error', value: '#REF!' };
    return { type: 'Range', value: `${sheetRef(t.sheet.name)}!${boxText(t.box, true)}` };
  }
  const text = t.text.trim();
  if (/#REF!/i.test(text)) return { type: 'Error', value: '#REF!' };
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) {
    const n = Number(text);
    return { type: Number.isInteger(n) ? 'Integer' : 'Double', value: n };
  }
  const str = /^"((?:[^"]|"")*)"$/.exec(text);
  if (str) return { type: 'String', value: str[1].replace(/""/g, '"') };
  if (/^(TRUE|FALSE)$/i.test(text)) return { type: 'Boolean', value: text.toUpperCase() === 'TRUE' };
  if (ERROR_LITERAL.test(text)) return { type: 'Error', value: text.toUpperCase() };
  return { type: 'Error', value: '#VALUE!' };
}

/** Excel's name rules, roughly: a letter, _ or \ first, no spaces, not a cell reference. */
export function assertValidName(name: string): void {
  const ok =
    name.length > 0 &&
    name.length <= 255 &&
    /^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[RrCc]$/.test(name) &&
    !/^[Rr]\d*[Cc]\d*$/.test(name);
  if (!ok) throw officeError('InvalidArgument', `The name "${name}" is not valid.`, 'NamedItemCollection.add');
}

/** Sheet names: 1–31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function assertValidSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw officeError('InvalidArgument', `The sheet name "${name}" is not valid.`, 'Worksheet.name');
  }
}

// ---------------------------------------------------------------------------------------------
// Fixture in and out
// ---------------------------------------------------------------------------------------------

function asFixtureCell(raw: CellValue | FixtureCell): FixtureCell {
  if (raw === null || typeof raw !== 'object' || 'error' in raw) return { value: raw };
  return raw;
}

export function workbookFromFixture(fixture: WorkbookFixture): FakeWorkbook {
  const workbook = new FakeWorkbook();
  for (const fs of fixture.sheets) {
    const sheet = new FakeSheet(fs.name);
    sheet.visibility =
      fs.visibility === 'hidden' ? 'Hidden' : fs.visibility === 'veryHidden' ? 'VeryHidden' : 'Visible';
    sheet.protected = fs.protected ?? false;
    for (const [address, raw] of Object.entries(fs.cells)) {
      const box = parseBox(address);
      if (!box) throw new Error(`fake fixture: bad address ${address}`);
      const c = asFixtureCell(raw);
      const cell = sheet.cell(box.top, box.left);
      cell.value = c.value ?? null;
      if (c.formula) cell.formula = c.formula.startsWith('=') ? c.formula : '=' + c.formula;
      if (c.numberFormat) cell.numberFormat = c.numberFormat;
    }
    for (const m of fs.merges ?? []) {
      const box = parseBox(m);
      if (!box) throw new Error(`fake fixture: bad merge ${m}`);
      sheet.merges.push(box);
    }
    workbook.sheets.push(sheet);
  }
  workbook.activeSheet = workbook.sheets.find((s) => s.visibility === 'Visible') ?? null;
  for (const fn of fixture.names) {
    const scope = fn.sheet === undefined ? null : (workbook.sheetNamed(fn.sheet) ?? null);
    if (fn.sheet !== undefined && !scope) throw new Error(`fake fixture: name ${fn.name} on unknown sheet ${fn.sheet}`);
    const name: FakeName = {
      name: fn.name,
      target: parseNameFormula(workbook, fn.refersTo, scope),
      visible: !fn.hidden,
      comment: '',
      sheet: scope,
    };
    (scope ? scope.names : workbook.names).push(name);
  }
  return workbook;
}

function dumpCell(cell: FakeCell): FixtureCell | null {
  const out: FixtureCell = {};
  if (cell.formula) out.formula = cell.formula;
  if (cell.value !== null) out.value = cell.value;
  if (cell.numberFormat !== 'General') out.numberFormat = cell.numberFormat;
  return Object.keys(out).length > 0 ? out : null;
}

export function fixtureFromWorkbook(workbook: FakeWorkbook): WorkbookFixture {
  const sheets: FixtureSheet[] = workbook.sheets.map((sheet) => {
    const entries = [...sheet.cells.entries()]
      .map(([key, cell]) => {
        const [r, c] = key.split(',').map(Number);
        return { r, c, cell: dumpCell(cell) };
      })
      .filter((e): e is { r: number; c: number; cell: FixtureCell } => e.cell !== null)
      .sort((a, b) => a.r - b.r || a.c - b.c);
    const cells: Record<string, FixtureCell> = {};
    for (const e of entries) cells[cellName(e.r, e.c)] = e.cell;
    const out: FixtureSheet = { name: sheet.name, cells };
    if (sheet.merges.length > 0) out.merges = sheet.merges.map((m) => boxText(m));
    if (sheet.visibility !== 'Visible') out.visibility = sheet.visibility === 'Hidden' ? 'hidden' : 'veryHidden';
    if (sheet.protected) out.protected = true;
    return out;
  });
  const dumpName = (n: FakeName): FixtureName => {
    const out: FixtureName = { name: n.name, refersTo: nameFormula(workbook, n).slice(1) };
    if (n.sheet) out.sheet = n.sheet.name;
    if (!n.visible) out.hidden = true;
    return out;
  };
  const names = [...workbook.names.map(dumpName), ...workbook.sheets.flatMap((s) => s.names.map(dumpName))];
  return { sheets, names };
}

/** Merges intersecting a box (what unmerge removes and getMergedAreas reports). */
export function mergesTouching(sheet: FakeSheet, box: Box): Box[] {
  return sheet.merges.filter((m) => intersects(m, box));
}
