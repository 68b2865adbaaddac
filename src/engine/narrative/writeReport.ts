/**
 * The narrative 部门整体支出绩效自评报告, in the seven-part outline of docs/narrative.md "Outline". Every number
 * comes from the evaluation; the clerk's texts are inserted verbatim where they belong, and a missing
 * one becomes a plain request. The unit calls itself 本单位 throughout (one self-reference, C8).
 */
import Decimal from 'decimal.js';
import type { Evaluation, ItemScore } from '../types';
import { Outline, type ReportParagraph } from './outline';
import { inputValue, itemName, itemSentences, quotedInputs } from './indicatorParagraphs';
import { problemsOf, USUAL_PROBLEMS, type Problem } from './problems';
import { clerkText, request, saysNothing, textOrRequest, textParagraphs } from './texts';
import { listWords, proseAmount, proseCount, proseDate, proseRate, proseScore, proseWeight } from './words';

export interface ReportOptions {
  /** The date of the signature. */
  date: Date;
}

/** The prose qualifier of each grade (docs/indicators.md "Grades"). */
const GRADE_WORDS: Record<string, string> = { 优: '好', 良: '较好', 中: '一般', 差: '较差' };

/** Scheme items whose paragraph carries one of the clerk's effect texts (by 三级指标 or indicator). */
const ITEM_TEXTS: Record<string, string> = {
  经济效益: '经济效益',
  社会效益: '社会效益',
  生态效益: '生态效益',
  社会公众或服务对象满意度: '满意度说明',
  满意度: '满意度说明',
};

export function writeReport(ev: Evaluation, opts: ReportOptions): ReportParagraph[] {
  const o = new Outline();
  o.title(`${ev.unit}${ev.year}年度部门整体支出绩效自评报告`);
  basicSituation(o, ev);
  selfEvaluationWork(o, ev);
  conclusion(o, ev);
  problemsAndMeasures(o, ev);
  useOfResults(o);
  o.heading1('主要经验及做法');
  clerkTexts(o, ev, '主要经验');
  otherMatters(o, ev);
  o.signature(ev.unit);
  o.signature(proseDate(opts.date));
  return o.paragraphs;
}

/** The clerk's text `name` as paragraphs, or the request for it (keyed by the text's name). */
function clerkTexts(o: Outline, ev: Evaluation, name: string): void {
  o.clerkParagraphs(name, textOrRequest(ev, name), !clerkText(ev, name));
}

function basicSituation(o: Outline, ev: Evaluation): void {
  o.heading1('部门基本情况');
  o.heading2('部门概况');
  clerkTexts(o, ev, '单位概况');
  const posts = inputValue(ev, '编制数');
  const staff = inputValue(ev, '在职人员数');
  if (posts && staff)
    o.paragraph(
      `截至${ev.year}年末，本单位核定编制${proseCount(posts, '人')}，在职人员${proseCount(staff, '人')}。`,
      '编制和人员',
    );
  o.heading2('部门绩效目标的设立情况');
  clerkTexts(o, ev, '绩效目标');
  o.heading2('部门整体收支情况');
  o.paragraph(budgetSentence(ev));
  o.heading2('部门预算管理制度建设情况');
  clerkTexts(o, ev, '预算管理制度');
  o.heading2('部门预算绩效管理机制建设情况');
  clerkTexts(o, ev, '绩效管理机制');
}

