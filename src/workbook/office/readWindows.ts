/**
 * readWindows: for each asked sheet, the part of its top-left window (LOCATE_WINDOW) that the sheet
 * uses — values, valueTypes, text, numberFormat — and the merged areas there (ExcelApi 1.13; none
 * reported without it). Reading only window ∩ used range keeps the payload to the cells the clerk
 * filled: at most 20,000 cells per sheet, far below Excel on the web's 5 MB response limit for the
 * workbooks we see (tens of sheets of a few hundred labelled rows; test/workbook/office.windows.test.ts
 * measures 30).
 *
 * Syncs: ONE in the normal case. The asked sheets come from a readState of the same inspection, so
 * each is taken with worksheets.getItem — a missing sheet is not a null object there: getItem fails
 * the whole (read-only) batch with ItemNotFound (docs; office-js-notes §4). Only then the sheet list is
 * read and the windows of the sheets that still exist are read in a second batch (two more syncs).
 * No method is ever called on a possible null object (office-js-notes §2: what Excel does then is
 * undocumented): the OrNullObject results are loaded and tested, never navigated from.
 *
 * To read windows inside another batch (e.g. together with the names), queue them with queueWindow
 * on sheets known to exist and turn each probe into a SheetSnapshot with windowSnapshot after the sync.
 */
import { LOCATE_WINDOW, type SheetSnapshot, type SnapshotCell, type WindowSize } from '../../engine/locator/snapshot';
import { columnLetter, parseAddress, type CellBox } from '../../engine/a1';
import type { ApiFeatures } from './apiSets';
import { toCellValue } from './cellValues';

/** The window's A1 address, `A1:AN500`. */
function windowArea(window: WindowSize): string {
  return `A1:${columnLetter(window.columns - 1)}${window.rows}`;
}

/** A queued read of one sheet's window: turn it into a SheetSnapshot with windowSnapshot after the sync. */
export interface WindowProbe {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  part: Excel.Range;
  merged: Excel.RangeAreas | null;
  window: WindowSize;
}

/**
 * Queues the reads for one sheet's window. `sheet` must be a sheet that exists (a getItem proxy, or
 * one found in a loaded worksheet list): only OrNullObject results are created from it, and loaded.
 */
export function queueWindow(
  sheet: Excel.Worksheet,
  features: ApiFeatures,
  window: WindowSize = LOCATE_WINDOW,
): WindowProbe {
  sheet.load('name'); // the sheet's own spelling (getItem ignores case)
  // The whole used range tells whether the sheet goes on beyond the window (truncated); an empty sheet is null.
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('address');
  const box = sheet.getRange(windowArea(window));
  const part = box.getUsedRangeOrNullObject(true);
  part.load('address,values,valueTypes,text,numberFormat');
  const merged = features.mergedAreas ? box.getMergedAreasOrNullObject() : null;
  merged?.load('address');
  return { sheet, used, part, merged, window };
}

/** Reads the windows of `sheets` (each assumed to exist) in one sync. */
async function readKnownSheets(
  context: Excel.RequestContext,
  sheets: string[],
  features: ApiFeatures,
  window: WindowSize,
): Promise<SheetSnapshot[]> {
  if (sheets.length === 0) return [];
  const worksheets = context.workbook.worksheets;
  const probes = sheets.map((name) => queueWindow(worksheets.getItem(name), features, window));
  await context.sync();
  return probes.map(windowSnapshot);
}

/**
 * Cells of windows read in one batch when a batch was refused as too large: ~54 bytes a cell
 * (measured on the strict fake with figures and short labels) makes 40,000 cells about 2 MB, well
 * under Excel on the web's 5 MB response limit.
 */
export const WINDOW_BATCH_CELLS = 40_000;

