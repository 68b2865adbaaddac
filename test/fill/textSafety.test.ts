/**
 * Text safety through the real job: clerk texts that Excel would turn into a formula, a number, a
 * percent or a date when written through `values` (the strict fake converts them as Excel does) are
 * typed into the sample's 文字说明 inputs; after 计算指标 both adapters' 自评报告 show them as the
 * same text, and the sheet holds no formula and no number that came from them.
 */
import { runJob } from '../../src/app/job';
import { markName } from '../../src/sheets/names';
import { OfficeWorkbook } from '../../src/workbook/office';
import type { WorkbookPort } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import type { WorkbookFixture } from '../support/fixture';
import { FakeExcel } from '../support/fakeExcel';
import { fill, loadBook, plain, REPORT_DATE, sampleBytes, saveBook, sheet } from '../support/filled';
import { buildXlsx, dumpFixture } from '../support/xlsxFixture';

jest.setTimeout(60_000);

const CLERK_TEXTS: [input: string, cell: string, text: string][] = [
  ['经济效益', 'B47', '=SUM(1)'],
  ['社会效益', 'B48', '- 三公经费'],
  ['生态效益', 'B49', '+3.5%'],
  ['满意度说明', 'B50', '@x'],
  ['存在问题', 'B51', '2024-01-05'],
  ['改进措施', 'B52', '50%'],
  ['主要经验', 'B53', '00123'],
];

async function clerkWorkbook(): Promise<WorkbookFixture> {
  const sample = await dumpFixture(sampleBytes());
  const names = new Map(sample.names.map((n) => [n.name, n.refersTo]));
  for (const [input, cell] of CLERK_TEXTS) expect(names.get(input)).toBe(`基础数据!$${cell[0]}$${cell.slice(1)}`);
  return {
    ...sample,
    sheets: sample.sheets.map((sheet) =>
      sheet.name !== '基础数据'
        ? sheet
        : {
            ...sheet,
            cells: {
              ...sheet.cells,
              ...Object.fromEntries(CLERK_TEXTS.map(([, cell, text]) => [cell, { value: text, numberFormat: '@' }])),
            },
          },
    ),
  };
}

async function reportAfterJob(port: WorkbookPort): Promise<unknown[]> {
  const result = await runJob(port, { date: REPORT_DATE });
  expect(result.written).toBe(true);
  for (const [input, , text] of CLERK_TEXTS)
    expect({ input, value: result.names.values[input] }).toMatchObject({ input, value: { value: text } });
  const state = await port.readState([markName('自评报告')]);
  return state.owned[markName('自评报告')].values.flat();
}

test.each([
  [
    'office (strict fake)',
    async (f: WorkbookFixture) => {
      const fake = new FakeExcel(f);
      return {
        port: new OfficeWorkbook({ run: fake.runner(), isSetSupported: fake.isSetSupported }) as WorkbookPort,
        formulas: () => fake.dump().sheets.find((s) => s.name === '自评报告')!.cells,
      };
    },
  ],
  [
    'xlsx',
    async (f: WorkbookFixture) => {
      const book = await XlsxWorkbook.open(await buildXlsx(f));
      return {
        port: book as WorkbookPort,
        formulas: async () =>
          (await dumpFixture(await book.toBuffer())).sheets.find((s) => s.name === '自评报告')!.cells,
      };
    },
  ],
] as const)('%s: every clerk text comes back from 自评报告 as the same text', async (_label, open) => {
  const { port, formulas } = await open(await clerkWorkbook());
  const cells = await reportAfterJob(port);
  for (const [input, , text] of CLERK_TEXTS) {
    expect({ input, shown: cells.some((v) => typeof v === 'string' && v.includes(text)) }).toEqual({
      input,
      shown: true,
    });
  }
  expect(cells.filter((v) => typeof v === 'number')).toEqual([]);
  const written = await formulas();
  expect(
    Object.entries(written).filter(([, c]) => typeof c === 'object' && c !== null && 'formula' in c && c.formula),
  ).toEqual([]);
});

/**
 * The same texts typed by the clerk as paragraphs of their own in our 自评报告 (rows inserted after the
 * 主要经验, in cells formatted 文本 as our report's are): kept by the re-run (their record in the hidden
 * settings sheet, then the report rewritten), and by the run after it, as the same text on both adapters.
 */
async function typedInReport(): Promise<Uint8Array> {
  const book = await loadBook((await fill(sampleBytes())).bytes);
  const ws = sheet(book, '自评报告');
  let experience = 0;
  ws.eachRow((row) => {
    const v = plain(row.getCell(1));
    if (!experience && typeof v === 'string' && v.trim().startsWith('一是成立绩效自评小组')) experience = row.number;
  });
  expect(experience).toBeGreaterThan(0);
  ws.spliceRows(experience + 1, 0, ...CLERK_TEXTS.map(([, , text]) => [text]));
  CLERK_TEXTS.forEach((_, i) => (ws.getCell(experience + 1 + i, 1).numFmt = '@'));
  return saveBook(book);
}

test.each([
  [
    'office (strict fake)',
    async (bytes: Uint8Array) => {
      const fake = new FakeExcel(await dumpFixture(bytes));
      return new OfficeWorkbook({ run: fake.runner(), isSetSupported: fake.isSetSupported }) as WorkbookPort;
    },
  ],
  ['xlsx', async (bytes: Uint8Array) => (await XlsxWorkbook.open(bytes)) as WorkbookPort],
] as const)(
  '%s: clerk texts typed into 自评报告 come back as the same text after two re-runs',
  async (_label, open) => {
    const port = await open(await typedInReport());
    const texts = CLERK_TEXTS.map(([, , text]) => text);
    for (let run = 1; run <= 2; run++) {
      const result = await runJob(port, { date: REPORT_DATE });
      expect(result.written).toBe(true);
      const paragraphs = (await port.readReport())!.paragraphs.map((p) => p.text);
      const at = paragraphs.indexOf(texts[0]);
      expect({ run, kept: paragraphs.slice(at, at + texts.length) }).toEqual({ run, kept: texts });
      expect(result.report?.kept.map((k) => k.text)).toEqual(expect.arrayContaining(texts));
    }
  },
);