/** 年初预算, 调整, 全年预算, 执行, 完成率, then the parts and the balance, each only when known. */
function budgetSentence(ev: Evaluation): string {
  const v = (name: string) => inputValue(ev, name);
  const plan: string[] = [];
  const initial = v('年初预算数');
  const adjusted = v('预算调整数');
  const budget = v('全年预算数');
  const spent = v('全年执行数');
  if (initial) plan.push(`年初预算${proseAmount(initial)}`);
  if (adjusted && !adjusted.isZero()) plan.push(`年中预算调整${proseAmount(adjusted)}`);
  if (budget) plan.push(`全年预算${proseAmount(budget)}`);
  const done: string[] = [];
  if (spent) done.push(`全年执行${proseAmount(spent)}`);
  const completion = ev.indicators['预算完成率'];
  if (completion?.status === 'ok' && completion.value) done.push(`预算完成率${proseRate(completion.value)}`);
  const out: string[] = [];
  const head = [plan.join('，'), done.join('，')].filter((s) => s).join('；');
  if (head) out.push(`${ev.year}年，本单位${head}。`);
  const parts: string[] = [];
  const pub = v('公用经费支出数');
  const pubBudget = v('公用经费预算数');
  if (pub) parts.push(`公用经费支出${proseAmount(pub)}` + (pubBudget ? `（预算${proseAmount(pubBudget)}）` : ''));
  const sg = v('三公经费支出数');
  const sgBudget = v('三公经费预算数');
  if (sg) parts.push(`“三公”经费支出${proseAmount(sg)}` + (sgBudget ? `（预算${proseAmount(sgBudget)}）` : ''));
  const projects = v('项目支出总额');
  const key = v('重点项目支出');
  if (projects) parts.push(`项目支出${proseAmount(projects)}` + (key ? `（其中重点项目支出${proseAmount(key)}）` : ''));
  if (parts.length) out.push(`其中${parts.join('，')}。`);
  const left = v('结转结余总额');
  if (left) out.push(left.isZero() ? '年末无结转结余。' : `年末结转结余${proseAmount(left)}。`);
  return out.length ? out.join('') : request('全年预算数和全年执行数等收支数据');
}

function selfEvaluationWork(o: Outline, ev: Evaluation): void {
  o.heading1('绩效自评工作情况');
  o.heading2('绩效自评目的');
  o.paragraph(
    `通过对本单位${ev.year}年度部门整体支出的目标设定、预算配置、预算执行、预算管理、资产管理、履职产出和效果进行自我评价，` +
      '检验财政资金的使用效率和效果，查找预算管理中存在的问题并分析原因，总结经验、改进管理，进一步强化支出责任和绩效意识，' +
      '提高财政资金使用效益，为以后年度预算编制和管理提供依据。',
  );
  o.heading2('自评指标体系');
  o.paragraph(schemeSentence(ev));
  const used = new Set<string>();
  for (const group of groups(ev.items)) {
    o.heading3(`${group[0].item.level2}指标分析`);
    for (const s of group) {
      o.item3(itemSentences(ev, s), s.item.level3);
      const textName = ITEM_TEXTS[s.item.level3] ?? (s.item.indicator ? ITEM_TEXTS[s.item.indicator] : undefined);
      if (textName && !used.has(textName)) {
        used.add(textName);
        clerkTexts(o, ev, textName);
      }
    }
  }
  // A scheme without the effect items still gets the clerk's effect texts, where they were given.
  const unused = ['经济效益', '社会效益', '生态效益', '满意度说明'].filter((t) => !used.has(t) && clerkText(ev, t));
  if (unused.length) {
    o.heading3('履职效益情况');
    for (const t of unused)
      textParagraphs(clerkText(ev, t) as string).forEach((p, i) =>
        i === 0 ? o.item3(`${t === '满意度说明' ? '满意度' : t}。${p}`, `${t}#1`) : o.paragraph(p, `${t}#${i + 1}`),
      );
  }
  o.heading2('自评组织过程');
  o.heading3('前期准备');
  o.paragraph(
    `本单位按照预算绩效管理的有关规定部署开展部门整体支出绩效自评，明确自评范围为${ev.year}年度部门整体支出（包括基本支出和项目支出），` +
      '收集整理预算批复、预算调整、决算报表、季度支出和工作任务完成情况等基础资料。',
  );
  o.heading3('组织实施');
  o.paragraph(
    `本单位对照“${ev.scheme.name}”评分方案逐项计算指标、核对数据来源，定量指标按评分标准计分，定性指标由本单位结合工作开展情况评分；` +
      '在此基础上分析存在的问题及原因，提出改进措施，形成本报告。',
  );
}

