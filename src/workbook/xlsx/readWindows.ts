/**
 * readWindows for the xlsx adapter: the top-left window of one sheet (LOCATE_WINDOW), streamed from
 * the package like every other read (only the window's cells are kept; merges come from the end of
 * the sheet part). The reader does not format numbers: no display text for them.
 */
import { LOCATE_WINDOW, type SheetSnapshot, type SnapshotCell, type WindowSize } from '../../engine/locator/snapshot';
import { isMergedSlave, type WorkbookPackage } from './workbookPackage';

export async function sheetWindow(
  pkg: WorkbookPackage,
  index: number,
  window: WindowSize = LOCATE_WINDOW,
): Promise<SheetSnapshot> {
  let beyond = false;
  const read = await pkg.readSheet(index, {
    keep: (row, col) => {
      const inside = row <= window.rows && col <= window.columns;
      // Called for cells holding a value or a formula, or formatted: anything outside counts.
      if (!inside) beyond = true;
      return inside;
    },
  });
  const values = await pkg.values(read.cells);
  const formats = await pkg.styleFormats();
  const cells: (SnapshotCell | null)[][] = [];
  read.cells.forEach((raw, i) => {
    const value = values[i];
    if (value === null || isMergedSlave(read.merges, raw.row, raw.col)) return;
    const cell: SnapshotCell = { value };
    const format = formats.format(raw.style);
    if (format && format !== 'General') cell.numberFormat = format;
    while (cells.length < raw.row) cells.push([]);
    const line = cells[raw.row - 1];
    while (line.length < raw.col - 1) line.push(null);
    line[raw.col - 1] = cell;
  });
  while (cells.length && cells[cells.length - 1].length === 0) cells.pop();
  return {
    sheet: pkg.info.sheets[index].name,
    cells,
    merges: read.merges
      .filter((m) => m.top <= window.rows && m.left <= window.columns)
      .map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 })),
    truncated: beyond,
  };
}
