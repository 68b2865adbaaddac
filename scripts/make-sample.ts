/**
 * Builds assets/sample-xinzhou-2021.xlsx, the sample workbook of `jixiao demo` and the tests: the
 * 基础数据 sheet of 忻州市人民政府金融工作办公室 for 2021 (docs/sample.md), laid
 * out the way a finance clerk keeps it, each figure carrying its canonical defined name.
 *
 * Figures the department does not know (上年结转结余总额, 上年三公经费预算数, 满意度, the project
 * spending split) and some narrative texts are left empty on purpose: the report then asks for them.
 *
 *   npx ts-node --transpile-only scripts/make-sample.ts [out.xlsx]
 *
 * The output is reproducible: fixed creation date and creator, fixed zip timestamps.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import type { LayoutCell, Merge, SheetLayout } from '../src/sheets/layout';
import { XlsxWorkbook } from '../src/workbook/xlsx';

type Row =
  | { section: string }
  | { input: string; label: string; value: number | string | null; unit: string; note?: string; format?: string };

const AMOUNT = '#,##0.00';
const INTEGER = '0';

/** The sheet, top to bottom. `input` is the defined name; `label` what the clerk wrote in column A. */
export const SAMPLE_ROWS: Row[] = [
  { section: '一、基本信息' },
  { input: '单位名称', label: '单位名称', value: '忻州市人民政府金融工作办公室', unit: '' },
  { input: '评价年度', label: '评价年度', value: 2021, unit: '年', format: INTEGER },
  { section: '二、人员编制' },
  { input: '编制数', label: '核定编制数', value: 17, unit: '人', note: '行政编制10人，事业编制7人', format: INTEGER },
  { input: '在职人员数', label: '年末在职人员数', value: 15, unit: '人', note: '行政9人，事业6人', format: INTEGER },
  { section: '三、预算执行' },
  { input: '年初预算数', label: '年初预算数', value: 153.76, unit: '万元', format: AMOUNT },
  { input: '预算调整数', label: '年中预算调整数', value: 20.8, unit: '万元', note: '工资调标', format: AMOUNT },
  {
    input: '全年预算数',
    label: '全年预算数（调整后）',
    value: 174.56,
    unit: '万元',
    note: '全部为基本支出',
    format: AMOUNT,
  },
  { input: '全年执行数', label: '全年执行数', value: 174.56, unit: '万元', format: AMOUNT },
  { input: '结转结余总额', label: '年末结转结余总额', value: 0, unit: '万元', format: AMOUNT },
  { input: '上年结转结余总额', label: '上年末结转结余总额', value: null, unit: '万元', note: '待查', format: AMOUNT },
  { input: '一季度累计支出', label: '一季度末累计支出', value: 37.39, unit: '万元', format: AMOUNT },
  { input: '二季度累计支出', label: '二季度末累计支出', value: 66.73, unit: '万元', format: AMOUNT },
  { input: '三季度累计支出', label: '三季度末累计支出', value: 110.62, unit: '万元', format: AMOUNT },
  { input: '四季度累计支出', label: '四季度末累计支出', value: 144.48, unit: '万元', format: AMOUNT },
  { input: '重点项目支出', label: '重点项目支出', value: null, unit: '万元', format: AMOUNT },
  { input: '项目支出总额', label: '项目支出总额', value: null, unit: '万元', format: AMOUNT },
  { input: '公用经费预算数', label: '公用经费预算数', value: 31.9, unit: '万元', format: AMOUNT },
  { input: '公用经费支出数', label: '公用经费支出数', value: 31.9, unit: '万元', format: AMOUNT },
  { input: '三公经费预算数', label: '“三公”经费预算数', value: 3, unit: '万元', format: AMOUNT },
  {
    input: '三公经费支出数',
    label: '“三公”经费支出数',
    value: 0.55,
    unit: '万元',
    note: '全部为公务用车运行费',
    format: AMOUNT,
  },
  { input: '上年三公经费支出数', label: '上年“三公”经费支出数', value: 0.49, unit: '万元', format: AMOUNT },
  {
    input: '上年三公经费预算数',
    label: '上年“三公”经费预算数',
    value: null,
    unit: '万元',
    note: '待查',
    format: AMOUNT,
  },
  { input: '政府采购预算数', label: '政府采购预算数', value: 2.01, unit: '万元', format: AMOUNT },
  { input: '政府采购金额', label: '政府采购实际金额', value: 2.01, unit: '万元', format: AMOUNT },
  { input: '固定资产总额', label: '固定资产总额', value: 85.32, unit: '万元', format: AMOUNT },
  { input: '在用固定资产总额', label: '在用固定资产总额', value: 85.32, unit: '万元', format: AMOUNT },
  { section: '四、产出' },
  { input: '计划工作数', label: '计划工作数', value: 8, unit: '件', format: INTEGER },
  { input: '实际完成工作数', label: '实际完成工作数', value: 8, unit: '件', format: INTEGER },
  { input: '及时完成工作数', label: '及时完成工作数', value: 8, unit: '件', format: INTEGER },
  { input: '质量达标工作数', label: '质量达标工作数', value: 8, unit: '件', format: INTEGER },
  { input: '重点工作交办数', label: '重点工作交办数', value: 12, unit: '件', format: INTEGER },
  { input: '重点工作办结数', label: '重点工作办结数', value: 12, unit: '件', format: INTEGER },
  { input: '满意度', label: '服务对象满意度', value: null, unit: '%', note: '本年未开展满意度调查', format: '0.00' },
  { section: '五、文字说明' },
  {
    input: '单位概况',
    label: '单位概况',
    unit: '',
    value:
      '市金融办是2019年机构改革中新组建的市政府组成部门，负责贯彻落实国家金融工作方针政策和法律法规，协调银行、保险、证券期货等金融机构，监管小额贷款公司和融资担保公司。内设综合科、金融稳定科、金融发展科3个科室，核定行政编制10名、事业编制7名；2021年末在职行政人员9名、事业人员6名，无离退休人员。',
  },
  {
    input: '绩效目标',
    label: '部门绩效目标',
    unit: '',
    value:
      '围绕金融服务实体经济、防范化解金融风险、深化地方金融改革三项职责设定年度目标：研究提出全市金融业发展规划和政策建议；处置地方类金融机构风险，守住不发生区域性金融风险的底线；指导金融机构改革发展，推动多层次资本市场建设，提升金融服务能力；依法、高效使用财政资金，为履职提供保障。',
  },
  {
    input: '预算管理制度',
    label: '预算管理制度建设',
    unit: '',
    value:
      '财政资金实行专项管理、专款专用。制定了本办财务制度和差旅费实施细则，印发了产业扶贫贷款风险补偿基金实施方案及贷款贷后管理办法。资金拨付和支出按规定程序审批，会计核算及时，凭证附件完整。',
  },
  {
    input: '绩效管理机制',
    label: '绩效管理机制建设',
    unit: '',
    value:
      '制定了本办预算绩效管理制度，办党组为预算绩效管理主体，综合科具体组织实施；成立了由主要负责同志任组长、分管负责同志任副组长、各科室负责人为成员的预算绩效管理领导小组。',
  },
  {
    input: '绩效目标完成情况',
    label: '绩效目标完成情况',
    unit: '',
    value:
      '全市金融业增加值74.1亿元，完成全年任务的103.2%；“忻州综合金融服务平台”上线运行，入驻金融机构40家，累计放款2.77亿元；全市小微企业贷款余额较年初增加68.9亿元；高风险农信社改革化险稳步推进，非法集资陈案审结率91.18%。年度目标任务总体完成。',
  },
  { input: '经济效益', label: '经济效益', value: null, unit: '' },
  {
    input: '社会效益',
    label: '社会效益',
    unit: '',
    value:
      '推动普惠金融发展，降低企业融资成本：普惠型小微企业贷款余额125.6亿元，平均利率较年初下降0.87个百分点；全市银行业机构减免服务收费627.38万元、减免利息3163.23万元；企业资金链应急周转保障资金累计支持企业222户，带动银行续贷97.57亿元；创业担保贷款余额较年初增加4206.1万元，支持失业人员再创业。',
  },
  { input: '生态效益', label: '生态效益', value: null, unit: '' },
  { input: '满意度说明', label: '满意度情况说明', value: null, unit: '' },
  { input: '存在问题', label: '存在的问题', value: null, unit: '' },
  { input: '改进措施', label: '改进措施', value: null, unit: '' },
  {
    input: '主要经验',
    label: '主要经验及做法',
    unit: '',
    value:
      '一是成立绩效自评小组，由办领导牵头、经办科室负责人参与，任务逐级分解、责任落实到人。二是及时运用自评结果，把发现的问题作为安排下一年度预算和改进项目管理的依据。',
  },
  { input: '其他说明', label: '其他需说明的情况', value: null, unit: '' },
];

