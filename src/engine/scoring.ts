/**
 * Scoring a scheme against the computed indicators (docs/indicators.md "Scoring schemes"): rule scores on
 * the displayed value, manual items (and not-computable ones) scored by the clerk or counted 0 with
 * the total provisional, not-applicable items left out and the total rescaled to 100 (or full marks),
 * and the grade read from the total as displayed.
 */
import Decimal from 'decimal.js';
import type { Finding, GradeBand, IndicatorResult, ItemScore, ManualEntries, Scheme, SchemeItem } from './types';
import { Exact, HUNDRED, ZERO, dec, eq, gt, gte, lt, round2 } from './decimal';
import { scoreByRule } from './rules';
import { formatScore } from './format';
import type { InputName } from './catalogue';

export interface Scoring {
  items: ItemScore[];
  total: Decimal;
  provisional: boolean;
  grade: string;
  findings: Finding[];
}

/** The grade of a total, read from the total as displayed (2 decimals): 89.995 shows 90.00 → 优. */
export function gradeOf(grades: readonly GradeBand[], total: Decimal): string {
  const shown = round2(total);
  for (const g of grades) if (gte(shown, dec(g.min))) return g.grade;
  return grades.length ? grades[grades.length - 1].grade : '';
}

/** The clerk's typed score, checked against [0, 分值]; a bad one becomes a finding. */
function manualScore(item: SchemeItem, weight: Decimal, typed: unknown, findings: Finding[]): Decimal | undefined {
  if (typed === undefined || typed === null || typed === '') return undefined;
  const n = typeof typed === 'number' ? typed : typeof typed === 'string' ? Number(typed.trim()) : NaN;
  const at = `评分表中"${item.level3}"的人工得分`;
  if (!Number.isFinite(n)) {
    findings.push({
      code: 'manual-score-invalid',
      severity: 'warning',
      message: `${at}"${String(typed)}"不是数字，未计入合计`,
      inputs: [],
      cells: [],
    });
    return undefined;
  }
  const d = round2(new Exact(n));
  const below = d.isNeg() && !d.isZero();
  if (below || gt(d, weight)) {
    const clamped = below ? ZERO : weight;
    findings.push({
      code: 'manual-score-invalid',
      severity: 'warning',
      message: `${at}${d.toFixed()}超出0至${weight.toFixed()}分的范围，已按${formatScore(clamped)}分计`,
      inputs: [],
      cells: [],
    });
    return clamped;
  }
  return d;
}

export function scoreScheme(
  scheme: Scheme,
  indicators: Record<string, IndicatorResult>,
  manual?: ManualEntries,
): Scoring {
  const findings: Finding[] = [];
  const items: ItemScore[] = [];
  const rescale = scheme.notApplicable !== 'full';
  let sum: Decimal = ZERO;
  let excludedWeight: Decimal = ZERO;
  let anyExcluded = false;
  let provisional = false;
  const unscored: string[] = [];
  const unscoredInputs: InputName[] = [];

  for (const item of scheme.items) {
    const weight = Number.isFinite(item.weight) ? dec(item.weight) : ZERO;
    const indicator = item.indicator !== undefined ? indicators[item.indicator] : undefined;
    const result: ItemScore = { item, manual: false, score: null, excluded: false };
    if (indicator) result.indicator = indicator;
    const note = manual?.notes?.[item.level3];
    if (note !== undefined && note !== '') result.note = note;

    const byHand = item.rule.kind === 'manual' || !indicator || indicator.status === 'not_computable';
    if (byHand) {
      result.manual = true;
      const typed = manualScore(item, weight, manual?.scores?.[item.level3], findings);
      if (typed) {
        result.manualScore = typed;
        result.score = typed;
      } else {
        provisional = true;
        const missing = indicator?.status === 'not_computable' ? (indicator.missing ?? []) : [];
        unscored.push(`${item.level3}（${weight.toFixed()}分${missing.length ? `，缺少${missing.join('、')}` : ''}）`);
        unscoredInputs.push(...missing);
      }
    } else if (indicator.status === 'not_applicable') {
      if (rescale) {
        result.excluded = true;
        anyExcluded = true;
      } else result.score = weight;
    } else {
      const outcome = scoreByRule(item.rule, weight, indicator);
      result.score = outcome.score;
      if (outcome.deduction) result.deduction = outcome.deduction;
      // R17: below 100% yet full marks because the scheme's target is lower (not a rounding to full).
      if (
        item.rule.kind === 'proportional' &&
        (item.rule.target ?? 100) < 100 &&
        indicator.value &&
        lt(indicator.value, HUNDRED) &&
        eq(outcome.score, weight)
      )
        findings.push({
          code: 'full-score-below-target',
          severity: 'info',
          message: `${item.level3}为${indicator.value.toFixed(2)}%，未达到100%，但按目标值${item.rule.target}%计满分${weight.toFixed()}分`,
          inputs: [],
          cells: [],
        });
    }
    if (result.excluded) excludedWeight = excludedWeight.plus(weight);
    else if (result.score && !result.score.isZero()) sum = sum.plus(result.score);
    items.push(result);
  }

  let total: Decimal;
  if (anyExcluded) {
    // Rescaled to 100 over the items left in: sum × 100 ÷ (all 分值 − the 分值 left out).
    let includedWeight: Decimal = ZERO;
    for (const it of scheme.items) if (Number.isFinite(it.weight)) includedWeight = includedWeight.plus(dec(it.weight));
    includedWeight = includedWeight.minus(excludedWeight);
    total = includedWeight.isZero() ? ZERO : round2(sum.times(100).div(includedWeight));
  } else total = round2(sum);

  if (unscored.length)
    findings.push({
      code: 'manual-scores-missing',
      severity: 'warning',
      message: `以下评分项需要在评分表中人工评分，目前按0分计，总分为暂定：${unscored.join('、')}`,
      inputs: [...new Set(unscoredInputs)],
      cells: [],
    });

  return { items, total, provisional, grade: gradeOf(scheme.grades, total), findings };
}
