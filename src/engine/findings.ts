/**
 * The findings the figures raise (docs/indicators.md "Findings"), declared as data: a code, a severity,
 * and a check that returns the finding(s) with a Chinese message naming the figures and their cells.
 * Warnings also carry the problem and the 改进措施 in report wording (docs/narrative.md "Problems and measures"), which the
 * narrative turns into 四、存在的问题和整改情况.
 */
import Decimal from 'decimal.js';
import type { Finding, IndicatorResult, InputReading, Severity } from './types';
import { inputDef, TEXT_INPUTS, type InputName } from './catalogue';
import type { FindingCode } from './findingCodes';
import { formatAmount, formatCount, formatPercent, proseAmount, proseRate } from './format';
import { QUARTER_INPUTS, QUARTER_NAMES } from './paymentProgress';
import { ZERO, dec, eq, gt, lt } from './decimal';

const TEN = dec(10);

export interface FindingContext {
  readings: Record<string, InputReading | undefined>;
  indicators: Record<string, IndicatorResult>;
}

/** A finding as a rule detects it; `write` words it only once the rule has fired. */
export interface FindingDraft {
  code: FindingCode;
  severity: Severity;
  inputs: InputName[];
  cells: string[];
  write: () => Words;
}

export interface Words {
  message: string;
  problem?: string;
  measure?: string;
}

export interface FindingRule {
  code: FindingCode;
  severity: Severity;
  /** The rule of docs/narrative.md "Problems and measures" / "Consistency checks" it implements. */
  source: string;
  check(ctx: FindingContext): FindingDraft | FindingDraft[] | undefined;
}

// ---------------------------------------------------------------------------------------------
// Reading figures for messages
// ---------------------------------------------------------------------------------------------

function num(ctx: FindingContext, name: InputName): Decimal | null {
  const r = ctx.readings[name];
  return r && r.status === 'found' && typeof r.value === 'object' && Decimal.isDecimal(r.value) ? r.value : null;
}

function cellOf(ctx: FindingContext, name: InputName): string | undefined {
  return ctx.readings[name]?.cell;
}

/** A figure in a message: 144.48万元, 15人. */
function amount(name: InputName, v: Decimal): string {
  const unit = inputDef(name).unit;
  return unit === '万元' ? `${formatAmount(v)}万元` : `${formatCount(v)}${unit}`;
}

/** A figure with its source: 144.48万元（基础数据!B17）. */
function fig(ctx: FindingContext, name: InputName, v: Decimal): string {
  const cell = cellOf(ctx, name);
  return cell ? `${amount(name, v)}（${cell}）` : amount(name, v);
}

function cells(ctx: FindingContext, names: readonly InputName[]): string[] {
  const out: string[] = [];
  for (const n of names) {
    const c = cellOf(ctx, n);
    if (c) out.push(c);
  }
  return out;
}

/** A finding of a rule; `write` words it (message, and for the narrative the problem and the measure). */
function finding(
  ctx: FindingContext,
  rule: { code: FindingCode; severity: Severity },
  inputs: InputName[],
  write: () => Words,
): FindingDraft {
  return { code: rule.code, severity: rule.severity, inputs, cells: cells(ctx, inputs), write };
}

/** The finding with its texts. */
export function word(draft: FindingDraft): Finding {
  const words = draft.write();
  const f: Finding = {
    code: draft.code,
    severity: draft.severity,
    message: words.message,
    inputs: draft.inputs,
    cells: draft.cells,
  };
  if (words.problem) f.problem = words.problem;
  if (words.measure) f.measure = words.measure;
  return f;
}

/** The indicator's displayed value when it is ok. */
function valueOf(ctx: FindingContext, id: string): Decimal | undefined {
  const r = ctx.indicators[id];
  return r && r.status === 'ok' ? r.value : undefined;
}

/** Both figures of a comparison, or undefined when either is missing. */
function pair(ctx: FindingContext, a: InputName, b: InputName): [Decimal, Decimal] | undefined {
  const x = num(ctx, a);
  const y = num(ctx, b);
  return x && y ? [x, y] : undefined;
}

