/**
 * readNames in one sync: every defined name of both scopes, and for each candidate the range it
 * refers to at workbook scope and at each sheet's scope (null objects where it does not exist).
 * Resolution then follows docs/inputs.md: workbook scope wins, a sheet-scoped name is found too.
 */
import type { DefinedName, NamedValue, NameScope } from '../../engine/types';
import type { NamesRead } from '../port';
import { cellAddress, parseAddress, type CellBox } from '../../engine/a1';
import type { ApiFeatures } from './apiSets';
import { toCellValue } from './cellValues';

/** One defined name as loaded from a NamedItemCollection. */
export interface NameRow {
  name: string;
  type: string;
  value: unknown;
  visible: boolean;
  scope: string;
  /** `=…`, only with ExcelApi 1.7. */
  formula?: string;
}

/** What the batch loaded about the range a candidate refers to (plain data, for testing). */
export interface RangeFacts {
  address: string;
  cellCount: number;
  topLeftValue: unknown;
  topLeftType?: string;
  topLeftFormat?: string;
  /** The top-left cell's formula (`=…`), or its value when it holds none. */
  topLeftFormula?: unknown;
  /** The merged areas inside the range (ExcelApi 1.13); undefined when unknown. */
  mergedAreas?: { address: string; areaCount: number } | null;
}

interface RangeProbe {
  range: Excel.Range;
  merged: Excel.RangeAreas | null;
}

function queueRangeProbe(item: Excel.NamedItem, features: ApiFeatures): RangeProbe {
  const range = item.getRangeOrNullObject();
  range.load('address,cellCount,values,valueTypes,numberFormat,formulas');
  const merged = features.mergedAreas ? range.getMergedAreasOrNullObject() : null;
  merged?.load('address,areaCount');
  return { range, merged };
}

function rangeFacts(probe: RangeProbe | undefined): RangeFacts | null {
  if (!probe || probe.range.isNullObject) return null;
  const { range, merged } = probe;
  return {
    address: range.address,
    cellCount: range.cellCount,
    topLeftValue: range.values[0]?.[0],
    topLeftType: (range.valueTypes[0]?.[0] as string | undefined) ?? undefined,
    topLeftFormat: range.numberFormat[0]?.[0] as string | undefined,
    topLeftFormula: range.formulas[0]?.[0],
    mergedAreas: merged
      ? merged.isNullObject
        ? null
        : { address: merged.address, areaCount: merged.areaCount }
      : undefined,
  };
}

function nameRows(collection: Excel.NamedItemCollection, features: ApiFeatures): NameRow[] {
  return collection.items.map((item) => ({
    name: item.name,
    type: item.type,
    value: item.value,
    visible: item.visible,
    scope: item.scope,
    formula: features.nameFormula ? (item.formula as string) : undefined,
  }));
}

export async function readNamesBatch(
  context: Excel.RequestContext,
  sheetNames: string[],
  candidates: string[],
  features: ApiFeatures,
): Promise<NamesRead> {
  const select =
    'items/name,items/type,items/value,items/visible,items/scope' + (features.nameFormula ? ',items/formula' : '');
  const workbookNames = context.workbook.names;
  workbookNames.load(select);
  const sheets = sheetNames.map((sheet) => {
    const names = context.workbook.worksheets.getItemOrNullObject(sheet).names;
    names.load(select);
    return { sheet, names, probes: new Map<string, RangeProbe>() };
  });
  const workbookProbes = new Map<string, RangeProbe>();
  for (const candidate of candidates) {
    workbookProbes.set(candidate, queueRangeProbe(workbookNames.getItemOrNullObject(candidate), features));
    for (const s of sheets) s.probes.set(candidate, queueRangeProbe(s.names.getItemOrNullObject(candidate), features));
  }

  await context.sync();

  // Excel on the web once listed workbook names under worksheet.names too (#1011): keep each scope's own.
  const workbookRows = nameRows(workbookNames, features).filter((row) => row.scope !== 'Worksheet');
  const sheetRows = sheets.map((s) => ({
    sheet: s.sheet,
    rows: s.names.isNullObject ? [] : nameRows(s.names, features).filter((row) => row.scope === 'Worksheet'),
  }));

  const all: DefinedName[] = [
    ...workbookRows.map((row) => definedName(row, { kind: 'workbook' })),
    ...sheetRows.flatMap(({ sheet, rows }) => rows.map((row) => definedName(row, { kind: 'worksheet', sheet }))),
  ];

  const values: Record<string, NamedValue> = {};
  for (const candidate of candidates) {
    const key = candidate.toLowerCase();
    const atWorkbook = workbookRows.find((row) => row.name.toLowerCase() === key);
    const onSheets = sheetRows
      .map(({ sheet, rows }) => ({ sheet, row: rows.find((row) => row.name.toLowerCase() === key) }))
      .filter((hit): hit is { sheet: string; row: NameRow } => hit.row !== undefined);
    if (atWorkbook) {
      const also = onSheets.map((hit) => hit.sheet);
      values[candidate] = resolveName(
        atWorkbook,
        { kind: 'workbook' },
        rangeFacts(workbookProbes.get(candidate)),
        also,
      );
    } else if (onSheets.length > 0) {
      const [first, ...rest] = onSheets;
      const probe = sheets.find((s) => s.sheet === first.sheet)?.probes.get(candidate);
      values[candidate] = resolveName(
        first.row,
        { kind: 'worksheet', sheet: first.sheet },
        rangeFacts(probe),
        rest.map((hit) => hit.sheet),
      );
    } else {
      values[candidate] = { kind: 'missing', name: candidate };
    }
  }
  return { all, values };
}

