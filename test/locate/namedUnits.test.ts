/**
 * A clerk's own name on an amount in a sheet or column that declares 元: converted to 万元 exactly,
 * with an info finding naming the unit, the cell and the declaration — by the locator's own unit
 * rules (engine/locator namedAmountUnit) over the windows readState reads in the same batch.
 */
import { inspect, runJob } from '../../src/app/job';
import { applyChoices, defaultChoices, windowRequest } from '../../src/app/locate';
import { unitLookup } from '../../src/engine/locator';
import type { SheetSnapshot } from '../../src/engine/locator/snapshot';
import type { NameWrite } from '../../src/workbook/port';
import { windowSheets } from '../../src/workbook/windowPlan';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { OfficeWorkbook } from '../../src/workbook/office';
import { FakeExcel } from '../support/fakeExcel';
import { dumpFixture } from '../support/xlsxFixture';
import { REPORT_DATE } from '../support/filled';
import { sheet, workbookOf } from '../support/locatorLayouts';

const unitAt = (snapshot: SheetSnapshot, cell: string) => unitLookup([snapshot])(`${snapshot.sheet}!${cell}`);

describe('the unit a named amount’s cell is declared in', () => {
  it('a 单位：元 in the title rows above it', () => {
    const s = sheet('决算', { A1: '2021年部门决算表', A2: '金额单位：元', A4: '全年执行数', B4: 1745600 });
    expect(unitAt(s, 'B4')).toEqual({ unit: '元', cell: '决算!A2', text: '金额单位：元' });
  });

  it('a column headed （元）, or a 元 cell beside it, or 元 in its label, or a number format', () => {
    const header = sheet('表', { A1: '项目', B1: '金额（元）', A2: '全年执行数', B2: 1745600 });
    expect(unitAt(header, 'B2')).toEqual({ unit: '元', cell: '表!B1', text: '金额（元）' });
    const beside = sheet('表', { A1: '全年执行数', B1: 1745600, C1: '元' });
    expect(unitAt(beside, 'B1')).toEqual({ unit: '元', cell: '表!C1', text: '元' });
    const label = sheet('表', { A1: '全年执行数（元）', B1: 1745600 });
    expect(unitAt(label, 'B1')).toEqual({ unit: '元', cell: '表!A1', text: '全年执行数（元）' });
    const format = sheet('表', { A1: '全年执行数', B1: { value: 1745600, numberFormat: '#,##0.00"元"' } });
    expect(unitAt(format, 'B1')).toEqual({ unit: '元', cell: '表!B1', text: '#,##0.00"元"' });
  });

  it('the nearest declaration wins: a 万元 beside the cell or in its format overrides the sheet’s 元', () => {
    const s = sheet('决算', {
      A1: '单位：元',
      A3: '全年执行数',
      B3: 1745600,
      A4: '全年预算数',
      B4: 174.56,
      C4: '万元',
      A5: '重点项目支出',
      B5: { value: 12.5, numberFormat: '0.00"万元"' },
    });
    expect(unitAt(s, 'B3')?.unit).toBe('元');
    expect(unitAt(s, 'B4')).toEqual({ unit: '万元', cell: '决算!C4', text: '万元' });
    expect(unitAt(s, 'B5')?.unit).toBe('万元');
    // A 单位 declaration below the cell does not apply to it; nothing declared: no unit.
    const below = sheet('表', { A1: '全年执行数', B1: 560, A3: '单位：元' });
    expect(unitAt(below, 'B1')).toBeUndefined();
  });
});

describe('windowSheets: what readState reads in the same batch as the names', () => {
  const request = windowRequest();
  const sheets = ['基础数据', '决算', '备用', '评分表'];
  const required = [
    { name: '单位名称', sheet: '基础数据' },
    { name: '评价年度', sheet: '基础数据' },
    { name: '编制数', sheet: '基础数据' },
    { name: '在职人员数', sheet: '基础数据' },
    { name: '全年预算数', sheet: '基础数据' },
  ];

  it('with every required input named: the sheets that amounts are named on, not ours', () => {
    const names = [...required, { name: '全年执行数', sheet: '决算' }, { name: '_jixiao_评分表', sheet: '评分表' }];
    expect(windowSheets(request, names, sheets)).toEqual(['基础数据', '决算']);
    expect(windowSheets(request, [...required, { name: '全年执行数', sheet: '基础数据' }], sheets)).toEqual([
      '基础数据',
    ]);
  });

  it('with a required input named nowhere: every sheet but ours, for the locator', () => {
    const names = [...required, { name: '_jixiao_评分表', sheet: '评分表' }];
    expect(windowSheets(request, names, sheets)).toEqual(['基础数据', '决算', '备用']);
  });
});

/** The clerk's workbook: 基础数据 in 万元, 决算数据 in 元, every input named by the clerk. */
const MIXED = [
  sheet('基础数据', {
    A1: '基础数据（金额单位：万元）',
    A2: '单位名称',
    B2: '某某局',
    A3: '评价年度',
    B3: 2021,
    A4: '编制数',
    B4: 17,
    A5: '在职人员数',
    B5: 15,
    A6: '全年预算数',
    B6: 174.56,
  }),
  sheet('决算数据', {
    A1: '部门决算',
    A2: '金额单位：元',
    A3: '项目',
    B3: '本年决算数',
    A4: '全年执行数',
    B4: 1745600,
    A5: '重点项目支出',
    B5: 385000.5,
  }),
];

