/**
 * Workbooks as other programs save them, built at test time from the sample department, for the
 * package-preservation tests: hand-written XML (.xlsm with vbaProject.bin, an external link, sheet
 * protection with a password, sheet parts not called sheetN.xml), openpyxl (comments, data validation,
 * conditional formatting, an image, absolute relationship targets) and LibreOffice (a chart, a pivot
 * table, a drawing, custom document properties; from a hand-made flat ODS converted by soffice).
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import { tmpdir } from 'os';
import { join } from 'path';
import type { CellValue } from '../../src/engine/types';
import { findEntry, parseRelationships } from '../../src/workbook/xlsx/opc';
import { parseReference } from '../../src/workbook/xlsx/reference';
import { WorkbookPackage } from '../../src/workbook/xlsx/workbookPackage';
import { sampleBytes } from './filled';
import { convert } from './libreoffice';

const MAIN_XLSM = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
const MAIN_XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

/** Every part of a package, uncompressed. */
export async function partsOf(data: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(data);
  const out = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files))
    if (!file.dir) out.set(name, Buffer.from(await file.async('uint8array')));
  return out;
}

/** A SHA-512 sized hash value (64 bytes, base64) for the protection element: opaque to us. */
const HASH = Buffer.from(Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256)).toString('base64');

/** The sample as a hand-written .xlsm: VBA, an external link, a protected second sheet, odd part names. */
export async function handWrittenXlsm(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(sampleBytes());
  const text = async (p: string) => zip.file(p)!.async('string');
  // The sample's sheet stored as xl/worksheets/data.xml, a second sheet as Sheet2.xml.
  zip.file('xl/worksheets/data.xml', await text('xl/worksheets/sheet1.xml'));
  zip.remove('xl/worksheets/sheet1.xml');
  zip.file(
    'xl/worksheets/Sheet2.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>外部数据</t></is></c><c r="B1"><f>[1]Sheet1!$A$1</f><v>123</v></c>' +
      '<c r="C1" s="0"><v>1234.5</v></c></row></sheetData>' +
      `<sheetProtection algorithmName="SHA-512" hashValue="${HASH}" saltValue="c2FsdHNhbHRzYWx0c2FsdA==" spinCount="100000" sheet="1" objects="1" scenarios="1"/>` +
      '</worksheet>',
  );
  zip.file(
    'xl/externalLinks/externalLink1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0">' +
      '<row r="1"><cell r="A1"><v>123</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>',
  );
  zip.file(
    'xl/externalLinks/_rels/externalLink1.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///C:/%E8%B4%A2%E5%8A%A1/%E9%A2%84%E7%AE%97.xlsx" TargetMode="External"/></Relationships>',
  );
  // A VBA project is opaque bytes to us: any content must come back identical.
  zip.file(
    'xl/vbaProject.bin',
    Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256),
  );
  let rels = await text('xl/_rels/workbook.xml.rels');
  rels = rels
    .replace('Target="worksheets/sheet1.xml"', 'Target="worksheets/data.xml"')
    .replace(
      '</Relationships>',
      '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/Sheet2.xml"/>' +
        '<Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/>' +
        '<Relationship Id="rId7" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    );
  zip.file('xl/_rels/workbook.xml.rels', rels);
  let wb = await text('xl/workbook.xml');
  wb = wb
    .replace(
      '</sheets>',
      '<sheet name="Sheet2" sheetId="2" r:id="rId5"/></sheets><externalReferences><externalReference r:id="rId6"/></externalReferences>',
    )
    .replace('<definedNames>', '<definedNames><definedName name="外部数据">[1]Sheet1!$A$1</definedName>');
  zip.file('xl/workbook.xml', wb);
  let types = await text('[Content_Types].xml');
  types = types
    .replace(MAIN_XLSX, MAIN_XLSM)
    .replace('/xl/worksheets/sheet1.xml', '/xl/worksheets/data.xml')
    .replace(
      '</Types>',
      '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' +
        '<Override PartName="/xl/worksheets/Sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>',
    );
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A 1×1 PNG (red), for the image openpyxl places. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

/** The sample saved by openpyxl with comments, data validation, conditional formatting, an image and a number format. */
export function openpyxlWorkbook(): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-openpyxl-'));
  const input = join(dir, 'in.xlsx');
  const output = join(dir, 'out.xlsx');
  writeFileSync(input, sampleBytes());
  const script = `
import base64, io, sys
from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill
from openpyxl.drawing.image import Image

wb = load_workbook(sys.argv[1])
ws = wb.worksheets[0]
ws['B8'].comment = Comment('核定编制，来自编办批复', '财务科')
dv = DataValidation(type='whole', operator='between', formula1='0', formula2='1000', showErrorMessage=True)
dv.add('B8:B9')
ws.add_data_validation(dv)
ws.conditional_formatting.add('B11:B14', CellIsRule(operator='lessThan', formula=['0'], fill=PatternFill(bgColor='FFC7CE')))
ws['H2'] = 1234.5
ws['H2'].number_format = '#,##0.00_);[RED]\\\\(#,##0.00\\\\)'
# openpyxl needs Pillow to measure an image; this PNG's size is known, so the bytes are given directly.
class Png(Image):
    def __init__(self, data):
        self.ref, self.width, self.height, self.format, self.anchor = None, 40, 40, 'png', 'J2'
        self.bytes = data
    def _data(self):
        return self.bytes
img = Png(base64.b64decode('${PNG_BASE64}'))
ws.add_image(img)
ws.protection.password = '123456'
ws.protection.sheet = True
wb.save(sys.argv[2])
`;
  const scriptPath = join(dir, 'make.py');
  writeFileSync(scriptPath, script);
  execFileSync('/usr/bin/python3', [scriptPath, input, output], { stdio: 'pipe' });
  return new Uint8Array(readFileSync(output));
}

