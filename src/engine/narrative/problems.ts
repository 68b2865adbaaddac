/**
 * 四、存在的问题和整改情况: every warning finding becomes a problem in （一） and its matching measure
 * in （二）, numbered alike (framework.md §7.2). The engine's own Finding.problem / Finding.measure
 * win when it supplies them; otherwise the rule table below words them from the evaluation. When no
 * rule fires, R19's usual non-numeric problems are used.
 */
import Decimal from 'decimal.js';
import type { Evaluation, Finding, IndicatorResult } from '../types';
import { inputValue } from './indicatorParagraphs';
import { changeWords, proseAmount, proseCount, prosePoints, proseRate, sentence } from './words';

export interface Problem {
  code: string;
  problem: string;
  measure: string;
}

/** Findings that describe the self-evaluation itself, not the department: they are reported elsewhere. */
const NOT_A_PROBLEM = new Set(['manual-scores-missing', 'missing-text', 'number-as-text']);

/** The order of framework.md §7.2, so that the report reads the same from run to run. */
const ORDER = [
  'over-establishment',
  'sangong-increase',
  'sangong-over-budget',
  'budget-underexecution',
  'execution-exceeds-budget',
  'budget-adjustment',
  'payment-progress-lag',
  'payment-progress-mismatch',
  'carryover',
  'public-funds-over',
  'procurement-deviation',
  'idle-assets',
  'tasks-incomplete',
];

const QUARTER_WORDS = ['一季度', '二季度', '三季度', '四季度'];

type Wording = (ev: Evaluation, f: Finding) => { problem: string; measure: string } | undefined;

function ok(ev: Evaluation, id: string): IndicatorResult | undefined {
  const ind = ev.indicators[id];
  return ind && ind.status === 'ok' && ind.value ? ind : undefined;
}

