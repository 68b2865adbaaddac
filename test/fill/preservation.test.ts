/**
 * fill keeps the clerk's package: every part that is not ours comes back byte for byte (compared
 * uncompressed), whichever program saved the workbook; only our sheet parts are added, and only the
 * workbook part, its relationships, [Content_Types].xml and styles.xml (entries appended) change. The
 * clerk's selected sheet is one of the parts kept byte for byte: its selection and the workbook's
 * active tab stay, and none of our sheets is marked selected (two selected tabs would be grouped).
 * LibreOffice recalculates our formulas in the result and openpyxl opens it.
 */
import { parseDom, children, serializeDom } from '../../src/workbook/xlsx/dom';
import { relsPathOf } from '../../src/workbook/xlsx/opc';
import { WorkbookPackage } from '../../src/workbook/xlsx/workbookPackage';
import { fill, loadBook, plain, rowOf, sampleBytes, sheet } from '../support/filled';
import { recalculateAll } from '../support/libreoffice';
import {
  handWrittenXlsm,
  libreOfficeWorkbook,
  openpyxlSheets,
  openpyxlWorkbook,
  partsOf,
} from '../support/preservation';

jest.setTimeout(300_000);

const OUR_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

interface Case {
  label: string;
  original: Uint8Array;
  filled: Uint8Array;
}

const cases: Case[] = [];
let sampleFilled: Uint8Array;

beforeAll(async () => {
  sampleFilled = (await fill(sampleBytes())).bytes;
  const made: [string, Uint8Array][] = [
    ['hand-written .xlsm (VBA, external link, protection, data.xml / Sheet2.xml parts)', await handWrittenXlsm()],
    ['openpyxl (comments, validation, conditional format, image, absolute targets)', openpyxlWorkbook()],
    ['LibreOffice (chart, pivot table, drawing, custom properties)', await libreOfficeWorkbook()],
  ];
  for (const [label, original] of made) cases.push({ label, original, filled: (await fill(original)).bytes });
});

/** Parts that a fill may change: the workbook part, its rels, the content types, the styles. */
async function editable(data: Uint8Array): Promise<Set<string>> {
  const pkg = await WorkbookPackage.load(data);
  return new Set([pkg.workbookPath, relsPathOf(pkg.workbookPath), '[Content_Types].xml', pkg.stylesPath!]);
}

/**
 * What each producer's workbook holds, so that byte identity is checked on the content the issue
 * names (a producer that silently dropped, say, the pivot table would make the test vacuous):
 * a part name pattern, or a part name pattern and a pattern its text must match.
 */
