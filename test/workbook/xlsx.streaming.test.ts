/**
 * The xlsx reader streams: relationship targets resolved by the OPC rules, the protection element
 * found after a long <sheetData> that is skipped unparsed (its end tag may straddle two chunks), and
 * sheet parts under any name.
 */
import JSZip from 'jszip';
import { resolveTarget } from '../../src/workbook/xlsx/opc';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { buildXlsx } from '../support/xlsxFixture';

describe('OPC relationship targets', () => {
  it.each([
    ['xl/workbook.xml', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['xl/workbook.xml', '/xl/worksheets/data.xml', 'xl/worksheets/data.xml'],
    ['xl/worksheets/sheet1.xml', '../comments/comment1.xml', 'xl/comments/comment1.xml'],
    ['xl/worksheets/sheet1.xml', '/xl/comments/comment1.xml', 'xl/comments/comment1.xml'],
    ['', 'xl/workbook.xml', 'xl/workbook.xml'],
    ['xl/workbook.xml', './styles.xml', 'xl/styles.xml'],
  ])('from %s, %s is %s', (source, target, part) => {
    expect(resolveTarget(source, target)).toBe(part);
  });
});

/** A workbook whose second sheet has a long sheetData and a protection element after it. */
async function protectedAfterLongData(padding: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(
    await buildXlsx({
      sheets: [
        { name: '基础数据', cells: { A1: 1 } },
        { name: '明细', cells: {} },
      ],
      names: [],
    }),
  );
  const rows: string[] = [];
  for (let r = 1; r <= 20_000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<sheetData>${' '.repeat(padding)}${rows.join('')}</sheetData><sheetProtection sheet="1" objects="1"/></worksheet>`;
  zip.file('xl/worksheets/sheet2.xml', xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

it('finds the protection after 20,000 rows, wherever the chunks break', async () => {
  for (const padding of [0, 1, 5, 9, 13, 4093, 16381]) {
    const port = await XlsxWorkbook.open(await protectedAfterLongData(padding));
    const { sheets } = await port.readState([]);
    expect(sheets.map((s) => [s.name, s.protected])).toEqual([
      ['基础数据', false],
      ['明细', true],
    ]);
  }
});
