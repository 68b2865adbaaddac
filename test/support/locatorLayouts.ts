/**
 * Sheets for the locator tests and the bench, built by code: a snapshot from A1-addressed cells, and
 * the sample department's 基础数据 sheet (scripts/make-sample.ts) as a snapshot without any name.
 */
import type { SheetSnapshot, SnapshotCell } from '../../src/engine/locator/snapshot';
import type { CellValue } from '../../src/engine/types';
import type { SheetLayout } from '../../src/sheets/layout';
import { sampleLayout } from '../../scripts/make-sample';
import { XlsxWorkbook } from '../../src/workbook/xlsx';

function position(address: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`bad address ${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, col - 1];
}

/** `sheet('部门决算', { A6: '全年预算数', B6: 560 }, ['A1:D1'])`. */
export function sheet(
  name: string,
  cells: Record<string, CellValue | SnapshotCell>,
  merges: string[] = [],
): SheetSnapshot {
  const grid: (SnapshotCell | null)[][] = [];
  for (const [address, raw] of Object.entries(cells)) {
    const [r, c] = position(address);
    const cell: SnapshotCell =
      raw !== null && typeof raw === 'object' && 'value' in raw ? raw : { value: raw as CellValue };
    if (cell.value === null) continue;
    while (grid.length <= r) grid.push([]);
    while (grid[r].length < c) grid[r].push(null);
    grid[r][c] = cell;
  }
  for (const row of grid) for (let i = 0; i < row.length; i++) row[i] ??= null;
  return {
    sheet: name,
    cells: grid,
    merges: merges.map((m) => {
      const [a, b] = m.split(':');
      const [top, left] = position(a);
      const [bottom, right] = position(b ?? a);
      return { top, left, bottom, right };
    }),
    truncated: false,
  };
}

/** A sheet layout (what our adapters write) as the snapshot a host would read back. */
export function layoutSnapshot(layout: SheetLayout): SheetSnapshot {
  const covered = new Set<string>();
  for (const m of layout.merges ?? [])
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  const cells = layout.rows.map((row, r) =>
    row.map((cell, c): SnapshotCell | null => {
      if (!cell || covered.has(`${r},${c}`) || cell.value === null || cell.value === undefined || cell.value === '')
        return null;
      const out: SnapshotCell = { value: cell.value };
      if (cell.format && cell.format !== 'General' && !cell.text) out.numberFormat = cell.format;
      return out;
    }),
  );
  return { sheet: layout.name, cells, merges: [...(layout.merges ?? [])], truncated: false };
}

/** The sample department's 基础数据 sheet, labels and figures only (no defined names). */
export function sampleSnapshot(): SheetSnapshot {
  return layoutSnapshot(sampleLayout());
}

/** The sample workbook as a clerk would have it before our add-in: the same sheet, no defined name. */
export async function sampleWithoutNames(): Promise<Uint8Array> {
  const book = await XlsxWorkbook.create({ created: new Date(Date.UTC(2022, 6, 8, 1, 0, 0)) });
  await book.write({ sheets: [{ layout: { ...sampleLayout(), names: [] } }], names: [], namedOutputs: [] });
  return book.toBuffer();
}

/** A workbook built from snapshot-like sheets (values and formats only), through the xlsx adapter. */
export async function workbookOf(sheets: SheetSnapshot[]): Promise<Uint8Array> {
  const book = await XlsxWorkbook.create({ created: new Date(Date.UTC(2022, 6, 8, 1, 0, 0)) });
  const layouts: SheetLayout[] = sheets.map((s) => ({
    name: s.sheet,
    role: '基础数据',
    rows: s.cells.map((row) =>
      row.map((c) => (c ? { value: c.value as string | number | boolean, format: c.numberFormat } : null)),
    ),
    columnWidths: [],
    merges: s.merges,
  }));
  await book.write({ sheets: layouts.map((layout) => ({ layout })), names: [], namedOutputs: [] });
  return book.toBuffer();
}