// ---------------------------------------------------------------------------------------------
// The rules
// ---------------------------------------------------------------------------------------------

const overEstablishment: FindingRule = {
  code: 'over-establishment',
  severity: 'warning',
  source: 'R2',
  check(ctx) {
    const p = pair(ctx, '在职人员数', '编制数');
    if (!p || !gt(p[0], p[1])) return;
    return finding(ctx, this, ['在职人员数', '编制数'], () => {
      const [staff, posts] = p;
      const over = staff.minus(posts).toFixed();
      const r = valueOf(ctx, '在职人员控制率');
      return {
        message: `在职人员数${fig(ctx, '在职人员数', staff)}超过编制数${fig(ctx, '编制数', posts)}，超编${over}人${r ? `，在职人员控制率${formatPercent(r)}` : ''}`,
        problem: r
          ? `在职人员超编${over}人，在职人员控制率${proseRate(r)}，超出${r.minus(100).toFixed(2)}个百分点`
          : `在职人员超编${over}人`,
        measure: '严格控制编制，逐步消化超编人员，新进人员严格按编制管理',
      };
    });
  },
};

const officialExpensesIncrease: FindingRule = {
  code: 'sangong-increase',
  severity: 'warning',
  source: 'R4 / R5',
  check(ctx) {
    const result = ctx.indicators['三公经费变动率'];
    const basis = result?.basis ?? '决算口径';
    const [current, prior] =
      basis === '预算口径'
        ? (['三公经费预算数', '上年三公经费预算数'] as const)
        : (['三公经费支出数', '上年三公经费支出数'] as const);
    const p = pair(ctx, current, prior);
    if (!p || !gt(p[0], p[1])) return;
    return finding(ctx, this, [current, prior], () => {
      const [cur, pre] = p;
      const rise = cur.minus(pre);
      const what = basis === '预算口径' ? '预算' : '支出';
      const measure =
        '从严审批"三公"经费支出，严格执行中央八项规定精神和厉行节约有关要求，压减公务接待、公务用车和因公出国（境）支出，确保"三公"经费只减不增';
      if (pre.isZero())
        return {
          message: `${prior}为0（${cellOf(ctx, prior) ?? '未注明单元格'}），${current}${fig(ctx, current, cur)}，本年新增${formatAmount(rise)}万元（${basis}）`,
          problem: `上年无"三公"经费${what}，本年新增${proseAmount(rise)}`,
          measure,
        };
      const r = result?.status === 'ok' ? result.value : undefined;
      return {
        message: `${current}${fig(ctx, current, cur)}比${prior}${fig(ctx, prior, pre)}增加${formatAmount(rise)}万元${r ? `，增长${formatPercent(r)}` : ''}（${basis}）`,
        problem: `"三公"经费${what}比上年增加${proseAmount(rise)}${r ? `，增长${proseRate(r)}` : ''}，未实现只减不增`,
        measure,
      };
    });
  },
};

const officialExpensesOverBudget: FindingRule = {
  code: 'sangong-over-budget',
  severity: 'warning',
  source: 'R6',
  check(ctx) {
    const p = pair(ctx, '三公经费支出数', '三公经费预算数');
    if (!p || !gt(p[0], p[1])) return;
    return finding(ctx, this, ['三公经费支出数', '三公经费预算数'], () => {
      const over = p[0].minus(p[1]);
      const r = valueOf(ctx, '三公经费控制率');
      return {
        message: `三公经费支出数${fig(ctx, '三公经费支出数', p[0])}超过三公经费预算数${fig(ctx, '三公经费预算数', p[1])}，超支${formatAmount(over)}万元${r ? `，三公经费控制率${formatPercent(r)}` : ''}`,
        problem: `"三公"经费超出预算${proseAmount(over)}${r ? `，控制率${proseRate(r)}` : ''}`,
        measure: '强化预算约束，"三公"经费确需超支的须按程序报批追加预算',
      };
    });
  },
};

