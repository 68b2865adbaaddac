/**
 * The synonym table: which labels a clerk writes for each catalogue input, kept as reviewable data.
 * Keys are normalised labels (see normalize.ts: no spaces, no quotes, no brackets, half-width). A
 * label maps to at most one input (test/engine/locator/synonyms.test.ts): 调整后预算数 is the 全年预算数
 * but 预算调整数 / 追加预算 the adjustment; 年初结转结余 is last year's closing balance, 年末结转结余
 * this year's; a label starting with 上年 only ever names a 上年 input.
 *
 * The catalogue's aliases (defined names) are labels too, except the few that are too generic to
 * find a figure by on a sheet: LABEL_EXCLUDED_ALIASES says which and why.
 */
import { INPUTS, type InputName } from '../catalogue';

/** Labels beyond the canonical name and the catalogue aliases. */
const EXTRA: Partial<Record<InputName, readonly string[]>> = {
  单位名称: ['单位全称', '部门全称'],
  评价年度: ['评价年度年份', '绩效评价年度'],
  编制数: ['核定编制', '核定编制人数', '编制人数合计'],
  在职人员数: ['年末在职人员数', '年末实有人数', '在职人员', '实有在职人数', '年末在职人员'],
  年初预算数: ['年初预算安排数', '年初批复数'],
  全年预算数: ['调整后全年预算数', '全年预算总额', '预算总额', '调整后预算'],
  全年执行数: ['全年实际支出数', '全年决算数', '全年支出', '本年支出合计数', '全年执行'],
  预算调整数: ['年中预算调整数', '追加预算', '追加预算数', '预算追加数', '年中追加预算数', '预算调整'],
  结转结余总额: ['年末结转结余总额', '年末结转和结余', '年末结转结余数'],
  上年结转结余总额: ['上年末结转结余总额', '年初结转结余总额', '年初结转和结余', '上年结转结余数', '上年末结转结余'],
  一季度累计支出: ['一季度末累计支出', '1季度末累计支出', '1季度累计支出', '第一季度末累计支出'],
  二季度累计支出: ['二季度末累计支出', '2季度末累计支出', '2季度累计支出', '第二季度末累计支出', '上半年累计支出'],
  三季度累计支出: ['三季度末累计支出', '3季度末累计支出', '3季度累计支出', '第三季度末累计支出'],
  四季度累计支出: ['四季度末累计支出', '4季度末累计支出', '4季度累计支出', '第四季度末累计支出'],
  公用经费预算数: ['公用经费年度预算数'],
  公用经费支出数: ['公用经费实际支出数'],
  三公经费预算数: ['三公经费年度预算数'],
  三公经费支出数: ['三公经费实际支出数', '三公经费本年支出数'],
  上年三公经费支出数: ['上年三公经费实际支出数', '上年三公经费决算'],
  政府采购金额: ['政府采购实际金额', '实际政府采购金额', '政府采购支出数'],
  固定资产总额: ['固定资产总值', '固定资产原值合计'],
  在用固定资产总额: ['在用固定资产原值', '在用固定资产总值'],
  计划工作数: ['计划完成工作数'],
  实际完成工作数: ['实际完成工作量'],
  及时完成工作数: ['按时完成工作数'],
  质量达标工作数: ['质量达标数量'],
  满意度: ['满意度调查结果', '群众满意度'],
  预算管理制度: ['预算管理制度建设'],
  绩效管理机制: ['绩效管理机制建设'],
  满意度说明: ['满意度情况说明'],
};

/**
 * Catalogue aliases that are not labels: as a defined name each is unambiguous, but written on a
 * sheet it heads a column or names something else (a 收支表's 预算数 column, the 单位 of a figure).
 */
export const LABEL_EXCLUDED_ALIASES: Readonly<Record<string, string>> = {
  单位: '“单位”列写的是计量单位',
  部门: '表头中的“部门”不是单位名称',
  年度: '表头中的“年度”常是列名',
  预算数: '收支表的列名，不分年初、全年',
  执行数: '收支表的列名',
  决算数: '收支表的列名',
  调整数: '不分预算调整与其他调整',
  项目支出: '支出表中与基本支出并列的一行，常分预算与决算两列',
  结转结余: '不分年初、年末',
  采购金额: '不分预算与实际',
  固定资产: '不分原值与在用',
  重点支出: '过于笼统',
  满意度调查: '常是段落标题',
  Q1累计支出: '英文缩写不作标签',
  Q2累计支出: '英文缩写不作标签',
  Q3累计支出: '英文缩写不作标签',
  Q4累计支出: '英文缩写不作标签',
};

