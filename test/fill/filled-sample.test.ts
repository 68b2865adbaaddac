/**
 * The filled sample workbook as the clerk receives it: every cell that carries a figure, the live
 * formulas of 合计 and 评价等级, the report's outline — read back from the .xlsx bytes.
 * Golden values: docs/sample.md, scores computed by hand below.
 */
import { readWorkbookXml } from '../../src/workbook/xlsx';
import JSZip from 'jszip';
import type ExcelJS from 'exceljs';
import { fill, formulaOf, loadBook, plain, rowOf, sampleBytes, sheet, sheetDump } from '../support/filled';

let book: ExcelJS.Workbook;
let bytes: Uint8Array;

beforeAll(async () => {
  ({ bytes } = await fill(sampleBytes()));
  book = await loadBook(bytes);
}, 60_000);

// 指标计算: value column G holds the rate as a fraction with format 0.00%.
const RATES: [string, number][] = [
  ['在职人员控制率', 0.8824], // 15 ÷ 17 = 0.882352… → 88.24%
  ['三公经费变动率', 0.1224], // (0.55 − 0.49) ÷ 0.49 = 0.122448… → 12.24%
  ['预算完成率', 1], // 174.56 ÷ 174.56
  ['预算调整率', 0.1192], // 20.8 ÷ 174.56 = 0.119156… → 11.92%
  ['支付进度率', 0.8277], // Q4 144.48 ÷ 174.56 = 0.827681… → 82.77%
  ['结转结余率', 0], // 0 ÷ 174.56
  ['公用经费控制率', 1], // 31.90 ÷ 31.90
  ['三公经费控制率', 0.1833], // 0.55 ÷ 3 = 0.18333… → 18.33%
  ['政府采购执行率', 1], // 2.01 ÷ 2.01
  ['固定资产利用率', 1], // 85.32 ÷ 85.32
  ['实际完成率', 1], // 8 ÷ 8
  ['完成及时率', 1],
  ['质量达标率', 1],
  ['重点工作办结率', 1], // 12 ÷ 12
];

describe('指标计算', () => {
  test.each(RATES)('%s value cell', (id, fraction) => {
    const row = rowOf(sheet(book, '指标计算'), 3, id);
    const cell = row.getCell(7);
    expect(plain(cell)).toBeCloseTo(fraction, 10);
    expect(cell.numFmt).toBe('0.00%');
  });

  test('not computable indicators say which inputs are missing', () => {
    const ws = sheet(book, '指标计算');
    expect(String(plain(rowOf(ws, 3, '结转结余变动率').getCell(8)))).toContain('上年结转结余总额');
    expect(String(plain(rowOf(ws, 3, '重点支出安排率').getCell(8)))).toContain('重点项目支出');
  });

  test('计算过程 shows the arithmetic with the unrounded inputs', () => {
    const ws = sheet(book, '指标计算');
    expect(plain(rowOf(ws, 3, '在职人员控制率').getCell(6))).toBe('15 ÷ 17 × 100% = 88.24%');
    expect(String(plain(rowOf(ws, 3, '预算调整率').getCell(5)))).toMatch(/预算调整数 20\.8.*基础数据!B\d+/);
  });

  test('every value cell carries its 指标_<id> name', async () => {
    const info = await readWorkbookXml(await JSZip.loadAsync(bytes));
    const ws = sheet(book, '指标计算');
    for (const [id] of RATES) {
      const name = info.names.find((n) => n.name === `指标_${id}`);
      expect(name?.text).toBe(`指标计算!$G$${rowOf(ws, 3, id).number}`);
    }
  });
});

