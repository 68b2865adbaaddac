/**
 * The five rule kinds of a scheme (docs/indicators.md "Scoring schemes"), each declared with what it
 * fits, how it scores the displayed (2-decimal) indicator value, why points were lost, and its
 * 评分标准 text. Scores are clamped to [0, 分值] ("扣完为止") and rounded half-up to 2 decimals.
 */
import Decimal from 'decimal.js';
import type { Band, IndicatorResult, Rule, SchemeItem } from './types';
import type { IndicatorKind } from './indicatorKinds';
import { Exact, HUNDRED, ZERO, cmp, dec, eq, gt, gte, lte, round2 } from './decimal';

const CENT = new Exact('0.01');
import { formatPercent, formatScore } from './format';
import { QUARTER_NAMES } from './paymentProgress';

export interface RuleOutcome {
  score: Decimal;
  /** Why points were lost; absent at full marks. */
  deduction?: string;
}

export interface RuleKindDef<K extends Rule['kind']> {
  kind: K;
  label: string;
  /** Why the rule cannot score an indicator of this kind, or undefined when it fits. */
  unfit(indicator: { id: string; kind: IndicatorKind } | undefined): string | undefined;
  /** Only called with an ok indicator (manual items are never scored by a rule). */
  score(rule: Extract<Rule, { kind: K }>, weight: Decimal, indicator: IndicatorResult): RuleOutcome;
  describe(rule: Extract<Rule, { kind: K }>, item: SchemeItem): string;
}

function clamp(score: Decimal, weight: Decimal): Decimal {
  if (score.isNeg()) return ZERO;
  return gt(score, weight) ? weight : score;
}

/** "三公经费较上年增长12.24%", "在职人员控制率为88.24%". */
export function valuePhrase(indicator: IndicatorResult, value: Decimal): string {
  const change =
    indicator.id === '三公经费变动率' ? '三公经费' : indicator.id === '结转结余变动率' ? '结转结余' : undefined;
  if (change) {
    if (value.isZero()) return `${change}与上年持平`;
    return `${change}较上年${value.isNeg() ? '下降' : '增长'}${formatPercent(value.abs())}`;
  }
  return `${indicator.id}为${formatPercent(value)}`;
}

function needsIndicator(indicator: { id: string } | undefined): string | undefined {
  return indicator ? undefined : '未指定计分的指标';
}

export const proportional: RuleKindDef<'proportional'> = {
  kind: 'proportional',
  label: '按比例计分',
  unfit(indicator) {
    if (!indicator) return needsIndicator(indicator);
    if (indicator.kind === 'change') return `${indicator.id}是变动率，可能为负，不能按比例计分`;
    return undefined;
  },
  score(rule, weight, indicator) {
    const value = indicator.value as Decimal;
    const target = dec(rule.target ?? 100);
    if (gte(value, target)) return { score: weight };
    const share = weight.times(value);
    const score = clamp(round2(eq(target, HUNDRED) ? share.times(CENT) : share.div(target)), weight);
    return {
      score,
      deduction: `${valuePhrase(indicator, value)}，未达到目标值${target.toFixed()}%，按比例计分：${weight.toFixed()}×${formatPercent(value)}÷${target.toFixed()}%=${formatScore(score)}分`,
    };
  },
  describe(rule) {
    const t = rule.target ?? 100;
    return `得分＝分值×指标值÷${t}%，达到${t}%得满分`;
  },
};

export const ceiling: RuleKindDef<'ceiling'> = {
  kind: 'ceiling',
  label: '超限扣分',
  unfit: needsIndicator,
  score(rule, weight, indicator) {
    const value = indicator.value as Decimal;
    const limit = dec(rule.limit);
    if (lte(value, limit)) return { score: weight };
    const lost = value.minus(limit).times(dec(rule.perPoint));
    const score = clamp(round2(weight.minus(lost)), weight);
    const tail = score.isZero() ? '，扣完为止' : `，扣${formatScore(weight.minus(score))}分`;
    return {
      score,
      deduction: `${valuePhrase(indicator, value)}，超过${rule.limit}%，每1个百分点扣${rule.perPoint}分${tail}`,
    };
  },
  describe(rule, item) {
    const id = item.indicator ?? item.level3;
    return `${id}≤${rule.limit}%得满分，每超过1个百分点扣${rule.perPoint}分，扣完为止`;
  },
};

