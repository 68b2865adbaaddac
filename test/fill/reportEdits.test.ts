/**
 * Issue 10: the clerk's words in the 自评报告 survive a re-run, on both adapters. The clerk fills the
 * （请补充：本单位经济效益情况。）, rewrites the 结果应用 paragraph, inserts a paragraph of their own and
 * adds a sentence to the 预算完成率 paragraph; then 全年执行数 changes (174.56 → 170, so 预算完成率
 * 170 ÷ 174.56 = 97.39%) and the job runs again.
 */
import { runJob, type JobResult } from '../../src/app/job';
import { OfficeWorkbook } from '../../src/workbook/office';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import type { ReportRead } from '../../src/workbook/port';
import { FakeExcel } from '../support/fakeExcel';
import { REPORT_DATE } from '../support/filled';
import { ECONOMIC, INSERTED, USE, edited } from '../support/reportScenario';
import { dumpFixture } from '../support/xlsxFixture';

jest.setTimeout(120_000);

function expectScenario(result: JobResult, report: ReportRead, completion: { cell: string; text: string }): void {
  const texts = report.paragraphs.map((p) => p.text);
  // All four texts kept verbatim, in their places.
  for (const t of [ECONOMIC, USE, INSERTED, completion.text]) expect(texts).toContain(t);
  const experience = texts.findIndex((t) => t.trim().startsWith('一是成立绩效自评小组'));
  expect(texts[experience + 1]).toBe(INSERTED);
  expect(texts.findIndex((t) => t === ECONOMIC)).toBe(
    texts.findIndex((t) => t.trim().startsWith('（1）经济效益。')) + 1,
  );
  expect(report.paragraphs.find((p) => p.text === completion.text)?.cell).toBe(completion.cell);
  // Untouched paragraphs regenerated with the new figures.
  expect(texts.find((t) => t.includes('年初预算153.76万元'))).toContain('全年执行170万元，预算完成率97.39%');
  expect(texts.join('\n')).not.toContain('预算完成率100%');
  // The warning names the cell and both figures; the notice names the kept cells.
  expect(result.notices).toContain(`自评报告!${completion.cell} 是您修改过的段落，其中“100%”现应为“97.39%”，请核对。`);
  const kept = report.paragraphs.filter((p) => [ECONOMIC, USE, INSERTED, completion.text].includes(p.text));
  expect(result.report?.kept.map((k) => k.cell).sort()).toEqual(kept.map((k) => `自评报告!${k.cell}`).sort());
  expect(result.report?.kept.map((k) => k.text).sort()).toEqual(kept.map((k) => k.text).sort());
  expect(result.notices).toContain(`保留了您修改的 4 段：${result.report!.kept.map((k) => k.cell).join('、')}。`);
  expect(result.report?.warnings).toContainEqual({
    cell: `自评报告!${completion.cell}`,
    was: '100%',
    now: '97.39%',
    message: `自评报告!${completion.cell} 是您修改过的段落，其中“100%”现应为“97.39%”，请核对。`,
  });
}

test('xlsx adapter: the four texts are kept, the rest regenerated, the stale figure flagged', async () => {
  const { bytes, completion, completionText } = await edited();
  const book = await XlsxWorkbook.open(bytes);
  const result = await runJob(book, { date: REPORT_DATE });
  expect(result.written).toBe(true);
  const after = await XlsxWorkbook.open(await book.toBuffer());
  expectScenario(result, (await after.readReport())!, { cell: completion, text: completionText });

  // A third run keeps them again, and the deleted-nothing report is stable.
  const third = await runJob(after, { date: REPORT_DATE });
  expectScenario(third, (await after.readReport())!, { cell: completion, text: completionText });
});

test('Office adapter (strict fake): the same', async () => {
  const { bytes, completion, completionText } = await edited();
  const fake = new FakeExcel(await dumpFixture(bytes));
  const port = new OfficeWorkbook({ run: fake.runner(), isSetSupported: fake.isSetSupported });
  const result = await runJob(port, { date: REPORT_DATE });
  expect(result.written).toBe(true);
  // A re-run: 3 syncs. The edit above saved through ExcelJS, which drops the marks' hidden flag; hiding
  // an existing name may be ignored (#3878, #3949), and re-adding it could lose it in a failed write.
  expect(fake.syncCount).toBe(3);
  expectScenario(result, (await port.readReport())!, { cell: completion, text: completionText });
});

describe('an interrupted Office write never loses the clerk’s paragraphs', () => {
  test('for a failure at every sampled command of the write, the next run restores them exactly', async () => {
    const { bytes } = await edited();
    const typed = await dumpFixture(bytes);
    const port = (excel: FakeExcel) =>
      new OfficeWorkbook({ run: excel.runner(), isSetSupported: excel.isSetSupported });

    const reference = new FakeExcel(typed);
    const p = port(reference);
    let before = 0;
    const write = p.write.bind(p);
    p.write = (plan) => ((before = reference.commandCount), write(plan));
    const clean = await runJob(p, { date: REPORT_DATE });
    const commands = reference.commandCount - before;
    const cleanReport = (await p.readReport())!;
    expect(commands).toBeGreaterThan(40);

    const step = Math.max(1, Math.floor(commands / 50));
    const points = [...Array.from({ length: 30 }, (_, i) => i + 1)];
    for (let n = 31; n <= commands; n += step) points.push(n);
    for (const n of points) {
      const excel = new FakeExcel(typed);
      const q = port(excel);
      const failing = q.write.bind(q);
      q.write = (plan) => (excel.failAtCommand(n), failing(plan));
      await expect(runJob(q, { date: REPORT_DATE })).rejects.toThrow();
      const rerun = await runJob(port(excel), { date: REPORT_DATE });
      const report = (await port(excel).readReport())!;
      expect({ n, paragraphs: report.paragraphs }).toEqual({ n, paragraphs: cleanReport.paragraphs });
      expect({ n, kept: rerun.report?.kept }).toEqual({ n, kept: clean.report?.kept });
    }
  });
});

test('a note the clerk typed below the 评分表 table or beside the 指标计算 is listed with its text, not cleared silently', async () => {
  const { fill, loadBook, saveBook, sheet, sampleBytes } = await import('../support/filled');
  const once = await fill(sampleBytes());
  expect(once.result.notices.join('')).not.toContain('已被清除');
  const untouched = await fill(once.bytes);
  expect(untouched.result.notices).toEqual([]);
  const book = await loadBook(once.bytes);
  const score = sheet(book, '评分表');
  score.getCell(`B${score.rowCount + 3}`).value = '经办人：张三，复核：李四';
  sheet(book, '指标计算').getCell('M2').value = '数据已与决算核对';
  const again = await fill(await saveBook(book));
  const notice = again.result.notices.find((n) => n.includes('已被清除'));
  expect(notice).toContain(`评分表!B${score.rowCount}“经办人：张三，复核：李四”`);
  expect(notice).toContain('指标计算!M2“数据已与决算核对”');
});
