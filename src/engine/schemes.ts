/**
 * Scoring schemes that ship with the add-in, as data. 通用 is the default table of docs/indicators.md;
 * 湖南 follows the provincial 评分表 in docs/indicators.md "Presets" (8-point items, 0.5 / 0.8 per point,
 * 预算完成率 "100%计满分，每低于5%扣2分"). A clerk picks a preset and then adjusts it.
 */
import type { Band, GradeBand, Rule, Scheme, SchemeItem } from './types';

/** 财预〔2020〕10号: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below. */
export const STANDARD_GRADES: readonly GradeBand[] = [
  { grade: '优', min: 90 },
  { grade: '良', min: 80 },
  { grade: '中', min: 60 },
  { grade: '差', min: 0 },
];

const manual: Rule = { kind: 'manual' };
const proportional: Rule = { kind: 'proportional' };
const quarterly: Rule = { kind: 'quarterly' };
const ceiling = (limit: number, perPoint: number): Rule => ({ kind: 'ceiling', limit, perPoint });
const bands = (...list: Band[]): Rule => ({ kind: 'bands', bands: list });

/** [min, max) */
const from = (min: number, max: number, score: number): Band => ({
  min,
  minIncluded: true,
  max,
  maxIncluded: false,
  score,
});
/** (min, max] — "0–10%（含）" */
const upTo = (min: number, max: number, score: number): Band => ({
  min,
  minIncluded: false,
  max,
  maxIncluded: true,
  score,
});
const atLeast = (min: number, score: number): Band => ({ min, minIncluded: true, score });
const above = (min: number, score: number): Band => ({ min, minIncluded: false, score });
const below = (max: number, score: number): Band => ({ max, maxIncluded: false, score });
const exactly = (v: number, score: number): Band => ({ min: v, minIncluded: true, max: v, maxIncluded: true, score });

function item(
  level1: string,
  level2: string,
  level3: string,
  weight: number,
  rule: Rule,
  standard: string,
  indicator?: string,
): SchemeItem {
  const it: SchemeItem = { level1, level2, level3, weight, rule, standard };
  const id = indicator ?? (rule.kind === 'manual' ? undefined : level3);
  if (id) it.indicator = id;
  return it;
}

const MANUAL_HELP = '（人工评分：达成目标得分值的80%–100%，部分达成得60%–80%，未达成得0–60%）';