export function inBand(value: Decimal, band: Band): boolean {
  if (band.min !== undefined) {
    const c = cmp(value, dec(band.min));
    if (c < 0 || (c === 0 && !band.minIncluded)) return false;
  }
  if (band.max !== undefined) {
    const c = cmp(value, dec(band.max));
    if (c > 0 || (c === 0 && !band.maxIncluded)) return false;
  }
  return true;
}

/** "≥90%", "<60%", "=0%", "10%（不含）至20%（含）". */
export function bandText(band: Band): string {
  const { min, max } = band;
  if (min !== undefined && max !== undefined) {
    if (min === max) return `=${min}%`;
    return `${min}%（${band.minIncluded ? '含' : '不含'}）至${max}%（${band.maxIncluded ? '含' : '不含'}）`;
  }
  if (min !== undefined) return `${band.minIncluded ? '≥' : '>'}${min}%`;
  if (max !== undefined) return `${band.maxIncluded ? '≤' : '<'}${max}%`;
  return '任意值';
}

export const bands: RuleKindDef<'bands'> = {
  kind: 'bands',
  label: '分档计分',
  unfit: needsIndicator,
  score(rule, weight, indicator) {
    const value = indicator.value as Decimal;
    const band = rule.bands.find((b) => inBand(value, b));
    if (!band) return { score: ZERO, deduction: `${valuePhrase(indicator, value)}，不在评分标准的任何区间内，得0分` };
    const score = clamp(round2(dec(band.score)), weight);
    if (gte(score, weight)) return { score };
    return {
      score,
      deduction: `${valuePhrase(indicator, value)}，在${bandText(band)}区间，得${band.score}分（满分${weight.toFixed()}分）`,
    };
  },
  describe(rule) {
    return rule.bands.map((b) => `${bandText(b)}得${b.score}分`).join('；');
  },
};

export const quarterly: RuleKindDef<'quarterly'> = {
  kind: 'quarterly',
  label: '按季度序时进度计分',
  unfit(indicator) {
    if (!indicator) return needsIndicator(indicator);
    return indicator.kind === 'quarterly' ? undefined : `按季度序时进度计分只适用于支付进度率，不适用于${indicator.id}`;
  },
  score(_rule, weight, indicator) {
    const quarters = indicator.quarters ?? [];
    if (!quarters.length) return { score: ZERO, deduction: '无季度支付数据，得0分' };
    let sum: Decimal = new Exact(0);
    let lagging = 0;
    for (const q of quarters) {
      if (q.lagging) {
        sum = sum.plus(q.progress.div(q.target));
        lagging++;
      } else sum = sum.plus(1);
    }
    if (!lagging) return { score: weight };
    const score = clamp(round2(weight.times(sum).div(quarters.length)), weight);
    const behind = quarters
      .filter((q) => q.lagging)
      .map((q) => `${QUARTER_NAMES[q.quarter - 1]}${formatPercent(q.progress)}（序时${q.target.toFixed()}%）`)
      .join('、');
    return { score, deduction: `支付进度低于序时进度：${behind}，按各季度完成序时进度的平均比例计分` };
  },
  describe() {
    return '各季度累计支付进度与序时进度（25%、50%、75%、100%）比较，得分＝分值×各季度完成序时进度比例（最高100%）的平均数';
  },
};

export const manual: RuleKindDef<'manual'> = {
  kind: 'manual',
  label: '人工评分',
  unfit: () => undefined,
  score: () => ({ score: ZERO }),
  describe: () => '人工评分：达成目标得分值的80%–100%，部分达成得60%–80%，未达成得0–60%',
};

export const RULE_KINDS = { proportional, ceiling, bands, quarterly, manual } as const;

export function ruleKind(kind: Rule['kind']): RuleKindDef<Rule['kind']> | undefined {
  return (RULE_KINDS as Record<string, RuleKindDef<Rule['kind']>>)[kind];
}

export function scoreByRule(rule: Rule, weight: Decimal, indicator: IndicatorResult): RuleOutcome {
  return (ruleKind(rule.kind) as RuleKindDef<typeof rule.kind>).score(rule as never, weight, indicator);
}

/** The 评分标准 generated from the rule, for items whose scheme gives none. */
export function describeRule(item: SchemeItem): string {
  return (ruleKind(item.rule.kind) as RuleKindDef<typeof item.rule.kind>).describe(item.rule as never, item);
}