const budgetUnderexecution: FindingRule = {
  code: 'budget-underexecution',
  severity: 'warning',
  source: 'R7',
  check(ctx) {
    const p = pair(ctx, '全年执行数', '全年预算数');
    if (!p || !lt(p[0], p[1])) return;
    return finding(ctx, this, ['全年执行数', '全年预算数'], () => {
      const left = p[1].minus(p[0]);
      const r = valueOf(ctx, '预算完成率');
      return {
        message: `全年执行数${fig(ctx, '全年执行数', p[0])}低于全年预算数${fig(ctx, '全年预算数', p[1])}，未执行${formatAmount(left)}万元${r ? `，预算完成率${formatPercent(r)}` : ''}`,
        problem: `部分预算资金未按计划支出，${r ? `预算完成率${proseRate(r)}，` : ''}未执行${proseAmount(left)}`,
        measure: '加快预算执行进度，提高预算编制的精准度',
      };
    });
  },
};

const executionExceedsBudget: FindingRule = {
  code: 'execution-exceeds-budget',
  severity: 'warning',
  source: 'C3',
  check(ctx) {
    const p = pair(ctx, '全年执行数', '全年预算数');
    if (!p || !gt(p[0], p[1])) return;
    return finding(ctx, this, ['全年执行数', '全年预算数'], () => {
      const over = p[0].minus(p[1]);
      return {
        message: `全年执行数${fig(ctx, '全年执行数', p[0])}超过全年预算数${fig(ctx, '全年预算数', p[1])}，超出${formatAmount(over)}万元，请核对预算调整是否已计入全年预算数`,
        problem: `全年执行数超过全年预算数${proseAmount(over)}，存在超预算支出`,
        measure: '严格按预算执行，确需增加支出的按程序调整预算',
      };
    });
  },
};

const budgetAdjustment: FindingRule = {
  code: 'budget-adjustment',
  severity: 'info',
  source: 'R8',
  check(ctx) {
    const r = valueOf(ctx, '预算调整率');
    const adjusted = num(ctx, '预算调整数');
    if (!r || !adjusted || !gt(adjusted, ZERO)) return;
    const stress = gt(r, TEN);
    return finding(
      ctx,
      { code: this.code, severity: stress ? 'warning' : 'info' },
      ['预算调整数', '全年预算数'],
      () => ({
        message: `预算调整数${fig(ctx, '预算调整数', adjusted)}占全年预算数${fig(ctx, '全年预算数', num(ctx, '全年预算数') as Decimal)}的${formatPercent(r)}${stress ? '，超过10%' : ''}`,
        problem: `年中预算调整${proseAmount(adjusted)}，预算调整率${proseRate(r)}，预算编制的前瞻性和准确性有待提高`,
        measure: '细化年初预算编制，充分预计全年支出需求，减少年中追加调整',
      }),
    );
  },
};

const paymentProgressLag: FindingRule = {
  code: 'payment-progress-lag',
  severity: 'warning',
  source: 'R9',
  check(ctx) {
    const quarters = ctx.indicators['支付进度率']?.quarters ?? [];
    const lagging = quarters.filter((q) => q.lagging);
    if (!lagging.length) return;
    const inputs: InputName[] = [...lagging.map((q) => QUARTER_INPUTS[q.quarter - 1]), '全年预算数'];
    return finding(ctx, this, inputs, () => {
      const all = lagging.length === quarters.length && quarters.length > 1;
      const names = lagging.map((q) => QUARTER_NAMES[q.quarter - 1]);
      return {
        message: `支付进度低于序时进度：${lagging.map((q) => `${QUARTER_NAMES[q.quarter - 1]}${formatPercent(q.progress)}（序时进度${q.target.toFixed()}%）`).join('、')}`,
        problem: `支出进度不均衡，${all ? '各季度' : names.join('、')}累计支付进度${all ? '均' : ''}低于序时进度`,
        measure: '按序时进度均衡支出，建立支出进度定期通报制度，及时解决影响支出进度的问题',
      };
    });
  },
};

