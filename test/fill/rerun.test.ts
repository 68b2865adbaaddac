/** Re-runs keep what the clerk typed and never touch the clerk's own sheets. */
import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { buildXlsx, dumpFixture } from '../support/xlsxFixture';
import { fill, formulaOf, loadBook, plain, rowOf, sampleBytes, saveBook, sheet, sheetDump } from '../support/filled';

jest.setTimeout(60_000);

test('a second run on an untouched result changes nothing', async () => {
  const once = await fill(sampleBytes());
  const twice = await fill(once.bytes);
  const a = await loadBook(once.bytes);
  const b = await loadBook(twice.bytes);
  expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
  for (const ws of a.worksheets) expect(sheetDump(sheet(b, ws.name))).toEqual(sheetDump(ws));
});

test('manual scores and notes typed by the clerk survive a re-run; everything else is recomputed', async () => {
  const once = await fill(sampleBytes());
  const book = await loadBook(once.bytes);
  const ws = sheet(book, '评分表');
  rowOf(ws, 3, '绩效目标合理性').getCell(7).value = 3.6;
  rowOf(ws, 3, '经济效益').getCell(7).value = 4.5;
  rowOf(ws, 3, '经济效益').getCell(8).value = '全年协调金融机构新增贷款，支持实体经济。';
  rowOf(ws, 3, '预算调整率').getCell(8).value = '年中调整为工资调标，属政策性调整。';
  const typed = await saveBook(book);

  const again = await fill(typed);
  const after = await loadBook(again.bytes);
  const score = sheet(after, '评分表');
  expect(plain(rowOf(score, 3, '绩效目标合理性').getCell(7))).toBe(3.6);
  expect(plain(rowOf(score, 3, '经济效益').getCell(7))).toBe(4.5);
  expect(plain(rowOf(score, 3, '经济效益').getCell(8))).toBe('全年协调金融机构新增贷款，支持实体经济。');
  expect(plain(rowOf(score, 3, '预算调整率').getCell(8))).toBe('年中调整为工资调标，属政策性调整。');
  // The computed score of a computed item is not the clerk's to keep: still the rule's 1.00.
  expect(plain(rowOf(score, 3, '预算调整率').getCell(7))).toBe(1);
  // 47.47 + 3.6 + 4.5 = 55.57
  expect(plain(rowOf(score, 1, '合计').getCell(7))).toBe(55.57);
  expect(again.result.evaluation.total.toFixed(2)).toBe('55.57');
  // 指标计算 does not depend on manual entries: identical to the first run.
  expect(sheetDump(sheet(after, '指标计算'))).toEqual(sheetDump(sheet(await loadBook(once.bytes), '指标计算')));
  // The report now states the typed score.
  const report: string[] = [];
  sheet(after, '自评报告').eachRow((r) => r.eachCell((c) => report.push(String(plain(c)))));
  expect(report.join('\n')).toContain('得分3.60分（分值4分）');
});

test("a clerk's own sheet named 评分表 survives untouched; ours goes to 评分表 (2), also on re-runs", async () => {
  const book = await loadBook(sampleBytes());
  const own = book.addWorksheet('评分表');
  own.getCell('A1').value = '本单位自制评分表';
  own.getCell('B2').value = 88.7;
  const clerk = await saveBook(book);

  const first = await fill(clerk);
  expect(first.result.sheets['评分表']).toBe('评分表 (2)');
  expect(first.result.notices.join('')).toContain('评分表 (2)');
  const again = await fill(first.bytes);
  expect(again.result.sheets['评分表']).toBe('评分表 (2)');
  const after = await loadBook(again.bytes);
  expect(sheetDump(sheet(after, '评分表'))).toEqual({ A1: '本单位自制评分表', B2: 88.7 });
  expect(after.worksheets.map((w) => w.name).filter((n) => n.startsWith('评分表'))).toEqual(['评分表', '评分表 (2)']);
});

test('the input file bytes are never modified by a fill', async () => {
  const input = sampleBytes();
  const copy = Uint8Array.from(input);
  await fill(input);
  expect(Buffer.compare(Buffer.from(input), Buffer.from(copy))).toBe(0);
});

test('clerk text starting with = + - @ is written as text, never as a formula', async () => {
  const book = await loadBook(sampleBytes());
  // 存在问题 is a defined name of the sample (empty there): find its cell through the adapter.
  const { values } = await (await XlsxWorkbook.open(sampleBytes())).readNames(['存在问题']);
  const target = values['存在问题'];
  if (target.kind !== 'cell') throw new Error('存在问题 is not a cell name in the sample');
  const [sheetName, address] = target.cell.split('!');
  sheet(book, sheetName).getCell(address).value = '=HYPERLINK("x")-部分资金年底被收回';
  const filled = await fill(await saveBook(book));
  const out = await loadBook(filled.bytes);
  const cells: ExcelJS.Cell[] = [];
  sheet(out, '自评报告').eachRow((r) => r.eachCell((c) => cells.push(c)));
  const hit = cells.find((c) => String(plain(c)).includes('部分资金年底被收回'));
  expect(hit).toBeDefined();
  expect(typeof hit!.value).toBe('string');
  expect(hit!.numFmt).toBe('@');
});