/** openpyxl can open the file and lists these sheets. */
export function openpyxlSheets(data: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-openpyxl-'));
  const file = join(dir, 'book.xlsx');
  writeFileSync(file, data);
  const out = execFileSync(
    '/usr/bin/python3',
    [
      '-c',
      'import sys, json; from openpyxl import load_workbook; print(json.dumps(load_workbook(sys.argv[1]).sheetnames))',
      file,
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as string[];
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function odsCell(v: CellValue): string {
  if (v === null || typeof v === 'object') return '<table:table-cell/>';
  if (typeof v === 'number')
    return `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;
  return `<table:table-cell office:value-type="string"><text:p>${esc(String(v))}</text:p></table:table-cell>`;
}

function odsRows(grid: CellValue[][]): string {
  return grid.map((row) => `<table:table-row>${row.map(odsCell).join('')}</table:table-row>`).join('');
}

function letters(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const CHART = `<draw:frame draw:z-index="1" svg:width="8cm" svg:height="6cm" svg:x="6cm" svg:y="0.5cm">
<draw:object><office:document office:mimetype="application/vnd.oasis.opendocument.chart" office:version="1.3"><office:body><office:chart>
<chart:chart svg:width="8cm" svg:height="6cm" chart:class="chart:bar"><chart:title><text:p>支出构成</text:p></chart:title>
<chart:plot-area table:cell-range-address="数据.A1:数据.B4" chart:data-source-has-labels="both">
<chart:axis chart:dimension="x" chart:name="primary-x"><chart:categories table:cell-range-address="数据.A2:数据.A4"/></chart:axis>
<chart:axis chart:dimension="y" chart:name="primary-y"/>
<chart:series chart:values-cell-range-address="数据.B2:数据.B4" chart:label-cell-address="数据.B1" chart:class="chart:bar"/>
</chart:plot-area></chart:chart></office:chart></office:body></office:document></draw:object></draw:frame>`;

/**
 * The sample re-made in LibreOffice: a hand-made flat ODS (the sample's 基础数据 and names, a data
 * sheet with a bar chart, a pivot table over it, a rectangle drawn on 基础数据, a custom document
 * property) converted to .xlsx by soffice, so every part is as LibreOffice writes it.
 */
export async function libreOfficeWorkbook(): Promise<Uint8Array> {
  const pkg = await WorkbookPackage.load(sampleBytes());
  const grid = await pkg.valueGrid(0);
  const names = pkg.info.names
    .map((n) => {
      const ref = parseReference(n.text);
      if (ref.kind !== 'range' || ref.areas.length !== 1) return '';
      const a = ref.areas[0];
      const cell = `$${a.sheet}.$${letters(a.left)}$${a.top}`;
      return `<table:named-range table:name="${esc(n.name)}" table:base-cell-address="${esc(cell)}" table:cell-range-address="${esc(cell)}"/>`;
    })
    .join('');
  const fods = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:meta><meta:user-defined meta:name="填报部门" meta:value-type="string">忻州市金融办</meta:user-defined></office:meta>
<office:body><office:spreadsheet>
<table:table table:name="基础数据"><table:shapes><draw:rect draw:z-index="0" svg:width="3cm" svg:height="1cm" svg:x="16cm" svg:y="1cm"><text:p>已核对</text:p></draw:rect></table:shapes>${odsRows(grid)}</table:table>
<table:table table:name="数据"><table:table-row>${odsCell('科目')}${odsCell('金额')}<table:table-cell/><table:table-cell>${CHART}</table:table-cell></table:table-row>${odsRows(
    [
      ['人员经费', 100],
      ['公用经费', 50],
      ['项目支出', 30],
    ],
  )}</table:table>
<table:table table:name="透视"><table:table-row><table:table-cell/></table:table-row></table:table>
<table:named-expressions>${names}</table:named-expressions>
<table:data-pilot-tables><table:data-pilot-table table:name="数据透视表1" table:target-range-address="透视.A1:透视.B6" table:buttons="透视.A1">
<table:source-cell-range table:cell-range-address="数据.A1:数据.B4"/>
<table:data-pilot-field table:source-field-name="科目" table:orientation="row"/>
<table:data-pilot-field table:source-field-name="金额" table:orientation="data" table:function="sum"/>
</table:data-pilot-table></table:data-pilot-tables>
</office:spreadsheet></office:body></office:document>`;
  return new Uint8Array(convert(Buffer.from(fods, 'utf8'), 'fods', 'xlsx'));
}

/**
 * The package as Excel saves it after calculating: an `xl/calcChain.xml` listing every formula cell
 * of every sheet (`i` on a sheet's first cell, the sheet's 1-based position), with its relationship and content
 * type. Returns the new bytes and the chain's text.
 */
export async function withCalcChain(data: Uint8Array): Promise<{ bytes: Uint8Array; chain: string }> {
  const pkg = await WorkbookPackage.load(data);
  const entries: string[] = [];
  for (const index of pkg.info.sheets.keys()) {
    const read = await pkg.readSheet(index, {});
    let first = true;
    for (const c of read.cells.filter((x) => x.formula)) {
      entries.push(`<c r="${letters(c.col)}${c.row}"${first ? ` i="${index + 1}"` : ''}/>`);
      first = false;
    }
  }
  if (!entries.length) throw new Error('no formula to chain');
  const chain =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${entries.join('')}</calcChain>`;
  const zip = pkg.zip;
  zip.file('xl/calcChain.xml', chain);
  const relsPath = 'xl/_rels/workbook.xml.rels';
  zip.file(
    relsPath,
    (await zip.file(relsPath)!.async('string')).replace(
      '</Relationships>',
      '<Relationship Id="rIdChain" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
    ),
  );
  zip.file(
    '[Content_Types].xml',
    (await zip.file('[Content_Types].xml')!.async('string')).replace(
      '</Types>',
      '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
    ),
  );
  return { bytes: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), chain };
}

/** Every internal relationship target and every content-type override names a part of the package. */
export async function danglingReferences(data: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(data);
  const exists = (part: string) => !!findEntry(zip, part);
  const out: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.rels'))) {
    const source = name.replace(/_rels\/([^/]*)\.rels$/, '$1');
    for (const rel of parseRelationships(await zip.file(name)!.async('string'), source === name ? '' : source))
      if (!rel.external && !exists(rel.part!)) out.push(`${name} → ${rel.target}`);
  }
  const types = await zip.file('[Content_Types].xml')!.async('string');
  for (const m of types.matchAll(/PartName="\/([^"]+)"/g)) if (!exists(m[1])) out.push(`[Content_Types].xml → ${m[1]}`);
  return out;
}