describe('评分表', () => {
  // 通用 scheme, scores on the displayed rate:
  const SCORES: [string, number, number][] = [
    ['在职人员控制率', 4, 4], // 88.24 ≤ 100 → full
    ['三公经费变动率', 4, 0], // 4 − 12.24 × 0.4 = −0.896 → 0 (扣完为止)
    ['预算完成率', 4, 4], // 4 × min(100/100, 1)
    ['预算调整率', 3, 1], // 11.92 ∈ (10, 20] → 1
    ['支付进度率', 3, 2.47], // 3 × mean(21.42/25, 38.23/50, 63.37/75, 82.77/100) = 3 × 0.823512… = 2.4705 → 2.47
    ['结转结余率', 3, 3], // = 0 → 3
    ['公用经费控制率', 3, 3], // 100 ≤ 100
    ['三公经费控制率', 4, 4], // 18.33 ≤ 100
    ['政府采购执行率', 4, 4],
    ['固定资产利用率', 2, 2],
    ['实际完成率', 3, 3],
    ['完成及时率', 3, 3],
    ['质量达标率', 8, 8],
    ['重点工作办结率', 6, 6],
  ];

  test.each(SCORES)('%s: 分值 %d, 得分 %d', (item, weight, score) => {
    const row = rowOf(sheet(book, '评分表'), 3, item);
    expect(plain(row.getCell(4))).toBe(weight);
    expect(plain(row.getCell(7))).toBe(score);
  });

  test('manual items have an empty, unlocked, highlighted 得分 cell', () => {
    const row = rowOf(sheet(book, '评分表'), 3, '绩效目标合理性');
    const cell = row.getCell(7);
    expect(plain(cell)).toBeNull();
    expect(cell.protection?.locked).toBe(false);
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toMatch(/FFF2CC$/i);
    expect(String(plain(row.getCell(5)))).toContain('达成 3.2–4分');
  });

  test('合计 and 评价等级 are live formulas carrying the engine result', () => {
    const ws = sheet(book, '评分表');
    const total = rowOf(ws, 1, '合计');
    const first = rowOf(ws, 3, '绩效目标合理性').number;
    const last = rowOf(ws, 3, '社会公众或服务对象满意度').number;
    expect(formulaOf(total.getCell(7))).toBe(
      `ROUND(SUM(G${first}:G${last})*100/(SUM(D${first}:D${last})-SUMIF(G${first}:G${last},"—",D${first}:D${last})),2)`,
    );
    // 4+0+4+1+2.47+3+3+4+4+2+3+3+8+6 = 47.47, manual items still 0, nothing not-applicable
    expect(plain(total.getCell(7))).toBe(47.47);
    const grade = rowOf(ws, 1, '评价等级');
    // The grade labels stay out of the formula: it looks them up in the hidden columns I:J (lowest band first).
    const g = grade.number;
    expect(formulaOf(grade.getCell(7))).toBe(
      `INDEX(J${g}:J${g + 3},MATCH(MAX(ROUND(G${total.number},2),I${g}),I${g}:I${g + 3},1))`,
    );
    expect([0, 1, 2, 3].map((i) => [plain(ws.getCell(g + i, 9)), plain(ws.getCell(g + i, 10))])).toEqual([
      [0, '差'],
      [60, '中'],
      [80, '良'],
      [90, '优'],
    ]);
    expect(plain(grade.getCell(7))).toBe('差');
  });

  test('预算执行情况 block', () => {
    const row = rowOf(sheet(book, '评分表'), 1, '年度资金总额');
    expect([3, 4, 5].map((c) => plain(row.getCell(c)))).toEqual([153.76, 174.56, 174.56]);
    expect(plain(row.getCell(6))).toBe(1);
    expect(row.getCell(6).numFmt).toBe('0.00%');
  });
});

describe('自评报告', () => {
  const paragraphs = () => {
    const out: string[] = [];
    sheet(book, '自评报告').eachRow((row) =>
      row.eachCell((c) => out.push(String(plain(c)).replace(/^[\s\u3000]+/, ''))),
    );
    return out;
  };

  test('the seven parts in order, numbered continuously', () => {
    const headings = paragraphs().filter((p) => /^[一二三四五六七八九十]、/.test(p));
    expect(headings.map((h) => h[0])).toEqual(['一', '二', '三', '四', '五', '六', '七']);
    expect(headings[0]).toContain('部门基本情况');
    expect(headings[6]).toContain('其他需说明的情况');
  });

  test('no placeholder or leaked value reaches the sheet', () => {
    const text = paragraphs().join('\n');
    for (const bad of ['undefined', 'NaN', 'null', '[object', '{{']) expect(text).not.toContain(bad);
  });

  test('figures come from the evaluation, and the rise of 三公经费 is not praised', () => {
    const text = paragraphs().join('\n');
    for (const figure of ['88.24%', '11.92%', '82.77%', '18.33%', '0.55万元', '144.48万元'])
      expect(text).toContain(figure);
    expect(text).toMatch(/增长12\.24%/);
    expect(text).not.toMatch(/控制(成果)?较好/);
    expect(text).not.toContain('88.23');
    expect(text).not.toContain('10.68');
  });

  test('dated and signed with the unit name', () => {
    const p = paragraphs();
    expect(p).toContain('忻州市人民政府金融工作办公室');
    expect(p).toContain('2022年7月8日');
  });
});

test("the clerk's 基础数据 sheet is unchanged", async () => {
  const original = await loadBook(sampleBytes());
  expect(sheetDump(sheet(book, '基础数据'))).toEqual(sheetDump(sheet(original, '基础数据')));
  expect(book.worksheets.map((w) => w.name)[0]).toBe('基础数据');
});
