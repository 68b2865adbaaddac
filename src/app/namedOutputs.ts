/**
 * Named outputs (docs/outputs.md, issue 12): a value goes into a cell of the clerk's own form only where the clerk
 * meant us to — the cell's name is ours by convention (绩效_自评得分, 绩效_评价等级, 绩效_<指标>, 绩效_<指标>得分) or
 * the clerk confirmed a name of their own (自评得分, 评价等级, 在职人员控制率 …) — and never over a formula.
 * Every cell written and every named cell left alone is listed for the notice. Rates go in as fractions with a
 * 0.00% format, as Excel keeps percentages.
 */
import { parseCell, splitSheet } from '../engine/a1';
import { INPUTS } from '../engine/catalogue';
import { INDICATORS } from '../engine/indicatorDefinitions';
import type { CellValue, Evaluation, NamedValue } from '../engine/types';
import type { ConfirmedOutput } from '../sheets/settingsSheet';
import type { NamedOutputWrite } from '../workbook/port';

/** The prefix that makes a defined name one of our outputs without asking. */
export const OUTPUT_PREFIX = '绩效_';

/** Names the total may go by in a clerk's form. */
export const TOTAL_NAMES = ['自评得分', '合计得分', '综合得分', '总得分', '自评总分', '评价得分'] as const;
export const GRADE_NAMES = ['评价等级', '自评等级', '等级'] as const;

/** Input names and aliases: never written to, even when an output shares the name (满意度). */
const INPUT_NAMES = new Set(INPUTS.flatMap((d) => [d.name, ...d.aliases]));

/** The outputs by their own names (what follows 绩效_, or what the clerk may confirm). */
function outputNames(): string[] {
  const names = [
    ...INDICATORS.map((d) => d.id),
    ...INDICATORS.map((d) => `${d.id}得分`),
    ...TOTAL_NAMES,
    ...GRADE_NAMES,
  ];
  return names.filter((n) => !INPUT_NAMES.has(n));
}

/** Every name the job should ask the workbook about: ours (绩效_…) and the bare ones a clerk may confirm. */
export function namedOutputCandidates(): string[] {
  const bare = outputNames();
  return [...bare.map((n) => OUTPUT_PREFIX + n), ...bare];
}

/**
 * A cell of the clerk's that carries a bare output name (自评得分, 评价等级, 在职人员控制率 …): the pane lists it
 * with its current content, and the clerk may confirm it as an output. A formula cell is listed but never written.
 */
export interface OutputCandidate {
  name: string;
  /** `上报表!B1`. */
  cell: string;
  /** What the cell holds now (a formula's cached result when `formula`). */
  value: CellValue;
  formula: boolean;
  /** Confirmed: by the clerk in this run's options, else recorded in the settings for this very cell. */
  confirmed: boolean;
}

