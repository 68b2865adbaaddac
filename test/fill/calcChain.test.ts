/**
 * Excel's calculation chain (xl/calcChain.xml) in the clerk's package: a first fill that only adds
 * our sheets keeps it byte for byte; a write over cells that already existed (a re-fill replacing our
 * sheets, a named output over a clerk's formula cell) takes it out with its relationship and content
 * type, since a chain listing a cell that no longer holds a formula makes Excel offer to repair the
 * file. Everything else of the clerk's stays byte for byte, and the result opens in LibreOffice
 * (recalculated) and openpyxl.
 */
import JSZip from 'jszip';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { WorkbookPackage } from '../../src/workbook/xlsx/workbookPackage';
import { fill, loadBook, plain, rowOf, sampleBytes, sheet } from '../support/filled';
import { recalculate } from '../support/libreoffice';
import { danglingReferences, handWrittenXlsm, openpyxlSheets, partsOf, withCalcChain } from '../support/preservation';
import { buildXlsx } from '../support/xlsxFixture';

jest.setTimeout(300_000);

const CHAIN = 'xl/calcChain.xml';
const CHAIN_TYPE = 'spreadsheetml.calcChain+xml';
const CHAIN_REL = 'relationships/calcChain';
const RELS = 'xl/_rels/workbook.xml.rels';
const TYPES = '[Content_Types].xml';

async function text(data: Uint8Array, part: string): Promise<string | undefined> {
  return (await JSZip.loadAsync(data)).file(part)?.async('string');
}

async function expectChainGone(data: Uint8Array): Promise<void> {
  expect(await text(data, CHAIN)).toBeUndefined();
  expect(await text(data, RELS)).not.toContain(CHAIN_REL);
  expect(await text(data, TYPES)).not.toContain(CHAIN_TYPE);
  expect(await danglingReferences(data)).toEqual([]);
}

test('a first fill that only adds our sheets keeps the chain byte for byte', async () => {
  // The hand-written .xlsm has a clerk formula (=[1]Sheet1!$A$1 on its second sheet).
  const { bytes, chain } = await withCalcChain(await handWrittenXlsm());
  expect(chain).toMatch(/<c r="B1" i="2"\/>/);
  const filled = (await fill(bytes)).bytes;
  expect(await text(filled, CHAIN)).toBe(chain);
  expect(await text(filled, RELS)).toContain(CHAIN_REL);
  expect(await text(filled, TYPES)).toContain(CHAIN_TYPE);
  expect(await danglingReferences(filled)).toEqual([]);
});

test('a re-fill of a workbook saved with a chain over our formulas drops the chain, and nothing else of the clerk’s', async () => {
  // The clerk opens the filled sample in LibreOffice and saves it; then Excel-like, with a chain over
  // every formula cell — our sheets' included.
  const saved = recalculate((await fill(sampleBytes())).bytes);
  const { bytes: withChain, chain } = await withCalcChain(saved);
  const savedPkg = await WorkbookPackage.load(withChain);
  const ours = new Set(
    savedPkg.info.sheets
      .map((s, i) =>
        ['指标计算', '评分表', '自评报告', '评分方案'].includes(s.name) || s.state !== 'visible' ? i : -1,
      )
      .filter((i) => i >= 0)
      .map((i) => savedPkg.parts[i]!),
  );
  // 评分表 (the third sheet) holds our 合计 and 评价等级 formulas.
  expect(chain).toContain(' i="3"/>');

  const refilled = (await fill(withChain)).bytes;
  await expectChainGone(refilled);
  const before = await partsOf(withChain);
  const after = await partsOf(refilled);
  for (const [name, bytes] of before) {
    if (name === CHAIN || ours.has(name)) continue;
    if (['xl/workbook.xml', RELS, TYPES, savedPkg.stylesPath].includes(name)) continue;
    expect({ name, same: after.get(name)?.equals(bytes) }).toEqual({ name, same: true });
  }
  const pkg = await WorkbookPackage.load(refilled);
  expect(pkg.info.sheets.map((s) => s.name)).toEqual(savedPkg.info.sheets.map((s) => s.name));

  const ws = sheet(await loadBook(recalculate(refilled)), '评分表');
  expect({
    total: plain(rowOf(ws, 1, '合计').getCell(7)),
    grade: plain(rowOf(ws, 1, '评价等级').getCell(7)),
  }).toEqual({ total: 47.47, grade: '差' });
  expect(openpyxlSheets(refilled)).toEqual(expect.arrayContaining(['基础数据', '指标计算', '评分表', '自评报告']));
});

test('a named output written over a clerk’s chained formula cell drops the chain', async () => {
  const { bytes } = await withCalcChain(
    await buildXlsx({
      sheets: [{ name: '自评表', cells: { B5: '得分：', C5: { formula: '40+7.47', value: 47.47 } } }],
      names: [{ name: '自评得分', refersTo: '自评表!$C$5' }],
    }),
  );
  expect(await text(bytes, CHAIN)).toContain('<c r="C5" i="1"/>');
  const port = await XlsxWorkbook.open(bytes);
  await port.write({
    sheets: [],
    names: [],
    namedOutputs: [{ name: '自评得分', cell: '自评表!C5', value: 47.47, numberFormat: '0.00' }],
  });
  const out = await port.toBuffer();
  await expectChainGone(out);
  const xml = (await text(out, 'xl/worksheets/sheet1.xml'))!;
  expect(xml).toMatch(/<c r="C5"[^>]*><v>47.47<\/v><\/c>/);
  expect(xml).not.toContain('<f>');
});
