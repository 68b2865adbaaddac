/**
 * Excel's limits: 32,767 characters a cell (titles cut with an ellipsis and a warning naming the cell, long
 * report paragraphs split across rows), 31-character sheet names without : \ / ? * [ ], 409-point rows; through
 * the layouts and through the CLI on a workbook whose 单位名称 is longer than a cell holds.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import type { ReportParagraph } from '../../src/engine/narrative';
import {
  cutText,
  ELLIPSIS,
  fitLayout,
  MAX_CELL_CHARS,
  MAX_ROW_HEIGHT,
  sheetNameProblem,
  splitText,
} from '../../src/sheets/excelLimits';
import { reportLayout } from '../../src/sheets/reportSheet';
import { variant } from '../support/readingWorkbook';
import { buildXlsx } from '../support/xlsxFixture';

jest.setTimeout(60_000);

test('cutText keeps what fits and cuts the rest with an ellipsis, never inside a surrogate pair', () => {
  expect(cutText('单位', 5)).toBe('单位');
  expect(cutText('一二三四五六', 5)).toBe('一二三四…');
  expect(cutText('a😀b', 3)).toBe('a…');
  expect(cutText('x'.repeat(40_000))).toHaveLength(MAX_CELL_CHARS);
  expect(cutText('x'.repeat(40_000)).endsWith(ELLIPSIS)).toBe(true);
});

test('splitText gives pieces within the limit that join back to the text, at sentence ends where it can', () => {
  const sentence = '本单位严格执行预算管理制度。';
  const long = sentence.repeat(6000);
  const pieces = splitText(long);
  expect(pieces.length).toBe(Math.ceil(long.length / MAX_CELL_CHARS));
  expect(pieces.join('')).toBe(long);
  for (const p of pieces) expect(p.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
  for (const p of pieces.slice(0, -1)) expect(p.endsWith('。')).toBe(true);
  const emoji = '😀'.repeat(20);
  expect(splitText(emoji, 5).join('')).toBe(emoji);
  expect(splitText(emoji, 5).every((p) => p.length <= 5 && !/[\ud800-\udbff]$/.test(p))).toBe(true);
});

test('sheet names: 31 characters, no : \\ / ? * [ ], no apostrophe at either end, not History', () => {
  expect(sheetNameProblem('评分表 (2)')).toBeUndefined();
  expect(sheetNameProblem('a'.repeat(32))).toContain('31');
  for (const bad of ['a:b', 'a/b', 'a\\b', 'a?b', 'a*b', 'a[b', 'a]b'])
    expect(sheetNameProblem(bad)).toContain('不能包含');
  expect(sheetNameProblem("'评分表")).toContain('单引号');
  expect(sheetNameProblem('history')).toContain('History');
  expect(sheetNameProblem('')).toBeDefined();
});

test('a report paragraph longer than a cell is split across rows; the title is cut with a warning', () => {
  const body = '本单位认真落实各项工作。'.repeat(7000);
  const paragraphs: ReportParagraph[] = [
    { kind: 'title', text: '很长的单位'.repeat(8000) + '2021年度部门整体支出绩效自评报告' },
    { kind: 'paragraph', text: body },
    { kind: 'signature', text: '单位' },
  ];
  const layout = reportLayout(paragraphs, '自评报告');
  const texts = layout.rows.map((r) => String(r[0]?.value ?? ''));
  const bodyRows = texts.slice(1, -2);
  expect(bodyRows.length).toBe(3);
  expect(bodyRows.map((t) => t.replace(/^\u3000\u3000/, '')).join('')).toBe(body);
  const warnings = fitLayout(layout);
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toContain('“自评报告”工作表 A1');
  expect(warnings[0]).toContain('32767');
  const title = String(layout.rows[0][0]?.value);
  expect(title).toHaveLength(MAX_CELL_CHARS);
  expect(title.endsWith(ELLIPSIS)).toBe(true);
  for (const row of layout.rows) expect(String(row[0]?.value ?? '').length).toBeLessThanOrEqual(MAX_CELL_CHARS);
  for (const h of Object.values(layout.rowHeights ?? {})) expect(h).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
});

test('fill with a 单位名称 longer than a cell: every written cell fits, titles end in an ellipsis, the notice says so', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-limits-'));
  const input = join(dir, 'long.xlsx');
  const unit = '忻州市人民政府金融工作办公室'.repeat(2500);
  writeFileSync(input, await buildXlsx(variant({ cells: { B2: unit } })));
  const out = join(dir, 'out.xlsx');
  const lines: string[] = [];
  const code = await main(['fill', input, '-o', out], { out: (t) => lines.push(t), err: (t) => lines.push(t) });
  expect(code).toBe(0);
  const output = lines.join('\n');
  expect(output).toMatch(/“评分表”工作表 A1 的文字有 \d+ 个字符，超过 Excel 每个单元格 32767 个字符的上限，已截断/);
  expect(output).toContain('“指标计算”工作表 A1');
  expect(output).toContain('“自评报告”工作表 A1');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
  let longest = 0;
  // The clerk's own 基础数据 (built here over the limit, which real Excel would not allow) is left as it is.
  book.eachSheet((ws) =>
    ws.name === '基础数据'
      ? undefined
      : ws.eachRow((row) =>
          row.eachCell((cell) => {
            longest = Math.max(longest, typeof cell.value === 'string' ? cell.value.length : 0);
          }),
        ),
  );
  expect(longest).toBe(MAX_CELL_CHARS);
  for (const name of ['评分表', '指标计算', '自评报告']) {
    const title = String(book.getWorksheet(name)!.getCell('A1').value);
    expect(title.startsWith('忻州市人民政府金融工作办公室')).toBe(true);
    expect(title.endsWith(ELLIPSIS)).toBe(true);
  }
});

test('fill with a clerk text as long as a cell holds (单位概况, 32,767 characters): the report paragraph runs over rows, each within the limit, and a re-run keeps it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-limits-'));
  const input = join(dir, 'text.xlsx');
  const sentence = '本单位负责全市金融服务工作，协调金融机构支持地方经济发展。';
  const text = sentence.repeat(Math.ceil(MAX_CELL_CHARS / sentence.length)).slice(0, MAX_CELL_CHARS);
  writeFileSync(
    input,
    await buildXlsx(
      variant({ cells: { A20: '单位概况', B20: text }, names: [{ name: '单位概况', refersTo: '基础数据!$B$20' }] }),
    ),
  );
  const cells = async (file: string): Promise<{ longest: number; report: string[] }> => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    let longest = 0;
    book.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          longest = Math.max(longest, typeof cell.value === 'string' ? cell.value.length : 0);
        }),
      ),
    );
    const report: string[] = [];
    book.getWorksheet('自评报告')!.eachRow((row) => report.push(String(row.getCell(1).value ?? '')));
    return { longest, report };
  };
  const fill = async (from: string, to: string) => {
    const code = await main(['fill', from, '-o', to], { out: () => undefined, err: () => undefined });
    expect(code).toBe(0);
    return cells(to);
  };
  const once = await fill(input, join(dir, 'once.xlsx'));
  expect(once.longest).toBeLessThanOrEqual(MAX_CELL_CHARS);
  const pieces = once.report.filter((t) => t.includes('本单位负责全市金融服务工作'));
  expect(pieces.length).toBeGreaterThan(1);
  expect(pieces.map((t) => t.replace(/^\u3000\u3000/, '')).join('')).toContain(text);
  // The next run reads the split paragraph back (the settings record too) and writes the same report.
  const twice = await fill(join(dir, 'once.xlsx'), join(dir, 'twice.xlsx'));
  expect(twice.longest).toBeLessThanOrEqual(MAX_CELL_CHARS);
  expect(twice.report).toEqual(once.report);
});
