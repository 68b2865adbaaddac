/**
 * 自动识别 in the browser page, in real Chromium on the production build: open the sample without
 * names, confirm the proposals, and get the named sample's result and findings; the downloaded
 * workbook carries the new names. Screenshots: test-output/e2e/auto-locate-*.png.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import type { Browser } from 'playwright-core';
import { runJob } from '../../src/app/job';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { ensureProductionBuild, launchChromium, PANE_WIDTH, servePane, type PreviewServer } from '../support/browser';
import { REPORT_DATE, sampleBytes } from '../support/filled';
import { sampleWithoutNames } from '../support/locatorLayouts';

jest.setTimeout(60_000);

const ROOT = resolve(__dirname, '..', '..');
const SHOTS = join(ROOT, 'test-output', 'e2e');

let server: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await ensureProductionBuild(ROOT);
  server = await servePane(ROOT);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('sample without names → 自动识别 → 确认并定义名称: the named sample’s result and findings; the download names the cells', async () => {
  const file = join(tmpdir(), `基础数据-无名称-${process.pid}.xlsx`);
  writeFileSync(file, await sampleWithoutNames());
  const context = await browser.newContext({
    viewport: { width: PANE_WIDTH, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.pageUrl, { waitUntil: 'load' });
  await page.locator('input[type="file"][accept^=".xlsx"]').setInputFiles(file);
  const panel = page.getByTestId('auto-locate');
  await panel.waitFor();
  await expect(
    panel.getByRole('checkbox', { name: '全年预算数：“全年预算数（调整后）” 基础数据!B13 174.56 万元' }).isChecked(),
  ).resolves.toBe(true);
  await page.screenshot({ path: join(SHOTS, `auto-locate-proposals-${PANE_WIDTH}.png`), fullPage: true });

  await panel.getByRole('button', { name: '确认并定义名称' }).click();
  const result = page.getByRole('region', { name: '评价结果' });
  await result.waitFor();
  await expect(result.getByLabel('自评得分').textContent()).resolves.toBe('47.47');
  await expect(result.getByLabel('评价等级').textContent()).resolves.toBe('差');
  const named = await runJob(await XlsxWorkbook.open(sampleBytes()), { date: REPORT_DATE });
  const warnings = await page.getByRole('list', { name: '警告' }).getByRole('listitem').allTextContents();
  const expected = named.evaluation.findings.filter((f) => f.severity === 'warning');
  expect(warnings).toHaveLength(expected.length);
  for (const f of expected) expect(warnings.some((w) => w.startsWith(f.message))).toBe(true);
  await page.screenshot({ path: join(SHOTS, `auto-locate-result-${PANE_WIDTH}.png`), fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载结果' }).click(),
  ]);
  const book = await XlsxWorkbook.open(new Uint8Array(readFileSync(await download.path())));
  const read = await book.readNames(['全年预算数', '编制数', '单位名称']);
  expect(read.values['全年预算数']).toMatchObject({ kind: 'cell', cell: '基础数据!B13' });
  expect(read.values['编制数']).toMatchObject({ kind: 'cell', cell: '基础数据!B8' });
  expect(read.values['单位名称']).toMatchObject({ kind: 'cell', value: '忻州市人民政府金融工作办公室' });
  expect(errors).toEqual([]);
  await context.close();
});