/** The name's reference text without '=', from `formula` (1.7) or rebuilt from type and value. */
export function refersToOf(row: NameRow): string {
  if (typeof row.formula === 'string') return row.formula.replace(/^=/, '');
  if (row.type === 'String') return '"' + String(row.value).replace(/"/g, '""') + '"';
  if (row.type === 'Boolean') return row.value ? 'TRUE' : 'FALSE';
  return String(row.value ?? '').replace(/^=/, '');
}

function definedName(row: NameRow, scope: NameScope): DefinedName {
  const name: DefinedName = { name: row.name, scope, refersTo: refersToOf(row) };
  if (!row.visible) name.hidden = true;
  return name;
}

const LITERAL =
  /^=\s*(?:[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|"(?:[^"]|"")*"|TRUE|FALSE|#(?:N\/A|DIV\/0!|VALUE!|NAME\?|NULL!|NUM!))\s*$/i;
const CONSTANT_TYPES = ['String', 'Integer', 'Double', 'Boolean'];

function isConstant(row: NameRow): boolean {
  if (typeof row.formula === 'string') return LITERAL.test(row.formula);
  return CONSTANT_TYPES.includes(row.type);
}

function sameBox(a: CellBox, b: CellBox): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

/** A range of several cells that is exactly one merged area reads as that area's top-left cell. */
function isOneMergedArea(facts: RangeFacts, box: CellBox): boolean {
  const merged = facts.mergedAreas;
  if (!merged || merged.areaCount !== 1) return false;
  const mergedBox = parseAddress(merged.address);
  return mergedBox !== null && sameBox(mergedBox, box);
}

/** One found name → NamedValue (rules of docs/inputs.md "Rules for reading a value"). */
export function resolveName(
  row: NameRow,
  scope: NameScope,
  facts: RangeFacts | null,
  alsoOnSheets: string[],
): NamedValue {
  const refersTo = refersToOf(row);
  const also = alsoOnSheets.length > 0 ? { alsoOnSheets } : {};
  const box = facts ? parseAddress(facts.address) : null;
  if (facts && box) {
    if (facts.cellCount > 1 && !isOneMergedArea(facts, box)) {
      return { kind: 'invalid-reference', name: row.name, scope, refersTo, problem: 'multi-cell', ...also };
    }
    const value: NamedValue = {
      kind: 'cell',
      name: row.name,
      scope,
      cell: `${box.sheet}!${cellAddress(box.top, box.left)}`,
      value: toCellValue(facts.topLeftValue, facts.topLeftType),
      ...also,
    };
    if (facts.topLeftFormat && facts.topLeftFormat !== 'General') value.numberFormat = facts.topLeftFormat;
    if (typeof facts.topLeftFormula === 'string' && facts.topLeftFormula.startsWith('=')) value.formula = true;
    return value;
  }
  if (/#REF!/i.test(refersTo) || (row.type === 'Error' && String(row.value).includes('#REF!'))) {
    return { kind: 'invalid-reference', name: row.name, scope, refersTo, problem: 'ref-error', ...also };
  }
  if (row.type !== 'Range' && isConstant(row)) {
    const value = row.type === 'Error' ? { error: String(row.value) } : toCellValue(row.value);
    return { kind: 'constant', name: row.name, scope, value, refersTo, ...also };
  }
  return { kind: 'invalid-reference', name: row.name, scope, refersTo, problem: 'not-a-range', ...also };
}
