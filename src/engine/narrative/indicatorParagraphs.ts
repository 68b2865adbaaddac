/**
 * One paragraph per scheme item in 二（二）自评指标体系: the formula with its inputs and result
 * ("在职人员控制率=在职人员数÷编制数×100%=15÷17×100%=88.24%"), what the result means (docs/narrative.md
 * "Problems and measures"), and the score. A zero denominator is explained in words, never as 0% or 100%; a
 * missing input is named.
 */
import Decimal from 'decimal.js';
import type { Evaluation, IndicatorResult, ItemScore } from '../types';
import {
  changeWords,
  listWords,
  proseAmount,
  proseCount,
  proseNumber,
  prosePoints,
  proseRate,
  proseScore,
  proseWeight,
  sentence,
} from './words';

const QUARTER_WORDS = ['一季度', '二季度', '三季度', '四季度'];

/** The value of an input, from the indicator's trace first, else from the readings. */
export function inputValue(ev: Evaluation, name: string, ind?: IndicatorResult): Decimal | undefined {
  const traced = ind?.inputs.find((t) => t.input === name);
  if (traced?.value) return traced.value;
  const r = ev.inputs[name];
  return r && r.status === 'found' && Decimal.isDecimal(r.value) ? (r.value as Decimal) : undefined;
}

/** 在职人员数 ÷ 编制数 × 100% → 在职人员数÷编制数×100%, with full-width brackets for prose. */
function proseFormula(formula: string): string {
  return formula.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

/** The formula with every input replaced by its value (longest names first: 上年三公经费支出数 before 三公经费支出数). */
function substituted(ind: IndicatorResult): string | undefined {
  const names = ind.inputs.filter((t) => t.value).sort((a, b) => b.input.length - a.input.length);
  if (!names.length) return undefined;
  const pattern = new RegExp(names.map((t) => t.input).join('|'), 'g');
  const values = new Map<string, string>(names.map((t) => [t.input, proseNumber(t.value as Decimal)]));
  const text = proseFormula(ind.formula).replace(pattern, (m) => values.get(m) ?? m);
  // An input name left over means the formula names something we have no value for.
  return /[\u4e00-\u9fff]/.test(text.replace(/×100%/, '')) ? undefined : text;
}

function label(ind: IndicatorResult, name: string): string {
  return ind.basis ? `${name}（${ind.basis}）` : name;
}

/** A scheme's 三级指标 in prose: straight quotes ("三公经费"变动率) as Chinese ones. */
export function itemName(level3: string): string {
  return level3.replace(/"([^"]*)"/g, '“$1”');
}

/** "在职人员控制率=在职人员数÷编制数×100%=15÷17×100%=88.24%" (a fall of a change rate ends before the negative result). */
function computation(ind: IndicatorResult, name: string): string {
  const formula = proseFormula(ind.formula);
  const values = substituted(ind);
  const value = ind.value as Decimal;
  if (value.isNegative()) return `${label(ind, name)}=${formula}` + (values ? `=${values}` : '');
  if (values) return `${label(ind, name)}=${formula}=${values}=${proseRate(value)}`;
  if (ind.numerator && ind.denominator)
    return `${label(ind, name)}=${formula}=${proseNumber(ind.numerator)}÷${proseNumber(ind.denominator)}×100%=${proseRate(value)}`;
  return `${label(ind, name)}=${formula}=${proseRate(value)}`;
}

type Explain = (ev: Evaluation, ind: IndicatorResult) => string;

const HUNDRED = new Decimal(100);

function compareTo100(r: Decimal): -1 | 0 | 1 {
  return r.comparedTo(HUNDRED) as -1 | 0 | 1;
}

/** The two amounts a change rate compares, on its basis. */
function changeInputs(ind: IndicatorResult): { current: string; prior: string } {
  const [current, prior] = ind.inputs.map((t) => t.input);
  return { current, prior };
}

function officialExpensesNoun(ind: IndicatorResult): string {
  return ind.basis === '预算口径' ? '“三公”经费预算' : '“三公”经费支出';
}

