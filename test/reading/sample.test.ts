/**
 * The shipped sample workbook (assets/sample-xinzhou-2021.xlsx) reads to exactly the figures of
 * docs/sample.md, and is what scripts/make-sample.ts builds.
 */
import { readFileSync } from 'fs';
import { buildSampleWorkbook, SAMPLE_PATH } from '../../scripts/make-sample';
import { candidateNames, readInputs } from '../../src/engine/reading';
import type { InputsRead } from '../../src/engine/types';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { dumpFixture } from '../support/xlsxFixture';
import { SAMPLE_FIGURES, SAMPLE_UNKNOWN } from '../support/sampleDepartment';
import Decimal from 'decimal.js';

/** docs/sample.md, figure by figure (as Decimal strings: 31.90 reads as 31.9). */
const EXPECTED: Record<string, string> = Object.fromEntries(
  Object.entries(SAMPLE_FIGURES).map(([k, v]) => [k, /^[\d.]+$/.test(v) ? new Decimal(v).toString() : v]),
);

const UNKNOWN = SAMPLE_UNKNOWN;
const TEXTS_GIVEN = [
  '单位概况',
  '绩效目标',
  '预算管理制度',
  '绩效管理机制',
  '绩效目标完成情况',
  '社会效益',
  '主要经验',
];
const TEXTS_MISSING = ['经济效益', '生态效益', '满意度说明', '存在问题', '改进措施', '其他说明'];

describe('the sample workbook', () => {
  let read: InputsRead;
  beforeAll(async () => {
    const book = await XlsxWorkbook.open(readFileSync(SAMPLE_PATH));
    read = readInputs((await book.readNames(candidateNames())).values);
  });

  it('holds every figure of docs/sample.md, exactly', () => {
    for (const [input, value] of Object.entries(EXPECTED)) {
      expect({ input, status: read.readings[input].status, value: read.readings[input].value?.toString() }).toEqual({
        input,
        status: 'found',
        value,
      });
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
