/**
 * Every finding code the engine raises, with what it means (docs/outputs.md lists them for JSON
 * readers). `FindingCode` is derived from this table: a typo in a code fails to compile.
 */
export const FINDING_CODES = {
  // Reading the inputs (engine/reading.ts)
  'missing-input': '必填的输入项没有找到（错误）',
  'invalid-input': '输入项的值不可用：错误值、非数字、负数、非整数人数等（必填时为错误）',
  'mapped-name-missing': '名称映射指向的名称已不存在，改按标准名称和别名查找',
  'name-scope': '名称在多个工作表上分别定义，或同时有工作簿级和工作表级定义',
  'number-as-text': '数字以文本形式保存，已按数字读取',
  'satisfaction-fraction': '满意度写成了 0–1 的小数，按百分数读取',
  'missing-text': '报告文字未提供，自评报告中该部分提示填写',
  'unit-converted': '金额按工作簿中的单位（元等）填写，已换算为万元',
  'unit-record-stale': '记录的金额单位对应的单元格与名称现在所指的不同，未换算',
  'name-lookalike':
    '名称与标准名称或别名只差在外观相同或不可见的字符（如康熙部首“⼀”、零宽字符、末尾空格），已按该名称读取',
  // The scheme (engine/schemeValidation.ts, engine/scoring.ts)
  'scheme-invalid': '评分方案有错误，不计分（错误）',
  'scheme-low-target': '按比例计分的目标值低于100%',
  'full-score-below-target': '指标未达100%，但按较低的目标值计满分',
  'manual-score-invalid': '评分表中人工填写的得分不可用',
  'manual-scores-missing': '尚有人工评分项未评分，总分为暂定',
  // The figures (engine/findings.ts)
  'part-exceeds-total': '部分大于总数（错误）',
  'over-establishment': '在职人员超编',
  'sangong-increase': '“三公”经费比上年增加',
  'sangong-over-budget': '“三公”经费超出预算',
  'budget-underexecution': '预算未执行完',
  'execution-exceeds-budget': '全年执行数超过全年预算数',
  'budget-adjustment': '年中预算调整（超过10%时为警告）',
  'payment-progress-lag': '支付进度低于序时进度',
  'payment-progress-mismatch': '四季度累计支出与全年执行数不一致',
  'quarters-missing': '缺少部分季度的累计支出，支付进度率只按已有的季度计算',
  carryover: '年末形成结转结余',
  'public-funds-over': '公用经费超出预算',
  'procurement-deviation': '政府采购金额与采购预算不一致',
  'idle-assets': '存在闲置固定资产',
  'tasks-incomplete': '工作任务未全部完成',
  'grade-problems-disagree': '评价等级为最高一级，但数据显示存在两个以上问题',
} as const;

export type FindingCode = keyof typeof FINDING_CODES;