/** Sentences for an indicator with status ok. */
const EXPLAIN_OK: Record<string, Explain> = {
  在职人员控制率(ev, ind) {
    const staff = inputValue(ev, '在职人员数', ind);
    const posts = inputValue(ev, '编制数', ind);
    const r = ind.value as Decimal;
    if (!staff || !posts) return '';
    const c = compareTo100(r);
    if (c > 0)
      return `年末在职人员${proseCount(staff, '人')}，超出编制${proseCount(staff.minus(posts), '人')}，在职人员控制率高于100%的上限${prosePoints(r.minus(100))}，存在超编问题。`;
    if (c === 0) return '在职人数与编制数相等，未超编制。';
    const vacant = `在职人数未超编制，存在${posts.minus(staff).toFixed()}个空编`;
    return r.lt(90) ? `${vacant}，人员配置偏紧，在岗人员工作负荷较重。` : `${vacant}。`;
  },
  三公经费变动率(ev, ind) {
    const { current, prior } = changeInputs(ind);
    const cur = inputValue(ev, current, ind);
    const pre = inputValue(ev, prior, ind);
    if (!cur || !pre) return '';
    const r = ind.value as Decimal;
    const head = `本年${officialExpensesNoun(ind)}${proseAmount(cur)}，${changeWords(cur, pre, r)}`;
    if (r.gt(0)) return `${head}。“三公”经费未实现压减，需查明增长原因并加以控制。`;
    if (r.lt(0)) return `${head}，落实了厉行节约、过紧日子的要求。`;
    return `${head}。`;
  },
  重点支出安排率(ev, ind) {
    const r = ind.value as Decimal;
    return r.gte(90) ? '项目支出主要用于重点工作。' : '重点项目支出在项目支出中的占比有待提高。';
  },
  预算完成率(ev, ind) {
    const budget = inputValue(ev, '全年预算数', ind);
    const spent = inputValue(ev, '全年执行数', ind);
    if (!budget || !spent) return '';
    const c = compareTo100(ind.value as Decimal);
    if (spent.eq(budget)) return '全年预算全部执行。';
    if (c <= 0 && spent.lt(budget)) return `尚有${proseAmount(budget.minus(spent))}预算未执行，预算执行不到位。`;
    return `全年执行数超出全年预算数${proseAmount(spent.minus(budget))}，需核实超预算支出的依据。`;
  },
  预算调整率(ev, ind) {
    const adjusted = inputValue(ev, '预算调整数', ind);
    if (!adjusted) return '';
    if (adjusted.isZero()) return '年内未调整预算。';
    const r = ind.value as Decimal;
    return r.gt(10)
      ? `年中预算调整${proseAmount(adjusted)}，调整幅度超过10%，年初预算编制的前瞻性和准确性有待提高。`
      : `年中预算调整${proseAmount(adjusted)}，调整幅度在10%以内。`;
  },
  结转结余率(ev, ind) {
    const left = inputValue(ev, '结转结余总额', ind);
    if (!left) return '';
    return left.isZero() ? '年末无结转结余。' : `年末结转结余${proseAmount(left)}，资金使用效益有待提高。`;
  },
  结转结余变动率(ev, ind) {
    const cur = inputValue(ev, '结转结余总额', ind);
    const pre = inputValue(ev, '上年结转结余总额', ind);
    if (!cur || !pre) return '';
    const r = ind.value as Decimal;
    const head = `年末结转结余${proseAmount(cur)}，${changeWords(cur, pre, r)}`;
    return r.gt(0) ? `${head}，存量资金有所增加。` : `${head}。`;
  },
  公用经费控制率(ev, ind) {
    const budget = inputValue(ev, '公用经费预算数', ind);
    const spent = inputValue(ev, '公用经费支出数', ind);
    if (!budget || !spent) return '';
    const r = ind.value as Decimal;
    if (spent.gt(budget)) return `公用经费支出${proseAmount(spent)}，超出预算${proseAmount(spent.minus(budget))}。`;
    if (spent.eq(budget)) return '公用经费支出与预算一致，未超支。';
    if (r.lt(80)) return `公用经费支出仅为预算的${proseRate(r)}，公用经费预算编制偏宽。`;
    return `公用经费支出控制在预算以内，比预算少${proseAmount(budget.minus(spent))}。`;
  },
  三公经费控制率(ev, ind) {
    const budget = inputValue(ev, '三公经费预算数', ind);
    const spent = inputValue(ev, '三公经费支出数', ind);
    if (!budget || !spent) return '';
    if (spent.gt(budget)) return `“三公”经费支出超出预算${proseAmount(spent.minus(budget))}。`;
    if (spent.eq(budget)) return '“三公”经费支出与预算一致，未超出预算。';
    return `“三公”经费支出未超出预算，比预算少${proseAmount(budget.minus(spent))}。`;
  },
  政府采购执行率(ev, ind) {
    const budget = inputValue(ev, '政府采购预算数', ind);
    const spent = inputValue(ev, '政府采购金额', ind);
    if (!budget || !spent) return '';
    if (spent.eq(budget)) return '政府采购按计划执行。';
    if (spent.lt(budget)) return `实际采购金额比采购预算少${proseAmount(budget.minus(spent))}，采购计划未完全执行。`;
    return `实际采购金额超出采购预算${proseAmount(spent.minus(budget))}，存在超计划采购。`;
  },
  固定资产利用率(ev, ind) {
    const all = inputValue(ev, '固定资产总额', ind);
    const used = inputValue(ev, '在用固定资产总额', ind);
    if (!all || !used) return '';
    if (used.gte(all)) return '固定资产全部在用，无闲置。';
    return `有${proseAmount(all.minus(used))}固定资产未在用，存在闲置资产。`;
  },
  实际完成率: (ev, ind) => workSentence(ev, ind, '计划工作数', '实际完成工作数', '完成', '全部完成', '未完成'),
  完成及时率: (ev, ind) =>
    workSentence(ev, ind, '计划工作数', '及时完成工作数', '按时完成', '全部按时完成', '未按时完成'),
  质量达标率: (ev, ind) =>
    workSentence(ev, ind, '计划工作数', '质量达标工作数', '质量达标', '全部质量达标', '质量未达标'),
  重点工作办结率: (ev, ind) => workSentence(ev, ind, '重点工作交办数', '重点工作办结数', '办结', '全部办结', '未办结'),
  满意度(ev, ind) {
    const r = ind.value as Decimal;
    return r.gte(90) ? '' : '满意度未达到90%，服务质量有待提升。';
  },
};

