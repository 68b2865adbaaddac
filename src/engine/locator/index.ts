/**
 * The label locator: given a bounded snapshot of each sheet, propose for every catalogue input that
 * has no name yet the cell that holds it (candidates.ts), with a confidence (confidence.ts). Pure:
 * snapshots in, proposals out; the app layer reads the snapshots and defines the names.
 */
import { INPUTS, type InputName } from '../catalogue';
import { parseCell, splitSheet } from '../a1';
import type { UnitLookup } from '../reading';
import { namedAmountUnit, sheetCandidates, sheetFacts, type Candidate, type SheetFacts } from './candidates';
import { decide, weakenShared, type Proposal } from './confidence';
import { SheetGrid } from './grid';
import type { SheetSnapshot } from './snapshot';

export type { Candidate, UnitDeclaration } from './candidates';
export type { Proposal } from './confidence';
export { LOCATE_WINDOW, type SheetSnapshot, type SnapshotCell, type WindowSize } from './snapshot';
export { normalizeLabel } from './normalize';

export interface LocateOptions {
  /** Inputs the workbook already names (their defined name and cell): reported, not searched. */
  named?: Partial<Record<InputName, { name: string; cell?: string }>>;
}

export interface LocateResult {
  /** One proposal per catalogue input, in catalogue order. */
  proposals: Proposal[];
  /** Sheets whose values go beyond the window read (a figure there cannot be found). */
  truncated: string[];
}

export function locate(snapshots: SheetSnapshot[], options: LocateOptions = {}): LocateResult {
  const all: Candidate[] = [];
  for (const snapshot of snapshots) all.push(...sheetCandidates(new SheetGrid(snapshot)));
  weakenShared(all);
  const byInput = new Map<InputName, Candidate[]>();
  for (const c of all) {
    const list = byInput.get(c.input) ?? [];
    list.push(c);
    byInput.set(c.input, list);
  }
  const proposals = INPUTS.map((def): Proposal => {
    const named = options.named?.[def.name];
    if (named) return { input: def.name, status: 'named', ...named };
    return decide(def.name, byInput.get(def.name) ?? []);
  });
  return { proposals, truncated: snapshots.filter((s) => s.truncated).map((s) => s.sheet) };
}
export { toLocateJson, type ProposalJson } from './json';

/**
 * The units named amounts are declared in, read from the windows of their sheets by the locator's
 * own rules (candidates.ts namedAmountUnit): `决算数据!B3` → 元 (决算数据!A2 “金额单位：元”).
 */
export function unitLookup(snapshots: SheetSnapshot[]): UnitLookup {
  const bySheet = new Map(snapshots.map((s) => [s.sheet.toLowerCase(), s]));
  const read = new Map<string, { grid: SheetGrid; facts: SheetFacts }>();
  return (cell) => {
    const { sheet, local } = splitSheet(cell);
    const at = parseCell(local.replace(/\$/g, ''));
    const snapshot = bySheet.get(sheet.toLowerCase());
    if (!at || !snapshot) return undefined;
    let sheetRead = read.get(snapshot.sheet);
    if (!sheetRead) {
      const grid = new SheetGrid(snapshot);
      sheetRead = { grid, facts: sheetFacts(grid) };
      read.set(snapshot.sheet, sheetRead);
    }
    return namedAmountUnit(sheetRead.grid, at.row, at.col, sheetRead.facts);
  };
}
