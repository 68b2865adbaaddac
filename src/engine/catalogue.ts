/**
 * The input catalogue of docs/inputs.md: every canonical defined name, its unit, whether it is
 * required, and the aliases real workbooks use for it.
 */
import type { InputDef, InputKind, InputGroup } from './types';

function def<N extends string>(
  group: InputGroup,
  name: N,
  kind: InputKind,
  required: boolean,
  meaning: string,
  aliases: string[] = [],
): InputDef<N> {
  const unit = { text: '', year: '年', amount: '万元', count: kind === 'count' ? '' : '', percent: '%' }[kind];
  return { name, meaning, kind, unit, required, group, aliases };
}

/** Head counts are 人, work items 件; both are non-negative integers. */
function count<N extends string>(
  group: InputGroup,
  name: N,
  unit: '人' | '件',
  required: boolean,
  meaning: string,
  aliases: string[] = [],
): InputDef<N> {
  return { ...def(group, name, 'count', required, meaning, aliases), unit };
}

/** The report texts (文字说明), each with the aliases real workbooks use. */
const TEXTS = [
  ['单位概况', ['部门概况', '单位基本情况']],
  ['绩效目标', ['部门绩效目标', '年度绩效目标']],
  ['预算管理制度', ['预算管理制度建设情况']],
  ['绩效管理机制', ['绩效管理机制建设情况']],
  ['绩效目标完成情况', ['目标完成情况']],
  ['经济效益', []],
  ['社会效益', []],
  ['生态效益', []],
  ['满意度说明', []],
  ['存在问题', ['存在的问题']],
  ['改进措施', ['整改措施']],
  ['主要经验', ['主要经验及做法']],
  ['其他说明', ['其他需说明的情况']],
] as const;

