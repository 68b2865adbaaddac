/**
 * The 17 indicators of 部门整体支出 (财预〔2013〕53号), declared as data: docs/indicators.md "The indicators".
 * A zero denominator makes an indicator not applicable, with the reason in Chinese; a missing or
 * invalid optional input makes it not computable, naming the inputs.
 */
import type Decimal from 'decimal.js';
import type { IndicatorResult } from './types';
import {
  type IndicatorContext,
  type IndicatorDef,
  change,
  computeChange,
  changeFormula,
  inputItself,
  ratio,
} from './indicatorKinds';
import { paymentProgressRate } from './paymentProgress';
import { proseAmount } from './format';

export const staffControlRate = ratio({
  id: '在职人员控制率',
  numerator: '在职人员数',
  denominator: '编制数',
  whenZero: (n) => (n.isZero() ? '编制数为0，且无在职人员' : `编制数为0，在职人员${n.toFixed()}人`),
});

/** Default 决算口径; Scheme.officialExpensesBasis 预算口径 compares this year's budget with last year's. */
export const officialExpensesChange: IndicatorDef = {
  id: '三公经费变动率',
  kind: 'change',
  formula: changeFormula('三公经费支出数', '上年三公经费支出数'),
  inputs: ['三公经费支出数', '上年三公经费支出数', '三公经费预算数', '上年三公经费预算数'],
  compute(ctx: IndicatorContext): IndicatorResult {
    const result =
      ctx.officialExpensesBasis === '预算口径'
        ? computeChange('三公经费变动率', ctx, '三公经费预算数', '上年三公经费预算数')
        : computeChange('三公经费变动率', ctx, '三公经费支出数', '上年三公经费支出数');
    result.basis = ctx.officialExpensesBasis;
    return result;
  },
};

export const keySpendingShare = ratio({
  id: '重点支出安排率',
  numerator: '重点项目支出',
  denominator: '项目支出总额',
  whenZero: () => '无项目支出（项目支出总额为0）',
});

const noBudget = () => '全年预算数为0';

export const budgetCompletionRate = ratio({
  id: '预算完成率',
  numerator: '全年执行数',
  denominator: '全年预算数',
  whenZero: noBudget,
});
export const budgetAdjustmentRate = ratio({
  id: '预算调整率',
  numerator: '预算调整数',
  denominator: '全年预算数',
  whenZero: noBudget,
});
export { paymentProgressRate };
export const carryoverRate = ratio({
  id: '结转结余率',
  numerator: '结转结余总额',
  denominator: '全年预算数',
  whenZero: noBudget,
});
export const carryoverChange = change({ id: '结转结余变动率', current: '结转结余总额', prior: '上年结转结余总额' });

/** "未安排公用经费预算", and the spending when there was some anyway. */
function noBudgetFor(what: string) {
  return (n: Decimal) => (n.isZero() ? `未安排${what}预算` : `未安排${what}预算，但支出${proseAmount(n)}`);
}

export const publicFundsControlRate = ratio({
  id: '公用经费控制率',
  numerator: '公用经费支出数',
  denominator: '公用经费预算数',
  whenZero: noBudgetFor('公用经费'),
});
export const officialExpensesControlRate = ratio({
  id: '三公经费控制率',
  numerator: '三公经费支出数',
  denominator: '三公经费预算数',
  whenZero: noBudgetFor('三公经费'),
});
export const procurementExecutionRate = ratio({
  id: '政府采购执行率',
  numerator: '政府采购金额',
  denominator: '政府采购预算数',
  whenZero: noBudgetFor('政府采购'),
});
export const fixedAssetUseRate = ratio({
  id: '固定资产利用率',
  numerator: '在用固定资产总额',
  denominator: '固定资产总额',
  whenZero: () => '无固定资产（固定资产总额为0）',
});

const noPlan = () => '无计划工作（计划工作数为0）';
export const taskCompletionRate = ratio({
  id: '实际完成率',
  numerator: '实际完成工作数',
  denominator: '计划工作数',
  whenZero: noPlan,
});
export const onTimeRate = ratio({
  id: '完成及时率',
  numerator: '及时完成工作数',
  denominator: '计划工作数',
  whenZero: noPlan,
});
export const qualityRate = ratio({
  id: '质量达标率',
  numerator: '质量达标工作数',
  denominator: '计划工作数',
  whenZero: noPlan,
});
export const keyTaskCompletionRate = ratio({
  id: '重点工作办结率',
  numerator: '重点工作办结数',
  denominator: '重点工作交办数',
  whenZero: () => '无交办的重点工作（重点工作交办数为0）',
});

export const satisfaction = inputItself({ id: '满意度', input: '满意度', formula: '满意度调查结果（%）' });

/** In the order of docs/indicators.md. */
export const INDICATORS: readonly IndicatorDef[] = [
  staffControlRate,
  officialExpensesChange,
  keySpendingShare,
  budgetCompletionRate,
  budgetAdjustmentRate,
  paymentProgressRate,
  carryoverRate,
  carryoverChange,
  publicFundsControlRate,
  officialExpensesControlRate,
  procurementExecutionRate,
  fixedAssetUseRate,
  taskCompletionRate,
  onTimeRate,
  qualityRate,
  keyTaskCompletionRate,
  satisfaction,
];

export const INDICATOR_BY_ID: ReadonlyMap<string, IndicatorDef> = new Map(INDICATORS.map((d) => [d.id, d]));

export function computeIndicators(ctx: IndicatorContext): Record<string, IndicatorResult> {
  const out: Record<string, IndicatorResult> = {};
  for (const def of INDICATORS) out[def.id] = def.compute(ctx);
  return out;
}
