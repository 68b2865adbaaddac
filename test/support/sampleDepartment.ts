/**
 * The sample department of docs/sample.md (忻州市人民政府金融工作办公室, 2021),
 * figure by figure, as typed in its workbook. Every test of the sample starts from this one table.
 */
export const SAMPLE_FIGURES: Record<string, string> = {
  单位名称: '忻州市人民政府金融工作办公室',
  评价年度: '2021',
  编制数: '17',
  在职人员数: '15',
  年初预算数: '153.76',
  全年预算数: '174.56',
  全年执行数: '174.56',
  预算调整数: '20.8',
  结转结余总额: '0',
  一季度累计支出: '37.39',
  二季度累计支出: '66.73',
  三季度累计支出: '110.62',
  四季度累计支出: '144.48',
  公用经费预算数: '31.90',
  公用经费支出数: '31.90',
  三公经费预算数: '3',
  三公经费支出数: '0.55',
  上年三公经费支出数: '0.49',
  政府采购预算数: '2.01',
  政府采购金额: '2.01',
  固定资产总额: '85.32',
  在用固定资产总额: '85.32',
  计划工作数: '8',
  实际完成工作数: '8',
  及时完成工作数: '8',
  质量达标工作数: '8',
  重点工作交办数: '12',
  重点工作办结数: '12',
};

/** Inputs the department's report does not give (docs/sample.md): missing in the sample workbook. */
export const SAMPLE_UNKNOWN = ['上年结转结余总额', '上年三公经费预算数', '满意度', '重点项目支出', '项目支出总额'];