function workSentence(
  ev: Evaluation,
  ind: IndicatorResult,
  planName: string,
  doneName: string,
  did: string,
  all: string,
  notDone: string,
): string {
  const plan = inputValue(ev, planName, ind);
  const done = inputValue(ev, doneName, ind);
  if (!plan || !done) return '';
  const planned =
    planName === '重点工作交办数' ? `交办重点工作${proseCount(plan, '件')}` : `计划工作${proseCount(plan, '件')}`;
  if (done.gte(plan)) return `${planned}，${all}。`;
  return `${planned}，${did}${proseCount(done, '件')}，尚有${proseCount(plan.minus(done), '件')}${notDone}。`;
}

/** 支付进度率: every quarter against its 序时进度, the quarterly increments, and the Q4 check. */
function paymentProgress(ev: Evaluation, ind: IndicatorResult): string {
  const quarters = ind.quarters ?? [];
  const parts = quarters.map((q) => {
    const name = QUARTER_WORDS[q.quarter - 1];
    const gap = q.progress.minus(q.target);
    const against = gap.isNegative()
      ? `，低于序时进度（${proseRate(q.target)}）${prosePoints(gap)}`
      : gap.isZero()
        ? `，与序时进度（${proseRate(q.target)}）持平`
        : `，高于序时进度（${proseRate(q.target)}）${prosePoints(gap)}`;
    return `${name}末累计支出${proseAmount(q.spent)}，支付进度${proseRate(q.progress)}${against}`;
  });
  const out: string[] = [`支付进度率=季度末累计支出÷全年预算数×100%，与序时进度比较。${parts.join('；')}。`];
  const complete = quarters.length > 1 && quarters.every((q, i) => q.quarter === i + 1);
  if (complete) {
    const increments = quarters.map((q, i) => (i === 0 ? q.spent : q.spent.minus(quarters[i - 1].spent)));
    if (increments.every((d) => !d.isNegative())) {
      const span = quarters.length === 2 ? '一、二季度' : `一至${QUARTER_WORDS[quarters.length - 1]}`;
      out.push(`${span}分别支出${increments.map((d) => proseAmount(d)).join('、')}。`);
    }
  }
  const lagging = quarters.filter((q) => q.lagging).map((q) => QUARTER_WORDS[q.quarter - 1]);
  if (lagging.length === quarters.length && quarters.length > 1)
    out.push('各季度支付进度均低于序时进度，支出进度不均衡。');
  else if (lagging.length) out.push(`${listWords(lagging)}支付进度低于序时进度，支出进度不够均衡。`);
  else out.push('各季度支付进度均达到序时进度。');
  const q4 = quarters.find((q) => q.quarter === 4);
  const spent = inputValue(ev, '全年执行数');
  if (q4 && spent && !q4.spent.eq(spent)) {
    out.push(
      `四季度末累计支出与全年执行数${proseAmount(spent)}相差${proseAmount(q4.spent.minus(spent).abs())}，季度支出数据与全年执行数不一致，需核实。`,
    );
  }
  return out.join('');
}

