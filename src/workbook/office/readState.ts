/**
 * readState in one Excel.run of at most two syncs, never calling a method on a possible null object:
 *   1. the sheets (visibility, protection), workbook protection and every workbook-scoped name;
 *      a mark (a hidden workbook name on A1 of one of our sheets) is resolved from its listed value;
 *   2. on sheets now known to exist: the used values of our marked sheets (inside a bounded window),
 *      whether the probed sheets are empty and, when asked to prefetch, each sheet's own names and
 *      the facts of the workbook's range names, so that the job's readNames usually needs no sync;
 *      and, when asked (a WindowRequest), the locator windows of the sheets windowSheets picks from the
 *      names listed in step 1 — so the proposals and the units of named amounts cost no sync of their own.
 */
import type { OwnedSheet, SheetInfo, WindowRequest, WorkbookState } from '../port';
import { windowSheets } from '../windowPlan';
import { isPayloadLimit, queueWindow, readWindowsInParts, windowSnapshot } from './readWindows';
import type { SheetSnapshot } from '../../engine/locator/snapshot';
import { parseAddress } from '../../engine/a1';
import type { ApiFeatures } from './apiSets';
import { gridFromA1 } from './cellValues';
import { OUR_MARKS } from '../../sheets/names';
import {
  factsKey,
  factsOf,
  nameRows,
  nameSelect,
  queueFacts,
  rangeTarget,
  scopedRows,
  sheetProxies,
  type FactsProbe,
  type ListedNames,
  type NameRow,
  type RangeFacts,
} from './readNames';

export interface StateSnapshot {
  state: WorkbookState;
  /** Workbook structure protection (false when ExcelApi 1.7 is missing and it cannot be known). */
  workbookProtected: boolean;
  /** Workbook-scoped names as listed, by lower-cased name: write adds the others and re-points these. */
  workbookNames: Map<string, NameRow>;
  /** Lower-cased names of the sheets any of our marks points at: the only ones write may replace (or empty ones). */
  ourSheets: Set<string>;
  /** Names of both scopes, when the sheets' own names were listed too (prefetch). */
  listed?: ListedNames;
  /** Facts of range names read ahead, by factsKey. */
  facts: Map<string, RangeFacts>;
}

const VISIBILITY: Record<string, SheetInfo['visibility']> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

/**
 * Our sheets are read inside this window, far beyond what we write (the sample: 107 rows and 10 columns
 * at most, the settings sheet's record of a long report a few hundred rows), and bounded so that stray
 * values far away on all five of our sheets cannot push one response past Excel on the web's 5 MB: an
 * empty cell costs ~11 bytes (`values` + `valueTypes`), so 80,000 cells ≈ 0.9 MB a sheet, ≈ 4.4 MB for
 * five (test/workbook/office.payload.test.ts). Whatever lies beyond was never ours to keep: the write
 * clears our sheets whole.
 */
export const OWNED_WINDOW = 'A1:T4000';

/** Range names whose facts readState reads ahead, at most (a workbook with thousands of names reads candidates only). */
export const PREFETCH_LIMIT = 400;

export interface ReadStateOptions {
  probeEmpty?: string[];
  /** List every sheet's names and read the workbook's range names ahead (the job's readNames follows). */
  prefetch?: boolean;
  /** Read these locator windows too (workbook/windowPlan.ts); state.windows is then set. */
  windows?: WindowRequest;
}