const BORDER = { border: true, vertical: 'middle' as const };
const HEADER = { ...BORDER, bold: true, fill: '#DDEBF7', horizontal: 'center' as const };
const SECTION = { ...BORDER, bold: true, fill: '#F2F2F2' };

export function sampleLayout(): SheetLayout {
  const rows: (LayoutCell | null)[][] = [
    [
      {
        value: '忻州市人民政府金融工作办公室2021年度部门整体支出绩效自评基础数据',
        style: { bold: true, size: 14, horizontal: 'center', vertical: 'middle' },
      },
      null,
      null,
      null,
    ],
    [{ value: '金额单位：万元', style: { horizontal: 'right' } }, null, null, null],
    ['项目', '数值', '单位', '备注'].map((value) => ({ value, style: HEADER })),
  ];
  const merges: Merge[] = [
    { top: 0, left: 0, bottom: 0, right: 3 },
    { top: 1, left: 0, bottom: 1, right: 3 },
  ];
  const names: NonNullable<SheetLayout['names']> = [];
  const rowHeights: Record<number, number> = { 0: 28 };
  for (const row of SAMPLE_ROWS) {
    const r = rows.length;
    if ('section' in row) {
      rows.push([{ value: row.section, style: SECTION }, { style: SECTION }, { style: SECTION }, { style: SECTION }]);
      merges.push({ top: r, left: 0, bottom: r, right: 3 });
      continue;
    }
    if (row.unit === '') {
      // A paragraph: the value cell spans 数值…备注 and wraps.
      rows.push([
        { value: row.label, text: true, style: BORDER },
        { value: row.value, text: true, style: { ...BORDER, wrap: true, vertical: 'top' } },
        { style: BORDER },
        { style: BORDER },
      ]);
      merges.push({ top: r, left: 1, bottom: r, right: 3 });
      // About 34 Chinese characters fit on one line of the merged 数值…备注 cell.
      const lines = Math.ceil(String(row.value ?? '').length / 34);
      if (lines > 1 || row.value === null) rowHeights[r] = Math.max(30, lines * 15 + 6);
    } else {
      rows.push([
        { value: row.label, text: true, style: BORDER },
        typeof row.value === 'string'
          ? { value: row.value, text: true, style: BORDER }
          : { value: row.value, format: row.format, style: { ...BORDER, horizontal: 'right' } },
        { value: row.unit, text: true, style: { ...BORDER, horizontal: 'center' } },
        { value: row.note ?? '', text: true, style: { ...BORDER, color: '#595959' } },
      ]);
    }
    names.push({ name: row.input, row: r, col: 1 });
  }
  return {
    name: '基础数据',
    role: '基础数据',
    rows,
    columnWidths: [24, 18, 8, 44],
    rowHeights,
    merges,
    freezeRows: 3,
    print: { orientation: 'portrait', fitToWidth: true, repeatRows: [2, 2] },
    names,
  };
}

export async function buildSampleWorkbook(): Promise<Uint8Array> {
  const book = await XlsxWorkbook.create({
    creator: '忻州市人民政府金融工作办公室',
    created: new Date(Date.UTC(2022, 6, 8, 1, 0, 0)),
  });
  await book.write({ sheets: [{ layout: sampleLayout() }], names: [], namedOutputs: [] });
  return book.toBuffer();
}

export const SAMPLE_PATH = join(__dirname, '..', 'assets', 'sample-xinzhou-2021.xlsx');

if (require.main === module) {
  const out = resolve(process.argv[2] ?? SAMPLE_PATH);
  buildSampleWorkbook()
    .then((data) => {
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, data);
      console.log(`已生成 ${out}`);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
