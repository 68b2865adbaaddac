/**
 * readWindows in one sync: for each sheet, the part of its top-left window (LOCATE_WINDOW) that the
 * sheet uses — values, valueTypes, text, numberFormat — and the merged areas there (ExcelApi 1.13;
 * none reported without it). Reading only window ∩ used range keeps the payload to the cells the
 * clerk filled: at most 20,000 cells per sheet, far below Excel on the web's 5 MB response limit
 * for the workbooks we see (tens of sheets of a few hundred labelled rows).
 */
import { LOCATE_WINDOW, type SheetSnapshot, type SnapshotCell, type WindowSize } from '../../engine/locator/snapshot';
import { columnLetter, parseAddress, type CellBox } from '../../engine/a1';
import type { ApiFeatures } from './apiSets';
import { toCellValue } from './cellValues';

interface WindowProbe {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  part: Excel.Range;
  merged: Excel.RangeAreas | null;
}

export async function readWindowsBatch(
  context: Excel.RequestContext,
  sheets: string[],
  features: ApiFeatures,
  window: WindowSize = LOCATE_WINDOW,
): Promise<SheetSnapshot[]> {
  const windowAddress = `A1:${columnLetter(window.columns - 1)}${window.rows}`;
  const probes: WindowProbe[] = sheets.map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load('name');
    // Null propagates: a missing sheet or an empty one gives null objects, never a failed batch.
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('address');
    const part = used.getIntersectionOrNullObject(windowAddress);
    part.load('address,values,valueTypes,text,numberFormat');
    const merged = features.mergedAreas ? part.getMergedAreasOrNullObject() : null;
    merged?.load('address');
    return { sheet, used, part, merged };
  });

  await context.sync();

  const out: SheetSnapshot[] = [];
  for (const probe of probes) {
    if (probe.sheet.isNullObject) continue;
    out.push(snapshotOf(probe, window));
  }
  return out;
}

function snapshotOf({ sheet, used, part, merged }: WindowProbe, window: WindowSize): SheetSnapshot {
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