function labelsOf(name: InputName, aliases: readonly string[]): string[] {
  const own = [name, ...aliases.filter((a) => !(a in LABEL_EXCLUDED_ALIASES)), ...(EXTRA[name] ?? [])];
  return [...new Set(own)];
}

/** Input → its labels (normalised keys). */
export const LABEL_SYNONYMS: Readonly<Record<InputName, readonly string[]>> = Object.fromEntries(
  INPUTS.map((d) => [d.name, labelsOf(d.name, d.aliases)]),
) as unknown as Record<InputName, readonly string[]>;

/** Normalised label → input; built once. A label claimed twice throws at load (and fails its test). */
export const LABEL_INDEX: ReadonlyMap<string, InputName> = (() => {
  const index = new Map<string, InputName>();
  for (const [input, labels] of Object.entries(LABEL_SYNONYMS) as [InputName, readonly string[]][]) {
    for (const label of labels) {
      const other = index.get(label);
      if (other && other !== input) throw new Error(`label ${label} claimed by ${other} and ${input}`);
      index.set(label, input);
    }
  }
  return index;
})();

// ---------------------------------------------------------------------------------------------
// Two-dimensional tables: a row topic × a column role
// ---------------------------------------------------------------------------------------------

export type Topic = '三公经费' | '公用经费' | '政府采购' | '支出合计' | '项目支出';
export type Role = '本年决算' | '本年预算' | '上年决算' | '上年预算';

/** Row labels (normalised) of each topic. */
export const TOPIC_LABELS: Readonly<Record<Topic, readonly string[]>> = {
  三公经费: ['三公经费', '三公经费合计', '三公经费支出', '三公经费小计', '合计三公经费'],
  公用经费: ['公用经费', '公用经费合计', '公用经费支出', '公用经费小计'],
  政府采购: ['政府采购', '政府采购合计', '政府采购支出', '政府采购小计'],
  支出合计: ['支出合计', '本年支出合计', '支出总计', '部门支出合计'],
  项目支出: ['项目支出', '项目支出合计', '项目支出小计'],
};

/** Column headers (normalised) of each role. */
export const ROLE_LABELS: Readonly<Record<Role, readonly string[]>> = {
  本年决算: [
    '本年决算数',
    '决算数',
    '本年支出数',
    '本年实际支出数',
    '实际支出数',
    '本年执行数',
    '本年决算',
    '决算',
    '本年实际数',
    '实际数',
    '支出数',
  ],
  本年预算: ['本年预算数', '预算数', '全年预算数', '本年预算', '预算', '调整后预算数', '本年全年预算数'],
  上年决算: ['上年决算数', '上年支出数', '上年实际支出数', '上年执行数', '上年决算', '上年实际数'],
  上年预算: ['上年预算数', '上年预算', '上年全年预算数'],
};

/** Topic × role → the input it gives; a combination not listed gives nothing. */
export const TABLE_INPUTS: Readonly<Record<Topic, Partial<Record<Role, InputName>>>> = {
  三公经费: {
    本年决算: '三公经费支出数',
    本年预算: '三公经费预算数',
    上年决算: '上年三公经费支出数',
    上年预算: '上年三公经费预算数',
  },
  公用经费: { 本年决算: '公用经费支出数', 本年预算: '公用经费预算数' },
  政府采购: { 本年决算: '政府采购金额', 本年预算: '政府采购预算数' },
  支出合计: { 本年决算: '全年执行数', 本年预算: '全年预算数' },
  项目支出: { 本年决算: '项目支出总额' },
};

/** A sheet title naming the topic of a table whose rows carry no topic: 一般公共预算财政拨款“三公”经费支出决算表. */
export const TITLE_TOPICS: readonly { pattern: RegExp; topic: Topic }[] = [
  { pattern: /三公经费.*表$/, topic: '三公经费' },
  { pattern: /政府采购.*表$/, topic: '政府采购' },
];

/** Row labels and header cells meaning the total of a table: 合计, 小计, 总计. */
export const TOTAL_LABELS: readonly string[] = ['合计', '总计', '小计', '合计数'];

function invert<K extends string>(table: Readonly<Record<K, readonly string[]>>): ReadonlyMap<string, K> {
  const index = new Map<string, K>();
  for (const [key, labels] of Object.entries(table) as [K, readonly string[]][])
    for (const label of labels) {
      if (index.has(label) && index.get(label) !== key) throw new Error(`label ${label} claimed twice`);
      index.set(label, key);
    }
  return index;
}

export const TOPIC_INDEX = invert(TOPIC_LABELS);
export const ROLE_INDEX = invert(ROLE_LABELS);
