/**
 * The Excel object types the fake implements: each scalar, navigation property and method with the
 * ExcelApi set @types/office-js gives it. Anything not listed throws "not implemented" so a test
 * never silently passes over an API the fake does not model.
 */
import { MAX_COLS, MAX_ROWS, cellCount, parseBox, splitRef, type Box } from './a1';
import { NULL, implOf, type Target } from './context';
import { officeError } from './errors';
import type { FakeExcel } from './index';
import {
  assertValidName,
  assertValidSheetName,
  evaluateName,
  FakeSheet,
  mergesTouching,
  nameFormula,
  parseNameFormula,
  type FakeName,
  type FakeWorkbook,
} from './model';
import {
  assertLive,
  assertWritable,
  clearRange,
  mergeRange,
  rangeAddress,
  readFormulas,
  readNumberFormat,
  readValues,
  readText,
  readValueTypes,
  styleCells,
  uniform,
  unmergeRange,
  usedBox,
  writeMatrix,
  type RangeRef,
} from './ranges';

type Host = FakeExcel;

export interface ScalarSpec {
  get: string;
  set?: string;
  read(target: Target, host: Host, where: string): unknown;
  write?(target: Target, value: unknown, host: Host, where: string): void;
}

export interface NavSpec {
  api: string;
  type: string;
  resolve(target: Target, host: Host): Target | typeof NULL;
}

export interface MethodSpec {
  api: string;
  /** The proxy type a navigation method returns; absent for an action. */
  returns?: string;
  failOnNullParent?: boolean;
  invoke(target: Target, args: unknown[], host: Host, where: string): Target | typeof NULL | void;
}

export interface TypeSpec {
  scalars?: Record<string, ScalarSpec>;
  navs?: Record<string, NavSpec>;
  methods?: Record<string, MethodSpec>;
  collection?: { itemType: string; enumerate(target: Target, host: Host): Target[] };
}

// ---------------------------------------------------------------------------------------------

interface NameScopeTarget {
  workbook: FakeWorkbook;
  sheet: FakeSheet | null;
}
interface BorderTarget {
  ref: RangeRef;
  index: string;
}
interface AreasTarget {
  sheet: FakeSheet;
  areas: Box[];
}

const ro = (get: string, read: ScalarSpec['read']): ScalarSpec => ({ get, read });
const rw = (
  get: string,
  set: string,
  read: ScalarSpec['read'],
  write: NonNullable<ScalarSpec['write']>,
): ScalarSpec => ({ get, set, read, write });

function sheetOfTarget(host: Host, sheet: FakeSheet, where: string): FakeSheet {
  assertLive(host.workbook, sheet, where);
  return sheet;
}

function rangeOf(host: Host, target: Target, where: string): RangeRef {
  const ref = target as RangeRef;
  assertLive(host.workbook, ref.sheet, where);
  return ref;
}

/** An argument that is a Range proxy → its resolved RangeRef. */
function rangeArg(value: unknown, where: string): RangeRef | undefined {
  const impl = implOf(value);
  if (!impl) return undefined;
  if (impl.type !== 'Range') throw officeError('InvalidArgument', `${where}: expected a Range.`, where);
  return impl.actionTarget(where) as RangeRef;
}

function assertStructure(workbook: FakeWorkbook, where: string): void {
  if (workbook.structureProtected) throw officeError('AccessDenied', 'The workbook structure is protected.', where);
}

function visibleSheets(workbook: FakeWorkbook): FakeSheet[] {
  return workbook.sheets.filter((s) => s.visibility === 'Visible');
}

function subRange(ref: RangeRef, box: Box, where: string): RangeRef {
  if (
    box.top < 0 ||
    box.left < 0 ||
    box.bottom >= MAX_ROWS ||
    box.right >= MAX_COLS ||
    box.bottom < box.top ||
    box.right < box.left
  ) {
    throw officeError('InvalidArgument', `${where}: outside the grid.`, where);
  }
  return { sheet: ref.sheet, box };
}

const BORDER_INDEXES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
];
const BORDER_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
const HORIZONTAL = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const VERTICAL = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];

function oneOf(value: unknown, allowed: string[], where: string): string {
  if (typeof value !== 'string' || !allowed.includes(value))
    throw officeError('InvalidArgument', `${where}: invalid value ${String(value)}.`, where);
  return value;
}