export async function readStateBatch(
  context: Excel.RequestContext,
  marks: string[],
  features: ApiFeatures,
  options: ReadStateOptions = {},
): Promise<StateSnapshot> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility,items/protection/protected');
  const workbookProtection = features.workbookProtection ? context.workbook.protection : null;
  workbookProtection?.load('protected');
  const workbookNameList = context.workbook.names;
  workbookNameList.load(nameSelect(features));

  await context.sync();

  const sheets: SheetInfo[] = worksheets.items.map((ws) => ({
    name: ws.name,
    visibility: VISIBILITY[ws.visibility] ?? 'visible',
    protected: ws.protection.protected,
  }));
  const sheetNames = sheets.map((s) => s.name);
  const workbookRows = scopedRows(nameRows(workbookNameList, features), 'Workbook');
  const workbookNames = new Map(workbookRows.map((row) => [row.name.toLowerCase(), row]));

  // Every role's mark is resolved, so write knows our sheets even when asked for fewer marks.
  const ourSheets = new Set<string>();
  const markedSheets = new Map<string, string>();
  for (const mark of new Set([...marks, ...OUR_MARKS])) {
    const row = workbookNames.get(mark.toLowerCase());
    const target = row ? rangeTarget(row, sheetNames) : null;
    if (!target) continue;
    ourSheets.add(target.sheet.toLowerCase());
    if (marks.includes(mark)) markedSheets.set(mark, target.sheet);
  }
  const probes = (options.probeEmpty ?? [])
    .map((name) => sheetNames.find((s) => s.toLowerCase() === name.toLowerCase()))
    .filter((name): name is string => name !== undefined);

  const snapshot: StateSnapshot = {
    state: { sheets, owned: {} },
    workbookProtected: workbookProtection ? workbookProtection.protected : false,
    workbookNames,
    ourSheets,
    facts: new Map(),
  };
  const windowed = options.windows
    ? windowSheets(
        options.windows,
        workbookRows.map((row) => ({ name: row.name, sheet: rangeTarget(row, sheetNames)?.sheet })),
        sheetNames,
      )
    : [];
  if (options.windows) snapshot.state.windows = [];
  if (markedSheets.size === 0 && probes.length === 0 && !options.prefetch && windowed.length === 0) return snapshot;

  const sheet = sheetProxies(context);
  // The second batch; queued again without the windows when Excel on the web refuses it as too large.
  const queueSecond = () => {
    const owned = [...markedSheets].map(([mark, name]) => {
      const used = sheet(name).getRange(OWNED_WINDOW).getUsedRangeOrNullObject(true);
      used.load('address,values,valueTypes');
      return { mark, name, used };
    });
    const emptiness = probes.map((name) => {
      const used = sheet(name).getUsedRangeOrNullObject(true);
      used.load('address');
      return { name, used };
    });
    const lists = options.prefetch
      ? sheetNames.map((name) => {
          const names = sheet(name).names;
          names.load(nameSelect(features));
          return { sheet: name, names };
        })
      : [];
    const ahead = new Map<string, FactsProbe>();
    if (options.prefetch) {
      const ranges = workbookRows.flatMap((row) => {
        const target = rangeTarget(row, sheetNames);
        return target ? [{ row, target }] : [];
      });
      if (ranges.length <= PREFETCH_LIMIT) {
        for (const { row, target } of ranges) {
          ahead.set(factsKey(row.name, { kind: 'workbook' }), queueFacts(sheet(target.sheet), target.local, features));
        }
      }
    }
    return { owned, emptiness, lists, ahead };
  };

  let second = queueSecond();
  const windows = windowed.map((name) => queueWindow(sheet(name), features));
  let windowSnapshots: SheetSnapshot[];
  try {
    await context.sync();
    windowSnapshots = windows.map(windowSnapshot);
  } catch (error) {
    // Many full sheets without names can pass Excel on the web's 5 MB response limit in one batch
    // (measured on the strict fake: ~54 bytes a cell, 20 sheets of 500 × 26 cells = 13 MB). The batch
    // only read, so it is sent again without the windows, which are then read in parts.
    if (windowed.length === 0 || !isPayloadLimit(error)) throw error;
    second = queueSecond();
    await context.sync();
    windowSnapshots = await readWindowsInParts(context, windowed, features);
  }
  const { owned, emptiness, lists, ahead } = second;

  if (options.windows) snapshot.state.windows = windowSnapshots;
  for (const { mark, name, used } of owned) {
    const box = used.isNullObject ? null : parseAddress(used.address);
    const values: OwnedSheet['values'] = box ? gridFromA1(box, used.values, used.valueTypes as string[][]) : [];
    snapshot.state.owned[mark] = { sheet: name, values };
  }
  const empty = new Map(emptiness.map((e) => [e.name, e.used.isNullObject]));
  for (const info of sheets) {
    const isEmpty = empty.get(info.name);
    if (isEmpty !== undefined) info.empty = isEmpty;
  }
  if (options.prefetch) {
    snapshot.listed = {
      workbook: workbookRows,
      sheets: lists.map(({ sheet: name, names }) => ({
        sheet: name,
        rows: scopedRows(nameRows(names, features), 'Worksheet'),
      })),
    };
    for (const [key, probe] of ahead) snapshot.facts.set(key, factsOf(probe));
  }
  return snapshot;
}