test("cells the clerk's own form names 绩效_自评得分, 绩效_评价等级 or 绩效_<指标> receive the values, each listed", async () => {
  const book = await loadBook(sampleBytes());
  const form = book.addWorksheet('上报表');
  form.getCell('A1').value = '自评得分';
  form.getCell('A2').value = '评价等级';
  form.getCell('A3').value = '在职人员控制率';
  // The names are added through our fixture writer, which puts them into workbook.xml as Excel does.
  const fixture = await dumpFixture(await saveBook(book));
  fixture.names.push(
    { name: '绩效_自评得分', refersTo: '上报表!$B$1' },
    { name: '绩效_评价等级', refersTo: '上报表!$B$2' },
    { name: '绩效_在职人员控制率', refersTo: '上报表!$B$3' },
  );
  const filled = await fill(await buildXlsx(fixture));
  expect(filled.result.notices).toContain(
    '已写入您命名的单元格：绩效_自评得分（上报表!B1）、绩效_评价等级（上报表!B2）、绩效_在职人员控制率（上报表!B3）。',
  );
  const out = sheet(await loadBook(filled.bytes), '上报表');
  expect(plain(out.getCell('B1'))).toBe(47.47);
  expect(plain(out.getCell('B2'))).toBe('差');
  expect(plain(out.getCell('B3'))).toBeCloseTo(0.8824, 10);
  expect(out.getCell('B3').numFmt).toBe('0.00%');
  expect(plain(out.getCell('A1'))).toBe('自评得分');
});

test("a clerk's own names are left alone: a sheet-scoped 等级 holding 四级主任科员, a 自评得分 holding =SUM(B2:B3)", async () => {
  const book = await loadBook(sampleBytes());
  const staff = book.addWorksheet('人事');
  staff.getCell('B1').value = '四级主任科员';
  staff.getCell('B2').value = 1;
  staff.getCell('B3').value = 2;
  staff.getCell('C1').value = { formula: 'SUM(B2:B3)', result: 3 } as ExcelJS.CellFormulaValue;
  staff.getCell('D1').value = { formula: 'B2*10', result: 10 } as ExcelJS.CellFormulaValue;
  const fixture = await dumpFixture(await saveBook(book));
  fixture.names.push(
    { name: '等级', sheet: '人事', refersTo: '人事!$B$1' },
    { name: '自评得分', refersTo: '人事!$C$1' },
    { name: '绩效_评价等级', refersTo: '人事!$D$1' },
  );
  const input = await buildXlsx(fixture);
  const filled = await fill(input);
  const out = sheet(await loadBook(filled.bytes), '人事');
  expect(plain(out.getCell('B1'))).toBe('四级主任科员');
  expect(formulaOf(out.getCell('C1'))).toBe('SUM(B2:B3)');
  expect(formulaOf(out.getCell('D1'))).toBe('B2*10');
  const notices = filled.result.notices.join('\n');
  expect(notices).toContain('含有公式，未覆盖：');
  expect(notices).toContain('自评得分（人事!C1）');
  expect(notices).toContain('绩效_评价等级（人事!D1）');
  expect(notices).toContain('未写入：等级（人事!B1）');
  expect(notices).not.toContain('已写入您命名的单元格');
  // Confirmed in the pane: the clerk's 等级 receives the grade.
  const confirmed = await fill(input, { confirmedOutputs: ['等级'] });
  expect(plain(sheet(await loadBook(confirmed.bytes), '人事').getCell('B1'))).toBe('差');
  expect(confirmed.result.notices).toContain('已写入您命名的单元格：等级（人事!B1）。');
});

test('an empty sheet named 评分表 (a blank one, or left by an interrupted write) is used, not 评分表 (2)', async () => {
  const book = await loadBook(sampleBytes());
  book.addWorksheet('评分表');
  const filled = await fill(await saveBook(book));
  expect(filled.result.sheets['评分表']).toBe('评分表');
  expect(filled.result.notices).toEqual([]);
  const out = await loadBook(filled.bytes);
  expect(out.worksheets.map((w) => w.name).filter((n) => n.startsWith('评分表'))).toEqual(['评分表']);
  expect(plain(rowOf(sheet(out, '评分表'), 1, '合计').getCell(7))).toBe(47.47);
});
