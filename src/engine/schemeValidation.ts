/**
 * Checks a scheme before it scores anything (docs/indicators.md "Scoring schemes"): 分值 add up to 100,
 * every row names a known indicator with a rule that fits it, band scores stay within 分值, grade
 * bands are sorted and reach down to 0. Each problem is a `scheme-invalid` error naming the row.
 */
import Decimal from 'decimal.js';
import type { Band, Finding, Scheme, SchemeItem, SchemeOrigin } from './types';
import { INDICATOR_BY_ID } from './indicatorDefinitions';
import { ruleKind } from './rules';
import { ZERO, dec } from './decimal';
import { quoteText, schemeTextProblem, type SchemeTextKind } from './schemeText';

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isText = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';

function invalid(message: string): Finding {
  return { code: 'scheme-invalid', severity: 'error', message, inputs: [], cells: [] };
}

/** Where a row's problem is: `第3行（三级指标"在职人员控制率"）`. */
export function rowLabel(row: number, item: Partial<SchemeItem> | undefined): string {
  const level3 = item && isText(item.level3) ? `（三级指标"${item.level3}"）` : '';
  return `第${row}行${level3}`;
}

function bandProblems(bands: readonly Band[], weight: number): string[] {
  const problems: string[] = [];
  if (!Array.isArray(bands) || bands.length === 0) return ['分档计分没有任何区间'];
  bands.forEach((b, i) => {
    const at = `第${i + 1}档`;
    if (!b || typeof b !== 'object') return problems.push(`${at}格式不正确`);
    if (!isNum(b.score)) problems.push(`${at}缺少得分`);
    else if (b.score < 0) problems.push(`${at}得分${b.score}为负数`);
    else if (isNum(weight) && b.score > weight) problems.push(`${at}得分${b.score}超过分值${weight}`);
    if (b.min !== undefined && !isNum(b.min)) problems.push(`${at}下限不是数字`);
    if (b.max !== undefined && !isNum(b.max)) problems.push(`${at}上限不是数字`);
    if (isNum(b.min) && isNum(b.max)) {
      if (b.min > b.max) problems.push(`${at}下限${b.min}大于上限${b.max}`);
      else if (b.min === b.max && !(b.minIncluded && b.maxIncluded))
        problems.push(`${at}区间为空（上下限都是${b.min}，应都含）`);
    }
  });
  if (problems.length) return problems;
  // Overlap: sorted by lower bound, each band must end before the next begins.
  const sorted = [...bands].sort(
    (a, b) => lowerKey(a) - lowerKey(b) || Number(!!b.minIncluded) - Number(!!a.minIncluded),
  );
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    const overlap =
      a.max === undefined ||
      b.min === undefined ||
      a.max > b.min ||
      (a.max === b.min && !!a.maxIncluded && !!b.minIncluded);
    if (overlap) problems.push(`区间重叠：${bandLabel(a)}与${bandLabel(b)}`);
  }
  return problems;
}

const lowerKey = (b: Band) => (b.min === undefined ? -Infinity : b.min);
const bandLabel = (b: Band) =>
  `${b.min === undefined ? '(-∞' : (b.minIncluded ? '[' : '(') + b.min}%, ${b.max === undefined ? '+∞)' : b.max + '%' + (b.maxIncluded ? ']' : ')')}`;

/** The problem of a text field, worded with its column: 三级指标不能以“=”开头… */
function textProblem(value: unknown, what: string, kind: SchemeTextKind): string | undefined {
  if (typeof value !== 'string') return undefined;
  const problem = schemeTextProblem(value, kind);
  return problem && `${what}“${quoteText(value)}”${problem}`;
}

function itemProblems(item: SchemeItem): string[] {
  const problems: string[] = [];
  if (!item || typeof item !== 'object') return ['格式不正确'];
  if (!isText(item.level1)) problems.push('缺少一级指标');
  if (!isText(item.level2)) problems.push('缺少二级指标');
  if (!isText(item.level3)) problems.push('缺少三级指标');
  for (const p of [
    textProblem(item.level1, '一级指标', 'label'),
    textProblem(item.level2, '二级指标', 'label'),
    textProblem(item.level3, '三级指标', 'label'),
    textProblem(item.standard, '评分标准', 'standard'),
  ])
    if (p) problems.push(p);
  if (!isNum(item.weight)) problems.push('分值不是数字');
  else if (item.weight <= 0) problems.push(`分值${item.weight}应大于0`);
  const rule = item.rule;
  const kind = rule && typeof rule === 'object' ? ruleKind(rule.kind) : undefined;
  if (!kind) {
    problems.push(
      `计分规则"${rule && typeof rule === 'object' ? String(rule.kind) : ''}"无法识别，应为 proportional、ceiling、bands、quarterly 或 manual`,
    );
    return problems;
  }
  let indicator;
  if (item.indicator !== undefined) {
    indicator = INDICATOR_BY_ID.get(item.indicator);
    if (!indicator) problems.push(`未知指标"${item.indicator}"`);
  }
  if (!(item.indicator !== undefined && !indicator)) {
    const unfit = kind.unfit(indicator);
    if (unfit) problems.push(unfit);
  }
  switch (rule.kind) {
    case 'proportional':
      if (rule.target !== undefined && (!isNum(rule.target) || rule.target <= 0))
        problems.push(`目标值${String(rule.target)}应为大于0的数`);
      break;
    case 'ceiling':
      if (!isNum(rule.limit)) problems.push('超限扣分缺少上限');
      if (!isNum(rule.perPoint)) problems.push('超限扣分缺少每个百分点的扣分');
      else if (rule.perPoint < 0) problems.push(`每个百分点扣分${rule.perPoint}为负数`);
      break;
    case 'bands':
      problems.push(...bandProblems(rule.bands, item.weight));
      break;
  }
  return problems;
}