const RULES: Record<string, Wording> = {
  'over-establishment'(ev) {
    const ind = ok(ev, '在职人员控制率');
    const staff = inputValue(ev, '在职人员数', ind);
    const posts = inputValue(ev, '编制数', ind);
    if (!ind || !staff || !posts) return undefined;
    return {
      problem: `在职人员超编。年末在职人员${proseCount(staff, '人')}，超出编制${proseCount(staff.minus(posts), '人')}，在职人员控制率为${proseRate(ind.value as Decimal)}。`,
      measure: '严格编制管理。严格执行机构编制规定，从严控制人员进入，通过自然减员等方式逐步消化超编人员。',
    };
  },
  'sangong-increase'(ev) {
    const ind = ok(ev, '三公经费变动率');
    if (!ind) return undefined;
    const [current, prior] = ind.inputs.map((t) => t.input);
    const cur = inputValue(ev, current, ind);
    const pre = inputValue(ev, prior, ind);
    if (!cur || !pre) return undefined;
    const noun = ind.basis === '预算口径' ? '“三公”经费预算' : '“三公”经费支出';
    return {
      problem: `“三公”经费未能压减。本年${noun}${proseAmount(cur)}，${changeWords(cur, pre, ind.value)}。`,
      measure:
        '从严控制“三公”经费。落实过紧日子要求，严格公务用车、公务接待和因公出国（境）的审批和标准，确保“三公”经费只减不增。',
    };
  },
  'sangong-over-budget'(ev) {
    const budget = inputValue(ev, '三公经费预算数');
    const spent = inputValue(ev, '三公经费支出数');
    if (!budget || !spent || !spent.gt(budget)) return undefined;
    return {
      problem: `“三公”经费超出预算。“三公”经费支出${proseAmount(spent)}，预算${proseAmount(budget)}，超出${proseAmount(spent.minus(budget))}。`,
      measure: '强化“三公”经费预算约束。严格按预算控制“三公”经费，确需超支的按程序报批调整预算。',
    };
  },
  'budget-underexecution'(ev) {
    const ind = ok(ev, '预算完成率');
    const budget = inputValue(ev, '全年预算数', ind);
    const spent = inputValue(ev, '全年执行数', ind);
    if (!ind || !budget || !spent || !spent.lt(budget)) return undefined;
    return {
      problem: `预算执行不到位。全年预算${proseAmount(budget)}，执行${proseAmount(spent)}，预算完成率${proseRate(ind.value as Decimal)}，尚有${proseAmount(budget.minus(spent))}未执行。`,
      measure: '加快预算执行。按照工作计划及时组织支出，同时提高预算编制的精准度，避免资金闲置。',
    };
  },
  'execution-exceeds-budget'(ev) {
    const budget = inputValue(ev, '全年预算数');
    const spent = inputValue(ev, '全年执行数');
    if (!budget || !spent || !spent.gt(budget)) return undefined;
    return {
      problem: `支出超出预算。全年执行数${proseAmount(spent)}，超出全年预算数${proseAmount(spent.minus(budget))}。`,
      measure: '严格按预算支出。无预算不支出，确需增加支出的，按程序办理预算调整。',
    };
  },
  'budget-adjustment'(ev) {
    const ind = ok(ev, '预算调整率');
    const adjusted = inputValue(ev, '预算调整数', ind);
    if (!ind || !adjusted) return undefined;
    return {
      problem: `预算调整幅度较大。年中预算调整${proseAmount(adjusted)}，预算调整率${proseRate(ind.value as Decimal)}，年初预算编制的前瞻性和准确性有待提高。`,
      measure: '提高年初预算编制质量。细化年初预算，充分预计人员经费调整等年内因素，减少年中追加和调整。',
    };
  },
  'payment-progress-lag'(ev) {
    const ind = ok(ev, '支付进度率');
    const lagging = (ind?.quarters ?? []).filter((q) => q.lagging);
    if (!lagging.length) return undefined;
    const each = lagging.map(
      (q) =>
        `${QUARTER_WORDS[q.quarter - 1]}末${proseRate(q.progress)}，低于序时进度${prosePoints(q.progress.minus(q.target))}`,
    );
    return {
      problem: `支出进度不均衡。累计支付进度${each.join('；')}。`,
      measure: '按序时进度均衡支出。编制分月用款计划，按月跟踪、按季通报支出进度，对进度滞后的资金及时督促。',
    };
  },
  'payment-progress-mismatch'(ev) {
    const ind = ev.indicators['支付进度率'];
    const q4 = ind?.quarters?.find((q) => q.quarter === 4);
    const spent = inputValue(ev, '全年执行数');
    if (!q4 || !spent) return undefined;
    return {
      problem: `季度支出数据与全年执行数不一致。四季度末累计支出${proseAmount(q4.spent)}，全年执行数${proseAmount(spent)}，相差${proseAmount(q4.spent.minus(spent).abs())}。`,
      measure: '加强财务数据核对。逐月核对支出台账、国库支付数据与决算数据，确保各项数据口径一致。',
    };
  },
  carryover(ev) {
    const left = inputValue(ev, '结转结余总额');
    const ind = ok(ev, '结转结余率');
    if (!left || !ind) return undefined;
    return {
      problem: `年末形成结转结余。年末结转结余${proseAmount(left)}，结转结余率${proseRate(ind.value as Decimal)}，资金使用效益有待提高。`,
      measure: '盘活存量资金。精准编制预算，加快项目实施和资金支付，及时清理结转结余资金。',
    };
  },
  'public-funds-over'(ev) {
    const budget = inputValue(ev, '公用经费预算数');
    const spent = inputValue(ev, '公用经费支出数');
    if (!budget || !spent || !spent.gt(budget)) return undefined;
    return {
      problem: `公用经费超出预算。公用经费支出${proseAmount(spent)}，超出预算${proseAmount(spent.minus(budget))}。`,
      measure: '压减一般性支出。按定额标准编制公用经费预算，严控会议、培训、差旅等支出。',
    };
  },
  'procurement-deviation'(ev) {
    const budget = inputValue(ev, '政府采购预算数');
    const spent = inputValue(ev, '政府采购金额');
    const ind = ok(ev, '政府采购执行率');
    if (!budget || !spent || !ind) return undefined;
    const problem = spent.lt(budget)
      ? `政府采购计划未完全执行。实际采购${proseAmount(spent)}，采购预算${proseAmount(budget)}，执行率${proseRate(ind.value as Decimal)}。`
      : `超计划采购。实际采购${proseAmount(spent)}，超出采购预算${proseAmount(spent.minus(budget))}。`;
    return { problem, measure: '加强政府采购计划管理。按实际需求编制采购预算，严格按计划组织采购。' };
  },
  'idle-assets'(ev) {
    const all = inputValue(ev, '固定资产总额');
    const used = inputValue(ev, '在用固定资产总额');
    if (!all || !used || !used.lt(all)) return undefined;
    return {
      problem: `存在闲置资产。固定资产${proseAmount(all)}，其中未在用${proseAmount(all.minus(used))}。`,
      measure: '盘活闲置资产。对闲置资产进行清查，通过调剂使用、出租或按规定处置等方式盘活。',
    };
  },
  'tasks-incomplete'(ev) {
    const below = ['实际完成率', '完成及时率', '质量达标率', '重点工作办结率']
      .map((id) => ok(ev, id))
      .filter((ind): ind is IndicatorResult => !!ind && (ind.value as Decimal).lt(100));
    if (!below.length) return undefined;
    return {
      problem: `部分工作任务未完成。${below.map((ind) => `${ind.id}${proseRate(ind.value as Decimal)}`).join('，')}。`,
      measure: '加强工作督办。对未完成和未按时完成的任务逐项明确责任和时限，跟踪督办直至完成。',
    };
  },
};