const quartersMissing: FindingRule = {
  code: 'quarters-missing',
  severity: 'warning',
  source: 'R9',
  check(ctx) {
    const result = ctx.indicators['支付进度率'];
    const quarters = result?.status === 'ok' ? (result.quarters ?? []) : [];
    if (!quarters.length || quarters.length === 4) return;
    const used = new Set(quarters.map((q) => q.quarter - 1));
    const missing = QUARTER_INPUTS.filter((_, i) => !used.has(i));
    return finding(ctx, this, [...missing], () => ({
      message:
        `支付进度率只按${quarters.map((q) => QUARTER_NAMES[q.quarter - 1]).join('、')}的累计支出计算：` +
        `缺少${missing.join('、')}，得分只反映已有的季度。请补充缺少的季度数据后重新计算。`,
    }));
  },
};

const paymentProgressMismatch: FindingRule = {
  code: 'payment-progress-mismatch',
  severity: 'warning',
  source: 'C1',
  check(ctx) {
    const p = pair(ctx, '四季度累计支出', '全年执行数');
    if (!p || eq(p[0], p[1])) return;
    return finding(ctx, this, ['四季度累计支出', '全年执行数'], () => {
      const gap = p[0].minus(p[1]).abs();
      return {
        message: `四季度累计支出${fig(ctx, '四季度累计支出', p[0])}与全年执行数${fig(ctx, '全年执行数', p[1])}不一致，相差${formatAmount(gap)}万元`,
        problem: `四季度累计支出与全年执行数相差${proseAmount(gap)}，支付进度数据与决算数据不一致`,
        measure: '加强支付进度数据与决算数据的核对，确保数据真实、准确、一致',
      };
    });
  },
};

const carryover: FindingRule = {
  code: 'carryover',
  severity: 'warning',
  source: 'R10 / R11',
  check(ctx) {
    const balance = num(ctx, '结转结余总额');
    if (!balance || !gt(balance, ZERO)) return;
    const prior = num(ctx, '上年结转结余总额');
    const rose = !!prior && gt(balance, prior);
    const inputs: InputName[] = rose
      ? ['结转结余总额', '全年预算数', '上年结转结余总额']
      : ['结转结余总额', '全年预算数'];
    return finding(ctx, this, inputs, () => {
      const r = valueOf(ctx, '结转结余率');
      const rise = rose && prior ? balance.minus(prior) : undefined;
      return {
        message: `年末结转结余总额${fig(ctx, '结转结余总额', balance)}${r ? `，结转结余率${formatPercent(r)}` : ''}${rise && prior ? `，比上年${fig(ctx, '上年结转结余总额', prior)}增加${formatAmount(rise)}万元` : ''}`,
        problem: `年末形成结转结余${proseAmount(balance)}${rise ? `，比上年增加${proseAmount(rise)}` : ''}，资金使用效益有待提高`,
        measure: '精准编制预算，加快预算执行，盘活存量资金',
      };
    });
  },
};

const publicFundsOver: FindingRule = {
  code: 'public-funds-over',
  severity: 'warning',
  source: 'R12',
  check(ctx) {
    const p = pair(ctx, '公用经费支出数', '公用经费预算数');
    if (!p || !gt(p[0], p[1])) return;
    return finding(ctx, this, ['公用经费支出数', '公用经费预算数'], () => {
      const over = p[0].minus(p[1]);
      const r = valueOf(ctx, '公用经费控制率');
      return {
        message: `公用经费支出数${fig(ctx, '公用经费支出数', p[0])}超过公用经费预算数${fig(ctx, '公用经费预算数', p[1])}，超支${formatAmount(over)}万元${r ? `，公用经费控制率${formatPercent(r)}` : ''}`,
        problem: `公用经费超支${proseAmount(over)}${r ? `，控制率${proseRate(r)}` : ''}`,
        measure: '压减一般性支出，严格按定额标准编制和执行公用经费预算',
      };
    });
  },
};