function gradeProblems(scheme: Scheme): string[] {
  const grades = scheme.grades;
  if (!Array.isArray(grades) || grades.length === 0) return ['没有评价等级'];
  const problems: string[] = [];
  grades.forEach((g, i) => {
    if (!g || !isText(g.grade)) problems.push(`第${i + 1}个等级缺少名称`);
    else {
      const p = textProblem(g.grade, `第${i + 1}个等级的名称`, 'grade');
      if (p) problems.push(p);
    }
    if (!g || !isNum(g.min) || g.min < 0 || g.min > 100)
      problems.push(`等级"${g?.grade ?? ''}"的下限应为0至100之间的数`);
  });
  if (problems.length) return problems;
  for (let i = 1; i < grades.length; i++) {
    if (grades[i].min >= grades[i - 1].min)
      problems.push(
        `等级应按下限从高到低排列且不重叠："${grades[i - 1].grade}"≥${grades[i - 1].min}，"${grades[i].grade}"≥${grades[i].min}`,
      );
  }
  if (grades[grades.length - 1].min !== 0) problems.push(`最低等级"${grades[grades.length - 1].grade}"的下限应为0`);
  return problems;
}

/**
 * The problems of a scheme, as `scheme-invalid` errors (and `scheme-low-target` warnings). `origin`
 * names the scheme in messages (default 评分方案"通用"; a file loader passes 评分方案文件 xxx.json)
 * and, for a scheme read from a sheet, the sheet row of each item.
 */
export function validateScheme(scheme: Scheme, origin?: string | SchemeOrigin): Finding[] {
  const label = typeof origin === 'string' ? origin : (origin?.label ?? `评分方案"${scheme?.name ?? ''}"`);
  const rows = typeof origin === 'string' ? undefined : origin?.rows;
  const findings: Finding[] = [];
  const items = Array.isArray(scheme?.items) ? scheme.items : [];
  const rowOf = (i: number) => rows?.get(items[i]) ?? i + 1;
  if (!items.length) return [invalid(`${label}没有任何评分项`)];
  // A file name ends in Latin letters: keep it apart from the Chinese that follows.
  const sep = /[\x21\x23-\x7e]$/.test(label) ? ' ' : '';
  const level3Rows = new Map<string, number>();
  const indicatorRows = new Map<string, number>();
  let sum: Decimal = ZERO;
  let whole = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const row = rowOf(i);
    // Built only for a row that has a problem: validation runs on every evaluation.
    const at = () => `${label}${sep}${rowLabel(row, item)}`;
    for (const p of itemProblems(item)) findings.push(invalid(`${at()}：${p}`));
    if (!item || typeof item !== 'object') continue;
    if (isNum(item.weight)) {
      // Whole-number 分值 (the usual case) add up exactly as integers; others as decimals.
      if (Number.isInteger(item.weight) && Math.abs(item.weight) < 1e9) whole += item.weight;
      else sum = sum.plus(dec(item.weight));
    }
    if (isText(item.level3)) {
      const first = level3Rows.get(item.level3);
      if (first !== undefined) findings.push(invalid(`${at()}：三级指标与第${first}行重复`));
      else level3Rows.set(item.level3, row);
    }
    if (isText(item.indicator)) {
      const first = indicatorRows.get(item.indicator);
      if (first !== undefined) findings.push(invalid(`${at()}：指标"${item.indicator}"已在第${first}行计分`));
      else indicatorRows.set(item.indicator, row);
    }
  }
  if (whole !== 0) sum = sum.plus(whole);
  if (!sum.eq(100)) findings.push(invalid(`${label}：分值合计为${sum.toFixed()}，应为100`));
  for (const p of gradeProblems(scheme)) findings.push(invalid(`${label}：${p}`));
  const nameProblem = textProblem(scheme.name, '方案名称', 'label');
  if (nameProblem) findings.push(invalid(`${label}：${nameProblem}`));
  const descriptionProblem = textProblem(scheme.description, '说明', 'standard');
  if (descriptionProblem) findings.push(invalid(`${label}：${descriptionProblem}`));
  if (scheme.notApplicable !== 'rescale' && scheme.notApplicable !== 'full')
    findings.push(
      invalid(
        `${label}：不适用指标的处理方式"${String(scheme.notApplicable)}"应为 rescale（剔除后折算）或 full（计满分）`,
      ),
    );
  if (scheme.officialExpensesBasis !== '决算口径' && scheme.officialExpensesBasis !== '预算口径')
    findings.push(
      invalid(`${label}："三公"经费变动率口径"${String(scheme.officialExpensesBasis)}"应为 决算口径 或 预算口径`),
    );
  items.forEach((item, i) => {
    if (
      item?.rule?.kind === 'proportional' &&
      isNum(item.rule.target) &&
      item.rule.target > 0 &&
      item.rule.target < 100
    )
      findings.push({
        code: 'scheme-low-target',
        severity: 'warning',
        message: `${label}${sep}${rowLabel(rowOf(i), item)}：按比例计分的目标值为${item.rule.target}%，低于100%，指标未达100%也可能得满分`,
        inputs: [],
        cells: [],
      });
  });
  return findings;
}