export const INPUTS = [
  def('基本信息', '单位名称', 'text', true, '单位名称，用于标题和报告', ['部门名称', '单位', '部门', '预算单位名称']),
  def('基本信息', '评价年度', 'year', true, '评价的年度，上年 = 评价年度 − 1', [
    '年度',
    '评价年份',
    '自评年度',
    '预算年度',
  ]),

  count('人员编制', '编制数', '人', true, '核定编制数（行政 + 事业编制）', [
    '编制人数',
    '核定编制数',
    '编制总数',
    '核定编制',
  ]),
  count('人员编制', '在职人员数', '人', true, '年末实有在职人员数', [
    '在职人数',
    '实有人数',
    '实际在职人数',
    '在编人数',
    '年末在职人数',
  ]),

  def('预算执行', '年初预算数', 'amount', false, '年初批复预算数', ['年初预算', '年初批复预算数']),
  def('预算执行', '全年预算数', 'amount', true, '调整后的全年预算数（公式中的预算数）', [
    '预算数',
    '调整后预算数',
    '全年调整预算数',
    '全年预算',
  ]),
  def('预算执行', '全年执行数', 'amount', true, '全年实际执行数（预算完成数）', [
    '执行数',
    '预算完成数',
    '全年支出数',
    '实际支出数',
    '决算数',
  ]),
  def('预算执行', '预算调整数', 'amount', false, '年中追加、追减和结构调整合计', [
    '调整数',
    '预算调整金额',
    '追加预算数',
  ]),
  def('预算执行', '结转结余总额', 'amount', false, '年末结转结余总额', ['结转结余', '年末结转结余', '结转结余数']),
  def('预算执行', '上年结转结余总额', 'amount', false, '上年末结转结余总额', ['上年结转结余', '年初结转结余']),
  def('预算执行', '一季度累计支出', 'amount', false, '一季度末累计支出', ['第一季度累计支出', 'Q1累计支出']),
  def('预算执行', '二季度累计支出', 'amount', false, '二季度末累计支出', ['第二季度累计支出', 'Q2累计支出']),
  def('预算执行', '三季度累计支出', 'amount', false, '三季度末累计支出', ['第三季度累计支出', 'Q3累计支出']),
  def('预算执行', '四季度累计支出', 'amount', false, '四季度末累计支出（应等于全年执行数）', [
    '第四季度累计支出',
    'Q4累计支出',
  ]),
  def('预算执行', '重点项目支出', 'amount', false, '重点项目支出', ['重点支出', '重点项目支出数']),
  def('预算执行', '项目支出总额', 'amount', false, '项目支出总额', ['项目支出', '项目总支出', '项目支出数']),
  def('预算执行', '公用经费预算数', 'amount', false, '公用经费预算数', ['公用经费预算']),
  def('预算执行', '公用经费支出数', 'amount', false, '公用经费实际支出数', [
    '公用经费支出',
    '公用经费决算数',
    '实际公用经费',
  ]),
  def('预算执行', '三公经费预算数', 'amount', false, '本年"三公"经费预算数', ['三公经费预算', '本年三公经费预算数']),
  def('预算执行', '三公经费支出数', 'amount', false, '本年"三公"经费实际支出数', [
    '三公经费支出',
    '本年三公经费支出数',
    '三公经费决算数',
  ]),
  def('预算执行', '上年三公经费支出数', 'amount', false, '上年"三公"经费实际支出数', [
    '上年三公经费支出',
    '上年三公经费决算数',
  ]),
  def('预算执行', '上年三公经费预算数', 'amount', false, '上年"三公"经费预算数（仅预算口径的变动率使用）', [
    '上年三公经费预算',
  ]),
  def('预算执行', '政府采购预算数', 'amount', false, '政府采购预算数', ['采购预算数', '政府采购预算']),
  def('预算执行', '政府采购金额', 'amount', false, '实际政府采购金额', [
    '政府采购实际金额',
    '采购金额',
    '政府采购执行数',
  ]),
  def('预算执行', '固定资产总额', 'amount', false, '固定资产总额', ['固定资产', '固定资产原值']),
  def('预算执行', '在用固定资产总额', 'amount', false, '在用固定资产总额', ['在用固定资产']),

  count('产出', '计划工作数', '件', false, '计划工作数', ['计划工作量', '计划任务数']),
  count('产出', '实际完成工作数', '件', false, '实际完成工作数', ['完成工作数', '实际完成数']),
  count('产出', '及时完成工作数', '件', false, '及时完成工作数', ['及时完成数']),
  count('产出', '质量达标工作数', '件', false, '质量达标工作数', ['质量达标数', '达标工作数']),
  count('产出', '重点工作交办数', '件', false, '重点工作交办数', ['重点工作数', '重点任务数', '重点工作下达数']),
  count('产出', '重点工作办结数', '件', false, '重点工作办结数', ['重点任务办结数', '重点工作完成数']),
  def('产出', '满意度', 'percent', false, '满意度调查结果（0–100 的数，或设为百分比格式的单元格）', [
    '满意度调查',
    '服务对象满意度',
    '社会公众满意度',
  ]),

  ...TEXTS.map(([name, aliases]) => def('文字说明', name, 'text', false, `报告文字：${name}`, [...aliases])),
] as const;

/** The canonical name of a catalogue input: a typo in an input name fails to compile. */
export type InputName = (typeof INPUTS)[number]['name'];

const BY_NAME = new Map<string, InputDef<InputName>>(INPUTS.map((d) => [d.name, d]));

export function inputDef(name: InputName): InputDef<InputName> {
  const d = BY_NAME.get(name);
  if (!d) throw new Error(`unknown input ${name}`);
  return d;
}

/** True when `name` is the canonical name of a catalogue input. */
export function isInputName(name: string): name is InputName {
  return BY_NAME.has(name);
}

export const TEXT_INPUTS: readonly InputName[] = INPUTS.filter((d) => d.group === '文字说明').map((d) => d.name);
export const NUMERIC_INPUTS: readonly InputName[] = INPUTS.filter((d) => d.kind !== 'text').map((d) => d.name);
