/** jixiao report: a GB/T 9704 .docx from a workbook; exit 2 on blocking errors; the input is never the output. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main, SAMPLE_WORKBOOK } from '../../src/cli/main';
import { buildXlsx } from '../support/xlsxFixture';
import { BLOCKED_WORKBOOK } from '../support/badWorkbook';
import { readDocx } from '../support/docx';

jest.setTimeout(60_000);

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'jixiao-report-'));

test('report writes the Word report of a filled workbook, its text taken from our 自评报告 sheet', async () => {
  const filled = join(dir, 'filled.xlsx');
  expect((await run('fill', SAMPLE_WORKBOOK, '-o', filled)).code).toBe(0);
  const out = join(dir, '自评报告.docx');
  const r = await run('report', filled, '-o', out);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toContain('正文取自工作表“自评报告”');
  expect(r.out).toContain('合计 47.47 分，评价等级 差，暂定');
  const docx = await readDocx(new Uint8Array(readFileSync(out)));
  expect(docx.sections[0].paragraphs[0].text).toBe('忻州市人民政府金融工作办公室\n2021年度部门整体支出绩效自评报告');
  expect(docx.sections[1].tables[0].find((row) => row[0] === '合计')?.[3]).toBe('47.47');
});

test('report on a workbook never filled generates the narrative', async () => {
  const out = join(dir, 'generated.docx');
  const r = await run('report', SAMPLE_WORKBOOK, '-o', out);
  expect(r.code).toBe(0);
  expect(r.out).toContain('正文按当前数据生成');
  expect(existsSync(out)).toBe(true);
});

test('report refuses a missing -o and the input as output, and exits 2 on blocking errors writing nothing', async () => {
  const noOut = await run('report', SAMPLE_WORKBOOK);
  expect(noOut.code).toBe(1);
  expect(noOut.err).toContain('-o');
  const same = await run('report', SAMPLE_WORKBOOK, '-o', SAMPLE_WORKBOOK);
  expect(same.code).toBe(1);
  expect(same.err).toContain('就是输入文件');
  // An existing report is not replaced without --force.
  const existing = join(dir, 'existing.docx');
  writeFileSync(existing, 'an earlier report');
  const kept = await run('report', SAMPLE_WORKBOOK, '-o', existing);
  expect(kept.code).toBe(1);
  expect(readFileSync(existing, 'utf8')).toBe('an earlier report');
  expect((await run('report', SAMPLE_WORKBOOK, '-o', existing, '--force')).code).toBe(0);
  expect(readFileSync(existing).subarray(0, 2).toString()).toBe('PK');

  const bad = join(dir, 'bad.xlsx');
  writeFileSync(bad, await buildXlsx(BLOCKED_WORKBOOK));
  const out = join(dir, 'bad.docx');
  const r = await run('report', bad, '-o', out);
  expect(r.code).toBe(2);
  expect(r.err).toContain('基础数据!B3');
  expect(r.err).toContain('未生成报告');
  expect(existsSync(out)).toBe(false);
});
