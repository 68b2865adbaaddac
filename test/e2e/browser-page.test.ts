/**
 * The browser page end to end, in real (Debian) Chromium on the production build: what a clerk on
 * an isolated intranet does with `npm run preview`. Open the sample, click 计算指标, read the total,
 * grade and findings off the pane, download the result and look inside it with the xlsx adapter;
 * open bad files; download the template. Every request the page (or anything it opens) makes must stay
 * on its own origin, checked after the network has gone idle and one more second has passed; the page
 * never loads office.js (outside Office it asks Microsoft's telemetry service for a page).
 * Screenshots of each state, at the task pane's width and at 1280 px: test-output/e2e/.
 */
import { existsSync, mkdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { inspect } from '../../src/app/job';
import { INPUTS } from '../../src/engine/catalogue';
import type { Finding } from '../../src/engine/types';
import { markName, OUR_MARKS, OUR_ROLES, OUR_SHEETS, type SheetRole } from '../../src/sheets';
import type { OwnedSheet } from '../../src/workbook/port';
import { readWorkbookXml, XlsxWorkbook } from '../../src/workbook/xlsx';
import {
  DESKTOP_WIDTH,
  ensureProductionBuild,
  launchChromium,
  PANE_WIDTH,
  recordRequests,
  servePane,
  settleNetwork,
  type PreviewServer,
  type RecordedRequest,
  type RequestLog,
} from '../support/browser';
import { loadBook, SAMPLE_PATH, sampleBytes, sheet, sheetDump } from '../support/filled';
import { buildXlsx } from '../support/xlsxFixture';
import { BLOCKED_WORKBOOK } from '../support/badWorkbook';

// A production build takes ~35 s on two cores when dist/ is stale; the tests themselves a few seconds.
jest.setTimeout(30_000);

const ROOT = resolve(__dirname, '..', '..');
const SHOTS = join(ROOT, 'test-output', 'e2e');
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let server: PreviewServer;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await ensureProductionBuild(ROOT);
  server = await servePane(ROOT);
  origin = new URL(server.url).origin;
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Pane {
  context: BrowserContext;
  page: Page;
  log: RequestLog;
  /** Uncaught exceptions, console.error output and failed requests of the page. */
  errors: string[];
}

const panes: Pane[] = [];

afterEach(async () => {
  await Promise.all(panes.splice(0).map((pane) => pane.context.close()));
});

/** A fresh browser profile at the pane's width, the page loaded and ready in browser mode. */
async function openPane(): Promise<Pane> {
  const context = await browser.newContext({
    viewport: { width: PANE_WIDTH, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const log = recordRequests(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('requestfailed', (request) => errors.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()}: ${response.url()}`);
  });
  const pane = { context, page, log, errors };
  panes.push(pane);
  await page.goto(server.pageUrl, { waitUntil: 'load' });
  await page.getByRole('button', { name: '打开工作簿', exact: true }).waitFor();
  log.markLoaded();
  return pane;
}

/** Full-page screenshots at the pane's width and at a desktop browser's width. */
async function shoot(page: Page, name: string): Promise<void> {
  // At its real width the pane never scrolls sideways: long words and tables must fit 350 px.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect({ state: name, overflow: width > PANE_WIDTH ? `${width} px wide` : 'none' }).toEqual({
    state: name,
    overflow: 'none',
  });
  // animations 'disabled' finishes Fluent's colour transitions, so a button just enabled looks enabled.
  await page.screenshot({ path: join(SHOTS, `${name}-${PANE_WIDTH}.png`), fullPage: true, animations: 'disabled' });
  await page.setViewportSize({ width: DESKTOP_WIDTH, height: 900 });
  await page.screenshot({ path: join(SHOTS, `${name}-${DESKTOP_WIDTH}.png`), fullPage: true, animations: 'disabled' });
  await page.setViewportSize({ width: PANE_WIDTH, height: 900 });
}

/** A script webpack emitted into dist/ (the lazy chunks are among them), fetched from the page's origin. */
function isOwnChunk(request: RecordedRequest): boolean {
  const file = request.url.startsWith(`${origin}/`) ? request.url.slice(origin.length + 1) : '';
  return (
    request.method === 'GET' &&
    request.resourceType === 'script' &&
    /^[\w.-]+\.js$/.test(file) &&
    existsSync(join(ROOT, 'dist', file))
  );
}

/**
 * Nothing leaves the page's origin; once the pane is ready, only its own lazy chunks are fetched.
 * Checked once the network has been idle and a further second has passed.
 */
async function expectOwnRequestsOnly(pane: Pane): Promise<void> {
  await settleNetwork(pane.page);
  const { requests } = pane.log;
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((r) => !r.url.startsWith(`${origin}/`)).map((r) => r.url)).toEqual([]);
  expect(requests.filter((r) => r.afterLoad && !isOwnChunk(r))).toEqual([]);
  expect(requests.filter((r) => /\/office(\.debug)?\.js$|telemetry/i.test(r.url)).map((r) => r.url)).toEqual([]);
  expect(pane.errors).toEqual([]);
}

function chooseFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  return page.locator('input[type="file"][accept^=".xlsx"]').setInputFiles(file);
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  expect(await (file as Download).failure()).toBeNull();
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(await file.path())) };
}

/** The row of an owned sheet's grid whose first column holds `label`. */
function gridRow(owned: OwnedSheet, label: string): unknown[] {
  const row = owned.values.find((r) => r[0] === label);
  if (!row) throw new Error(`no row ${label} in ${owned.sheet}`);
  return row;
}

test('first render: browser mode offers 打开工作簿 and 下载模板 and says nothing is uploaded', async () => {
  const pane = await openPane();
  const { page } = pane;
  await expect(page.title()).resolves.toBe('绩效自评助手');
  await page.getByRole('heading', { name: '绩效自评助手', level: 1 }).waitFor();
  await page.getByRole('button', { name: '下载模板' }).waitFor();
  await page.getByText('文件只在本机浏览器中处理，不会上传到任何地方。').waitFor();
  await shoot(page, '01-start');
  // A plain browser never loads office.js (boot.js writes it into the page only when Office hosts it).
  expect(await pane.page.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe('undefined');
  await expectOwnRequestsOnly(pane);
});

test('下载模板 gives the empty input workbook: one 基础数据 sheet naming every input, no values', async () => {
  const pane = await openPane();
  const { name, bytes } = await download(pane.page, '下载模板');
  expect(name).toBe('绩效自评-输入模板.xlsx');
  const template = await XlsxWorkbook.open(bytes);
  const state = await template.readState([...OUR_MARKS]);
  expect(state.sheets.map((s) => s.name)).toEqual(['基础数据']);
  expect(state.owned).toEqual({});
  const { values } = await template.readNames(INPUTS.map((d) => d.name));
  for (const def of INPUTS) {
    expect({ input: def.name, kind: values[def.name].kind }).toEqual({ input: def.name, kind: 'cell' });
    expect(values[def.name]).toMatchObject({ cell: expect.stringMatching(/^基础数据!/), value: null });
  }
  await expectOwnRequestsOnly(pane);
});

describe('the sample workbook', () => {
  let engineFindings: Finding[];

  beforeAll(async () => {
    engineFindings = (await inspect(await XlsxWorkbook.open(sampleBytes()))).evaluation.findings;
  });

  test('计算指标 shows the total, the grade and the findings; 下载结果 adds our sheets and changes nothing else', async () => {
    const pane = await openPane();
    const { page } = pane;
    await chooseFile(page, SAMPLE_PATH);
    await page.getByText('当前工作簿：sample-xinzhou-2021.xlsx').waitFor();
    await page.getByRole('region', { name: '输入数据' }).waitFor();
    await expect(page.getByRole('button', { name: '计算指标' }).isEnabled()).resolves.toBe(true);
    await shoot(page, '02-sample-opened');

    await page.getByRole('button', { name: '计算指标' }).click();
    const result = page.getByRole('region', { name: '评价结果' });
    await result.waitFor();
    // 47.47 and 差 (< 60): the golden total of test/fill/filled-sample.test.ts, manual items still at 0.
    await expect(result.getByLabel('自评得分').textContent()).resolves.toBe('47.47');
    await expect(result.getByLabel('评价等级').textContent()).resolves.toBe('差');
    await result.getByText('暂定', { exact: true }).waitFor();
    await result.getByText('已写入工作表：指标计算、评分表、自评报告、评分方案').waitFor();

    const warnings = await page.getByRole('list', { name: '警告' }).getByRole('listitem').allTextContents();
    const expected: [code: string, hand: string[]][] = [
      // 四季度 144.48 vs 全年执行数 174.56: 174.56 − 144.48 = 30.08
      [
        'payment-progress-mismatch',
        ['四季度累计支出144.48万元（基础数据!B20）', '全年执行数174.56万元（基础数据!B14）', '相差30.08万元'],
      ],
      // 37.39 / 66.73 / 110.62 / 144.48 ÷ 174.56 = 21.42% / 38.23% / 63.37% / 82.77%, under 25/50/75/100%
      [
        'payment-progress-lag',
        ['一季度21.42%（序时进度25%）', '二季度38.23%', '三季度63.37%', '四季度82.77%（序时进度100%）'],
      ],
      // (0.55 − 0.49) ÷ 0.49 = 0.12244… → 12.24%
      ['sangong-increase', ['三公经费支出数0.55万元（基础数据!B26）', '0.49万元（基础数据!B27）', '增长12.24%']],
      // 20.8 ÷ 174.56 = 0.11915… → 11.92% > 10%
      ['budget-adjustment', ['预算调整数20.80万元（基础数据!B12）', '11.92%', '超过10%']],
    ];
    for (const [code, parts] of expected) {
      const finding = engineFindings.find((f) => f.code === code);
      expect(finding).toBeDefined();
      const shown = warnings.find((text) => text.startsWith(finding!.message));
      expect({ code, shown }).toEqual({ code, shown: expect.any(String) });
      for (const part of parts) expect(shown).toContain(part);
      // Each finding lists its cells under the message.
      expect(shown).toContain(finding!.cells.join('、'));
    }
    const warningCount = engineFindings.filter((f) => f.severity === 'warning').length;
    expect(warnings).toHaveLength(warningCount);
    await page.getByRole('button', { name: `警告（${warningCount}）` }).waitFor();
    await shoot(page, '03-sample-result');

    const { name, bytes } = await download(page, '下载结果');
    expect(name).toBe('sample-xinzhou-2021-自评结果.xlsx');
    const filled = await XlsxWorkbook.open(bytes);
    const state = await filled.readState([...OUR_MARKS]);
    expect(state.sheets.map((s) => [s.name, s.visibility === 'visible'])).toEqual([
      ['基础数据', true],
      ['指标计算', true],
      ['评分表', true],
      ['自评报告', true],
      ['评分方案', true],
      ['绩效自评设置', false],
    ]);
    const owned = (role: SheetRole) => state.owned[markName(role)];
    expect(OUR_ROLES.map((role) => owned(role)?.sheet)).toEqual(OUR_ROLES.map((role) => OUR_SHEETS[role]));
    // The 评分表 the clerk receives carries the total and grade the pane showed.
    expect(gridRow(owned('评分表'), '合计')).toContain(47.47);
    expect(gridRow(owned('评分表'), '评价等级')).toContain('差');
    // 在职人员控制率 = 15 ÷ 17 = 0.88235… → 88.24%, written as the fraction 0.8824.
    expect(owned('指标计算').values.some((r) => r.includes('在职人员控制率') && r.includes(0.8824))).toBe(true);
    expect(owned('自评报告').values.flat().join('')).toContain('忻州市人民政府金融工作办公室');

    // The clerk's sheet is untouched, cell for cell, and so is every name it had.
    const before = await loadBook(sampleBytes());
    const after = await loadBook(bytes);
    expect(sheetDump(sheet(after, '基础数据'))).toEqual(sheetDump(sheet(before, '基础数据')));
    const namesBefore = (await readWorkbookXml(sampleBytes())).names;
    const namesAfter = (await readWorkbookXml(bytes)).names;
    const key = (n: { name: string; sheet?: string }) => `${n.sheet ?? ''}!${n.name}`;
    for (const n of namesBefore) {
      expect(namesAfter.find((m) => key(m) === key(n))).toMatchObject({ text: n.text, hidden: n.hidden });
    }
    // Every name added points into one of our sheets.
    const ours = Object.values(OUR_SHEETS);
    for (const n of namesAfter.filter((m) => !namesBefore.some((b) => key(b) === key(m)))) {
      const target = n.text.replace(/^'?(.*?)'?!.*$/, '$1');
      expect({ name: n.name, target: ours.includes(target) ? 'ours' : target }).toEqual({
        name: n.name,
        target: 'ours',
      });
    }
    // The xlsx adapter came later, as a lazy chunk of our own (the recording does see what happens
    // after load); no whole-workbook model (ExcelJS) is loaded at all.
    const lazy = pane.log.requests.filter((r) => r.afterLoad && isOwnChunk(r)).map((r) => r.url);
    expect(lazy).toContainEqual(expect.stringMatching(/\/xlsx\.[0-9a-f]+\.js$/));
    expect(pane.log.requests.filter((r) => /exceljs/i.test(r.url))).toEqual([]);
    await expectOwnRequestsOnly(pane);
  });
});

describe('bad input', () => {
  test('a workbook with a non-number and a missing required input: Chinese errors naming the input and the cell, nothing to download', async () => {
    const pane = await openPane();
    const { page } = pane;
    const bytes = await buildXlsx(BLOCKED_WORKBOOK);
    await chooseFile(page, { name: '坏数据.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(bytes) });
    const blocking = page.getByRole('list', { name: '以下问题阻止了写入，工作簿未作任何改动' });
    await blocking.waitFor();
    const items = await blocking.getByRole('listitem').allTextContents();
    expect(items.find((t) => t.includes('编制数'))).toEqual(
      expect.stringContaining('输入项“编制数”（基础数据!B3）的值“待定”不是数字'),
    );
    expect(items.find((t) => t.includes('全年预算数'))).toEqual(expect.stringContaining('缺少必填输入项“全年预算数”'));
    // The input's row in its group (opened, as it needs attention) shows the problem and the cell.
    const row = page.getByRole('table', { name: '人员编制' }).getByRole('row').filter({ hasText: '编制数（必填）' });
    await row.getByText('基础数据!B3', { exact: true }).waitFor();
    await row.getByText('无效').waitFor();

    await page.getByRole('button', { name: '计算指标' }).click();
    await page.getByRole('button', { name: '计算指标' }).and(page.locator(':enabled')).waitFor();
    await blocking.waitFor();
    expect(await page.getByRole('region', { name: '评价结果' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '下载结果' }).count()).toBe(0);
    await shoot(page, '04-bad-workbook');
    await expectOwnRequestsOnly(pane);
  });

  test('a file that is not .xlsx, and an .xlsx that is not a workbook, are refused in Chinese', async () => {
    const pane = await openPane();
    const { page } = pane;
    await chooseFile(page, {
      name: '部门数据.xls',
      mimeType: 'application/vnd.ms-excel',
      buffer: Buffer.from('not a workbook'),
    });
    await page
      .getByText('“部门数据.xls”不是 .xlsx 文件。请在 Excel 或 WPS 中另存为 .xlsx 格式后再打开。'.replace(/[“”]/g, '"'))
      .waitFor();
    await chooseFile(page, { name: '损坏.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from('not a zip at all') });
    await page.getByText('无法读取"损坏.xlsx"：').waitFor();
    await page.getByText('它已损坏，或不是 Excel 工作簿（.xlsx）', { exact: false }).waitFor();
    await shoot(page, '05-not-a-workbook');
    // Still nothing opened: no scheme picker, no 计算指标.
    expect(await page.getByRole('button', { name: '计算指标' }).count()).toBe(0);
    await expectOwnRequestsOnly(pane);
  });
});
