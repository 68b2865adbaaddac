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
import { REPORT_DATE, sampleBytes } from '../support/filled';
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