const procurementDeviation: FindingRule = {
  code: 'procurement-deviation',
  severity: 'warning',
  source: 'R13',
  check(ctx) {
    const p = pair(ctx, '政府采购金额', '政府采购预算数');
    if (!p || eq(p[0], p[1])) return;
    return finding(ctx, this, ['政府采购金额', '政府采购预算数'], () => {
      const [spent, budget] = p;
      const measure = '加强政府采购计划管理，按批准的采购预算和计划组织采购';
      if (budget.isZero())
        return {
          message: `未编制政府采购预算（政府采购预算数为0），实际采购${fig(ctx, '政府采购金额', spent)}`,
          problem: `未编制政府采购预算，实际采购${proseAmount(spent)}`,
          measure,
        };
      const r = valueOf(ctx, '政府采购执行率');
      const below = lt(spent, budget);
      const gap = spent.minus(budget).abs();
      return {
        message: `政府采购金额${fig(ctx, '政府采购金额', spent)}${below ? '低于' : '超过'}政府采购预算数${fig(ctx, '政府采购预算数', budget)}，相差${formatAmount(gap)}万元${r ? `，政府采购执行率${formatPercent(r)}` : ''}`,
        problem: below
          ? `政府采购计划未完全执行${r ? `，执行率${proseRate(r)}` : ''}，采购计划编制不够准确`
          : `超计划采购${proseAmount(gap)}${r ? `，执行率${proseRate(r)}` : ''}`,
        measure,
      };
    });
  },
};

const idleAssets: FindingRule = {
  code: 'idle-assets',
  severity: 'warning',
  source: 'R14',
  check(ctx) {
    const p = pair(ctx, '在用固定资产总额', '固定资产总额');
    if (!p || !lt(p[0], p[1])) return;
    return finding(ctx, this, ['在用固定资产总额', '固定资产总额'], () => {
      const idle = p[1].minus(p[0]);
      const r = valueOf(ctx, '固定资产利用率');
      return {
        message: `在用固定资产总额${fig(ctx, '在用固定资产总额', p[0])}低于固定资产总额${fig(ctx, '固定资产总额', p[1])}，闲置${formatAmount(idle)}万元${r ? `，固定资产利用率${formatPercent(r)}` : ''}`,
        problem: `存在闲置资产${proseAmount(idle)}${r ? `，固定资产利用率${proseRate(r)}` : ''}`,
        measure: '对闲置资产进行调剂、盘活，无法使用的按规定处置',
      };
    });
  },
};

const TASK_RATES = [
  ['实际完成率', '实际完成工作数', '计划工作数'],
  ['完成及时率', '及时完成工作数', '计划工作数'],
  ['质量达标率', '质量达标工作数', '计划工作数'],
  ['重点工作办结率', '重点工作办结数', '重点工作交办数'],
] as const;

const tasksIncomplete: FindingRule = {
  code: 'tasks-incomplete',
  severity: 'warning',
  source: 'R15',
  check(ctx) {
    const short: (typeof TASK_RATES)[number][] = [];
    const inputs: InputName[] = [];
    for (const row of TASK_RATES) {
      const r = ctx.indicators[row[0]];
      if (r?.status !== 'ok' || !lt(r.numerator as Decimal, r.denominator as Decimal)) continue;
      short.push(row);
      for (const n of [row[1], row[2]]) if (!inputs.includes(n)) inputs.push(n);
    }
    if (!short.length) return;
    return finding(ctx, this, inputs, () => {
      const parts = short.map(([id, done, planned]) => {
        const r = ctx.indicators[id];
        return `${id}${formatPercent(r.value as Decimal)}（${done}${fig(ctx, done, r.numerator as Decimal)}，${planned}${fig(ctx, planned, r.denominator as Decimal)}）`;
      });
      return {
        message: `工作任务未全部完成：${parts.join('；')}`,
        problem: `部分工作任务未按计划完成：${short.map(([id]) => `${id}${proseRate(ctx.indicators[id].value as Decimal)}`).join('、')}`,
        measure: '加强工作督办，对未完成事项明确责任人和完成时限',
      };
    });
  },
};

