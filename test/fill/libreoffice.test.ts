/**
 * A real spreadsheet engine recalculates the filled workbook: 合计 and 评价等级 must equal the
 * engine's total and grade, also after the clerk types manual scores (typed here with ExcelJS).
 */
import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { inspect } from '../../src/app/job';
import { fill, loadBook, plain, rowOf, sampleBytes, saveBook, sheet } from '../support/filled';
import { recalculate } from '../support/libreoffice';

jest.setTimeout(120_000);

async function totalAndGrade(data: Uint8Array): Promise<{ total: unknown; grade: unknown }> {
  const ws = sheet(await loadBook(data), '评分表');
  return { total: plain(rowOf(ws, 1, '合计').getCell(7)), grade: plain(rowOf(ws, 1, '评价等级').getCell(7)) };
}

test('LibreOffice really recalculates (a stale cached result is replaced)', async () => {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('S');
  ws.getCell('A1').value = 2;
  ws.getCell('A2').value = { formula: 'A1*21', result: 1 } as ExcelJS.CellFormulaValue;
  const back = await loadBook(recalculate(await saveBook(book)));
  expect(plain(back.getWorksheet('S')!.getCell('A2'))).toBe(42);
});

test('合计 and 评价等级 recalculated equal the engine (sample, manual items unscored)', async () => {
  const { bytes, result } = await fill(sampleBytes());
  const recalculated = await totalAndGrade(recalculate(bytes));
  expect(recalculated).toEqual({ total: result.evaluation.total.toNumber(), grade: result.evaluation.grade });
  expect(recalculated).toEqual({ total: 47.47, grade: '差' });
});

test('after manual scores are typed, recalculation and a re-run of the engine agree', async () => {
  const { bytes } = await fill(sampleBytes());
  const book = await loadBook(bytes);
  const ws = sheet(book, '评分表');
  // Every manual (yellow) row gets 90% of its 分值; not-computable items are manual too.
  const typed: Record<string, number> = {};
  ws.eachRow((row) => {
    const score = row.getCell(7);
    const item = plain(row.getCell(3));
    if (row.number > 3 && typeof item === 'string' && score.protection?.locked === false && plain(score) === null) {
      const weight = plain(row.getCell(4)) as number;
      typed[item] = Math.round(weight * 90) / 100;
      score.value = typed[item];
    }
  });
  // 14 manual rows: 11 qualitative + 重点支出安排率, 结转结余变动率, 满意度 (not computable) = 14… counted by hand:
  // 绩效目标合理性, 绩效指标明确性, 重点支出安排率, 结转结余变动率, 管理制度健全性, 资金使用合规性, 预决算信息公开性,
  // 基础信息完善性, 资产管理制度健全性, 资产管理安全性, 经济效益, 社会效益, 生态效益, 社会公众或服务对象满意度
  expect(Object.keys(typed)).toHaveLength(14);
  const typedBytes = await saveBook(book);

  const recalculated = await totalAndGrade(recalculate(typedBytes));
  const { evaluation } = await inspect(await XlsxWorkbook.open(typedBytes));
  expect(evaluation.provisional).toBe(false);
  // manual weights 4+4+4+2+2+2+2+2+2+2+5+5+5+5 = 46; 46 × 0.9 = 41.4; 47.47 + 41.4 = 88.87 → 良
  expect(evaluation.total.toFixed(2)).toBe('88.87');
  expect(recalculated).toEqual({ total: 88.87, grade: '良' });
});

test('a refill that keeps the clerk’s report paragraphs still opens and recalculates; the kept texts survive the round trip', async () => {
  const { ECONOMIC, INSERTED, USE, edited } = await import('../support/reportScenario');
  const { bytes } = await edited();
  const refilled = await fill(bytes);
  expect(refilled.result.report?.kept).toHaveLength(4);
  const recalculated = recalculate(refilled.bytes);
  const { evaluation } = await inspect(await XlsxWorkbook.open(recalculated));
  expect(await totalAndGrade(recalculated)).toEqual({ total: evaluation.total.toNumber(), grade: evaluation.grade });
  // Saved by LibreOffice, the workbook still holds the report and its record: the next run keeps the same four.
  const again = await fill(recalculated);
  expect(again.result.report?.kept.map((k) => k.text)).toEqual(refilled.result.report?.kept.map((k) => k.text));
  const texts = (await (await XlsxWorkbook.open(again.bytes)).readReport())!.paragraphs.map((p) => p.text);
  for (const t of [ECONOMIC, USE, INSERTED]) expect(texts).toContain(t);
  expect(texts.join('\n')).toContain('预算完成率97.39%');
});
