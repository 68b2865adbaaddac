/**
 * The 评分方案 sheet: the scheme as a table the clerk can edit without any code (docs/indicators.md
 * "Scoring schemes"), and its reader. Each row's 规则 and 参数 are written in the rule notation of
 * engine/schemeNotation.ts, explained in the sheet's 填写说明.
 *
 * A row that cannot be read is an error naming its row in the sheet; the scheme as a whole is then
 * checked once, by evaluate (engine validateScheme: 分值 add up to 100, rules fit their indicators),
 * which words each problem with the item's sheet row from the reader's `origin`.
 */
import type { CellValue, Finding, GradeBand, Rule, Scheme, SchemeItem, SchemeOrigin } from '../engine/types';
import { INDICATORS } from '../engine/indicatorDefinitions';
import { describeRule } from '../engine/rules';
import { cellAddress } from '../engine/a1';
import { quoteText, schemeTextProblem } from '../engine/schemeText';
import type { LayoutCell, Merge, SheetLayout } from './layout';
import { markEntry } from './names';
import { BODY, HEADER, NOTE, NUMBER, SECTION, SUBTITLE, TITLE, header, text, wrappedHeight } from './style';
import { cellNumber, cellText } from './cellValue';
import { parseRule, RULE_WORDS, ruleParameters } from '../engine/schemeNotation';

export const SCHEME_COLUMNS = ['一级指标', '二级指标', '三级指标', '分值', '规则', '参数', '评分标准', '指标'] as const;
const WIDTHS = [8, 10, 20, 7, 10, 34, 50, 16];
const LAST = SCHEME_COLUMNS.length - 1;
const EDIT = NOTE;

const NOT_APPLICABLE_WORDS: Record<Scheme['notApplicable'], string> = { rescale: '剔除后折算', full: '按满分计' };

// ---------------------------------------------------------------------------------------------
// The sheet
// ---------------------------------------------------------------------------------------------

const HELP: string[] = [
  '1. 可直接修改分值、规则、参数、评分标准，也可增删行；分值合计必须为100，三级指标不能重复。修改后再次计算即按本表评分，表有错误时不会写入任何结果，并指出错误所在的行。',
  '2. 规则“比例”：得分＝分值×指标值÷目标，达到目标得满分；参数写“目标=100”，可省略（默认100）。',
  '3. 规则“上限扣分”：指标值不超过上限得满分，每超过1个百分点扣“每点扣”分，扣完为止；参数写“上限=100; 每点扣=0.4”。',
  '4. 规则“区间”：指标值落在哪个区间得哪个分；参数写“区间:得分”，用分号隔开，例如“≥90:4; [80,90):3.2; <60:0”。“[”“]”含端点，“(”“)”不含端点，“=0:3”表示等于0，数值均为百分数（不写%）。',
  '5. 规则“季度”：只用于支付进度率，各季度累计支付进度与序时进度（25%、50%、75%、100%）比较，无参数。',
  '6. 规则“手工”：定性指标，在评分表中人工评分，无参数，“指标”列留空。',
  `7. “指标”列填计分所用的指标，可选：${INDICATORS.map((d) => d.id).join('、')}。三级指标名称与指标相同时可留空。`,
  '8. 评价等级按合计得分（保留两位小数）从高到低判定，最低一级的最低分应为0。不适用处理：剔除后折算（不适用指标不计分，合计按其余分值折算为百分制）或按满分计。三公口径：决算口径（本年支出数与上年支出数比较）或预算口径（本年预算数与上年预算数比较）。',
];

