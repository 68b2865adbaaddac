/**
 * 自动识别: find the figures the workbook does not name yet (engine/locator over the bounded window
 * snapshot of the clerk's sheets), and define the names the clerk confirms.
 *
 * How a unit travels with a name: the defined name stays a plain reference to the clerk's own cell
 * (`全年预算数` → `部门决算!$B$6`), and a figure kept in 元 is recorded in our hidden settings sheet
 * with the cell it was found for (WorkbookSettings.units); reading divides exactly, in Decimal, and
 * says so in an info finding. Why not a name formula `=部门决算!$B$6/10000`: the Office adapter
 * reads a name through NamedItem.getRange, which a formula name does not have, so it would get only
 * Excel's binary quotient (not exact) or need a second sync; WPS and the clerk see a formula instead
 * of their cell in 名称管理器; and writing our outputs to a named cell would break. The record is
 * bound to the cell: when the clerk re-points the name, the record no longer applies and we say so.
 */
import { cellAddress, splitSheet } from '../engine/a1';
import { INPUTS, inputDef, type InputName } from '../engine/catalogue';
import { locate, unitLookup, type LocateResult, type Proposal, type SheetSnapshot } from '../engine/locator';
import type { UnitLookup } from '../engine/reading';
import type { NamedValue, NameMapping } from '../engine/types';
import { isMoneyUnit, moneyUnit, type UnitRecords } from '../engine/locator/units';
import type { Evaluation } from '../engine/types';
import { markName, OUR_SHEETS, readSettings, settingsSheet, uniqueSheetName, type WorkbookSettings } from '../sheets';
import { SUPPLEMENT_SHEET, supplementLayout } from '../sheets/templateSheet';
import type { NameWrite, WindowRequest, WorkbookPort, WorkbookState } from '../workbook/port';

/** What locating needs from an inspection (app/job inspect). */
export interface InspectedBook {
  state: WorkbookState;
  evaluation: Evaluation;
}

/** Inputs the evaluation read through a defined name (found, empty or invalid): not searched. */
function namedInputs(evaluation: Evaluation): Partial<Record<InputName, { name: string; cell?: string }>> {
  const named: Partial<Record<InputName, { name: string; cell?: string }>> = {};
  for (const [input, reading] of Object.entries(evaluation.inputs)) {
    if (!reading.via) continue;
    named[input as InputName] = reading.cell ? { name: reading.via, cell: reading.cell } : { name: reading.via };
  }
  return named;
}

/** The clerk's sheets: ours (found by their marks) hold our own labels and figures and are skipped. */
function clerkSheets(state: WorkbookState): string[] {
  const ours = new Set(Object.values(state.owned).map((o) => o.sheet.toLowerCase()));
  return state.sheets.filter((s) => !ours.has(s.name.toLowerCase())).map((s) => s.name);
}

/**
 * What the job asks readState to read in the same batch (workbook/windowPlan.ts): the sheets holding
 * named amounts, and every clerk's sheet when a required input has no name.
 */
export function windowRequest(): WindowRequest {
  return {
    amounts: INPUTS.filter((d) => d.kind === 'amount').flatMap((d) => [d.name, ...d.aliases]),
    required: INPUTS.filter((d) => d.required).map((d) => [d.name, ...d.aliases]),
  };
}

/** The windows of these sheets: those readState read already, the others read now (one port call). */
async function windowsOf(port: WorkbookPort, state: WorkbookState, sheets: string[]): Promise<SheetSnapshot[]> {
  const have = new Map((state.windows ?? []).map((w) => [w.sheet.toLowerCase(), w]));
  const missing = sheets.filter((s) => !have.has(s.toLowerCase()));
  const read = missing.length ? await port.readWindows(missing) : [];
  for (const w of read) have.set(w.sheet.toLowerCase(), w);
  return sheets.flatMap((s) => have.get(s.toLowerCase()) ?? []);
}

/** The windows of the clerk's sheets (read with the state, else one port call), then the engine. */
export async function locateInputs(port: WorkbookPort, book: InspectedBook): Promise<LocateResult> {
  const snapshots = await windowsOf(port, book.state, clerkSheets(book.state));
  return locate(snapshots, { named: namedInputs(book.evaluation) });
}

/**
 * The units the sheets of named amounts declare (a clerk's own name into a sheet titled 单位：元).
 * Only when the adapter read windows with the state: a sheet it did not read (a name of the
 * mapping, a sheet-scoped name) costs one more port call, the usual run none.
 */
export async function namedAmountUnits(
  port: WorkbookPort,
  state: WorkbookState,
  values: Record<string, NamedValue>,
  mapping: NameMapping,
): Promise<UnitLookup | undefined> {
  if (!state.windows) return undefined;
  const names = new Set(windowRequest().amounts);
  for (const def of INPUTS) {
    const mapped = mapping[def.name];
    if (def.kind === 'amount' && mapped) names.add(mapped);
  }
  const clerk = new Set(clerkSheets(state).map((s) => s.toLowerCase()));
  const sheets = new Set<string>();
  for (const [name, v] of Object.entries(values)) {
    if (!names.has(name) || v.kind !== 'cell') continue;
    const { sheet } = splitSheet(v.cell);
    if (clerk.has(sheet.toLowerCase())) sheets.add(sheet);
  }
  return unitLookup(await windowsOf(port, state, [...sheets]));
}

/** A cell the clerk confirmed (a proposal ticked, a candidate chosen, or a selected cell) for an input. */
export interface Choice {
  input: InputName;
  /** `部门决算!B6`. */
  cell: string;
  /** The workbook's unit of an amount (元, 万元 …); '' or absent for anything else. */
  unit?: string;
}

