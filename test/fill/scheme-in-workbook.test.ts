/** The scheme lives in the workbook: the clerk edits the 评分方案 sheet, the next run validates and uses it. */
import { fill, loadBook, plain, rowOf, sampleBytes, saveBook, sheet } from '../support/filled';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { runJob } from '../../src/app/job';

jest.setTimeout(60_000);

async function filledWith(edit: (ws: import('exceljs').Worksheet) => void): Promise<Uint8Array> {
  const book = await loadBook((await fill(sampleBytes())).bytes);
  edit(sheet(book, '评分方案'));
  return saveBook(book);
}

test("a clerk's change of 分值 and rule is used by the next run", async () => {
  // Move 2 points from 社会效益 (5 → 3) to 三公经费控制率 (4 → 6), and make 预算调整率 proportional.
  const bytes = await filledWith((ws) => {
    rowOf(ws, 3, '社会效益').getCell(4).value = 3;
    rowOf(ws, 3, '三公经费控制率').getCell(4).value = 6;
    rowOf(ws, 3, '预算调整率').getCell(5).value = '上限扣分';
    rowOf(ws, 3, '预算调整率').getCell(6).value = '上限=10; 每点扣=0.5';
  });
  const { bytes: again, result } = await fill(bytes);
  expect(result.schemeSource).toContain('工作簿中的评分方案');
  const score = sheet(await loadBook(again), '评分表');
  expect(plain(rowOf(score, 3, '三公经费控制率').getCell(4))).toBe(6);
  expect(plain(rowOf(score, 3, '三公经费控制率').getCell(7))).toBe(6); // 18.33 ≤ 100 → full 6
  // 预算调整率 11.92 over the limit 10 by 1.92 points × 0.5 = 0.96 → 3 − 0.96 = 2.04
  expect(plain(rowOf(score, 3, '预算调整率').getCell(7))).toBe(2.04);
  // 47.47 − 1 (old 预算调整率) + 2.04 − 4 + 6 (三公经费控制率) = 50.51
  expect(result.evaluation.total.toFixed(2)).toBe('50.51');
});

test('an edited scheme that no longer adds up to 100 blocks the run, naming the sum, and nothing is written', async () => {
  const bytes = await filledWith((ws) => {
    rowOf(ws, 3, '社会效益').getCell(4).value = 8;
  });
  const book = await XlsxWorkbook.open(bytes);
  const result = await runJob(book, { onNameConflict: 'rename' });
  expect(result.written).toBe(false);
  const errors = result.evaluation.findings.filter((f) => f.severity === 'error');
  expect(errors.map((f) => f.code)).toContain('scheme-invalid');
  expect(errors.map((f) => f.message).join('')).toContain('103');
});

test('a malformed rule row is named by its row in the 评分方案 sheet', async () => {
  let row = 0;
  const bytes = await filledWith((ws) => {
    const r = rowOf(ws, 3, '在职人员控制率');
    row = r.number;
    r.getCell(6).value = '上限=abc';
  });
  const result = await runJob(await XlsxWorkbook.open(bytes), {});
  expect(result.written).toBe(false);
  const message = result.evaluation.findings
    .filter((f) => f.code === 'scheme-invalid')
    .map((f) => f.message)
    .join('\n');
  expect(message).toContain(`第${row}行`);
  expect(message).toContain('在职人员控制率');
});

test('a 比例 row with 目标 95 is reported once, with its row in the 评分方案 sheet', async () => {
  let row = 0;
  const bytes = await filledWith((ws) => {
    const r = rowOf(ws, 3, '预算完成率');
    row = r.number;
    r.getCell(5).value = '比例';
    r.getCell(6).value = '目标=95';
  });
  const result = await runJob(await XlsxWorkbook.open(bytes), {});
  const scheme = result.evaluation.findings.filter((f) => f.code.startsWith('scheme-'));
  expect(scheme.map((f) => f.message)).toEqual([
    `评分方案表第${row}行（三级指标"预算完成率"）：按比例计分的目标值为95%，低于100%，指标未达100%也可能得满分`,
  ]);
  expect(result.written).toBe(true);
});
