/**
 * The sample department of docs/sample.md (忻州市人民政府金融工作办公室, 2021) as validated
 * readings on a 基础数据 sheet laid out like `jixiao template`, with report texts adapted from its
 * published report, for the narrative and sheet tests.
 */
import Decimal from 'decimal.js';
import { INPUTS } from '../../src/engine/catalogue';
import { evaluate } from '../../src/engine/evaluate';
import { getPreset } from '../../src/engine/schemes';
import type { Evaluation, InputReading, ManualEntries, Scheme } from '../../src/engine/types';
import { templateCells } from '../../src/sheets/templateSheet';
import { SAMPLE_FIGURES } from '../support/sampleDepartment';

export { SAMPLE_FIGURES };

/** Texts a clerk of the sample department would type (shortened from its published report). */
export const SAMPLE_TEXTS: Record<string, string> = {
  单位概况:
    '市金融办为2019年机构改革新组建的政府组成部门，负责协调推动金融服务实体经济、防范处置地方金融风险等工作。内设综合科、金融稳定科、金融发展科3个科室。',
  绩效目标: '围绕协调推动金融服务实体经济、防范处置金融风险、深化金融体制改革设立年度绩效目标，并细化为具体绩效指标。',
  预算管理制度: '制定了《忻州市人民政府金融工作办公室财务制度》和差旅费实施细则，资金审批流程齐全、会计核算及时。',
  绩效管理机制: '成立由主要负责人任组长的预算绩效管理领导小组，综合科负责预算绩效管理的具体实施。',
  绩效目标完成情况:
    '2021年，全市金融业增加值达74.1亿元，完成全年任务的103.2%；企业资金链应急周转保障资金累计支持企业222户。\n创业担保贷款余额4562.1万元，较年初增加4206.1万元，提前完成全年任务。',
  经济效益: '截至2021年12月末，全市金融业增加值达74.1亿元，较去年同期增加6.2亿元，增速为5.2%，完成年初制定的目标任务。',
  社会效益: '大力发展普惠金融，全市普惠型小微企业贷款余额125.6亿元，平均利率6.3%，较年初下降0.87个百分点。',
  生态效益: '贯彻落实《关于促进绿色金融发展的实施意见》，引导银行机构扩大绿色信贷规模。',
  主要经验: '制定实施方案，成立绩效自评小组，由单位领导牵头、经办科室负责人参与，层层落实责任。',
};

/** The cell of an input on the template's 基础数据 sheet (column C, rows in catalogue order). */
export function cellOf(name: string): string {
  const at = templateCells()[name];
  return `基础数据!C${at.row + 1}`;
}

/** Readings from plain values; absent = missing. Texts stay strings, figures become Decimals. */
export function readingsFrom(values: Record<string, string | undefined>): Record<string, InputReading> {
  const readings: Record<string, InputReading> = {};
  for (const def of INPUTS) {
    const v = values[def.name];
    if (v === undefined) readings[def.name] = { input: def.name, status: 'missing' };
    else
      readings[def.name] = {
        input: def.name,
        status: 'found',
        value: def.kind === 'text' ? v : new Decimal(v),
        cell: cellOf(def.name),
        via: def.name,
      };
  }
  return readings;
}

export function scheme(name = '通用'): Scheme {
  const s = getPreset(name);
  if (!s) throw new Error(name);
  return s;
}

/** An evaluation of the sample with figures and texts changed as given (undefined removes an input). */
export function evaluateWith(
  changes: Record<string, string | undefined> = {},
  options: { manual?: ManualEntries; scheme?: Scheme; texts?: boolean } = {},
): Evaluation {
  const values: Record<string, string | undefined> = {
    ...SAMPLE_FIGURES,
    ...(options.texts === false ? {} : SAMPLE_TEXTS),
  };
  for (const [k, v] of Object.entries(changes)) values[k] = v;
  return evaluate(
    { readings: readingsFrom(values), findings: [] },
    { scheme: options.scheme ?? scheme(), manual: options.manual },
  );
}

/** The manual scores a clerk of the sample department might type (the twelve qualitative items). */
export const SAMPLE_MANUAL: ManualEntries = {
  scores: {
    绩效目标合理性: 3.6,
    绩效指标明确性: 3.4,
    重点支出安排率: 3.2,
    结转结余变动率: 2,
    管理制度健全性: 2,
    资金使用合规性: 2,
    预决算信息公开性: 2,
    基础信息完善性: 1.8,
    资产管理制度健全性: 2,
    资产管理安全性: 2,
    经济效益: 4.5,
    社会效益: 4.5,
    生态效益: 4,
    社会公众或服务对象满意度: 4.5,
  },
  notes: { 预算调整率: '年中调整主要是工资调标增加的人员经费。', 生态效益: '绿色信贷规模的量化数据尚未统计。' },
};
