/** Office.js `values` + `valueTypes` → the host-free CellValue. */
import type { CellValue } from '../../engine/types';
import type { CellBox } from '../../engine/a1';

export function toCellValue(value: unknown, valueType?: string): CellValue {
  if (valueType === 'Empty' || value === '' || value === null || value === undefined) return null;
  if (valueType === 'Error') return { error: String(value) };
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

/**
 * A used range's values placed in a dense grid from A1 (the used range may start at B2): rows and
 * columns before it are null, as WorkbookPort.OwnedSheet promises.
 */
export function gridFromA1(box: CellBox, values: unknown[][], valueTypes?: string[][]): CellValue[][] {
  const width = box.right + 1;
  const grid: CellValue[][] = [];
  for (let r = 0; r <= box.bottom; r++) {
    const row: CellValue[] = new Array<CellValue>(width).fill(null);
    const source = values[r - box.top];
    if (r >= box.top && source) {
      for (let c = box.left; c <= box.right; c++) {
        row[c] = toCellValue(source[c - box.left], valueTypes?.[r - box.top]?.[c - box.left]);
      }
    }
    grid.push(row);
  }
  return grid;
}