export function schemeSheet(scheme: Scheme, name: string): SheetLayout {
  const rows: (LayoutCell | null)[][] = [];
  const merges: Merge[] = [];
  const heights: Record<number, number> = {};
  const full = (r: number, left = 0) => merges.push({ top: r, left, bottom: r, right: LAST });

  rows.push([text('评分方案', TITLE)]);
  full(0);
  heights[0] = 28;
  rows.push([text('方案名称', SECTION), text(scheme.name, EDIT)]);
  full(1, 1);
  rows.push([text('说明', SECTION), text(scheme.description ?? '', EDIT)]);
  full(2, 1);
  rows.push([]);
  const headerRow = rows.length;
  rows.push(header([...SCHEME_COLUMNS]));
  for (const item of scheme.items) {
    const r = rows.length;
    const cells: LayoutCell[] = [
      text(item.level1, EDIT),
      text(item.level2, EDIT),
      text(item.level3, EDIT),
      { value: item.weight, format: 'General', style: { ...EDIT, horizontal: 'center' } },
      text(RULE_WORDS[item.rule.kind], EDIT),
      text(ruleParameters(item.rule), EDIT),
      text(item.standard, EDIT),
      text(item.indicator ?? '', EDIT),
    ];
    rows.push(cells);
    heights[r] = Math.max(
      19,
      wrappedHeight(item.standard, WIDTHS[6]),
      wrappedHeight(ruleParameters(item.rule), WIDTHS[5]),
    );
  }
  const firstItem = headerRow + 1;
  const lastItem = rows.length - 1;
  const weightSum = scheme.items.reduce((s, i) => s + i.weight, 0);
  rows.push([
    text('合计', SECTION),
    null,
    null,
    {
      formula: `=SUM(${cellAddress(firstItem, 3)}:${cellAddress(lastItem, 3)})`,
      value: Math.round(weightSum * 100) / 100,
      format: 'General',
      style: { ...NUMBER, bold: true, horizontal: 'center' },
    },
    text('分值合计应为100', BODY),
  ]);
  merges.push({ top: rows.length - 1, left: 0, bottom: rows.length - 1, right: 2 });
  rows.push([]);
  rows.push([text('评价等级', HEADER), text('最低分（含）', HEADER)]);
  for (const g of scheme.grades)
    rows.push([text(g.grade, EDIT), { value: g.min, format: 'General', style: { ...EDIT, horizontal: 'center' } }]);
  rows.push([]);
  rows.push([text('设置项', HEADER), text('取值', HEADER), text('可选值', HEADER)]);
  merges.push({ top: rows.length - 1, left: 2, bottom: rows.length - 1, right: LAST });
  rows.push([
    text('不适用处理', SECTION),
    text(NOT_APPLICABLE_WORDS[scheme.notApplicable], EDIT),
    text('剔除后折算；按满分计', BODY),
  ]);
  merges.push({ top: rows.length - 1, left: 2, bottom: rows.length - 1, right: LAST });
  rows.push([text('三公口径', SECTION), text(scheme.officialExpensesBasis, EDIT), text('决算口径；预算口径', BODY)]);
  merges.push({ top: rows.length - 1, left: 2, bottom: rows.length - 1, right: LAST });
  rows.push([]);
  rows.push([text('填写说明', SECTION)]);
  full(rows.length - 1);
  const helpWidth = WIDTHS.reduce((a, b) => a + b, 0);
  for (const line of HELP) {
    const r = rows.length;
    rows.push([text(line, SUBTITLE)]);
    full(r);
    heights[r] = wrappedHeight(line, helpWidth);
  }
  return {
    name,
    role: '评分方案',
    rows,
    columnWidths: WIDTHS,
    rowHeights: heights,
    merges,
    freezeRows: headerRow + 1,
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: [headerRow, headerRow] },
    names: [markEntry('评分方案')],
  };
}

// ---------------------------------------------------------------------------------------------
// Reading the sheet back
// ---------------------------------------------------------------------------------------------

function invalid(message: string): Finding {
  return { code: 'scheme-invalid', severity: 'error', message, inputs: [], cells: [] };
}

const KNOWN_INDICATORS = new Set(INDICATORS.map((d) => d.id));
/** How scheme problems name this sheet: 评分方案表第12行… */
export const SCHEME_SHEET_LABEL = '评分方案表';
const LABEL = SCHEME_SHEET_LABEL;

/** A 评分方案 sheet as read: the scheme (when every row could be read), or the problems reading it. */
export interface SchemeSheetRead {
  scheme?: Scheme;
  /** Rows that cannot be read, each naming its row in the sheet; the scheme is then absent. */
  findings: Finding[];
  /** Where the scheme came from, for validateScheme: the sheet label and each item's sheet row (1-based). */
  origin: SchemeOrigin;
}

/**
 * The scheme of a 评分方案 sheet, or the problems reading it, each naming its row in the sheet.
 * Blank 一级 / 二级 cells repeat the row above (as a merged cell reads); a blank 指标 on a computed
 * row means the indicator named like the 三级指标; a blank 评分标准 is generated from the rule.
 * The scheme is not validated here: evaluate validates it once, wording rows from `origin`.
 */
