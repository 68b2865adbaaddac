/**
 * Named outputs (docs/outputs.md): where the clerk's own form already names a cell after an output — an
 * indicator (在职人员控制率), the total (自评得分, 合计得分 …) or the grade (评价等级) — the value is
 * written there too. Rates go in as fractions with a 0.00% format, as Excel keeps percentages.
 */
import { splitSheet } from '../engine/a1';
import { INPUTS } from '../engine/catalogue';
import { INDICATORS } from '../engine/indicatorDefinitions';
import type { Evaluation, NamedValue } from '../engine/types';
import type { NamedOutputWrite } from '../workbook/port';

/** Names the total may go by in a clerk's form. */
export const TOTAL_NAMES = ['自评得分', '合计得分', '综合得分', '总得分', '自评总分', '评价得分'] as const;
export const GRADE_NAMES = ['评价等级', '自评等级', '等级'] as const;

/** Input names and aliases: never written to, even when an output shares the name (满意度). */
const INPUT_NAMES = new Set(INPUTS.flatMap((d) => [d.name, ...d.aliases]));

/** Every name the job should ask the workbook about for named outputs. */
export function namedOutputCandidates(): string[] {
  const names = [
    ...INDICATORS.map((d) => d.id),
    ...INDICATORS.map((d) => `${d.id}得分`),
    ...TOTAL_NAMES,
    ...GRADE_NAMES,
  ];
  return names.filter((n) => !INPUT_NAMES.has(n));
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

/**
 * The writes for the clerk's names that match an output. Only names that refer to one cell are
 * written; input names are skipped, and so are cells on `ownSheets` (our own sheets are rewritten anyway).
 */
export function namedOutputs(
  ev: Evaluation,
  values: Record<string, NamedValue>,
  ownSheets: string[] = [],
): NamedOutputWrite[] {
  const own = new Set(ownSheets.map((s) => s.toLowerCase()));
  const out: NamedOutputWrite[] = [];
  for (const [name, v] of Object.entries(values)) {
    if (v.kind !== 'cell' || INPUT_NAMES.has(name) || name.startsWith('指标_') || name.startsWith('_jixiao_')) continue;
    const { sheet } = splitSheet(v.cell);
    if (own.has(sheet.toLowerCase())) continue;
    const output = outputFor(ev, name);
    if (output) out.push({ name, cell: v.cell, ...output });
  }
  return out;
}
