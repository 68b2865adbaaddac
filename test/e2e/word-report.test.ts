/**
 * The Word report end to end in real (Debian) Chromium on the production build: open the sample, 计算指标,
 * then 导出 Word 报告 downloads a .docx that passes the same GB/T 9704 checks as the CLI's, and 复制报告
 * puts formatted HTML on the clipboard. The Word code arrives as a lazy chunk of our own origin.
 */
import { mkdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { proseDate } from '../../src/engine/narrative/words';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { ensureProductionBuild, launchChromium, PANE_WIDTH, servePane, type PreviewServer } from '../support/browser';
import { expectOfficialReport, readDocx } from '../support/docx';
import { fill, SAMPLE_PATH, sampleBytes } from '../support/filled';

jest.setTimeout(60_000);

const ROOT = resolve(__dirname, '..', '..');
const SHOTS = join(ROOT, 'test-output', 'e2e');

let server: PreviewServer;
let browser: Browser;
let context: BrowserContext;

// A production build takes minutes when several developers share the two cores.
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await ensureProductionBuild(ROOT);
  server = await servePane(ROOT);
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

async function sampleRun(): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  context = await browser.newContext({
    viewport: { width: PANE_WIDTH, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    // office.js's telemetry frame (a document) is the browser page's own open issue (i13); our code fetches scripts.
    if (r.resourceType() !== 'document') requests.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.pageUrl, { waitUntil: 'load' });
  await page.locator('input[type="file"][accept^=".xlsx"]').setInputFiles(SAMPLE_PATH);
  await page.getByRole('button', { name: '计算指标' }).click();
  await page.getByRole('region', { name: '评价结果' }).waitFor();
  return { page, requests, errors };
}

test('导出 Word 报告 downloads the official .docx of the workbook in the page; 复制报告 copies it as HTML', async () => {
  const { page, requests, errors } = await sampleRun();
  const section = page.getByRole('region', { name: 'Word 报告' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('button', { name: '导出 Word 报告' }).click(),
  ]);
  expect(await download.failure()).toBeNull();
  expect(download.suggestedFilename()).toBe('忻州市人民政府金融工作办公室2021年度部门整体支出绩效自评报告.docx');
  const bytes = new Uint8Array(readFileSync(await download.path()));
  await section.getByText(/正文取自工作表“自评报告”/).waitFor();
  await page.screenshot({
    path: join(SHOTS, `06-word-report-${PANE_WIDTH}.png`),
    fullPage: true,
    animations: 'disabled',
  });

  // What the page wrote into its workbook is what `fill` writes in Node; the report's text is that sheet's.
  const { bytes: filled } = await fill(sampleBytes(), { date: new Date() });
  const sheet = await (await XlsxWorkbook.open(filled)).readReport();
  const texts = sheet!.paragraphs.map((p) => p.text.replace(/^[\s\u3000]+/, ''));
  const docx = await readDocx(bytes);
  expectOfficialReport(docx, {
    title: texts[0],
    paragraphs: texts.slice(1, -2),
    closing: ['忻州市人民政府金融工作办公室', proseDate(new Date())],
    level3: docx.sections[1].tables[0].slice(1, -2).map((r) => r[2]),
    total: '47.47',
    grade: '差',
  });
  expect(docx.sections[1].tables[0].slice(1, -2)).toHaveLength(28);

  await section.getByRole('button', { name: '复制报告' }).click();
  await section.getByText(/报告已复制/).waitFor();
  const html = await page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    const item = items.find((i) => i.types.includes('text/html'));
    return item ? (await item.getType('text/html')).text() : '';
  });
  expect(html).toContain('2021年度部门整体支出绩效自评报告');
  expect(html).toContain("mso-fareast-font-family:'仿宋_GB2312'");
  expect(html).toContain('>47.47<');

  // The Word code came as our own lazy chunk; no script, fetch or image left the origin.
  const origin = new URL(server.url).origin;
  expect(requests.filter((u) => !u.startsWith(`${origin}/`))).toEqual([]);
  expect(requests).toContainEqual(expect.stringMatching(/\/word\.[0-9a-f]+\.js$/));
  expect(errors).toEqual([]);
});