const MIXED_NAMES: NameWrite[] = [
  { name: '单位名称', sheet: '基础数据', cell: 'B2' },
  { name: '评价年度', sheet: '基础数据', cell: 'B3' },
  { name: '编制数', sheet: '基础数据', cell: 'B4' },
  { name: '在职人员数', sheet: '基础数据', cell: 'B5' },
  { name: '全年预算数', sheet: '基础数据', cell: 'B6' },
  { name: '全年执行数', sheet: '决算数据', cell: 'B4' },
  { name: '重点项目支出', sheet: '决算数据', cell: 'B5' },
];

async function mixedBook(): Promise<XlsxWorkbook> {
  const book = await XlsxWorkbook.open(await workbookOf(MIXED));
  await book.write({ sheets: [], names: MIXED_NAMES, namedOutputs: [] });
  return XlsxWorkbook.open(await book.toBuffer());
}

describe('a clerk’s named amounts in a mixed 元 / 万元 workbook (xlsx adapter)', () => {
  it('converts the 元 sheet’s amounts exactly, with an info finding naming the unit, the cell and the declaration', async () => {
    const book = await mixedBook();
    const { evaluation, state } = await inspect(book);
    expect(state.windows?.map((w) => w.sheet)).toEqual(['基础数据', '决算数据']);
    expect(evaluation.blocked).toBe(false);
    expect(evaluation.inputs['全年预算数'].value?.toString()).toBe('174.56');
    expect(evaluation.inputs['全年执行数'].value?.toString()).toBe('174.56');
    expect(evaluation.inputs['重点项目支出'].value?.toString()).toBe('38.50005');
    const converted = evaluation.findings.filter((f) => f.code === 'unit-converted');
    expect(converted.map((f) => [f.inputs[0], f.severity, f.cells])).toEqual([
      ['全年执行数', 'info', ['决算数据!B4']],
      ['重点项目支出', 'info', ['决算数据!B5']],
    ]);
    expect(converted[0].message).toBe(
      '输入项“全年执行数”（决算数据!B4）所在的表格声明了单位“元”（决算数据!A2“金额单位：元”），已换算为万元：1745600 元 = 174.56 万元。如该单元格其实是万元，请把它的数字格式设为 0.00"万元"，或在它右边的单元格写上“万元”。',
    );
    const run = await runJob(book, { date: REPORT_DATE });
    expect(run.written).toBe(true);
    expect(run.evaluation.indicators['预算完成率'].value?.toFixed(2)).toBe('100.00');
  });

  it('a clerk overrides it with a 万元 beside the cell: read as written', async () => {
    const book = await XlsxWorkbook.open(
      await workbookOf([MIXED[0], sheet('决算数据', { ...cellsOf(MIXED[1]), B4: 174.56, C4: '万元' })]),
    );
    await book.write({ sheets: [], names: MIXED_NAMES, namedOutputs: [] });
    const { evaluation } = await inspect(book);
    expect(evaluation.inputs['全年执行数'].value?.toString()).toBe('174.56');
    expect(evaluation.findings.filter((f) => f.code === 'unit-converted').map((f) => f.inputs[0])).toEqual([
      '重点项目支出',
    ]);
  });

  it('an amount whose unit 自动识别 recorded in the settings is converted once, not twice', async () => {
    const book = await XlsxWorkbook.open(await workbookOf(MIXED));
    const first = await inspect(book);
    const outcome = await applyChoices(book, first, defaultChoices(first.located!));
    expect(outcome.converted.map((c) => c.input)).toContain('全年执行数');
    const after = await inspect(book);
    expect(after.evaluation.inputs['全年执行数'].value?.toString()).toBe('174.56');
    const converted = after.evaluation.findings.filter(
      (f) => f.code === 'unit-converted' && f.inputs[0] === '全年执行数',
    );
    expect(converted).toHaveLength(1);
    expect(converted[0].message).toContain('按工作簿中的单位“元”填写');
  });
});

describe('the same on the strict Office fake', () => {
  it('converts as the xlsx adapter does, reading the windows in readState’s batch: no sync of its own', async () => {
    const xlsx = await inspect(await mixedBook());
    const fake = new FakeExcel(await dumpFixture(await (await mixedBook()).toBuffer()));
    const port = new OfficeWorkbook({ run: fake.runner(), isSetSupported: fake.isSetSupported });
    const office = await inspect(port);
    expect(fake.syncCount).toBe(2);
    expect(office.state.windows?.map((w) => w.sheet)).toEqual(['基础数据', '决算数据']);
    expect(office.evaluation.findings).toEqual(xlsx.evaluation.findings);
    expect(office.evaluation.inputs['全年执行数'].value?.toString()).toBe('174.56');
    // The first job: readState 2 + readNames 0 + write 1 + 1 hiding the marks it added (#3878).
    const run = await runJob(port, { date: REPORT_DATE });
    expect(run.written).toBe(true);
    expect(fake.syncCount).toBe(6);
  });
});

function cellsOf(s: SheetSnapshot): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  s.cells.forEach((row, r) =>
    row.forEach((c, col) => {
      if (c) out[`${String.fromCharCode(65 + col)}${r + 1}`] = c.value as string | number;
    }),
  );
  return out;
}
