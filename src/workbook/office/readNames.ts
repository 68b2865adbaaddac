/**
 * Reading defined names without ever calling a method on an object that may be a null object before
 * its isNullObject is known (nothing documents what Excel does then: office-js-notes §2, #3566, #263):
 * names are listed through their collections (workbook.names, each known sheet's names), a name's
 * range is found from its listed value (for a range name, its address: docs NamedItem.value) on a sheet
 * known to exist, and only what judges a candidate is loaded: the range's address and cell count, its
 * top-left cell and its merged areas. A candidate on a whole column costs one cell, not a million.
 * Resolution then follows docs/inputs.md: workbook scope wins, a sheet-scoped name is found too.
 */
import type { DefinedName, NamedValue, NameScope } from '../../engine/types';
import type { NamesRead } from '../port';
import { cellAddress, parseAddress, splitSheet, type CellBox } from '../../engine/a1';
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

/** The properties loaded for every name of a collection. */
export function nameSelect(features: ApiFeatures): string {
  return 'items/name,items/type,items/value,items/visible,items/scope' + (features.nameFormula ? ',items/formula' : '');
}

export function nameRows(collection: Excel.NamedItemCollection, features: ApiFeatures): NameRow[] {
  return collection.items.map((item) => ({
    name: item.name,
    type: item.type,
    value: item.value,
    visible: item.visible,
    scope: item.scope,
    formula: features.nameFormula ? (item.formula as string) : undefined,
  }));
}

/** Cells, ranges, whole columns or rows: what worksheet.getRange accepts (a bad address would fail the whole batch). */
const RANGE_LOCAL =
  /^(?:\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)$/;

/**
 * Where a listed range name points: its sheet (one of `sheetNames`, in their spelling) and local
 * address, or null (not a range, several areas, another workbook, a deleted sheet).
 */
export function rangeTarget(row: NameRow, sheetNames: readonly string[]): { sheet: string; local: string } | null {
  if (row.type !== 'Range') return null;
  // The listed value first (docs: a range name's value is its address), then the formula (1.7) when the
  // value is not an address of a known sheet.
  for (const text of [row.value, row.formula]) {
    if (typeof text !== 'string' || text === '') continue;
    const { sheet, local } = splitSheet(text);
    if (!sheet || !RANGE_LOCAL.test(local)) continue;
    const known = sheetNames.find((name) => name.toLowerCase() === sheet.toLowerCase());
    if (known !== undefined) return { sheet: known, local };
  }
  return null;
}

/** A queued read of one range's facts: read it with factsOf after the sync. */
export interface FactsProbe {
  range: Excel.Range;
  topLeft: Excel.Range;
  merged: Excel.RangeAreas | null;
}

/** Queues what judges a range: address, cell count, top-left cell, merged areas (1.13). */
export function queueFacts(sheet: Excel.Worksheet, local: string, features: ApiFeatures): FactsProbe {
  const range = sheet.getRange(local);
  range.load('address,cellCount');
  const topLeft = range.getCell(0, 0);
  topLeft.load('values,valueTypes,numberFormat,formulas');
  const merged = features.mergedAreas ? range.getMergedAreasOrNullObject() : null;
  merged?.load('address,areaCount');
  return { range, topLeft, merged };
}

/** The facts a FactsProbe loaded (after its sync). */
export function factsOf({ range, topLeft, merged }: FactsProbe): RangeFacts {
  return {
    address: range.address,
    cellCount: range.cellCount,
    topLeftValue: topLeft.values[0]?.[0],
    topLeftType: (topLeft.valueTypes[0]?.[0] as string | undefined) ?? undefined,
    topLeftFormat: topLeft.numberFormat[0]?.[0] as string | undefined,
    topLeftFormula: topLeft.formulas[0]?.[0],
    mergedAreas: merged
      ? merged.isNullObject
        ? null
        : { address: merged.address, areaCount: merged.areaCount }
      : undefined,
  };
}

/** Worksheet proxies by name, one per sheet and batch. */
export function sheetProxies(context: Excel.RequestContext): (name: string) => Excel.Worksheet {
  const proxies = new Map<string, Excel.Worksheet>();
  return (name) => {
    let sheet = proxies.get(name);
    if (!sheet) {
      sheet = context.workbook.worksheets.getItem(name);
      proxies.set(name, sheet);
    }
    return sheet;
  };
}

/** Every name listed: workbook scope, and per sheet its own names (Excel on the web once listed workbook names there too, #1011). */
export interface ListedNames {
  workbook: NameRow[];
  sheets: { sheet: string; rows: NameRow[] }[];
}

