/**
 * The Word report of a filled sample that a clerk edited: every rule of the official format (GB/T 9704),
 * the sheet's paragraphs in order with the clerk's edit, the attached 自评表 with a typed manual score
 * in its row and in its 合计 (computed, not the stale cached formula result).
 */
import { runJob } from '../../src/app/job';
import { buildReport } from '../../src/app/report';
import { OfficeWorkbook } from '../../src/workbook/office';
import { FakeExcel } from '../support/fakeExcel';
import { dumpFixture } from '../support/xlsxFixture';
import { renderDocx } from '../../src/document/renderDocx';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { expectOfficialReport, readDocx } from '../support/docx';
import { fill, loadBook, plain, REPORT_DATE, rowOf, sampleBytes, saveBook, sheet } from '../support/filled';

jest.setTimeout(60_000);

const EDITED = '\u3000\u3000本段由经办人修改：市金融办2021年度共组织金融政策宣讲12场，覆盖企业300余户。';

/** The filled sample, then the clerk's edits: a report paragraph rewritten, a manual score typed. */
async function editedSample(): Promise<{ bytes: Uint8Array; sheetTexts: string[] }> {
  const { bytes } = await fill(sampleBytes());
  const book = await loadBook(bytes);
  const report = sheet(book, '自评报告');
  report.getCell('A5').value = EDITED;
  rowOf(sheet(book, '评分表'), 3, '绩效目标合理性').getCell(7).value = 3.6;
  const texts: string[] = [];
  report.eachRow((row) => {
    const v = plain(row.getCell(1));
    if (typeof v === 'string' && v.trim()) texts.push(v);
  });
  return { bytes: await saveBook(book), sheetTexts: texts };
}

test('the report of an edited workbook follows GB/T 9704 and carries the edit and the manual score', async () => {
  const { bytes, sheetTexts } = await editedSample();
  // ExcelJS keeps the 合计 formula's cached 47.47: the report must not trust it.
  expect(plain(rowOf(sheet(await loadBook(bytes), '评分表'), 1, '合计').getCell(7))).toBe(47.47);

  const { inspection, report } = await buildReport(await XlsxWorkbook.open(bytes));
  expect(report?.from).toEqual({ kind: 'sheet', sheet: '自评报告' });
  const docx = await readDocx(await renderDocx(report!.document));
  const clean = (t: string) => t.replace(/^[\s\u3000]+/, '');
  const ev = inspection.evaluation;
  expectOfficialReport(docx, {
    title: clean(sheetTexts[0]),
    paragraphs: sheetTexts.slice(1, -2).map(clean),
    closing: ['忻州市人民政府金融工作办公室', '2022年7月8日'],
    level3: ev.scheme.items.map((i) => i.level3),
    // 47.47 + 3.6 typed for 绩效目标合理性
    total: '51.07',
    grade: '差',
  });
  const body = docx.sections[0].paragraphs.map((p) => p.text);
  expect(body).toContain(clean(EDITED));
  const row = docx.sections[1].tables[0].find((r) => r[2] === '绩效目标合理性');
  expect(row).toEqual(['投入', '目标设定', '绩效目标合理性', '4', '定性', '3.60', '']);
  expect(docx.sections[1].tables[0].find((r) => r[2] === '在职人员控制率')?.slice(3, 6)).toEqual([
    '4',
    '88.24%',
    '4.00',
  ]);
});

test('without our 自评报告 sheet the report is the narrative as fill would write it', async () => {
  const book = await XlsxWorkbook.open(sampleBytes());
  const { report } = await buildReport(book, { date: new Date(2026, 11, 2) });
  expect(report?.from).toEqual({ kind: 'generated' });
  const docx = await readDocx(await renderDocx(report!.document));
  const closing = docx.sections[0].paragraphs.slice(-2).map((p) => p.text);
  expect(closing).toEqual(['忻州市人民政府金融工作办公室', '2026年12月2日']);
  expect(docx.sections[0].paragraphs[1].text).toBe('一、部门基本情况');
});

test('inside Excel (the strict Office fake) the report reads in 2 syncs and gives what the xlsx adapter gives', async () => {
  const fake = new FakeExcel(await dumpFixture(sampleBytes()));
  const office = () => new OfficeWorkbook({ run: fake.runner(), isSetSupported: fake.isSetSupported });
  await runJob(office(), { date: REPORT_DATE });
  const before = fake.syncCount;
  const fromOffice = await buildReport(office());
  expect(fake.syncCount - before).toBe(2);

  const { bytes } = await fill(sampleBytes());
  const fromXlsx = await buildReport(await XlsxWorkbook.open(bytes));
  expect(fromOffice.report?.from).toEqual({ kind: 'sheet', sheet: '自评报告' });
  expect(fromOffice.report?.document).toEqual(fromXlsx.report?.document);
});