/** Consecutive items of the same 一级 and 二级 指标. */
function groups(items: ItemScore[]): ItemScore[][] {
  const out: ItemScore[][] = [];
  for (const s of items) {
    const last = out[out.length - 1];
    if (last && last[0].item.level1 === s.item.level1 && last[0].item.level2 === s.item.level2) last.push(s);
    else out.push([s]);
  }
  return out;
}

function schemeSentence(ev: Evaluation): string {
  const level1 = [...new Set(ev.scheme.items.map((i) => i.level1))];
  const total = ev.scheme.items.reduce((sum, i) => sum.plus(i.weight), new Decimal(0));
  const qualitative = ev.scheme.items.filter((i) => i.rule.kind === 'manual').length;
  const quantitative = ev.scheme.items.length - qualitative;
  return (
    `本次自评采用“${ev.scheme.name}”评分方案，从${level1.join('、')}${level1.length}个方面设置${ev.scheme.items.length}项三级指标，满分${total.toFixed()}分，` +
    `其中根据基础数据计算的定量指标${quantitative}项，由本单位评分的定性指标${qualitative}项。各项指标的计算过程和得分详见指标计算表和评分表。`
  );
}

function conclusion(o: Outline, ev: Evaluation): void {
  o.heading1('评价情况分析及综合评价结论');
  o.heading2('绩效目标完成情况');
  clerkTexts(o, ev, '绩效目标完成情况');
  o.paragraph(outputSentence(ev), '产出指标');
  o.heading2('综合评价结论');
  o.paragraph(totalSentence(ev));
}

const OUTPUT_IDS = ['实际完成率', '完成及时率', '质量达标率', '重点工作办结率'];

function outputSentence(ev: Evaluation): string {
  const computed = OUTPUT_IDS.map((id) => ev.indicators[id]).filter((ind) => ind?.status === 'ok' && ind.value);
  if (!computed.length) return '';
  if (computed.every((ind) => (ind.value as Decimal).eq(100))) {
    return `从产出指标看，${listWords(computed.map((ind) => ind.id))}${computed.length > 1 ? '均' : ''}为100%，年度工作任务全部完成。`;
  }
  const each = computed.map((ind) => `${ind.id}${proseRate(ind.value as Decimal)}`).join('，');
  return `从产出指标看，${each}，部分工作任务未按计划完成。`;
}

function totalSentence(ev: Evaluation): string {
  const out: string[] = [];
  const total = proseScore(ev.total);
  const head = `按照“${ev.scheme.name}”评分方案，本单位${ev.year}年度部门整体支出绩效自评综合得分`;
  if (ev.provisional) out.push(`${head}暂为${total}，评价等级暂定为“${ev.grade}”。`);
  else
    out.push(
      `${head}${total}，评价等级为“${ev.grade}”` +
        (GRADE_WORDS[ev.grade] ? `，部门整体支出绩效${GRADE_WORDS[ev.grade]}。` : '。'),
    );
  const notApplicable = ev.items.filter((s) => s.indicator?.status === 'not_applicable');
  if (notApplicable.length) {
    const names = listWords(
      notApplicable.map((s) =>
        s.indicator?.reason ? `${itemName(s.item.level3)}（${s.indicator.reason}）` : itemName(s.item.level3),
      ),
    );
    if (notApplicable.every((s) => s.excluded)) {
      const excluded = notApplicable.reduce((sum, s) => sum.plus(s.item.weight), new Decimal(0));
      const rest = ev.scheme.items.reduce((sum, i) => sum.plus(i.weight), new Decimal(0)).minus(excluded);
      out.push(`${names}不适用，未纳入评分，综合得分按其余${rest.toFixed()}分的指标折算为百分制。`);
    } else {
      out.push(`${names}不适用，按满分计入综合得分。`);
    }
  }
  const lost = ev.items.filter((s) => !s.manual && !s.excluded && s.score && s.score.lt(s.item.weight));
  if (lost.length) {
    out.push(
      `定量指标中，${listWords(lost.map((s) => `${itemName(s.item.level3)}（得分${proseScore(s.score as Decimal)}，分值${proseWeight(s.item.weight)}）`))}未得满分。`,
    );
  } else if (ev.items.some((s) => !s.manual && !s.excluded && s.score)) {
    out.push('各项定量指标均得满分。');
  }
  const open = ev.items.filter((s) => s.manual && !s.score);
  if (open.length) {
    out.push(
      `${listWords(open.map((s) => itemName(s.item.level3)))}等${open.length}项指标尚未评分，暂按0分计；请在评分表中填写得分后重新计算，` +
        '最终得分和评价等级以填写后的结果为准。',
    );
  }
  return out.join('');
}