/** Why a zero denominator leaves the indicator out, in words. */
function notApplicableWords(ev: Evaluation, ind: IndicatorResult): string {
  if (ind.id === '三公经费变动率' || ind.id === '结转结余变动率') {
    const { current } = changeInputs(ind);
    const cur = inputValue(ev, current, ind);
    const noun =
      ind.id === '结转结余变动率' ? '结转结余' : ind.basis === '预算口径' ? '“三公”经费预算' : '“三公”经费支出';
    if (cur && !cur.isZero()) return `上年无${noun}，本年新增${proseAmount(cur)}，不计算变动率。`;
    if (cur) return `本年和上年均无${noun}，不计算变动率。`;
  }
  return ind.reason ? `${sentence(ind.reason).replace(/。$/, '')}，该项不适用。` : '该项不适用。';
}

/**
 * The score of the item, or what is left to do. `byHand` continues a sentence that already says why
 * the unit scores the item itself ("该项为定性指标，" / "…该项无法计算，").
 */
function scoreWords(s: ItemScore, byHand: string): string {
  const weight = proseWeight(s.item.weight);
  if (s.excluded) return '该项未纳入评分，综合得分按其余指标分值折算为百分制。';
  if (byHand)
    return s.score
      ? `${byHand}由本单位对照评分标准评分，得分${proseScore(s.score)}（分值${weight}）。`
      : `${byHand}分值${weight}，尚未评分（请在评分表中填写得分）。`;
  if (!s.score) return `该项分值${weight}，尚未得出得分。`;
  if (s.indicator?.status === 'not_applicable') return `该项按满分计，得分${proseScore(s.score)}（分值${weight}）。`;
  return `该项得分${proseScore(s.score)}（分值${weight}）。`;
}

/** "“重点项目支出”和“项目支出总额”": input names quoted, so that they read as data items. */
export function quotedInputs(names: string[]): string {
  return listWords(names.map((n) => `“${n}”`));
}

/** The lead of an item: its name and every sentence the figures give. */
export function itemSentences(ev: Evaluation, s: ItemScore): string {
  const ind = s.indicator;
  const name = itemName(s.item.level3);
  const parts: string[] = [`${name}。`];
  let byHand = '';
  if (ind?.status === 'ok') {
    if (ind.id === '支付进度率' && ind.quarters?.length) parts.push(paymentProgress(ev, ind));
    else if (ind.id === '满意度')
      parts.push(`社会公众或服务对象满意度为${proseRate(ind.value as Decimal)}（满意度调查结果）。`);
    else parts.push(sentence(computation(ind, name)));
    const explain = EXPLAIN_OK[ind.id];
    if (explain) parts.push(explain(ev, ind));
  } else if (ind?.status === 'not_applicable') {
    parts.push(notApplicableWords(ev, ind));
  } else if (ind?.status === 'not_computable') {
    byHand = ind.missing?.length
      ? `因基础数据缺少${quotedInputs(ind.missing)}，该项无法计算，`
      : `${(ind.reason ?? '该项无法计算').replace(/[。；]$/, '')}，`;
  } else if (s.manual) {
    byHand = '该项为定性指标，';
  }
  parts.push(scoreWords(s, s.manual ? byHand || '该项' : ''));
  if (s.note?.trim()) parts.push(`评分说明：${sentence(s.note.trim())}`);
  return parts.join('');
}