export function schemeFromSheet(values: CellValue[][]): SchemeSheetRead {
  const findings: Finding[] = [];
  const rows = new Map<SchemeItem, number>();
  const origin: SchemeOrigin = { label: LABEL, rows };
  const at = (r: number) => `${LABEL}第${r + 1}行`;
  const find = (label: string) => values.findIndex((row) => cellText(row?.[0]) === label);
  const headerRow = values.findIndex((row) => cellText(row?.[2]) === '三级指标' && cellText(row?.[4]) === '规则');
  if (headerRow < 0)
    return { findings: [invalid(`${LABEL}中找不到表头（一级指标、二级指标、三级指标、分值、规则…）`)], origin };

  const nameRow = find('方案名称');
  const name = (nameRow >= 0 && cellText(values[nameRow][1])) || '工作簿中的评分方案';
  const nameProblem = schemeTextProblem(name, 'label');
  if (nameProblem) findings.push(invalid(`${at(nameRow)}：方案名称“${quoteText(name)}”${nameProblem}`));
  const descriptionRow = find('说明');
  const description = descriptionRow >= 0 ? cellText(values[descriptionRow][1]) : '';
  const descriptionProblem = description && schemeTextProblem(description, 'standard');
  if (descriptionProblem) findings.push(invalid(`${at(descriptionRow)}：说明${descriptionProblem}`));

  const items: SchemeItem[] = [];
  let level1 = '';
  let level2 = '';
  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const cells = SCHEME_COLUMNS.map((_, c) => cellText(row[c]));
    if (cells[0] === '合计' || cells.every((c) => c === '')) break;
    if (cells[0]) {
      level1 = cells[0];
      level2 = '';
    }
    if (cells[1]) level2 = cells[1];
    const problems: string[] = [];
    const level3 = cells[2];
    if (!level3) problems.push('缺少三级指标');
    (['label', 'label', 'label', null, null, null, 'standard'] as const).forEach((kind, c) => {
      const problem = kind && cells[c] && schemeTextProblem(cells[c], kind);
      if (problem) problems.push(`${SCHEME_COLUMNS[c]}“${quoteText(cells[c])}”${problem}`);
    });
    const weight = cellNumber(row[3]);
    if (weight === undefined) problems.push(cells[3] ? `分值“${cells[3]}”不是数字` : '缺少分值');
    const rule = parseRule(cells[4], cells[5]);
    if (typeof rule === 'string') problems.push(rule);
    let indicator: string | undefined = cells[7] || undefined;
    if (typeof rule !== 'string' && rule.kind !== 'manual' && !indicator && KNOWN_INDICATORS.has(level3))
      indicator = level3;
    if (typeof rule !== 'string' && rule.kind !== 'manual' && !indicator)
      problems.push(`规则“${cells[4]}”需要在“指标”列填写计分所用的指标`);
    if (indicator && !KNOWN_INDICATORS.has(indicator)) problems.push(`未知指标“${indicator}”`);
    if (problems.length) {
      findings.push(invalid(`${at(r)}${level3 ? `（${level3}）` : ''}：${problems.join('；')}`));
      continue;
    }
    const item: SchemeItem = {
      level1,
      level2,
      level3,
      weight: weight as number,
      rule: rule as Rule,
      standard: cells[6],
    };
    if (indicator) item.indicator = indicator;
    if (!item.standard) item.standard = describeRule(item);
    items.push(item);
    rows.set(item, r + 1);
  }

  const grades: GradeBand[] = [];
  const gradeHeader = find('评价等级');
  if (gradeHeader < 0) findings.push(invalid(`${LABEL}中找不到“评价等级”表`));
  else {
    for (let r = gradeHeader + 1; r < values.length; r++) {
      const grade = cellText(values[r]?.[0]);
      if (!grade) break;
      const min = cellNumber(values[r]?.[1]);
      const problem = schemeTextProblem(grade, 'grade');
      if (problem) findings.push(invalid(`${at(r)}：评价等级“${quoteText(grade)}”${problem}`));
      else if (min === undefined) findings.push(invalid(`${at(r)}：评价等级“${grade}”的最低分不是数字`));
      else grades.push({ grade, min });
    }
  }

  const setting = (label: string) => {
    const r = find(label);
    return r >= 0 ? { row: r, value: cellText(values[r][1]) } : undefined;
  };
  let notApplicable: Scheme['notApplicable'] = 'rescale';
  const na = setting('不适用处理');
  if (na) {
    const v = na.value.replace(/\s/g, '');
    if (['剔除后折算', '剔除', '折算', 'rescale'].includes(v)) notApplicable = 'rescale';
    else if (['按满分计', '计满分', '满分', 'full'].includes(v)) notApplicable = 'full';
    else findings.push(invalid(`${at(na.row)}：不适用处理“${na.value}”应为“剔除后折算”或“按满分计”`));
  }
  let officialExpensesBasis: Scheme['officialExpensesBasis'] = '决算口径';
  const basis = setting('三公口径');
  if (basis) {
    if (basis.value === '决算口径' || basis.value === '预算口径') officialExpensesBasis = basis.value;
    else findings.push(invalid(`${at(basis.row)}：三公口径“${basis.value}”应为“决算口径”或“预算口径”`));
  }

  if (findings.length) return { findings, origin };
  const scheme: Scheme = { name, items, grades, notApplicable, officialExpensesBasis };
  if (description) scheme.description = description;
  return { scheme, findings, origin };
}