/** R19: used when no rule derived from the figures fires. */
export const USUAL_PROBLEMS: Problem[] = [
  {
    code: 'R19-targets',
    problem: '绩效目标细化量化不够。部分绩效指标仍以定性描述为主，可衡量的量化指标偏少。',
    measure: '完善绩效指标体系。结合职能和年度工作任务，细化量化绩效目标，提高指标的可衡量性。',
  },
  {
    code: 'R19-use',
    problem: '评价结果运用不足。绩效自评结果与预算安排的衔接还不够紧密。',
    measure: '强化结果运用。将绩效自评结果作为下一年度预算编制和安排的重要依据。',
  },
  {
    code: 'R19-capacity',
    problem: '绩效管理力量薄弱。从事预算绩效管理的人员较少，业务能力有待提高。',
    measure: '加强绩效管理队伍建设。开展预算绩效管理业务培训，明确专人负责绩效管理工作。',
  },
];

function rank(code: string): number {
  const i = ORDER.indexOf(code);
  return i < 0 ? ORDER.length : i;
}

const GENERIC_MEASURE = '查明原因，落实整改。针对上述问题明确责任和时限，逐项整改到位。';

/** Straight quotes of engine wording ("三公"经费) as Chinese quotes (“三公”经费), with a closing 。. */
function reportWording(text: string): string {
  return sentence(text.replace(/"([^"]*)"/g, '“$1”'));
}

/**
 * The problems of the warnings, in the order of the rule table; empty when none fires. A warning
 * about the self-evaluation itself (a manual score out of range, a low scheme target) has no problem
 * wording and stays out: it is not a problem of the department.
 */
export function problemsOf(ev: Evaluation): Problem[] {
  const warnings = ev.findings
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.severity === 'warning' && !NOT_A_PROBLEM.has(f.code))
    .sort((a, b) => rank(a.f.code) - rank(b.f.code) || a.i - b.i);
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const { f } of warnings) {
    const worded = f.problem ? undefined : RULES[f.code]?.(ev, f);
    const problem = f.problem ?? worded?.problem;
    if (!problem) continue;
    const measure = f.measure ?? worded?.measure ?? GENERIC_MEASURE;
    const text = reportWording(problem);
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ code: f.code, problem: text, measure: reportWording(measure) });
  }
  return out;
}