/** Excel on the web refused a batch for its request or response size (docs: resource limits). */
export function isPayloadLimit(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/**
 * The windows of `sheets` (each known to exist) in parts: one sync for the address of each window's
 * used part, then batches of at most WINDOW_BATCH_CELLS cells (a batch still refused, e.g. long texts,
 * is halved down to one sheet). Only after one batch was refused: the normal case stays one batch.
 */
export async function readWindowsInParts(
  context: Excel.RequestContext,
  sheets: string[],
  features: ApiFeatures,
  window: WindowSize = LOCATE_WINDOW,
): Promise<SheetSnapshot[]> {
  if (sheets.length === 0) return [];
  const parts = sheets.map((name) => {
    const part = context.workbook.worksheets.getItem(name).getRange(windowArea(window)).getUsedRangeOrNullObject(true);
    part.load('address');
    return { name, part };
  });
  await context.sync();
  const groups: string[][] = [];
  let group: string[] = [];
  let cells = 0;
  for (const { name, part } of parts) {
    const box = part.isNullObject ? null : parseAddress(part.address);
    const count = box ? (box.bottom - box.top + 1) * (box.right - box.left + 1) : 0;
    if (group.length > 0 && cells + count > WINDOW_BATCH_CELLS) {
      groups.push(group);
      group = [];
      cells = 0;
    }
    group.push(name);
    cells += count;
  }
  if (group.length > 0) groups.push(group);

  const read = async (names: string[]): Promise<SheetSnapshot[]> => {
    try {
      return await readKnownSheets(context, names, features, window);
    } catch (error) {
      if (names.length === 1 || !isPayloadLimit(error)) throw error;
      const half = Math.ceil(names.length / 2);
      return [...(await read(names.slice(0, half))), ...(await read(names.slice(half)))];
    }
  };
  const snapshots: SheetSnapshot[] = [];
  for (const names of groups) snapshots.push(...(await read(names)));
  return snapshots;
}

/** One sync when every asked sheet exists; otherwise ItemNotFound (see readWindowsListed). */
export function readWindowsBatch(
  context: Excel.RequestContext,
  sheets: string[],
  features: ApiFeatures,
  window: WindowSize = LOCATE_WINDOW,
): Promise<SheetSnapshot[]> {
  const unique = [...new Set(sheets)];
  return readKnownSheets(context, unique, features, window).catch((error: unknown) => {
    if (!isPayloadLimit(error)) throw error;
    return readWindowsInParts(context, unique, features, window);
  });
}

/** Two syncs: the sheet list, then the windows of the asked sheets that exist (in the order asked). */
export async function readWindowsListed(
  context: Excel.RequestContext,
  sheets: string[],
  features: ApiFeatures,
  window: WindowSize = LOCATE_WINDOW,
): Promise<SheetSnapshot[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const existing = worksheets.items.map((ws) => ws.name);
  const found = sheets.flatMap((asked) => existing.filter((name) => name.toLowerCase() === asked.toLowerCase()));
  return readKnownSheets(context, [...new Set(found)], features, window);
}

/** The SheetSnapshot a WindowProbe loaded (after its sync). */
export function windowSnapshot({ sheet, used, part, merged, window }: WindowProbe): SheetSnapshot {
  const snapshot: SheetSnapshot = { sheet: sheet.name, cells: [], merges: [], truncated: false };
  if (used.isNullObject) return snapshot;
  const usedBox = parseAddress(used.address);
  snapshot.truncated = !!usedBox && (usedBox.bottom >= window.rows || usedBox.right >= window.columns);
  if (part.isNullObject) return snapshot;
  const box = parseAddress(part.address);
  if (!box) return snapshot;
  const cells: (SnapshotCell | null)[][] = Array.from({ length: box.bottom + 1 }, () => []);
  for (let r = box.top; r <= box.bottom; r++) {
    const row = cells[r];
    for (let c = box.left; c <= box.right; c++) {
      const i = r - box.top;
      const j = c - box.left;
      const value = toCellValue(part.values[i]?.[j], part.valueTypes[i]?.[j] as string | undefined);
      if (value === null) continue;
      const cell: SnapshotCell = { value };
      const text = part.text[i]?.[j];
      if (typeof text === 'string' && text !== String(value)) cell.text = text;
      const format = part.numberFormat[i]?.[j];
      if (typeof format === 'string' && format !== 'General') cell.numberFormat = format;
      while (row.length < c) row.push(null);
      row[c] = cell;
    }
  }
  while (cells.length && cells[cells.length - 1].length === 0) cells.pop();
  snapshot.cells = cells;
  if (merged && !merged.isNullObject) snapshot.merges = mergedBoxes(merged.address);
  return snapshot;
}

/** `Sheet!A1:D1,Sheet!A2:D2` → boxes. */
function mergedBoxes(address: string): CellBox[] {
  return address
    .split(',')
    .map((a) => parseAddress(a))
    .filter((b): b is NonNullable<typeof b> => b !== null)
    .map(({ top, left, bottom, right }) => ({ top, left, bottom, right }));
}