/** Whether a named cell is one we consider at all: one cell, not an input, not ours, not on our sheets. */
function consider(name: string, v: NamedValue, own: Set<string>): v is Extract<NamedValue, { kind: 'cell' }> {
  if (v.kind !== 'cell' || INPUT_NAMES.has(name) || name.startsWith('指标_') || name.startsWith('_jixiao_'))
    return false;
  return !own.has(splitSheet(v.cell).sheet.toLowerCase());
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The named cells in reading order (sheet, row, column): notices and the pane list the same order on every host. */
function byCell(values: Record<string, NamedValue>): [string, NamedValue][] {
  const key = (v: NamedValue) => {
    if (v.kind !== 'cell') return { sheet: '', row: 0, col: 0 };
    const { sheet, local } = splitSheet(v.cell);
    return { sheet, ...(parseCell(local) ?? { row: 0, col: 0 }) };
  };
  return Object.entries(values)
    .map(([name, v]) => ({ name, v, k: key(v) }))
    .sort((a, b) => compareText(a.k.sheet, b.k.sheet) || a.k.row - b.k.row || a.k.col - b.k.col)
    .map(({ name, v }) => [name, v]);
}

/**
 * The clerk's bare-named output cells (not 绩效_…), each marked confirmed when `confirmed` (the clerk's choice in
 * the pane) names it, or — when the pane made no choice — when the settings recorded it for the same cell.
 */
export function outputCandidates(
  values: Record<string, NamedValue>,
  ownSheets: string[],
  confirmed: readonly string[] | undefined,
  stored: readonly ConfirmedOutput[] = [],
): OutputCandidate[] {
  const own = new Set(ownSheets.map((s) => s.toLowerCase()));
  const bare = new Set(outputNames());
  const out: OutputCandidate[] = [];
  for (const [name, v] of byCell(values)) {
    if (!bare.has(name) || !consider(name, v, own)) continue;
    const yes = confirmed
      ? confirmed.includes(name)
      : stored.some((s) => s.name === name && s.cell.toLowerCase() === v.cell.toLowerCase());
    out.push({ name, cell: v.cell, value: v.value, formula: v.formula === true, confirmed: yes });
  }
  return out;
}

/** What the settings keep of the confirmations: each confirmed name with the cell it names now. */
export function confirmedRecord(candidates: readonly OutputCandidate[]): ConfirmedOutput[] {
  return candidates.filter((c) => c.confirmed).map(({ name, cell }) => ({ name, cell }));
}

function outputFor(ev: Evaluation, name: string): Omit<NamedOutputWrite, 'name' | 'cell'> | undefined {
  if ((TOTAL_NAMES as readonly string[]).includes(name)) return { value: ev.total.toNumber(), numberFormat: '0.00' };
  if ((GRADE_NAMES as readonly string[]).includes(name)) return ev.grade ? { value: ev.grade } : undefined;
  const indicator = ev.indicators[name];
  if (indicator) {
    if (indicator.status === 'ok' && indicator.value)
      return { value: indicator.value.div(100).toNumber(), numberFormat: '0.00%' };
    return { value: '—' };
  }
  const scored = /^(.+)得分$/.exec(name);
  if (scored) {
    const item = ev.items.find((s) => s.item.indicator === scored[1] || s.item.level3 === scored[1]);
    if (item?.score) return { value: item.score.toNumber(), numberFormat: '0.00' };
  }
  return undefined;
}

/** A named cell we did not write, and why (for the notice). */
export interface NamedOutputSkipped {
  name: string;
  cell: string;
  reason: 'formula' | 'not-confirmed';
}

export interface NamedOutputPlan {
  writes: NamedOutputWrite[];
  skipped: NamedOutputSkipped[];
}

/**
 * The writes for the clerk's named cells that are ours (绩效_…) or `confirmed`, and the named cells left alone: a
 * cell holding a formula is never written; a bare output name (自评得分) not confirmed is only reported. Names that
 * are inputs, our marks or on `ownSheets` (rewritten anyway) are ignored; only names of one cell count.
 */
export function namedOutputs(
  ev: Evaluation,
  values: Record<string, NamedValue>,
  ownSheets: string[] = [],
  confirmed: readonly string[] = [],
): NamedOutputPlan {
  const own = new Set(ownSheets.map((s) => s.toLowerCase()));
  const yes = new Set(confirmed);
  const plan: NamedOutputPlan = { writes: [], skipped: [] };
  const taken = new Set<string>();
  for (const [name, v] of byCell(values)) {
    if (!consider(name, v, own)) continue;
    const ours = name.startsWith(OUTPUT_PREFIX);
    const output = outputFor(ev, ours ? name.slice(OUTPUT_PREFIX.length) : name);
    if (!output) continue;
    const key = v.cell.toLowerCase();
    if (v.formula) plan.skipped.push({ name, cell: v.cell, reason: 'formula' });
    else if (!ours && !yes.has(name)) plan.skipped.push({ name, cell: v.cell, reason: 'not-confirmed' });
    else if (!taken.has(key)) {
      taken.add(key);
      plan.writes.push({ name, cell: v.cell, ...output });
    }
  }
  return plan;
}

/** The notices of a plan: every cell written, every named cell left alone and what to do about it. */
export function namedOutputNotices(plan: NamedOutputPlan): string[] {
  const notices: string[] = [];
  if (plan.writes.length)
    notices.push(`已写入您命名的单元格：${plan.writes.map((w) => `${w.name}（${w.cell}）`).join('、')}。`);
  const formulas = plan.skipped.filter((s) => s.reason === 'formula');
  if (formulas.length)
    notices.push(
      `以下命名单元格含有公式，未覆盖：${formulas.map((s) => `${s.name}（${s.cell}）`).join('、')}。` +
        '如需写入结果，请删除公式或换一个单元格。',
    );
  const bare = plan.skipped.filter((s) => s.reason === 'not-confirmed');
  if (bare.length)
    notices.push(
      `以下单元格的名称与结果同名，未写入：${bare.map((s) => `${s.name}（${s.cell}）`).join('、')}。` +
        `如需写入，请在任务窗格的“写入您命名的单元格”中勾选，或把名称改为以“${OUTPUT_PREFIX}”开头（如 ${OUTPUT_PREFIX}${bare[0].name}）。`,
    );
  return notices;
}