const HOLDS: [RegExp, RegExp?][][] = [
  [
    [/^xl\/vbaProject\.bin$/],
    [/^xl\/externalLinks\/externalLink1\.xml$/],
    [/^xl\/worksheets\/data\.xml$/],
    [/^xl\/worksheets\/Sheet2\.xml$/, /<sheetProtection [^>]*hashValue="/],
    [/^\[Content_Types\]\.xml$/, /macroEnabled\.main\+xml/],
  ],
  [
    [/^xl\/comments\/comment1\.xml$/],
    [/^xl\/media\/image1\.png$/],
    [
      /^xl\/worksheets\/sheet1\.xml$/,
      /<dataValidation [^]*<conditionalFormatting [^]*|<conditionalFormatting [^]*<dataValidation /,
    ],
    [/^xl\/worksheets\/sheet1\.xml$/, /<sheetProtection [^>]*password="/],
    [/^xl\/worksheets\/_rels\/sheet1\.xml\.rels$/, /Target="\/xl\//],
    [/^xl\/styles\.xml$/, /formatCode="#,##0\.00_\);\[RED\]\\\(#,##0\.00\\\)"/],
  ],
  [
    [/^xl\/charts\/chart\d+\.xml$/],
    [/^xl\/pivotTables\/pivotTable\d+\.xml$/],
    [/^xl\/pivotCache\/pivotCacheDefinition\d+\.xml$/],
    [/^xl\/drawings\/drawing\d+\.xml$/, /<xdr:sp>/],
    [/^docProps\/custom\.xml$/, /填报部门/],
  ],
];

test.each([0, 1, 2])('case %i holds the content the issue names', async (i) => {
  const parts = await partsOf(cases[i].original);
  for (const [name, text] of HOLDS[i]) {
    const found = [...parts].filter(([n, bytes]) => name.test(n) && (!text || text.test(bytes.toString('utf8'))));
    expect({ name: String(name), text: String(text ?? ''), found: found.length > 0 }).toMatchObject({ found: true });
  }
});

describe.each([0, 1, 2])('package preservation, case %i', (i) => {
  it('keeps every part that is not ours byte for byte; adds only our sheet parts', async () => {
    const { original, filled } = cases[i];
    const before = await partsOf(original);
    const after = await partsOf(filled);
    const allowed = await editable(original);
    for (const [name, bytes] of before) {
      const now = after.get(name);
      expect(now).toBeDefined();
      if (!allowed.has(name)) expect({ name, same: now!.equals(bytes) }).toEqual({ name, same: true });
    }
    const added = [...after.keys()].filter((n) => !before.has(n));
    expect(added.length).toBe(5);
    for (const n of added) expect(n).toMatch(OUR_PART);
    const types = after.get('[Content_Types].xml')!.toString('utf8');
    const originalMain = /PartName="\/xl\/workbook.xml" ContentType="([^"]+)"/.exec(
      before.get('[Content_Types].xml')!.toString('utf8'),
    )![1];
    expect(types).toContain(`ContentType="${originalMain}"`);
  });

  it('keeps the clerk’s selected tab and active tab (none of ours selected), or opens on 评分表 alone', async () => {
    const { original, filled } = cases[i];
    const selection = async (data: Uint8Array) => {
      const pkg = await WorkbookPackage.load(data);
      const selected: string[] = [];
      for (const [index, s] of pkg.info.sheets.entries()) {
        const xml = await pkg.zip.file(pkg.parts[index]!)!.async('string');
        if (/<(\w+:)?sheetView\b[^>]*\btabSelected="(1|true)"/.test(xml)) selected.push(s.name);
      }
      const activeTab = Number(/<(\w+:)?workbookView\b[^>]*\bactiveTab="(\d+)"/.exec(pkg.workbookXml)?.[2] ?? 0);
      return { selected, active: pkg.info.sheets[activeTab].name };
    };
    const before = await selection(original);
    const after = await selection(filled);
    if (before.selected.length) expect(after).toEqual(before);
    // openpyxl keeps the sample's sheet views, which select no tab: then our 评分表 is the one.
    else expect(after).toEqual({ selected: ['评分表'], active: '评分表' });
  });

  it('appends style entries without renumbering the clerk’s, and keeps every name of the clerk’s', async () => {
    const { original, filled } = cases[i];
    const pkgBefore = await WorkbookPackage.load(original);
    const pkgAfter = await WorkbookPackage.load(filled);
    const styles = async (p: WorkbookPackage) => parseDom(await p.zip.file(p.stylesPath!)!.async('string'));
    const b = (await styles(pkgBefore)).documentElement!;
    const a = (await styles(pkgAfter)).documentElement!;
    for (const section of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs']) {
      const old = children(b, section)
        .flatMap((s) => children(s))
        .map((e) => serializeDom(e as never));
      const now = children(a, section)
        .flatMap((s) => children(s))
        .map((e) => serializeDom(e as never));
      expect(now.slice(0, old.length)).toEqual(old);
    }
    const names = (p: WorkbookPackage) => p.info.names.map((n) => [n.name, n.sheet, n.text]);
    expect(names(pkgAfter)).toEqual(expect.arrayContaining(names(pkgBefore)));
  });

  it('writes our sheets exactly as for the plain sample (style indices and the selected flag aside)', async () => {
    // Read with our own package reader: ExcelJS cannot open openpyxl's absolute relationship targets.
    const ours = await WorkbookPackage.load(cases[i].filled);
    const reference = await WorkbookPackage.load(sampleFilled);
    const part = async (p: WorkbookPackage, name: string) =>
      (await p.zip.file(p.parts[p.sheetIndex(name)]!)!.async('string'))
        .replace(/ s="\d+"/g, '')
        .replace(' tabSelected="1"', '');
    for (const name of ['指标计算', '评分表', '自评报告', '评分方案'])
      expect(await part(ours, name)).toBe(await part(reference, name));
  });

  it('keeps every relationship of the workbook part and every element of workbook.xml we do not edit', async () => {
    const { original, filled } = cases[i];
    const before = await WorkbookPackage.load(original);
    const after = await WorkbookPackage.load(filled);
    const rels = (p: WorkbookPackage) => p.workbookRels.map((r) => [r.id, r.type, r.target, r.external]);
    expect(rels(after)).toEqual(expect.arrayContaining(rels(before)));
    // External references, pivot caches, workbook properties and protection… stay as they were.
    const EDITED = ['sheets', 'definedNames', 'bookViews', 'calcPr'];
    const kept = (p: WorkbookPackage) =>
      children(parseDom(p.workbookXml).documentElement!)
        .filter((e) => !EDITED.includes(e.localName ?? ''))
        .map((e) => serializeDom(e as never));
    expect(kept(after)).toEqual(kept(before));
    if (i === 0) expect(kept(before).join('')).toContain('externalReference ');
    if (i === 2) expect(kept(before).join('')).toContain('pivotCache ');
  });

  it('opens in openpyxl with the clerk’s sheets and ours', () => {
    const names = openpyxlSheets(cases[i].filled);
    expect(names).toEqual(expect.arrayContaining(['基础数据', '指标计算', '评分表', '自评报告']));
  });

  it('replaces our parts in place on every re-fill: the fifth fill is the size of the second', async () => {
    let bytes = cases[i].filled;
    const sizes: number[] = [bytes.length];
    for (let run = 2; run <= 5; run++) {
      bytes = (await fill(bytes)).bytes;
      sizes.push(bytes.length);
    }
    expect(Math.abs(sizes[4] - sizes[1])).toBeLessThanOrEqual(8);
    const pkg = await WorkbookPackage.load(bytes);
    expect(pkg.info.sheets.length).toBe((await WorkbookPackage.load(cases[i].filled)).info.sheets.length);
    expect(pkg.info.names.length).toBe((await WorkbookPackage.load(cases[i].filled)).info.names.length);
  });
});

test('LibreOffice opens every result and recalculates our 合计 and 评价等级', async () => {
  const recalculated = recalculateAll(cases.map((c) => c.filled));
  for (const data of recalculated) {
    const ws = sheet(await loadBook(data), '评分表');
    expect({
      total: plain(rowOf(ws, 1, '合计').getCell(7)),
      grade: plain(rowOf(ws, 1, '评价等级').getCell(7)),
    }).toEqual({ total: 47.47, grade: '差' });
  }
});
