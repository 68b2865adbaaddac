/**
 * The JSON of `jixiao evaluate --json` (docs/outputs.md): every indicator keyed by its id, with status
 * ok / not_applicable / not_computable only; the qualitative (manual) items of the scheme are in
 * `items`, the 评分表 rows in order. Values and scores are 2-decimal strings, then the total,
 * grade and findings. Extra fields beyond docs/outputs.md: quarters (支付进度率), basis (三公经费变动率),
 * manual / excluded per entry, items (the 评分表 rows in order), scheme settings and blocked.
 */
import type { Evaluation, Finding, IndicatorResult, ItemScore } from './types';
import { dec } from './decimal';
import { formatAmount, formatRate, formatScore } from './format';
import { QUARTER_NAMES } from './paymentProgress';

export interface QuarterJson {
  quarter: number;
  name: string;
  spent: string;
  progress: string;
  target: string;
  lagging: boolean;
  cell?: string;
}

export interface IndicatorJson {
  status: IndicatorResult['status'];
  value?: string;
  numerator?: string;
  denominator?: string;
  reason?: string;
  missing?: string[];
  basis?: string;
  quarters?: QuarterJson[];
  /** 分值 of the scheme item, or null for an indicator the scheme does not score. */
  weight: string | null;
  score: string | null;
  manual?: boolean;
  excluded?: boolean;
  /** The 三级指标 of the scheme item when it differs from the indicator id (财政供养人员控制率). */
  item?: string;
}

export interface ItemJson {
  level1: string;
  level2: string;
  level3: string;
  indicator?: string;
  /** null only in a scheme whose 分值 is not a number (such a scheme blocks the evaluation). */
  weight: string | null;
  rule: string;
  standard: string;
  /** The indicator's status, or 'manual' for a qualitative item scored by the clerk. */
  status: IndicatorJson['status'] | 'manual';
  value?: string;
  score: string | null;
  manual: boolean;
  excluded: boolean;
  deduction?: string;
  note?: string;
}

export interface FindingJson {
  code: string;
  severity: string;
  message: string;
  cells: string[];
  inputs: string[];
  problem?: string;
  measure?: string;
}

export interface EvaluationJson {
  单位名称: string;
  评价年度: number;
  scheme: string;
  notApplicable: 'rescale' | 'full';
  indicators: Record<string, IndicatorJson>;
  items: ItemJson[];
  total: string;
  provisional: boolean;
  grade: string;
  blocked: boolean;
  findings: FindingJson[];
}

function indicatorFields(r: IndicatorResult): Omit<IndicatorJson, 'weight' | 'score'> {
  const out: Omit<IndicatorJson, 'weight' | 'score'> = { status: r.status };
  if (r.status === 'ok' && r.value) out.value = formatRate(r.value);
  if (r.numerator) out.numerator = r.numerator.toFixed();
  if (r.denominator) out.denominator = r.denominator.toFixed();
  if (r.status !== 'ok' && r.reason) out.reason = r.reason;
  if (r.status === 'not_computable') out.missing = [...(r.missing ?? [])];
  if (r.basis) out.basis = r.basis;
  if (r.quarters)
    out.quarters = r.quarters.map((q) => {
      const j: QuarterJson = {
        quarter: q.quarter,
        name: QUARTER_NAMES[q.quarter - 1],
        spent: formatAmount(q.spent),
        progress: formatRate(q.progress),
        target: q.target.toFixed(),
        lagging: q.lagging,
      };
      if (q.cell) j.cell = q.cell;
      return j;
    });
  return out;
}

function scoreFields(s: ItemScore): Pick<IndicatorJson, 'weight' | 'score' | 'manual' | 'excluded'> {
  return {
    weight: Number.isFinite(s.item.weight) ? dec(s.item.weight).toFixed() : null,
    score: s.score ? formatScore(s.score) : null,
    manual: s.manual,
    excluded: s.excluded,
  };
}

function findingJson(f: Finding): FindingJson {
  const j: FindingJson = {
    code: f.code,
    severity: f.severity,
    message: f.message,
    cells: [...f.cells],
    inputs: [...f.inputs],
  };
  if (f.problem) j.problem = f.problem;
  if (f.measure) j.measure = f.measure;
  return j;
}

export function toEvaluationJson(ev: Evaluation): EvaluationJson {
  const indicators: Record<string, IndicatorJson> = {};
  const items: ItemJson[] = [];
  for (const s of ev.items) {
    const { item } = s;
    const r = s.indicator;
    const scored = scoreFields(s);
    const entry: IndicatorJson | undefined = r ? { ...indicatorFields(r), ...scored } : undefined;
    if (r && entry) {
      if (item.level3 !== r.id) entry.item = item.level3;
      if (!(r.id in indicators)) indicators[r.id] = entry;
    }
    const row: ItemJson = {
      level1: item.level1,
      level2: item.level2,
      level3: item.level3,
      weight: scored.weight,
      rule: item.rule?.kind ?? '',
      standard: item.standard ?? '',
      status: entry?.status ?? 'manual',
      score: scored.score,
      manual: s.manual,
      excluded: s.excluded,
    };
    if (item.indicator) row.indicator = item.indicator;
    if (entry?.value) row.value = entry.value;
    if (s.deduction) row.deduction = s.deduction;
    if (s.note) row.note = s.note;
    items.push(row);
  }
  for (const r of Object.values(ev.indicators))
    if (!(r.id in indicators)) indicators[r.id] = { ...indicatorFields(r), weight: null, score: null };
  return {
    单位名称: ev.unit,
    评价年度: ev.year,
    scheme: ev.scheme.name,
    notApplicable: ev.scheme.notApplicable,
    indicators,
    items,
    total: formatScore(ev.total),
    provisional: ev.provisional,
    grade: ev.grade,
    blocked: ev.blocked,
    findings: ev.findings.map(findingJson),
  };
}