export function scopedRows(rows: NameRow[], scope: 'Workbook' | 'Worksheet'): NameRow[] {
  return rows.filter((row) => (scope === 'Workbook' ? row.scope !== 'Worksheet' : row.scope === 'Worksheet'));
}

/** Which listed name a candidate resolves to: workbook scope first, else the first sheet defining it. */
export function pickCandidate(
  listed: ListedNames,
  candidate: string,
): { row: NameRow; scope: NameScope; also: string[] } | null {
  const key = candidate.toLowerCase();
  const atWorkbook = listed.workbook.find((row) => row.name.toLowerCase() === key);
  const onSheets = listed.sheets.flatMap(({ sheet, rows }) => {
    const row = rows.find((r) => r.name.toLowerCase() === key);
    return row ? [{ sheet, row }] : [];
  });
  if (atWorkbook) return { row: atWorkbook, scope: { kind: 'workbook' }, also: onSheets.map((hit) => hit.sheet) };
  if (onSheets.length === 0) return null;
  const [first, ...rest] = onSheets;
  return { row: first.row, scope: { kind: 'worksheet', sheet: first.sheet }, also: rest.map((hit) => hit.sheet) };
}

/**
 * The NamesRead for `candidates` from the listed names and the facts read for them (by lower-cased
 * name + scope key, see factsKey).
 */
export function namesRead(
  listed: ListedNames,
  candidates: string[],
  facts: (key: string) => RangeFacts | null,
): NamesRead {
  const all: DefinedName[] = [
    ...listed.workbook.map((row) => definedName(row, { kind: 'workbook' })),
    ...listed.sheets.flatMap(({ sheet, rows }) => rows.map((row) => definedName(row, { kind: 'worksheet', sheet }))),
  ];
  const values: Record<string, NamedValue> = {};
  for (const candidate of candidates) {
    const hit = pickCandidate(listed, candidate);
    values[candidate] = hit
      ? resolveName(hit.row, hit.scope, facts(factsKey(hit.row.name, hit.scope)), hit.also)
      : { kind: 'missing', name: candidate };
  }
  return { all, values };
}

export function factsKey(name: string, scope: NameScope): string {
  return (scope.kind === 'workbook' ? '' : scope.sheet.toLowerCase()) + '!' + name.toLowerCase();
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
  // A whole column (`A:A`) has no cell box but many cells: multi-cell too.
  if (facts && facts.cellCount > 1 && !(box && isOneMergedArea(facts, box))) {
    return { kind: 'invalid-reference', name: row.name, scope, refersTo, problem: 'multi-cell', ...also };
  }
  if (facts && box) {
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

/**
 * readNames after readState: the names come from the snapshot (listed there, or here in the first
 * sync), the facts of each resolved candidate from the prefetch or from this batch. Syncs: none when
 * readState read everything ahead; one otherwise; two when the sheets' names had to be listed here
 * and a candidate exists only at sheet scope.
 */
export async function readNamesBatch(
  context: Excel.RequestContext,
  known: {
    state: { sheets: { name: string }[] };
    workbookNames: Map<string, NameRow>;
    listed?: ListedNames;
    facts: Map<string, RangeFacts>;
  },
  candidates: string[],
  features: ApiFeatures,
): Promise<NamesRead> {
  const sheetNames = known.state.sheets.map((s) => s.name);
  const sheet = sheetProxies(context);
  const facts = new Map(known.facts);
  const pending = new Map<string, FactsProbe>();
  const want = (hit: { row: NameRow; scope: NameScope } | null) => {
    if (!hit) return;
    const key = factsKey(hit.row.name, hit.scope);
    if (facts.has(key) || pending.has(key)) return;
    const target = rangeTarget(hit.row, sheetNames);
    if (target) pending.set(key, queueFacts(sheet(target.sheet), target.local, features));
  };
  const flush = async () => {
    await context.sync();
    for (const [key, probe] of pending) facts.set(key, factsOf(probe));
    pending.clear();
  };

  let listed = known.listed;
  if (!listed) {
    const workbook = [...known.workbookNames.values()];
    const lists = sheetNames.map((name) => {
      const names = sheet(name).names;
      names.load(nameSelect(features));
      return { sheet: name, names };
    });
    // Workbook scope wins, so those candidates' facts can be read while the sheets' names are listed.
    for (const candidate of candidates) want(pickCandidate({ workbook, sheets: [] }, candidate));
    await flush();
    listed = {
      workbook,
      sheets: lists.map(({ sheet: name, names }) => ({
        sheet: name,
        rows: scopedRows(nameRows(names, features), 'Worksheet'),
      })),
    };
  }
  for (const candidate of candidates) want(pickCandidate(listed, candidate));
  if (pending.size > 0) await flush();
  return namesRead(listed, candidates, (key) => facts.get(key) ?? null);
}