export const GENERAL_SCHEME: Scheme = {
  name: '通用',
  description: '部门整体支出绩效自评通用评分表（财预〔2013〕53号指标体系，财预〔2020〕10号等级）',
  notApplicable: 'rescale',
  officialExpensesBasis: '决算口径',
  grades: [...STANDARD_GRADES],
  items: [
    item(
      '投入',
      '目标设定',
      '绩效目标合理性',
      4,
      manual,
      `绩效目标符合法律法规和发展规划，与部门"三定"职能及中期规划相符${MANUAL_HELP}`,
    ),
    item(
      '投入',
      '目标设定',
      '绩效指标明确性',
      4,
      manual,
      `绩效目标细化分解为具体指标，指标清晰、可衡量，有明确的目标值${MANUAL_HELP}`,
    ),
    item(
      '投入',
      '预算配置',
      '在职人员控制率',
      4,
      ceiling(100, 0.4),
      '在职人员数≤编制数得满分，每超过1个百分点扣0.4分，扣完为止',
    ),
    item(
      '投入',
      '预算配置',
      '三公经费变动率',
      4,
      ceiling(0, 0.4),
      '"三公"经费较上年不增长得满分，每增长1个百分点扣0.4分，扣完为止',
    ),
    item(
      '投入',
      '预算配置',
      '重点支出安排率',
      4,
      bands(atLeast(90, 4), from(80, 90, 3.2), from(70, 80, 2.4), from(60, 70, 1.6), below(60, 0)),
      '≥90%得4分；80%（含）至90%得3.2分；70%（含）至80%得2.4分；60%（含）至70%得1.6分；<60%得0分',
    ),
    item('过程', '预算执行', '预算完成率', 4, proportional, '得分＝分值×预算完成率，100%得满分'),
    item(
      '过程',
      '预算执行',
      '预算调整率',
      3,
      bands(exactly(0, 3), upTo(0, 10, 2), upTo(10, 20, 1), upTo(20, 30, 0.5), above(30, 0)),
      '预算调整率=0得3分；0至10%（含）得2分；10%至20%（含）得1分；20%至30%（含）得0.5分；>30%得0分',
    ),
    item(
      '过程',
      '预算执行',
      '支付进度率',
      3,
      quarterly,
      '各季度累计支付进度与序时进度（25%、50%、75%、100%）比较，得分＝分值×各季度完成序时进度比例（最高100%）的平均数',
    ),
    item(
      '过程',
      '预算执行',
      '结转结余率',
      3,
      bands(exactly(0, 3), upTo(0, 5, 2), upTo(5, 10, 1), above(10, 0)),
      '结转结余率=0得3分；0至5%（含）得2分；5%至10%（含）得1分；>10%得0分',
    ),
    item(
      '过程',
      '预算执行',
      '结转结余变动率',
      2,
      ceiling(0, 0.2),
      '结转结余较上年不增长得满分，每增长1个百分点扣0.2分，扣完为止',
    ),
    item(
      '过程',
      '预算执行',
      '公用经费控制率',
      3,
      ceiling(100, 0.3),
      '公用经费支出≤预算得满分，每超过1个百分点扣0.3分，扣完为止',
    ),
    item(
      '过程',
      '预算执行',
      '三公经费控制率',
      4,
      ceiling(100, 0.4),
      '"三公"经费支出≤预算得满分，每超过1个百分点扣0.4分，扣完为止',
    ),
    item('过程', '预算执行', '政府采购执行率', 4, proportional, '得分＝分值×政府采购执行率，100%得满分'),
    item(
      '过程',
      '预算管理',
      '管理制度健全性',
      2,
      manual,
      `已制定预算资金管理制度，制度合法、合规、完整，并得到有效执行${MANUAL_HELP}`,
    ),
    item(
      '过程',
      '预算管理',
      '资金使用合规性',
      2,
      manual,
      `资金使用符合规定，审批程序完整，无截留、挤占、挪用、虚列支出${MANUAL_HELP}`,
    ),
    item('过程', '预算管理', '预决算信息公开性', 2, manual, `按规定内容和时限公开预决算信息${MANUAL_HELP}`),
    item('过程', '预算管理', '基础信息完善性', 2, manual, `基础数据信息真实、完整、准确${MANUAL_HELP}`),
    item(
      '过程',
      '资产管理',
      '资产管理制度健全性',
      2,
      manual,
      `已制定资产管理制度，制度合法、合规、完整，并得到有效执行${MANUAL_HELP}`,
    ),
    item(
      '过程',
      '资产管理',
      '资产管理安全性',
      2,
      manual,
      `资产保存完整、配置合理、处置规范，收入及时足额上缴${MANUAL_HELP}`,
    ),
    item('过程', '资产管理', '固定资产利用率', 2, proportional, '得分＝分值×固定资产利用率，100%得满分'),
    item('产出', '职责履行', '实际完成率', 3, proportional, '得分＝分值×实际完成率，100%得满分'),
    item('产出', '职责履行', '完成及时率', 3, proportional, '得分＝分值×完成及时率，100%得满分'),
    item('产出', '职责履行', '质量达标率', 8, proportional, '得分＝分值×质量达标率，100%得满分'),
    item('产出', '职责履行', '重点工作办结率', 6, proportional, '得分＝分值×重点工作办结率，100%得满分'),
    item('效果', '履职效益', '经济效益', 5, manual, `部门履职对经济发展产生的直接或间接影响${MANUAL_HELP}`),
    item('效果', '履职效益', '社会效益', 5, manual, `部门履职对社会发展产生的直接或间接影响${MANUAL_HELP}`),
    item('效果', '履职效益', '生态效益', 5, manual, `部门履职对生态环境产生的直接或间接影响${MANUAL_HELP}`),
    item(
      '效果',
      '履职效益',
      '社会公众或服务对象满意度',
      5,
      proportional,
      '得分＝分值×满意度，100%得满分；未提供满意度调查结果时人工评分',
      '满意度',
    ),
  ],
};