function colour(value: unknown, where: string): string {
  if (typeof value !== 'string' || !(/^#[0-9A-Fa-f]{6}$/.test(value) || /^[A-Za-z]+$/.test(value) || value === '')) {
    throw officeError('InvalidArgument', `${where}: invalid colour ${String(value)}.`, where);
  }
  return value;
}

/** Which cell edges a border index covers inside a box. */
function borderEdges(box: Box, index: string, r: number, c: number): ('top' | 'bottom' | 'left' | 'right')[] {
  const edges: ('top' | 'bottom' | 'left' | 'right')[] = [];
  if (index === 'EdgeTop' && r === box.top) edges.push('top');
  if (index === 'EdgeBottom' && r === box.bottom) edges.push('bottom');
  if (index === 'EdgeLeft' && c === box.left) edges.push('left');
  if (index === 'EdgeRight' && c === box.right) edges.push('right');
  // An inside border is the shared edge of two cells: both sides show it.
  if (index === 'InsideHorizontal' && r < box.bottom) edges.push('bottom');
  if (index === 'InsideHorizontal' && r > box.top) edges.push('top');
  if (index === 'InsideVertical' && c < box.right) edges.push('right');
  if (index === 'InsideVertical' && c > box.left) edges.push('left');
  return edges;
}

function lookupName(scope: NameScopeTarget, name: string): FakeName | undefined {
  const key = String(name).toLowerCase();
  const list = scope.sheet ? scope.sheet.names : scope.workbook.names;
  return list.find((n) => n.name.toLowerCase() === key);
}

function namedRange(host: Host, name: FakeName): RangeRef | null {
  const t = name.target;
  if (t.kind !== 'ref' || !host.workbook.isLive(t.sheet)) return null;
  return { sheet: t.sheet, box: t.box };
}

// ---------------------------------------------------------------------------------------------

export const TYPES: Record<string, TypeSpec> = {
  Workbook: {
    navs: {
      worksheets: { api: '1.1', type: 'WorksheetCollection', resolve: (wb) => wb },
      names: { api: '1.1', type: 'NamedItemCollection', resolve: (wb) => ({ workbook: wb, sheet: null }) },
      application: { api: '1.1', type: 'Application', resolve: (wb) => wb },
      protection: { api: '1.7', type: 'WorkbookProtection', resolve: (wb) => wb },
    },
  },

  Application: {
    methods: {
      suspendScreenUpdatingUntilNextSync: {
        api: '1.9',
        invoke: (_t, _a, host) => void host.screenUpdatingSuspensions++,
      },
    },
  },

  WorkbookProtection: {
    scalars: { protected: ro('1.7', (wb) => (wb as FakeWorkbook).structureProtected) },
  },

  WorksheetCollection: {
    collection: { itemType: 'Worksheet', enumerate: (wb) => [...(wb as FakeWorkbook).sheets] },
    methods: {
      getItem: {
        api: '1.1',
        returns: 'Worksheet',
        failOnNullParent: true,
        invoke: (wb, [key], _h, where) => {
          const w = wb as FakeWorkbook;
          const sheet = w.sheetNamed(String(key)) ?? w.sheets.find((s) => s.id === key);
          if (!sheet) throw officeError('ItemNotFound', `The worksheet "${String(key)}" does not exist.`, where);
          return sheet;
        },
      },
      getItemOrNullObject: {
        api: '1.4',
        returns: 'Worksheet',
        invoke: (wb, [key]) => {
          const w = wb as FakeWorkbook;
          return w.sheetNamed(String(key)) ?? w.sheets.find((s) => s.id === key) ?? NULL;
        },
      },
      getActiveWorksheet: {
        api: '1.1',
        returns: 'Worksheet',
        invoke: (wb, _a, _h, where) => {
          const active = (wb as FakeWorkbook).activeSheet;
          if (!active) throw officeError('ItemNotFound', 'No active worksheet.', where);
          return active;
        },
      },
      add: {
        api: '1.1',
        returns: 'Worksheet',
        invoke: (wb, [name], _h, where) => {
          const w = wb as FakeWorkbook;
          assertStructure(w, where);
          let sheetName = name === undefined || name === null ? '' : String(name);
          if (!sheetName) {
            let i = w.sheets.length + 1;
            while (w.sheetNamed(`Sheet${i}`)) i++;
            sheetName = `Sheet${i}`;
          }
          assertValidSheetName(sheetName);
          if (w.sheetNamed(sheetName))
            throw officeError('ItemAlreadyExists', `A sheet named "${sheetName}" already exists.`, where);
          const sheet = new FakeSheet(sheetName);
          w.sheets.push(sheet);
          return sheet;
        },
      },
    },
  },

  Worksheet: {
    scalars: {
      name: rw(
        '1.1',
        '1.1',
        (s) => (s as FakeSheet).name,
        (s, v, host, where) => {
          const sheet = sheetOfTarget(host, s as FakeSheet, where);
          const name = String(v);
          assertStructure(host.workbook, where);
          assertValidSheetName(name);
          const other = host.workbook.sheetNamed(name);
          if (other && other !== sheet)
            throw officeError('ItemAlreadyExists', `A sheet named "${name}" already exists.`, where);
          sheet.name = name;
        },
      ),
      id: ro('1.1', (s) => (s as FakeSheet).id),
      position: ro('1.1', (s, host) => host.workbook.sheets.indexOf(s as FakeSheet)),
      visibility: rw(
        '1.1',
        '1.2',
        (s) => (s as FakeSheet).visibility,
        (s, v, host, where) => {
          const sheet = sheetOfTarget(host, s as FakeSheet, where);
          const value = oneOf(v, ['Visible', 'Hidden', 'VeryHidden'], where) as FakeSheet['visibility'];
          assertStructure(host.workbook, where);
          if (value !== 'Visible' && sheet.visibility === 'Visible' && visibleSheets(host.workbook).length === 1) {
            throw officeError('InvalidOperation', 'A workbook must keep at least one visible sheet.', where);
          }
          sheet.visibility = value;
        },
      ),
      tabColor: rw(
        '1.7',
        '1.7',
        (s) => (s as FakeSheet).tabColor,
        (s, v, host, where) => {
          sheetOfTarget(host, s as FakeSheet, where).tabColor = colour(v, where);
        },
      ),
    },
    navs: {
      protection: { api: '1.2', type: 'WorksheetProtection', resolve: (s) => s },
      names: { api: '1.4', type: 'NamedItemCollection', resolve: (s, host) => ({ workbook: host.workbook, sheet: s }) },
      freezePanes: { api: '1.7', type: 'WorksheetFreezePanes', resolve: (s) => s },
      pageLayout: { api: '1.9', type: 'PageLayout', resolve: (s) => s },
    },
    methods: {
      getRange: {
        api: '1.1',
        returns: 'Range',
        invoke: (s, [address], host, where) => {
          const sheet = sheetOfTarget(host, s as FakeSheet, where);
          if (address === undefined || address === '')
            return { sheet, box: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } };
          const text = String(address);
          const split = splitRef(text);
          if (split && split.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
            throw officeError('InvalidArgument', `${where}: the address names another sheet.`, where);
          }
          const box = parseBox(split ? split.local : text);
          if (!box) throw officeError('InvalidArgument', `${where}: "${text}" is not a valid address.`, where);
          return { sheet, box };
        },
      },
      getRangeByIndexes: {
        api: '1.7',
        returns: 'Range',
        invoke: (s, [row, col, rows, cols], host, where) => {
          const sheet = sheetOfTarget(host, s as FakeSheet, where);
          const [r, c, n, m] = [row, col, rows, cols].map(Number);
          return subRange(
            { sheet, box: { top: 0, left: 0, bottom: 0, right: 0 } },
            { top: r, left: c, bottom: r + n - 1, right: c + m - 1 },
            where,
          );
        },
      },
      getCell: {
        api: '1.1',
        returns: 'Range',
        invoke: (s, [row, col], host, where) => {
          const sheet = sheetOfTarget(host, s as FakeSheet, where);
          const [r, c] = [Number(row), Number(col)];
          return subRange(
            { sheet, box: { top: 0, left: 0, bottom: 0, right: 0 } },
            { top: r, left: c, bottom: r, right: c },
            where,
          );
        },
      },
      getUsedRange: {
        api: '1.1',
        returns: 'Range',
        invoke: (s, [valuesOnly], host, where) => {
          if (valuesOnly !== undefined && !host.supports('1.2'))
            throw officeError('ApiNotFound', `${where}: valuesOnly needs ExcelApi 1.2.`, where);
          const sheet = sheetOfTarget(host, s as FakeSheet, where);
          return { sheet, box: usedBox(sheet, valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
        },
      },
      getUsedRangeOrNullObject: {
        api: '1.4',
        returns: 'Range',
        invoke: (s, [valuesOnly], host, where) => {
          const sheet = sheetOfTarget(host, s as FakeSheet, where);
          const box = usedBox(sheet, valuesOnly === true);
          return box ? { sheet, box } : NULL;
        },
      },
      activate: {
        api: '1.1',
        invoke: (s, _a, host, where) => {
          const sheet = sheetOfTarget(host, s as FakeSheet, where);
          if (sheet.visibility !== 'Visible')
            throw officeError('InvalidOperation', 'A hidden sheet cannot be activated.', where);
          host.workbook.activeSheet = sheet;
        },
      },
      delete: {
        api: '1.1',
        invoke: (s, _a, host, where) => {
          const sheet = sheetOfTarget(host, s as FakeSheet, where);
          assertStructure(host.workbook, where);
          if (sheet.visibility === 'VeryHidden')
            throw officeError('InvalidOperation', 'A very hidden sheet cannot be deleted.', where);
          if (sheet.visibility === 'Visible' && visibleSheets(host.workbook).length === 1) {
            throw officeError('InvalidOperation', 'The last visible sheet cannot be deleted.', where);
          }
          host.workbook.sheets = host.workbook.sheets.filter((x) => x !== sheet);
          if (host.workbook.activeSheet === sheet) host.workbook.activeSheet = visibleSheets(host.workbook)[0] ?? null;
        },
      },
    },
  },

  WorksheetProtection: {
    scalars: { protected: ro('1.2', (s) => (s as FakeSheet).protected) },
    methods: {
      protect: {
        api: '1.2',
        invoke: (s, [, password], host, where) => {
          if (password !== undefined && !host.supports('1.7'))
            throw officeError('ApiNotFound', `${where}: a password needs ExcelApi 1.7.`, where);
          const sheet = sheetOfTarget(host, s as FakeSheet, where);
          if (sheet.protected) throw officeError('InvalidOperation', 'The sheet is already protected.', where);
          sheet.protected = true;
        },
      },
      unprotect: {
        api: '1.2',
        invoke: (s, _a, host, where) => {
          sheetOfTarget(host, s as FakeSheet, where).protected = false;
        },
      },
    },
  },

  WorksheetFreezePanes: {
    methods: {
      freezeRows: {
        api: '1.7',
        invoke: (s, [count], host, where) => {
          const n = count === undefined ? 1 : Number(count);
          if (!Number.isInteger(n) || n < 0)
            throw officeError('InvalidArgument', `${where}: invalid row count.`, where);
          sheetOfTarget(host, s as FakeSheet, where).freezeRows = n;
        },
      },
      unfreeze: {
        api: '1.7',
        invoke: (s, _a, host, where) => {
          sheetOfTarget(host, s as FakeSheet, where).freezeRows = 0;
        },
      },
    },
  },

  PageLayout: {
    scalars: {
      orientation: rw(
        '1.9',
        '1.9',
        (s) => (s as FakeSheet).page.orientation,
        (s, v, host, where) => {
          sheetOfTarget(host, s as FakeSheet, where).page.orientation = oneOf(v, ['Portrait', 'Landscape'], where);
        },
      ),
      zoom: rw(
        '1.9',
        '1.9',
        (s) => ({ ...(s as FakeSheet).page.zoom }),
        (s, v, host, where) => {
          if (typeof v !== 'object' || v === null)
            throw officeError('InvalidArgument', `${where}: zoom must be an object.`, where);
          const z = v as Record<string, unknown>;
          for (const key of Object.keys(z)) {
            if (!['horizontalFitToPages', 'verticalFitToPages', 'scale'].includes(key))
              throw officeError('InvalidArgument', `${where}: unknown ${key}.`, where);
          }
          if (z.scale !== undefined && (Number(z.scale) < 10 || Number(z.scale) > 400))
            throw officeError('InvalidArgument', `${where}: scale out of range.`, where);
          sheetOfTarget(host, s as FakeSheet, where).page.zoom = { ...z };
        },
      ),
    },
    methods: {
      setPrintTitleRows: {
        api: '1.9',
        invoke: (s, [rows], host, where) => {
          const sheet = sheetOfTarget(host, s as FakeSheet, where);
          const ref = rangeArg(rows, where);
          const text = ref ? rangeAddress(ref).split('!')[1] : String(rows);
          const box = parseBox(text);
          if (!box || box.left !== 0 || box.right !== MAX_COLS - 1)
            throw officeError('InvalidArgument', `${where}: "${text}" is not a row range.`, where);
          sheet.page.printTitleRows = text.replace(/\$/g, '');
        },
      },
    },
  },

  NamedItemCollection: {
    collection: {
      itemType: 'NamedItem',
      enumerate: (scope) => {
        const s = scope as NameScopeTarget;
        return [...(s.sheet ? s.sheet.names : s.workbook.names)];
      },
    },
    methods: {
      getItem: {
        api: '1.1',
        returns: 'NamedItem',
        failOnNullParent: true,
        invoke: (scope, [name], _h, where) => {
          const found = lookupName(scope as NameScopeTarget, String(name));
          if (!found) throw officeError('ItemNotFound', `The name "${String(name)}" does not exist.`, where);
          return found;
        },
      },
      getItemOrNullObject: {
        api: '1.4',
        returns: 'NamedItem',
        invoke: (scope, [name]) => lookupName(scope as NameScopeTarget, String(name)) ?? NULL,
      },
      add: {
        api: '1.4',
        returns: 'NamedItem',
        invoke: (scope, [name, reference, comment], host, where) => {
          const s = scope as NameScopeTarget;
          const text = String(name);
          assertValidName(text);
          if (lookupName(s, text)) throw officeError('ItemAlreadyExists', `The name "${text}" already exists.`, where);
          const ref = rangeArg(reference, where);
          if (ref) assertLive(host.workbook, ref.sheet, where);
          const target = ref
            ? { kind: 'ref' as const, sheet: ref.sheet, box: ref.box }
            : parseNameFormula(host.workbook, String(reference), s.sheet);
          const item: FakeName = {
            name: text,
            target,
            visible: true,
            comment: comment === undefined ? '' : String(comment),
            sheet: s.sheet,
            added: host.current,
          };
          (s.sheet ? s.sheet.names : s.workbook.names).push(item);
          return item;
        },
      },
    },
  },

  NamedItem: {
    scalars: {
      name: ro('1.1', (n) => (n as FakeName).name),
      type: ro('1.1', (n, host, where) => {
        const t = evaluateName(host.workbook, n as FakeName).type;
        if (t === 'Array' && !host.supports('1.7'))
          throw officeError('ApiNotFound', `${where}: Array needs ExcelApi 1.7.`, where);
        return t;
      }),
      value: ro('1.1', (n, host) => evaluateName(host.workbook, n as FakeName).value),
      visible: rw(
        '1.1',
        '1.1',
        (n) => (n as FakeName).visible,
        (n, v, host) => {
          const name = n as FakeName;
          // Hiding is ignored in the batch that adds the name and on names this run did not add
          // (#3878: `visible = false` on an existing name, and #3949: `set({ formula, visible: false })`,
          // leave it visible; `add`, sync, then `visible = false`, sync, hides it). Showing always works.
          if (!v && name.visible) {
            const { added } = name;
            const now = host.current;
            if (!added || !now || added.context !== now.context || added.sync >= now.sync) return;
          }
          name.visible = Boolean(v);
        },
      ),
      scope: ro('1.4', (n) => ((n as FakeName).sheet ? 'Worksheet' : 'Workbook')),
      comment: rw(
        '1.4',
        '1.4',
        (n) => (n as FakeName).comment,
        (n, v) => {
          (n as FakeName).comment = String(v);
        },
      ),
      formula: rw(
        '1.7',
        '1.7',
        (n, host) => nameFormula(host.workbook, n as FakeName),
        (n, v, host, where) => {
          const name = n as FakeName;
          if (typeof v !== 'string' || !v.startsWith('='))
            throw officeError('InvalidArgument', `${where}: a formula starts with '='.`, where);
          name.target = parseNameFormula(host.workbook, v, name.sheet);
        },
      ),
    },
    navs: {
      worksheetOrNullObject: { api: '1.4', type: 'Worksheet', resolve: (n) => (n as FakeName).sheet ?? NULL },
    },
    methods: {
      getRange: {
        api: '1.1',
        returns: 'Range',
        failOnNullParent: true,
        invoke: (n, _a, host, where) => {
          const ref = namedRange(host, n as FakeName);
          if (!ref)
            throw officeError(
              'InvalidArgument',
              `The name "${(n as FakeName).name}" does not refer to a range.`,
              where,
            );
          return ref;
        },
      },
      getRangeOrNullObject: {
        api: '1.4',
        returns: 'Range',
        invoke: (n, _a, host) => namedRange(host, n as FakeName) ?? NULL,
      },
      delete: {
        api: '1.4',
        invoke: (n, _a, host) => {
          const name = n as FakeName;
          if (name.sheet) name.sheet.names.splice(name.sheet.names.indexOf(name), 1);
          else host.workbook.names.splice(host.workbook.names.indexOf(name), 1);
        },
      },
    },
  },

  Range: {
    scalars: {
      address: ro('1.1', (r, host, where) => rangeAddress(rangeOf(host, r, where))),
      values: rw(
        '1.1',
        '1.1',
        (r, host, where) => readValues(rangeOf(host, r, where)),
        (r, v, host, where) => writeMatrix(rangeOf(host, r, where), v, 'values'),
      ),
      formulas: rw(
        '1.1',
        '1.1',
        (r, host, where) => readFormulas(rangeOf(host, r, where)),
        (r, v, host, where) => writeMatrix(rangeOf(host, r, where), v, 'formulas'),
      ),
      numberFormat: rw(
        '1.1',
        '1.1',
        (r, host, where) => readNumberFormat(rangeOf(host, r, where)),
        (r, v, host, where) => writeMatrix(rangeOf(host, r, where), v, 'numberFormat'),
      ),
      valueTypes: ro('1.1', (r, host, where) => readValueTypes(rangeOf(host, r, where))),
      text: ro('1.1', (r, host, where) => readText(rangeOf(host, r, where))),
      cellCount: ro('1.1', (r) => cellCount((r as RangeRef).box)),
      rowCount: ro('1.1', (r) => (r as RangeRef).box.bottom - (r as RangeRef).box.top + 1),
      columnCount: ro('1.1', (r) => (r as RangeRef).box.right - (r as RangeRef).box.left + 1),
      rowIndex: ro('1.1', (r) => (r as RangeRef).box.top),
      columnIndex: ro('1.1', (r) => (r as RangeRef).box.left),
      columnHidden: rw(
        '1.2',
        '1.2',
        (r) => {
          const { sheet, box } = r as RangeRef;
          const states = new Set<boolean>();
          for (let c = box.left; c <= box.right && states.size < 2; c++) states.add(sheet.hiddenColumns.has(c));
          return states.size === 1 ? [...states][0] : null;
        },
        (r, v, host, where) => {
          const ref = rangeOf(host, r, where);
          if (ref.box.top !== 0 || ref.box.bottom !== MAX_ROWS - 1) {
            // Excel hides the columns of any range; the fake keeps the model simple and says so.
            if (ref.box.bottom - ref.box.top > 0)
              throw new Error('FakeExcel: columnHidden is modelled on whole columns or the whole sheet only');
          }
          assertWritable(ref, where, false);
          for (let c = ref.box.left; c <= ref.box.right; c++) {
            if (v) ref.sheet.hiddenColumns.add(c);
            else ref.sheet.hiddenColumns.delete(c);
          }
        },
      ),
    },
    navs: {
      worksheet: { api: '1.1', type: 'Worksheet', resolve: (r) => (r as RangeRef).sheet },
      format: { api: '1.1', type: 'RangeFormat', resolve: (r) => r },
    },
    methods: {
      clear: {
        api: '1.1',
        invoke: (r, [applyTo], host, where) =>
          clearRange(rangeOf(host, r, where), applyTo === undefined ? 'All' : String(applyTo)),
      },
      merge: { api: '1.2', invoke: (r, [across], host, where) => mergeRange(rangeOf(host, r, where), across === true) },
      unmerge: { api: '1.2', invoke: (r, _a, host, where) => unmergeRange(rangeOf(host, r, where)) },
      getCell: {
        api: '1.1',
        returns: 'Range',
        invoke: (r, [row, col], host, where) => {
          const ref = rangeOf(host, r, where);
          const top = ref.box.top + Number(row);
          const left = ref.box.left + Number(col);
          return subRange(ref, { top, left, bottom: top, right: left }, where);
        },
      },
      getResizedRange: {
        api: '1.2',
        returns: 'Range',
        invoke: (r, [dr, dc], host, where) => {
          const ref = rangeOf(host, r, where);
          return subRange(
            ref,
            { ...ref.box, bottom: ref.box.bottom + Number(dr), right: ref.box.right + Number(dc) },
            where,
          );
        },
      },
      getEntireColumn: {
        api: '1.1',
        returns: 'Range',
        invoke: (r, _a, host, where) => {
          const ref = rangeOf(host, r, where);
          return subRange(ref, { ...ref.box, top: 0, bottom: MAX_ROWS - 1 }, where);
        },
      },
      getEntireRow: {
        api: '1.1',
        returns: 'Range',
        invoke: (r, _a, host, where) => {
          const ref = rangeOf(host, r, where);
          return subRange(ref, { ...ref.box, left: 0, right: MAX_COLS - 1 }, where);
        },
      },
      // d.ts: "Gets the range object that represents the rectangular intersection of the given ranges.
      // If no intersection is found, then this method returns a null object." Argument: Range or address.
      getIntersectionOrNullObject: {
        api: '1.4',
        returns: 'Range',
        invoke: (r, [other], host, where) => {
          const ref = rangeOf(host, r, where);
          const arg = rangeArg(other, where);
          let box: Box | null;
          if (arg) {
            if (arg.sheet !== ref.sheet)
              throw officeError('InvalidArgument', `${where}: ranges on different sheets.`, where);
            box = arg.box;
          } else {
            const split = splitRef(String(other));
            if (split && split.sheet.toLowerCase() !== ref.sheet.name.toLowerCase())
              throw officeError('InvalidArgument', `${where}: the address names another sheet.`, where);
            box = parseBox(split ? split.local : String(other));
            if (!box)
              throw officeError('InvalidArgument', `${where}: "${String(other)}" is not a valid address.`, where);
          }
          const cut = {
            top: Math.max(ref.box.top, box.top),
            left: Math.max(ref.box.left, box.left),
            bottom: Math.min(ref.box.bottom, box.bottom),
            right: Math.min(ref.box.right, box.right),
          };
          return cut.top > cut.bottom || cut.left > cut.right ? NULL : { sheet: ref.sheet, box: cut };
        },
      },
      getUsedRangeOrNullObject: {
        api: '1.4',
        returns: 'Range',
        invoke: (r, [valuesOnly], host, where) => {
          const ref = rangeOf(host, r, where);
          const used = usedBox(ref.sheet, valuesOnly === true);
          if (!used) return NULL;
          const box = {
            top: Math.max(used.top, ref.box.top),
            left: Math.max(used.left, ref.box.left),
            bottom: Math.min(used.bottom, ref.box.bottom),
            right: Math.min(used.right, ref.box.right),
          };
          return box.top > box.bottom || box.left > box.right ? NULL : { sheet: ref.sheet, box };
        },
      },
      getMergedAreasOrNullObject: {
        api: '1.13',
        returns: 'RangeAreas',
        invoke: (r, _a, host, where) => {
          const ref = rangeOf(host, r, where);
          const areas = mergesTouching(ref.sheet, ref.box);
          return areas.length > 0 ? { sheet: ref.sheet, areas } : NULL;
        },
      },
    },
  },

  RangeAreas: {
    scalars: {
      address: ro('1.9', (a) => {
        const t = a as AreasTarget;
        return t.areas.map((box) => rangeAddress({ sheet: t.sheet, box })).join(',');
      }),
      areaCount: ro('1.9', (a) => (a as AreasTarget).areas.length),
      cellCount: ro('1.9', (a) => (a as AreasTarget).areas.reduce((n, box) => n + cellCount(box), 0)),
    },
  },

  RangeFormat: {
    scalars: {
      wrapText: rw(
        '1.1',
        '1.1',
        (r, host, where) => uniform(rangeOf(host, r, where), (c) => c?.style.wrap ?? false),
        (r, v, host, where) =>
          styleCells(rangeOf(host, r, where), where, (s) => {
            s.wrap = Boolean(v);
          }),
      ),
      horizontalAlignment: rw(
        '1.1',
        '1.1',
        (r, host, where) => uniform(rangeOf(host, r, where), (c) => c?.style.horizontal ?? 'General'),
        (r, v, host, where) => {
          const value = oneOf(v, HORIZONTAL, where);
          styleCells(rangeOf(host, r, where), where, (s) => {
            s.horizontal = value;
          });
        },
      ),
      verticalAlignment: rw(
        '1.1',
        '1.1',
        (r, host, where) => uniform(rangeOf(host, r, where), (c) => c?.style.vertical ?? 'Bottom'),
        (r, v, host, where) => {
          const value = oneOf(v, VERTICAL, where);
          styleCells(rangeOf(host, r, where), where, (s) => {
            s.vertical = value;
          });
        },
      ),
      columnWidth: rw(
        '1.2',
        '1.2',
        (r, host, where) => {
          const { sheet, box } = rangeOf(host, r, where);
          const widths = new Set<number>();
          for (let c = box.left; c <= box.right && widths.size < 2; c++) widths.add(sheet.columnWidths.get(c) ?? 48);
          return widths.size === 1 ? [...widths][0] : null;
        },
        (r, v, host, where) => {
          const ref = rangeOf(host, r, where);
          if (typeof v !== 'number' || v < 0) throw officeError('InvalidArgument', `${where}: invalid width.`, where);
          assertWritable(ref, where, false);
          for (let c = ref.box.left; c <= ref.box.right; c++) ref.sheet.columnWidths.set(c, v);
        },
      ),
      rowHeight: rw(
        '1.2',
        '1.2',
        (r, host, where) => {
          const { sheet, box } = rangeOf(host, r, where);
          const heights = new Set<number>();
          for (let i = box.top; i <= box.bottom && heights.size < 2; i++) heights.add(sheet.rowHeights.get(i) ?? 15);
          return heights.size === 1 ? [...heights][0] : null;
        },
        (r, v, host, where) => {
          const ref = rangeOf(host, r, where);
          if (typeof v !== 'number' || v < 0 || v > 409)
            throw officeError('InvalidArgument', `${where}: invalid height.`, where);
          assertWritable(ref, where, false);
          for (let i = ref.box.top; i <= ref.box.bottom; i++) ref.sheet.rowHeights.set(i, v);
        },
      ),
    },
    navs: {
      font: { api: '1.1', type: 'RangeFont', resolve: (r) => r },
      fill: { api: '1.1', type: 'RangeFill', resolve: (r) => r },
      borders: { api: '1.1', type: 'RangeBorderCollection', resolve: (r) => r },
      protection: { api: '1.2', type: 'FormatProtection', resolve: (r) => r },
    },
  },

  RangeFont: {
    scalars: {
      bold: rw(
        '1.1',
        '1.1',
        (r, host, where) => uniform(rangeOf(host, r, where), (c) => c?.style.bold ?? false),
        (r, v, host, where) =>
          styleCells(rangeOf(host, r, where), where, (s) => {
            s.bold = Boolean(v);
          }),
      ),
      size: rw(
        '1.1',
        '1.1',
        (r, host, where) => uniform(rangeOf(host, r, where), (c) => c?.style.size ?? 11),
        (r, v, host, where) => {
          if (typeof v !== 'number' || v < 1 || v > 409)
            throw officeError('InvalidArgument', `${where}: invalid size.`, where);
          styleCells(rangeOf(host, r, where), where, (s) => {
            s.size = v;
          });
        },
      ),
      color: rw(
        '1.1',
        '1.1',
        (r, host, where) => uniform(rangeOf(host, r, where), (c) => c?.style.fontColor ?? '#000000'),
        (r, v, host, where) => {
          const value = colour(v, where);
          styleCells(rangeOf(host, r, where), where, (s) => {
            s.fontColor = value;
          });
        },
      ),
    },
  },

  RangeFill: {
    scalars: {
      color: rw(
        '1.1',
        '1.1',
        (r, host, where) => uniform(rangeOf(host, r, where), (c) => c?.style.fill ?? null),
        (r, v, host, where) => {
          const value = colour(v, where);
          styleCells(rangeOf(host, r, where), where, (s) => {
            s.fill = value;
          });
        },
      ),
    },
  },

  FormatProtection: {
    scalars: {
      locked: rw(
        '1.2',
        '1.2',
        (r, host, where) => uniform(rangeOf(host, r, where), (c) => c?.locked ?? true),
        (r, v, host, where) =>
          styleCells(rangeOf(host, r, where), where, (_s, cell) => {
            cell.locked = Boolean(v);
          }),
      ),
    },
  },

  RangeBorderCollection: {
    methods: {
      getItem: {
        api: '1.1',
        returns: 'RangeBorder',
        invoke: (r, [index], _h, where) => ({ ref: r as RangeRef, index: oneOf(index, BORDER_INDEXES, where) }),
      },
    },
  },

  RangeBorder: {
    scalars: {
      style: rw(
        '1.1',
        '1.1',
        () => {
          throw new Error('FakeExcel: reading RangeBorder.style is not modelled');
        },
        (b, v, host, where) => {
          const { ref, index } = b as BorderTarget;
          const value = oneOf(v, BORDER_STYLES, where);
          styleCells(rangeOf(host, ref, where), where, (s, _cell, r, c) => {
            for (const edge of borderEdges(ref.box, index, r, c)) {
              s.borders = { ...s.borders, [edge]: value };
            }
          });
        },
      ),
      weight: rw(
        '1.1',
        '1.1',
        () => {
          throw new Error('FakeExcel: reading RangeBorder.weight is not modelled');
        },
        (_b, v, _host, where) => {
          oneOf(v, ['Hairline', 'Thin', 'Medium', 'Thick'], where);
        },
      ),
    },
  },
};
