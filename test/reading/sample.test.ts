/**
 * The shipped sample workbook (assets/sample-xinzhou-2021.xlsx) reads to exactly the figures of
 * shared/domain/sample-department.md, and is what scripts/make-sample.ts builds.
 */
import { readFileSync } from 'fs';
import { buildSampleWorkbook, SAMPLE_PATH } from '../../scripts/make-sample';
import { candidateNames, readInputs } from '../../src/engine/reading';
import type { InputsRead } from '../../src/engine/types';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { dumpFixture } from '../support/xlsxFixture';

/** sample-department.md, figure by figure. */
const EXPECTED: Record<string, string> = {
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
  公用经费预算数: '31.9',
  公用经费支出数: '31.9',
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

/** Unknown to the department (sample-department.md) or not in its table. */
const UNKNOWN = ['上年结转结余总额', '上年三公经费预算数', '满意度', '重点项目支出', '项目支出总额'];
const TEXTS_GIVEN = ['单位概况', '绩效目标', '预算管理制度', '绩效管理机制', '绩效目标完成情况', '社会效益', '主要经验'];
const TEXTS_MISSING = ['经济效益', '生态效益', '满意度说明', '存在问题', '改进措施', '其他说明'];

describe('the sample workbook', () => {
  let read: InputsRead;
  beforeAll(async () => {
    const book = await XlsxWorkbook.open(readFileSync(SAMPLE_PATH));
    read = readInputs((await book.readNames(candidateNames())).values);
  });

  it('holds every figure of sample-department.md, exactly', () => {
    for (const [input, value] of Object.entries(EXPECTED)) {
      expect({ input, status: read.readings[input].status, value: read.readings[input].value?.toString() }).toEqual({ input, status: 'found', value });
    }
  });

  it('leaves the unknown figures empty but named, so the clerk sees where they go', () => {
    for (const input of UNKNOWN) {
      expect(read.readings[input]).toMatchObject({ status: 'missing', via: input });
      expect(read.readings[input].cell).toMatch(/^基础数据!B\d+$/);
    }
  });

  it('gives some narrative texts and asks for the others', () => {
    for (const input of TEXTS_GIVEN) expect(read.readings[input].status).toBe('found');
    for (const input of TEXTS_MISSING) expect(read.readings[input].status).toBe('missing');
    expect(read.findings.map((f) => [f.code, f.inputs[0]])).toEqual(TEXTS_MISSING.map((t) => ['missing-text', t]));
  });

  it('cites the cells where the clerk keeps the figures', () => {
    // Rows: 1 title, 2 unit, 3 header, 4 一、基本信息, 5 单位名称, 6 评价年度, 7 二、人员编制, 8 编制数, 9 在职人员数.
    expect(read.readings['编制数']).toMatchObject({ cell: '基础数据!B8', via: '编制数' });
    expect(read.readings['在职人员数'].cell).toBe('基础数据!B9');
  });

  it('is what scripts/make-sample.ts builds', async () => {
    const shipped = await dumpFixture(readFileSync(SAMPLE_PATH));
    const built = await dumpFixture(await buildSampleWorkbook());
    expect(shipped).toEqual(built);
  });

  it('formats amounts as #,##0.00 and defines every name at workbook scope', async () => {
    const dump = await dumpFixture(readFileSync(SAMPLE_PATH));
    const cells = dump.sheets[0].cells as Record<string, { value?: unknown; numberFormat?: string }>;
    expect(cells['B13']).toEqual({ value: 174.56, numberFormat: '#,##0.00' });
    expect(dump.names.every((n) => n.sheet === undefined && !n.hidden)).toBe(true);
    expect(dump.names.find((n) => n.name === '全年预算数')?.refersTo).toBe('基础数据!$B$13');
    expect(dump.sheets.map((s) => s.name)).toEqual(['基础数据']);
  });
});