export const HUNAN_SCHEME: Scheme = {
  name: '湖南',
  description: '参照湖南省部门整体支出绩效评价评分表（8分项每超1个百分点扣0.5或0.8分；预算完成率每低于5%扣2分）',
  notApplicable: 'rescale',
  officialExpensesBasis: '决算口径',
  grades: [...STANDARD_GRADES],
  items: [
    item('投入', '目标设定', '绩效目标合理性', 3, manual, `绩效目标依据充分，符合部门职能和发展规划${MANUAL_HELP}`),
    item('投入', '目标设定', '绩效指标明确性', 2, manual, `绩效目标细化分解为具体指标，清晰、可衡量${MANUAL_HELP}`),
    item(
      '投入',
      '预算配置',
      '财政供养人员控制率',
      8,
      ceiling(100, 0.5),
      '财政供养人员控制率≤100%得满分，每超过1个百分点扣0.5分，扣完为止',
      '在职人员控制率',
    ),
    item(
      '投入',
      '预算配置',
      '"三公经费"变动率',
      8,
      ceiling(0, 0.8),
      '"三公经费"变动率≤0得满分，每增长1个百分点扣0.8分，扣完为止',
      '三公经费变动率',
    ),
    item(
      '投入',
      '预算配置',
      '重点支出安排率',
      5,
      bands(atLeast(90, 5), from(80, 90, 4), from(70, 80, 3), from(60, 70, 2), below(60, 0)),
      '≥90%得5分；80%（含）至90%得4分；70%（含）至80%得3分；60%（含）至70%得2分；<60%得0分',
    ),
    item(
      '过程',
      '预算执行',
      '预算完成率',
      8,
      bands(atLeast(100, 8), from(95, 100, 6), from(90, 95, 4), from(85, 90, 2), below(85, 0)),
      '100%计满分，每低于5%扣2分（不足5%按5%计），扣完为止',
    ),
    item(
      '过程',
      '预算执行',
      '预算调整率',
      8,
      bands(exactly(0, 8), upTo(0, 10, 6), upTo(10, 20, 4), upTo(20, 30, 2), above(30, 0)),
      '预算调整率=0得8分；0至10%（含）得6分；10%至20%（含）得4分；20%至30%（含）得2分；>30%得0分',
    ),
    item(
      '过程',
      '预算执行',
      '支付进度率',
      5,
      quarterly,
      '各季度累计支付进度与序时进度（25%、50%、75%、100%）比较，得分＝分值×各季度完成序时进度比例（最高100%）的平均数',
    ),
    item(
      '过程',
      '预算执行',
      '结转结余率',
      3,
      bands(exactly(0, 3), upTo(0, 5, 2), above(5, 0)),
      '无结转结余得3分；结转结余率0至5%（含）得2分；>5%得0分',
    ),
    item(
      '过程',
      '预算执行',
      '公用经费控制率',
      5,
      ceiling(100, 0.5),
      '公用经费控制率≤100%得满分，每超过1个百分点扣0.5分，扣完为止',
    ),
    item(
      '过程',
      '预算执行',
      '"三公经费"控制率',
      6,
      ceiling(100, 1),
      '"三公经费"控制率≤100%得6分，每超过1个百分点扣1分，扣完为止',
      '三公经费控制率',
    ),
    item('过程', '预算执行', '政府采购执行率', 5, proportional, '得分＝分值×政府采购执行率，100%得满分'),
    item(
      '过程',
      '预算管理',
      '管理制度健全性',
      3,
      manual,
      `已制定相关管理制度、制度合法合规完整、制度得到有效执行，各1分${MANUAL_HELP}`,
    ),
    item('过程', '预算管理', '资金使用合规性', 3, manual, `每发现一项违规使用资金扣1分，扣完为止${MANUAL_HELP}`),
    item('过程', '预算管理', '预决算信息公开性', 2, manual, `按规定内容和时限公开预决算信息${MANUAL_HELP}`),
    item('过程', '预算管理', '基础信息完善性', 3, manual, `基础数据信息真实、完整、准确，各1分${MANUAL_HELP}`),
    item('过程', '资产管理', '资产管理安全性', 2, manual, `资产保存完整、配置合理、处置规范${MANUAL_HELP}`),
    item('过程', '资产管理', '固定资产利用率', 3, proportional, '得分＝分值×固定资产利用率，100%得满分'),
    item('产出', '职责履行', '实际完成率', 3, proportional, '得分＝分值×实际完成率，100%得满分'),
    item('产出', '职责履行', '完成及时率', 2, proportional, '得分＝分值×完成及时率，100%得满分'),
    item('产出', '职责履行', '质量达标率', 3, proportional, '得分＝分值×质量达标率，100%得满分'),
    item('产出', '职责履行', '重点工作办结率', 2, proportional, '得分＝分值×重点工作办结率，100%得满分'),
    item('效果', '履职效益', '经济效益', 2, manual, `部门履职对经济发展的影响${MANUAL_HELP}`),
    item('效果', '履职效益', '社会效益', 2, manual, `部门履职对社会发展的影响${MANUAL_HELP}`),
    item('效果', '履职效益', '生态效益', 1, manual, `部门履职对生态环境的影响${MANUAL_HELP}`),
    item(
      '效果',
      '履职效益',
      '社会公众或服务对象满意度',
      3,
      proportional,
      '得分＝分值×满意度，100%得满分；未提供满意度调查结果时人工评分',
      '满意度',
    ),
  ],
};

const PRESETS: readonly Scheme[] = [GENERAL_SCHEME, HUNAN_SCHEME];

/** The names of the shipped presets, default first. */
export function listPresets(): string[] {
  return PRESETS.map((s) => s.name);
}

/** A fresh copy of a preset (the caller may adjust it), or undefined for an unknown name. */
export function getPreset(name: string): Scheme | undefined {
  const s = PRESETS.find((p) => p.name === name.trim());
  return s ? (JSON.parse(JSON.stringify(s)) as Scheme) : undefined;
}