/** The choices a proposal list gives by default: high ones (`all`: low too), never an ambiguous one. */
export function defaultChoices(result: LocateResult, all = false): Choice[] {
  return result.proposals.flatMap((p: Proposal): Choice[] =>
    p.status === 'found' && (p.confidence === 'high' || all)
      ? [{ input: p.input, cell: p.candidate.cell, unit: p.candidate.unit }]
      : [],
  );
}

export interface ApplyOutcome {
  /** Names defined, `全年预算数 → 部门决算!B6`. */
  names: NameWrite[];
  /** Inputs whose amount is converted from another unit. */
  converted: { input: InputName; unit: string; cell: string }[];
}

/**
 * Defines a workbook-scoped name for each choice, and records non-万元 units in our hidden settings
 * sheet — in one write (one sync in Office). No cell of the clerk's is changed.
 */
export async function applyChoices(port: WorkbookPort, book: InspectedBook, choices: Choice[]): Promise<ApplyOutcome> {
  const names: NameWrite[] = choices.map((c) => {
    const { sheet, local } = splitSheet(c.cell);
    return { name: c.input, sheet, cell: local.replace(/\$/g, '') };
  });
  const own = book.state.owned[markName('设置')];
  const settings: WorkbookSettings = own ? readSettings(own.values) : { mapping: {} };
  const units: UnitRecords = { ...(settings.units ?? {}) };
  const converted: ApplyOutcome['converted'] = [];
  for (const c of choices) {
    delete units[c.input];
    const unit = c.unit ? moneyUnit(c.unit) : undefined;
    if (inputDef(c.input).kind === 'amount' && isMoneyUnit(unit) && unit !== '万元') {
      units[c.input] = { unit, cell: c.cell };
      converted.push({ input: c.input, unit, cell: c.cell });
    }
  }
  const unitsChanged = JSON.stringify(units) !== JSON.stringify(settings.units ?? {});
  const sheets = [];
  if (unitsChanged) {
    const name =
      own?.sheet ??
      uniqueSheetName(
        OUR_SHEETS['设置'],
        book.state.sheets.map((s) => s.name),
      );
    sheets.push({ layout: settingsSheet({ ...settings, units }, name), replaces: own?.sheet });
  }
  if (names.length || sheets.length) await port.write({ sheets, names, namedOutputs: [] });
  return { names, converted };
}

/** Inputs the workbook has nowhere — no name, no cell found by a label — that the job requires. */
export function supplementable(result: LocateResult): InputName[] {
  return result.proposals.filter((p) => p.status === 'missing' && inputDef(p.input).required).map((p) => p.input);
}

export interface SupplementOutcome {
  /** The new sheet of the clerk's holding the table. */
  sheet: string;
  /** Input → its yellow, named cell (`补充数据!C5`), in catalogue order. */
  cells: Partial<Record<InputName, string>>;
}

/**
 * 补充缺少的数据: a small labelled table on a new sheet (the clerk's: no ownership mark) with an empty
 * yellow cell named after each input — in one write (one sync in Office), no existing cell touched.
 * An input the inspection read through a name (even an empty or broken one) is left out, so a re-run
 * never adds a second cell for it nor re-points the clerk's name; the sheet is always new, so what
 * the clerk typed in an earlier one is never overwritten. Null when there is nothing to add.
 */
export async function supplementInputs(
  port: WorkbookPort,
  book: InspectedBook,
  inputs: InputName[],
): Promise<SupplementOutcome | null> {
  const named = namedInputs(book.evaluation);
  const wanted = new Set(inputs.filter((input) => !named[input]));
  const defs = INPUTS.filter((def) => wanted.has(def.name));
  if (defs.length === 0) return null;
  const name = uniqueSheetName(
    SUPPLEMENT_SHEET,
    book.state.sheets.map((s) => s.name),
  );
  const layout = supplementLayout(defs, name);
  await port.write({ sheets: [{ layout }], names: [], namedOutputs: [], activate: name });
  const cells: SupplementOutcome['cells'] = {};
  for (const n of layout.names ?? []) cells[n.name as InputName] = `${name}!${cellAddress(n.row, n.col)}`;
  return { sheet: name, cells };
}

/** The hint a 缺少必填输入项 error gains when a label for the input was found. */
export function missingHint(p: Proposal | undefined): string | undefined {
  const how = '可在任务窗格中点击“自动识别”确认并定义名称，或运行 jixiao locate <工作簿> --apply -o <输出工作簿>。';
  if (p?.status === 'found' && p.candidate.value !== null) {
    const unit = inputDef(p.input).unit;
    return `在 ${p.candidate.labelCell} 找到标签“${p.candidate.label}”，数据在 ${p.candidate.cell}（${p.candidate.value}${unit ? ' ' + unit : ''}）：${how}`;
  }
  if (p?.status === 'ambiguous')
    return `找到 ${p.candidates.length} 处可能的位置（${p.candidates.map((c) => c.cell).join('、')}），需要您选择：${how}`;
  return undefined;
}

/** Missing-input errors gain where a matching label was found; the evaluation still blocks. */
export function withHints(evaluation: Evaluation, result: LocateResult): Evaluation {
  const byInput = new Map(result.proposals.map((p) => [p.input as string, p]));
  return {
    ...evaluation,
    findings: evaluation.findings.map((f) => {
      if (f.code !== 'missing-input') return f;
      const hint = missingHint(byInput.get(f.inputs[0]));
      return hint ? { ...f, message: `${f.message}${hint}` } : f;
    }),
  };
}