function problemsAndMeasures(o: Outline, ev: Evaluation): void {
  o.heading1('存在的问题和整改情况');
  const derived = problemsOf(ev);
  const ownProblems = clerkText(ev, '存在问题');
  const clerkAddsProblems = !!ownProblems && !saysNothing(ownProblems);
  let list: Problem[] = derived;
  o.heading2('存在的主要问题');
  if (derived.length) {
    o.paragraph('通过对部门整体支出绩效的自评分析，本单位主要存在以下问题：');
  } else if (clerkAddsProblems) {
    o.paragraph('从指标计算结果看，本年度各项定量指标未发现明显问题。本单位自查发现的问题如下：');
  } else {
    o.paragraph('从指标计算结果看，本年度各项定量指标未发现明显问题。对照预算绩效管理的要求，仍存在以下不足：');
    list = USUAL_PROBLEMS;
  }
  list.forEach((p, i) => o.numbered(i + 1, p.problem, `问题:${p.code}`));
  supplement(o, ev, '存在问题');
  o.heading2('改进措施及建议');
  if (list.length) {
    o.paragraph('针对上述问题，本单位将采取以下改进措施：');
    list.forEach((p, i) => o.numbered(i + 1, p.measure, `措施:${p.code}`));
  }
  supplement(o, ev, '改进措施');
}

/** The clerk's 存在问题 / 改进措施 after the derived ones; "无" adds nothing. */
function supplement(o: Outline, ev: Evaluation, name: '存在问题' | '改进措施'): void {
  const own = clerkText(ev, name);
  if (own && saysNothing(own)) return;
  clerkTexts(o, ev, name);
}

function useOfResults(o: Outline): void {
  o.heading1('绩效自评结果应用');
  o.paragraph(
    '本单位将把本次绩效自评结果作为改进预算管理、安排以后年度预算的重要依据：对自评发现的问题逐项明确责任、限期整改；' +
      '将自评结果与下一年度预算编制相结合，优化支出结构，压减低效无效支出；按规定公开绩效自评结果，主动接受监督。',
  );
}

/**
 * 七 lists what a reader must know about the figures (indicators that could not be computed), then
 * the clerk's 其他说明. Where neither exists it says 无其他需说明的情况: this section is empty in most
 * reports, so a request here would have the clerk delete it every year (the missing-text finding still
 * lists it).
 */
function otherMatters(o: Outline, ev: Evaluation): void {
  o.heading1('其他需说明的情况');
  const missing = ev.items.filter((s) => s.indicator?.status === 'not_computable');
  if (missing.length) {
    const each = missing.map((s) =>
      s.indicator?.missing?.length
        ? `${itemName(s.item.level3)}（缺少${quotedInputs(s.indicator.missing)}）`
        : itemName(s.item.level3),
    );
    o.paragraph(`${listWords(each)}因基础数据不全未能计算，按定性指标由本单位评分。`);
  }
  const own = clerkText(ev, '其他说明');
  if (own) o.clerkParagraphs('其他说明', textParagraphs(own), false);
  if (!missing.length && !own) o.paragraph('无其他需说明的情况。');
}
