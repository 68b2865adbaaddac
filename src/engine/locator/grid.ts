/** Reading a SheetSnapshot as the clerk sees it: merged cells, text, numbers, units, labels. */
import type { CellValue } from '../types';
import { normalizeLabel, type Label } from './normalize';
import type { CellRect, SheetSnapshot, SnapshotCell } from './snapshot';
import { unitOf, type Unit } from './units';

export class SheetGrid {
  /** Top-left cell of each merge → the merge. */
  private readonly mergeAt = new Map<string, CellRect>();
  /** Per row, per column: the cell's label, null when it is none (computed once). */
  private readonly labels: (Label | null | undefined)[][] = [];
  readonly rows: number;
  readonly sheet: string;

  constructor(readonly snapshot: SheetSnapshot) {
    this.sheet = snapshot.sheet;
    this.rows = snapshot.cells.length;
    for (const m of snapshot.merges) this.mergeAt.set(`${m.top},${m.left}`, m);
  }

  cell(r: number, c: number): SnapshotCell | null {
    return this.snapshot.cells[r]?.[c] ?? null;
  }

  width(r: number): number {
    return this.snapshot.cells[r]?.length ?? 0;
  }

  value(r: number, c: number): CellValue {
    return this.cell(r, c)?.value ?? null;
  }

  /** The merge whose top-left is (r, c), if any. */
  merge(r: number, c: number): CellRect | undefined {
    return this.mergeAt.get(`${r},${c}`);
  }

  /** The merge covering (r, c) anywhere in it. */
  covering(r: number, c: number): CellRect | undefined {
    for (const m of this.snapshot.merges) if (r >= m.top && r <= m.bottom && c >= m.left && c <= m.right) return m;
    return undefined;
  }

  text(r: number, c: number): string | undefined {
    const v = this.snapshot.cells[r]?.[c]?.value;
    if (typeof v !== 'string' || v === '') return undefined;
    const t = /^\s|\s$/.test(v) ? v.trim() : v;
    return t === '' ? undefined : t;
  }

  isNumber(r: number, c: number): boolean {
    return typeof this.value(r, c) === 'number';
  }

  /** A cell holding nothing but a unit (万元, 人, 单位：元). */
  unitCell(r: number, c: number): Unit | undefined {
    const t = this.text(r, c);
    return t && t.length <= 8 ? unitOf(t) : undefined;
  }

  /** The cell's text as a label (cached). */
  label(r: number, c: number): Label | undefined {
    const row = (this.labels[r] ??= []);
    let l = row[c];
    if (l === undefined) {
      const t = this.text(r, c);
      l = t && t.length <= 40 ? normalizeLabel(t) : null;
      row[c] = l;
    }
    return l ?? undefined;
  }
}