/** A part never exceeds its whole (docs/narrative.md "Consistency checks" C3): a data error that blocks the write. */
const PARTS: readonly (readonly [InputName, InputName])[] = [
  ['三公经费支出数', '全年执行数'],
  ['公用经费支出数', '全年执行数'],
  ['重点项目支出', '项目支出总额'],
  ['在用固定资产总额', '固定资产总额'],
  ['实际完成工作数', '计划工作数'],
  ['及时完成工作数', '计划工作数'],
  ['质量达标工作数', '计划工作数'],
  ['重点工作办结数', '重点工作交办数'],
];

const partExceedsTotal: FindingRule = {
  code: 'part-exceeds-total',
  severity: 'error',
  source: 'C3',
  check(ctx) {
    const out: FindingDraft[] = [];
    for (const [part, whole] of PARTS) {
      const p = pair(ctx, part, whole);
      if (!p || !gt(p[0], p[1])) continue;
      out.push(
        finding(ctx, this, [part, whole], () => ({
          message: `${part}${fig(ctx, part, p[0])}大于${whole}${fig(ctx, whole, p[1])}：部分不能超过总数，请核对这两项数据`,
        })),
      );
    }
    return out;
  },
};

/** Checks on the figures and the indicators, in the order of docs/indicators.md. */
export const FINDING_RULES: readonly FindingRule[] = [
  partExceedsTotal,
  overEstablishment,
  officialExpensesIncrease,
  officialExpensesOverBudget,
  budgetUnderexecution,
  executionExceedsBudget,
  budgetAdjustment,
  paymentProgressLag,
  quartersMissing,
  paymentProgressMismatch,
  carryover,
  publicFundsOver,
  procurementDeviation,
  idleAssets,
  tasksIncomplete,
];

/** The findings the figures raise, worded. */
export function checkFigures(ctx: FindingContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of FINDING_RULES) {
    const f = rule.check(ctx);
    if (Array.isArray(f)) for (const d of f) out.push(word(d));
    else if (f) out.push(word(f));
  }
  return out;
}

/** missing-text: each narrative text the workbook does not give (unless reading already said so). */
export function missingTexts(
  readings: Record<string, InputReading | undefined>,
  already: readonly Finding[],
): Finding[] {
  const reported = new Set<string>();
  for (const f of already) if (f.code === 'missing-text') for (const i of f.inputs) reported.add(i);
  const out: Finding[] = [];
  for (const name of TEXT_INPUTS) {
    const r = readings[name];
    const given = r?.status === 'found' && typeof r.value === 'string' && r.value.trim() !== '';
    if (given || reported.has(name)) continue;
    const invalid = r?.status === 'invalid';
    out.push({
      code: 'missing-text',
      severity: 'info',
      message:
        invalid && r?.problem
          ? `${r.problem}；自评报告中"${name}"部分将提示填写`
          : r?.cell
            ? `报告文字"${name}"（${r.cell}）为空，自评报告中该部分将提示填写`
            : `未提供报告文字"${name}"（工作簿中没有名称"${name}"），自评报告中该部分将提示填写`,
      inputs: [name],
      cells: r?.cell ? [r.cell] : [],
    });
  }
  return out;
}

/** R18: the grade 优 beside two or more problems (warnings that name a problem): the score and the problems disagree. */
export function gradeAgainstProblems(
  grade: string,
  topGrade: string | undefined,
  problemCodes: readonly string[],
): Finding | undefined {
  if (!topGrade || grade !== topGrade || problemCodes.length < 2) return;
  return {
    code: 'grade-problems-disagree',
    severity: 'info',
    message: `评价等级为"${grade}"，但数据显示存在${problemCodes.length}个问题（${problemCodes.join('、')}），得分与问题不一致，请复核评分`,
    inputs: [],
    cells: [],
  };
}
