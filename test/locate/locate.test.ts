/**
 * 自动识别 end to end through the real job (xlsx adapter and the strict Office fake): the sample
 * without names blocks with hints, the proposals define the names, and the result is the named
 * sample's; a workbook in 元 is read in 万元 through the unit recorded in the settings.
 */
import { applyChoices, defaultChoices, locateInputs } from '../../src/app/locate';
import { inspect, runJob } from '../../src/app/job';
import { OfficeWorkbook } from '../../src/workbook/office';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { FakeExcel } from '../support/fakeExcel';
import { REPORT_DATE, sampleBytes } from '../support/filled';
import { sampleWithoutNames, sheet, workbookOf } from '../support/locatorLayouts';
import { dumpFixture } from '../support/xlsxFixture';

const messages = (ev: { findings: { code: string; message: string }[] }) =>
  ev.findings.filter((f) => f.code !== 'missing-text').map((f) => `${f.code}: ${f.message}`);

describe('the sample department without names', () => {
  it('blocks as before, each 缺少必填输入项 error saying where the label was found and what to do', async () => {
    const book = await XlsxWorkbook.open(await sampleWithoutNames());
    const { evaluation, located } = await inspect(book);
    expect(evaluation.blocked).toBe(true);
    const missing = evaluation.findings.filter((f) => f.code === 'missing-input');
    expect(missing.map((f) => f.inputs[0]).sort()).toEqual(
      ['单位名称', '评价年度', '编制数', '在职人员数', '全年预算数', '全年执行数'].sort(),
    );
    const budget = missing.find((f) => f.inputs[0] === '全年预算数')!;
    expect(budget.message).toContain(
      '在 基础数据!A13 找到标签“全年预算数（调整后）”，数据在 基础数据!B13（174.56 万元）',
    );
    expect(budget.message).toContain('自动识别');
    expect(budget.message).toContain('jixiao locate');
    expect(located?.proposals.filter((p) => p.status === 'found' && p.confidence === 'high')).toHaveLength(35);
  });

  it('defines the high-confidence names; the result and findings are the named sample’s (47.47 差)', async () => {
    const book = await XlsxWorkbook.open(await sampleWithoutNames());
    const first = await inspect(book);
    const outcome = await applyChoices(book, first, defaultChoices(first.located!));
    expect(outcome.names).toHaveLength(35);
    expect(outcome.converted).toEqual([]);
    const after = await runJob(book, { date: REPORT_DATE });
    const named = await runJob(await XlsxWorkbook.open(sampleBytes()), { date: REPORT_DATE });
    expect(after.written).toBe(true);
    expect([after.evaluation.total.toFixed(2), after.evaluation.grade]).toEqual(['47.47', '差']);
    expect(messages(after.evaluation)).toEqual(messages(named.evaluation));
    const read = await book.readNames(['全年预算数', '编制数']);
    expect(read.values['全年预算数']).toMatchObject({
      kind: 'cell',
      cell: '基础数据!B13',
      scope: { kind: 'workbook' },
    });
  });

  it('on the strict Office fake: the proposals are read and the names defined within 3 syncs in total', async () => {
    const fake = new FakeExcel(await dumpFixture(await sampleWithoutNames()));
    const port = new OfficeWorkbook({ run: fake.runner(), isSetSupported: fake.isSetSupported });
    // readState: 1 sync listing sheets and names, 1 reading ahead — with the locator windows in it.
    const first = await inspect(port);
    expect(fake.syncCount).toBe(2);
    expect(first.located?.proposals.filter((p) => p.status === 'found' && p.confidence === 'high')).toHaveLength(35);
    await applyChoices(port, first, defaultChoices(first.located!));
    expect(fake.syncCount).toBe(3);
    // readState 2 + readNames 0 + write 1, and 1 more hiding the ownership marks this first write added (#3878).
    const after = await runJob(port, { date: REPORT_DATE });
    expect(fake.syncCount).toBe(7);
    expect([after.written, after.evaluation.total.toFixed(2)]).toEqual([true, '47.47']);
    // The pane after a run: proposals again from the windows the run read with its state (no sync).
    const again = await locateInputs(port, after);
    expect(fake.syncCount).toBe(7);
    expect(again.proposals.find((p) => p.input === '全年预算数')?.status).toBe('named');
  });
});

describe('a workbook in 元', () => {
  const BOOK = [
    sheet('基础数据', {
      A1: '单位名称',
      B1: '某某局',
      A2: '评价年度',
      B2: 2021,
      A3: '编制数',
      B3: 17,
      A4: '在职人员数',
      B4: 15,
    }),
    sheet('决算数据', {
      A1: '部门决算',
      A2: '金额单位：元',
      A3: '全年预算数',
      B3: 1745600,
      A4: '全年执行数',
      B4: 1745600,
    }),
  ];

  it('names the cells, records 元 in the settings, and every later run reads 万元 exactly with an info finding', async () => {
    const book = await XlsxWorkbook.open(await workbookOf(BOOK));
    const first = await inspect(book);
    const outcome = await applyChoices(book, first, defaultChoices(first.located!));
    expect(outcome.converted).toEqual([
      { input: '全年预算数', unit: '元', cell: '决算数据!B3' },
      { input: '全年执行数', unit: '元', cell: '决算数据!B4' },
    ]);
    const run = await runJob(book, { date: REPORT_DATE });
    expect(run.written).toBe(true);
    expect(run.evaluation.inputs['全年预算数'].value?.toString()).toBe('174.56');
    const info = run.evaluation.findings.find((f) => f.code === 'unit-converted' && f.inputs[0] === '全年执行数');
    expect(info?.message).toBe(
      '输入项“全年执行数”（决算数据!B4）按工作簿中的单位“元”填写，已换算为万元：1745600 元 = 174.56 万元。',
    );
    // The clerk's cells are unchanged, and a re-run keeps the record.
    const reopened = await XlsxWorkbook.open(await book.toBuffer());
    const [window] = await reopened.readWindows(['决算数据']);
    expect(window.cells[2][1]?.value).toBe(1745600);
    const rerun = await inspect(reopened);
    expect(rerun.evaluation.inputs['全年执行数'].value?.toString()).toBe('174.56');
  });

  it('does not convert when the name was re-pointed to another cell, and says so', async () => {
    const book = await XlsxWorkbook.open(await workbookOf(BOOK));
    const first = await inspect(book);
    await applyChoices(book, first, defaultChoices(first.located!));
    const second = await inspect(book);
    await book.write({ sheets: [], names: [{ name: '全年预算数', sheet: '基础数据', cell: 'B3' }], namedOutputs: [] });
    const third = await inspect(book);
    expect(third.evaluation.inputs['全年预算数'].value?.toString()).toBe('17');
    expect(third.evaluation.findings.find((f) => f.code === 'unit-record-stale')?.message).toContain('未换算');
    expect(second.evaluation.blocked).toBe(false);
  });
});
