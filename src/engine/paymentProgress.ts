/**
 * 支付进度率: for each quarter with data, 累计支出 ÷ 全年预算数 compared with the 序时进度
 * 25 / 50 / 75 / 100%; the indicator value is the Q4 (or latest) cumulative progress.
 */
import Decimal from 'decimal.js';
import type { QuarterProgress } from './types';
import { type IndicatorDef, gather, notApplicable, notComputable } from './indicatorKinds';
import { dec, lt, rate } from './decimal';

export const QUARTER_INPUTS = ['一季度累计支出', '二季度累计支出', '三季度累计支出', '四季度累计支出'] as const;
export const QUARTER_NAMES = ['一季度', '二季度', '三季度', '四季度'] as const;
/** 序时进度 at the end of each quarter, in percent. */
export const SCHEDULE_TARGETS = [25, 50, 75, 100] as const;

const formula = '各季度累计支出 ÷ 全年预算数 × 100%，与序时进度25%、50%、75%、100%比较';
const inputs = ['全年预算数', ...QUARTER_INPUTS] as const;

export const paymentProgressRate: IndicatorDef = {
  id: '支付进度率',
  kind: 'quarterly',
  formula,
  inputs,
  compute(ctx) {
    const g = gather(ctx, inputs);
    const budget = g.values[0];
    const invalid = g.missing.filter((name) => ctx.readings[name]?.status === 'invalid');
    const found = g.values.slice(1).some((v) => v !== null);
    if (!budget || invalid.length || !found) {
      const missing =
        !budget || invalid.length
          ? g.missing.filter((n) => n === '全年预算数' || invalid.includes(n))
          : [...QUARTER_INPUTS];
      return notComputable('支付进度率', formula, { ...g, missing });
    }
    if (budget.isZero()) return notApplicable('支付进度率', formula, g, '全年预算数为0');
    const quarters: QuarterProgress[] = [];
    for (let i = 0; i < 4; i++) {
      const spent = g.values[i + 1];
      if (!spent) continue;
      const { exact, value } = rate(spent, budget);
      const target = dec(SCHEDULE_TARGETS[i]);
      const cell = g.trace[i + 1].cell;
      const row: QuarterProgress = {
        quarter: (i + 1) as QuarterProgress['quarter'],
        spent,
        progress: value,
        exact,
        target,
        lagging: lt(value, target),
      };
      if (cell) row.cell = cell;
      quarters.push(row);
    }
    const last = quarters[quarters.length - 1];
    return {
      id: '支付进度率',
      status: 'ok',
      formula,
      inputs: g.trace,
      numerator: last.spent,
      denominator: budget as Decimal,
      exact: last.exact,
      value: last.progress,
      quarters,
    };
  },
};
