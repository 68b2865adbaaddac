/** LibreOffice renders the Word report: A4 pages, a sensible page count, the title and the total in the text. */
import { execFileSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildReport } from '../../src/app/report';
import { renderDocx } from '../../src/document/renderDocx';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { convert } from '../support/libreoffice';
import { fill, sampleBytes } from '../support/filled';

jest.setTimeout(180_000);

test('the sample report renders to A4 pages with the title, the table and its total', async () => {
  const { bytes } = await fill(sampleBytes());
  const { report } = await buildReport(await XlsxWorkbook.open(bytes));
  const pdf = convert(await renderDocx(report!.document), 'docx', 'pdf');
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-render-'));
  const file = join(dir, 'report.pdf');
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  // About 10 pages of text at 22 lines × 28 characters, then 2–4 landscape pages of the 28-row table.
  expect(pages).toBeGreaterThanOrEqual(10);
  expect(pages).toBeLessThanOrEqual(18);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
  expect(sizes.length).toBe(pages);
  // A4 is 595.3 × 841.9 pt: portrait text pages first, the attachment's pages landscape.
  const a4 = (w: number, h: number) => Math.abs(w - 595.3) < 1 && Math.abs(h - 841.9) < 1;
  expect(a4(sizes[0][0], sizes[0][1])).toBe(true);
  expect(a4(sizes[pages - 1][1], sizes[pages - 1][0])).toBe(true);
  for (const [w, h] of sizes) expect(a4(w, h) || a4(h, w)).toBe(true);

  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/ +/g, ' ');
  expect(text).toContain('忻州市人民政府金融工作办公室');
  expect(text).toContain('2021 年度部门整体支出绩效自评报告');
  expect(text).toContain('附件：部门整体支出绩效自评表');
  expect(text).toMatch(/合计 100 47\.47/);
  expect(text).toContain('在职人员控制率');
  // Page numbers "— n —" on the first and the last page (pdftotext drops the spaces beside the dashes).
  expect(text).toMatch(/—\s?1\s?—/);
  expect(text).toMatch(new RegExp(`—\\s?${pages}\\s?—`));
});
