/** The host-free report document: paragraph kinds, title lines, the closing block. */
import { writeReport } from '../../src/engine/narrative';
import {
  blockKind,
  closingIndents,
  fromParagraphs,
  fromSheet,
  textWidth,
  titleLines,
} from '../../src/document/reportDocument';
import { scoreTable } from '../../src/document/scoreTable';
import { reportParagraphs, reportLayout } from '../../src/sheets';
import { inspect } from '../../src/app/job';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { REPORT_DATE, sampleBytes } from '../support/filled';

jest.setTimeout(60_000);

test('headings are recognised from their numbering; numbered sentences stay body text', () => {
  expect(blockKind('一、部门基本情况')).toBe('heading1');
  expect(blockKind('\u3000\u3000十、其他')).toBe('heading1');
  expect(blockKind('（三）部门整体收支情况')).toBe('heading2');
  expect(blockKind('1.目标设定指标分析')).toBe('heading3');
  expect(blockKind('1.“三公”经费支出比上年增加0.06万元，增长12.24%，未实现只减不增。')).toBe('body');
  expect(blockKind('（1）在职人员控制率。在职人员控制率=15÷17×100%=88.24%。')).toBe('body');
  expect(blockKind('2021年，本单位年初预算153.76万元。')).toBe('body');
  expect(blockKind('1.5万元用于培训')).toBe('body');
  expect(blockKind('12.5%的增长说明……')).toBe('body');
});

test("the sheet's text classifies back to the narrative's kinds: title, headings, body and closing block", async () => {
  const inspection = await inspect(await XlsxWorkbook.open(sampleBytes()));
  const ev = inspection.evaluation;
  const paragraphs = writeReport(ev, { date: REPORT_DATE });
  const table = scoreTable(ev);
  const generated = fromParagraphs(paragraphs, table);
  // The sheet as reportLayout writes it: indented paragraphs, a blank row before the closing block.
  const layout = reportLayout(paragraphs, '自评报告');
  const values = layout.rows.map((row) => row.map((c) => (c?.value ?? null) as string | null));
  const read = reportParagraphs(values);
  expect(read[0]).toEqual({ text: generated.title, cell: 'A1' });
  const fromTheSheet = fromSheet(read, table);
  expect(fromTheSheet.title).toBe(generated.title);
  expect(fromTheSheet.closing).toEqual([ev.unit, '2022年7月8日']);
  expect(fromTheSheet.blocks.map(({ kind, text }) => ({ kind, text }))).toEqual(generated.blocks);
  expect(fromTheSheet.blocks[0]).toEqual({ kind: 'heading1', text: '一、部门基本情况', cell: 'A2' });
  expect(generated.blocks.filter((b) => b.kind === 'heading3').length).toBeGreaterThan(5);
});

test('a long title breaks after the unit, each line within 20 characters of 二号', () => {
  expect(titleLines('忻州市人民政府金融工作办公室2021年度部门整体支出绩效自评报告')).toEqual([
    '忻州市人民政府金融工作办公室',
    '2021年度部门整体支出绩效自评报告',
  ]);
  expect(titleLines('某局2021年度部门整体支出绩效自评报告')).toEqual(['某局2021年度部门整体支出绩效自评报告']);
  const long = '某某省某某市某某县人民政府某某某某某某某某工作办公室2021年度部门整体支出绩效自评报告';
  const lines = titleLines(long);
  expect(lines.join('')).toBe(long);
  expect(lines.length).toBeGreaterThan(1);
  for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(20);
});

test('closing block: unit 右空二字, the date starting two characters further right (GB/T 9704 7.3.5.2)', () => {
  // 忻州市人民政府金融工作办公室 = 14 字; 2022年7月8日 = 3 字 + 6 half-width digits = 6 字.
  expect(closingIndents(['忻州市人民政府金融工作办公室', '2022年7月8日'])).toEqual([2, 8]);
  // A unit shorter than the date: the date keeps 2 字, the unit moves left so the date still starts 2 字 right of it.
  expect(closingIndents(['某局', '2026年12月2日'])).toEqual([8.5, 2]);
});
