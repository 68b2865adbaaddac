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
import { 支付进度率 } from './paymentProgress';
import { proseAmount } from './format';

export const 在职人员控制率 = ratio({
  id: '在职人员控制率',
  numerator: '在职人员数',
  denominator: '编制数',
  whenZero: (n) => (n.isZero() ? '编制数为0，且无在职人员' : `编制数为0，在职人员${n.toFixed()}人`),
});

/** Default 决算口径; Scheme.sangongBasis 预算口径 compares this year's budget with last year's. */
export const 三公经费变动率: IndicatorDef = {
  id: '三公经费变动率',
  kind: 'change',
  formula: changeFormula('三公经费支出数', '上年三公经费支出数'),
  inputs: ['三公经费支出数', '上年三公经费支出数', '三公经费预算数', '上年三公经费预算数'],
  compute(ctx: IndicatorContext): IndicatorResult {
    const result =
      ctx.sangongBasis === '预算口径'
        ? computeChange('三公经费变动率', ctx, '三公经费预算数', '上年三公经费预算数')
        : computeChange('三公经费变动率', ctx, '三公经费支出数', '上年三公经费支出数');
    result.basis = ctx.sangongBasis;
    return result;
  },
};

export const 重点支出安排率 = ratio({
  id: '重点支出安排率',
  numerator: '重点项目支出',
  denominator: '项目支出总额',
  whenZero: () => '无项目支出（项目支出总额为0）',
});

const noBudget = () => '全年预算数为0';

export const 预算完成率 = ratio({
  id: '预算完成率',
  numerator: '全年执行数',
  denominator: '全年预算数',
  whenZero: noBudget,
});
export const 预算调整率 = ratio({
  id: '预算调整率',
  numerator: '预算调整数',
  denominator: '全年预算数',
  whenZero: noBudget,
});
export { 支付进度率 };
export const 结转结余率 = ratio({
  id: '结转结余率',
  numerator: '结转结余总额',
  denominator: '全年预算数',
  whenZero: noBudget,
});
export const 结转结余变动率 = change({ id: '结转结余变动率', current: '结转结余总额', prior: '上年结转结余总额' });

/** "未安排公用经费预算", and the spending when there was some anyway. */
function noBudgetFor(what: string) {
  return (n: Decimal) => (n.isZero() ? `未安排${what}预算` : `未安排${what}预算，但支出${proseAmount(n)}`);
}

export const 公用经费控制率 = ratio({
  id: '公用经费控制率',
  numerator: '公用经费支出数',
  denominator: '公用经费预算数',
  whenZero: noBudgetFor('公用经费'),
});
export const 三公经费控制率 = ratio({
  id: '三公经费控制率',
  numerator: '三公经费支出数',
  denominator: '三公经费预算数',
  whenZero: noBudgetFor('三公经费'),
});
export const 政府采购执行率 = ratio({
  id: '政府采购执行率',
  numerator: '政府采购金额',
  denominator: '政府采购预算数',
  whenZero: noBudgetFor('政府采购'),
});
export const 固定资产利用率 = ratio({
  id: '固定资产利用率',
  numerator: '在用固定资产总额',
  denominator: '固定资产总额',
  whenZero: () => '无固定资产（固定资产总额为0）',
});

const noPlan = () => '无计划工作（计划工作数为0）';
export const 实际完成率 = ratio({
  id: '实际完成率',
  numerator: '实际完成工作数',
  denominator: '计划工作数',
  whenZero: noPlan,
});
export const 完成及时率 = ratio({
  id: '完成及时率',
  numerator: '及时完成工作数',
  denominator: '计划工作数',
  whenZero: noPlan,
});
export const 质量达标率 = ratio({
  id: '质量达标率',
  numerator: '质量达标工作数',
  denominator: '计划工作数',
  whenZero: noPlan,
});
export const 重点工作办结率 = ratio({
  id: '重点工作办结率',
  numerator: '重点工作办结数',
  denominator: '重点工作交办数',
  whenZero: () => '无交办的重点工作（重点工作交办数为0）',
});

export const 满意度 = inputItself({ id: '满意度', input: '满意度', formula: '满意度调查结果（%）' });

/** In the order of docs/indicators.md. */
export const INDICATORS: readonly IndicatorDef[] = [
  在职人员控制率,
  三公经费变动率,
  重点支出安排率,
  预算完成率,
  预算调整率,
  支付进度率,
  结转结余率,
  结转结余变动率,
  公用经费控制率,
  三公经费控制率,
  政府采购执行率,
  固定资产利用率,
  实际完成率,
  完成及时率,
  质量达标率,
  重点工作办结率,
  满意度,
];

export const INDICATOR_BY_ID: ReadonlyMap<string, IndicatorDef> = new Map(INDICATORS.map((d) => [d.id, d]));

export function computeIndicators(ctx: IndicatorContext): Record<string, IndicatorResult> {
  const out: Record<string, IndicatorResult> = {};
  for (const def of INDICATORS) out[def.id] = def.compute(ctx);
  return out;
}
