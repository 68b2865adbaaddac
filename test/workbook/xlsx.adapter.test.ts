/**
 * What the xlsx adapter does beyond the shared port contract: ExcelJS value kinds, formatting of
 * written sheets, the clerk's names restored exactly, all-or-nothing writes.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { SheetLayout } from '../../src/sheets/layout';
import { WorkbookError, type WritePlan } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { parseWorkbookXml, generatePackage, renderName } from '../../src/workbook/xlsx/definedNames';
import { patchDefinedNames } from '../../src/workbook/xlsx/workbookEdit';
import { indicatorLayout } from '../support/portContract';
import { buildXlsx, dumpFixture } from '../support/xlsxFixture';

async function workbookXml(data: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(data)).file('xl/workbook.xml')!.async('string');
}

async function loadExcelJs(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  return book;
}

function plan(sheets: WritePlan['sheets'], extra: Partial<WritePlan> = {}): WritePlan {
  return { sheets, names: [], namedOutputs: [], ...extra };
}

describe('XlsxWorkbook reading', () => {
  it('reads rich text as plain text, dates as serial numbers, shared formulas by their result', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('数据');
    ws.getCell('A1').value = { richText: [{ text: '忻州市' }, { font: { bold: true }, text: '金融办' }] };
    ws.getCell('A2').value = new Date(Date.UTC(2021, 11, 31));
    ws.getCell('A3').value = {
      formula: '1+1',
      result: 2,
      shareType: 'shared',
      ref: 'A3:A4',
    } as ExcelJS.CellFormulaValue;
    ws.getCell('A4').value = { sharedFormula: 'A3', result: 5 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell('A5').value = { text: '链接', hyperlink: 'https://example.org' };
    const zip = await JSZip.loadAsync((await book.xlsx.writeBuffer()) as ArrayBuffer);
    const names = ['A1', 'A2', 'A3', 'A4', 'A5'].map((a, i) =>
      renderName({ name: `n${i + 1}`, text: `数据!$${a[0]}$${a.slice(1)}` }),
    );
    await patchDefinedNames(zip, () => names);
    const port = await XlsxWorkbook.open(await generatePackage(zip));
    const { values } = await port.readNames(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(values.n1).toMatchObject({ kind: 'cell', value: '忻州市金融办' });
    expect(values.n2).toMatchObject({ kind: 'cell', value: 44561 });
    expect(values.n3).toMatchObject({ kind: 'cell', value: 2 });
    expect(values.n4).toMatchObject({ kind: 'cell', value: 5 });
    expect(values.n5).toMatchObject({ kind: 'cell', value: '链接' });
  });

  it('reads a workbook whose sheet name holds an ampersand (escaped in workbook.xml)', async () => {
    const port = await XlsxWorkbook.open(
      await buildXlsx({
        sheets: [{ name: 'R&D 表', cells: { B2: 7 } }],
        names: [{ name: '编制数', refersTo: "'R&D 表'!$B$2" }],
      }),
    );
    expect((await port.readNames(['编制数'])).values['编制数']).toMatchObject({
      kind: 'cell',
      cell: 'R&D 表!B2',
      value: 7,
    });
  });

  it('returns the original bytes untouched until a write succeeds', async () => {
    const data = await buildXlsx({ sheets: [{ name: 'A', cells: { A1: 1 } }], names: [] });
    const port = await XlsxWorkbook.open(data);
    expect(await port.toBuffer()).toBe(data);
  });
});

describe('XlsxWorkbook writing', () => {
  it('formats the written sheet: fonts, fills, borders, wrap, unlocked cells, widths, heights, freeze, print, tab colour', async () => {
    const port = await XlsxWorkbook.open(
      await buildXlsx({ sheets: [{ name: '基础数据', cells: { A1: 1 } }], names: [] }),
    );
    await port.write(plan([{ layout: { ...indicatorLayout(), hiddenColumns: [1] } }]));
    const data = await port.toBuffer();
    const ws = (await loadExcelJs(data)).getWorksheet('指标计算')!;
    expect([ws.getColumn(1).hidden, ws.getColumn(2).hidden, ws.getColumn(3).hidden]).toEqual([false, true, false]);
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 14, name: '宋体' });
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center' });
    expect(ws.getCell('C2').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } });
    expect(ws.getCell('B2').border).toMatchObject({
      top: { style: 'thin' },
      left: { style: 'thin' },
      bottom: { style: 'thin' },
      right: { style: 'thin' },
    });
    expect(ws.getCell('A4').alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell('C4').protection).toMatchObject({ locked: false });
    expect(ws.getColumn(1).width).toBe(20);
    expect(ws.getColumn(3).width).toBe(12);
    expect(ws.getRow(4).height).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.properties.tabColor).toEqual({ argb: 'FF2F5597' });
    const xml = await workbookXml(data);
    expect(xml).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="1">指标计算!$2:$2</definedName>');
    expect(xml).toContain('fullCalcOnLoad="1"');
  });

  it('restores the clerk’s names exactly: attributes, constants, sheet scope, print titles of clerk sheets', async () => {
    const original = await buildXlsx({
      sheets: [
        { name: '封面', cells: { A1: '封面' } },
        { name: '基础数据', cells: { B3: 17 } },
      ],
      names: [],
    });
    // Names as Excel writes them, with attributes ExcelJS knows nothing about.
    const zip = await JSZip.loadAsync(original);
    await patchDefinedNames(zip, () => [
      '<definedName name="_xlnm.Print_Titles" localSheetId="1">基础数据!$1:$2</definedName>',
      '<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">基础数据!$A$1:$B$3</definedName>',
      '<definedName name="编制数" comment="核定编制">基础数据!$B$3</definedName>',
      '<definedName name="税率">0.06</definedName>',
      '<definedName name="本表合计" localSheetId="0">SUM(封面!$A$1:$A$3)</definedName>',
      '<definedName name="外部数据">[1]Sheet1!$A$1</definedName>',
    ]);
    const port = await XlsxWorkbook.open(await generatePackage(zip));
    await port.write(plan([{ layout: indicatorLayout() }]));
    const names = (await workbookXml(await port.toBuffer())).match(/<definedName [^>]*>[^<]*<\/definedName>/g);
    expect(names).toEqual([
      '<definedName name="_xlnm.Print_Titles" localSheetId="1">基础数据!$1:$2</definedName>',
      '<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">基础数据!$A$1:$B$3</definedName>',
      '<definedName name="编制数" comment="核定编制">基础数据!$B$3</definedName>',
      '<definedName name="税率">0.06</definedName>',
      '<definedName name="本表合计" localSheetId="0">SUM(封面!$A$1:$A$3)</definedName>',
      // The package keeps its external links now, so a name into one stays as the clerk wrote it.
      '<definedName name="外部数据">[1]Sheet1!$A$1</definedName>',
      '<definedName name="_jixiao_指标计算" hidden="1">指标计算!$A$1</definedName>',
      '<definedName name="指标_在职人员控制率">指标计算!$C$2</definedName>',
      '<definedName name="_jixiao_行" hidden="1">指标计算!$A$3</definedName>',
      '<definedName name="_xlnm.Print_Titles" localSheetId="2">指标计算!$2:$2</definedName>',
    ]);
  });

  it('keeps one print-titles name per sheet when our sheet is replaced again and again', async () => {
    const port = await XlsxWorkbook.open(
      await buildXlsx({ sheets: [{ name: '基础数据', cells: { A1: 1 } }], names: [] }),
    );
    await port.write(plan([{ layout: indicatorLayout() }]));
    await port.write(plan([{ layout: indicatorLayout(), replaces: '指标计算' }]));
    await port.write(
      plan([
        {
          layout: { ...indicatorLayout(), print: { orientation: 'portrait', fitToWidth: true, repeatRows: [0, 1] } },
          replaces: '指标计算',
        },
      ]),
    );
    const xml = await workbookXml(await port.toBuffer());
    expect(xml.match(/<definedName name="_xlnm.Print_Titles"[^>]*>[^<]*<\/definedName>/g)).toEqual([
      '<definedName name="_xlnm.Print_Titles" localSheetId="1">指标计算!$1:$2</definedName>',
    ]);
    expect(xml.match(/name="_jixiao_指标计算"/g)).toHaveLength(1);
  });

  it('writes a named output into the top-left cell of a merged area', async () => {
    const port = await XlsxWorkbook.open(
      await buildXlsx({
        sheets: [{ name: '自评表', cells: { B5: '得分：' }, merges: ['C5:D6'] }],
        names: [{ name: '自评得分', refersTo: '自评表!$C$5:$D$6' }],
      }),
    );
    const target = (await port.readNames(['自评得分'])).values['自评得分'];
    expect(target).toMatchObject({ kind: 'cell', cell: '自评表!C5' });
    await port.write(
      plan([], { namedOutputs: [{ name: '自评得分', cell: '自评表!D6', value: 88.7, numberFormat: '0.00' }] }),
    );
    const dump = await dumpFixture(await port.toBuffer());
    expect(dump.sheets[0].cells).toEqual({ B5: { value: '得分：' }, C5: { value: 88.7, numberFormat: '0.00' } });
    expect(dump.sheets[0].merges).toEqual(['C5:D6']);
  });

  it('starts from no sheet at all (template) and refuses to save an empty workbook', async () => {
    const empty = await XlsxWorkbook.create({ created: new Date(Date.UTC(2022, 0, 1)) });
    await expect(empty.toBuffer()).rejects.toThrow(WorkbookError);
    const base: SheetLayout = {
      name: '基础数据',
      role: '基础数据',
      rows: [
        [
          { value: '编制数', text: true },
          { value: null, format: '0' },
        ],
      ],
      columnWidths: [10, 10],
      names: [{ name: '编制数', row: 0, col: 1 }],
    };
    await empty.write(plan([{ layout: base }]));
    const dump = await dumpFixture(await empty.toBuffer());
    expect(dump).toEqual({
      sheets: [{ name: '基础数据', cells: { A1: { value: '编制数', numberFormat: '@' } } }],
      names: [{ name: '编制数', refersTo: '基础数据!$B$1' }],
    });
  });

  it.each([
    ['a sheet name Excel refuses', { ...indicatorLayout(), name: '指标/计算' }, /工作表名称“指标\/计算”无效/],
    [
      'overlapping merges',
      {
        ...indicatorLayout(),
        merges: [
          { top: 0, left: 0, bottom: 0, right: 2 },
          { top: 0, left: 1, bottom: 1, right: 1 },
        ],
      },
      /合并区域 1 与 2 相互重叠/,
    ],
    [
      'an invalid defined name',
      { ...indicatorLayout(), names: [{ name: 'A1', row: 0, col: 0 }] },
      /名称“A1”不是有效的 Excel 名称/,
    ],
  ])('refuses %s with a Chinese message and writes nothing', async (_, layout, message) => {
    const data = await buildXlsx({ sheets: [{ name: '基础数据', cells: { A1: 1 } }], names: [] });
    const port = await XlsxWorkbook.open(data);
    await expect(port.write(plan([{ layout: layout as SheetLayout }]))).rejects.toThrow(message);
    expect(await port.toBuffer()).toBe(data);
  });

  it('never replaces a sheet that carries no mark of ours', async () => {
    const data = await buildXlsx({ sheets: [{ name: '评分表', cells: { A1: '我自己的评分表' } }], names: [] });
    const port = await XlsxWorkbook.open(data);
    await expect(
      port.write(plan([{ layout: { ...indicatorLayout('评分表'), role: '评分表' }, replaces: '评分表' }])),
    ).rejects.toThrow('工作表“评分表”不是本加载项创建的，不会被覆盖。未写入任何内容。');
    expect(await port.toBuffer()).toBe(data);
  });

  async function selectedParts(data: Uint8Array): Promise<boolean[]> {
    // ExcelJS writes sheet parts in sheet order and our new sheets come last: sheetN.xml is sheet N.
    const zip = await JSZip.loadAsync(data);
    return Promise.all(
      [1, 2, 3].map(async (i) =>
        /tabSelected="1"/.test(await zip.file(`xl/worksheets/sheet${i}.xml`)!.async('string')),
      ),
    );
  }

  it('leaves the clerk’s selected tab and active tab as they are, and marks none of ours selected', async () => {
    // As Excel saves it: the clerk's second sheet is the selected and active tab.
    const clerk = new ExcelJS.Workbook();
    clerk.addWorksheet('基础数据').getCell('A1').value = 1;
    clerk.addWorksheet('说明', { views: [{ tabSelected: true } as Partial<ExcelJS.WorksheetView>] });
    clerk.views = [{ activeTab: 1 } as ExcelJS.WorkbookView];
    const original = new Uint8Array((await clerk.xlsx.writeBuffer()) as ArrayBuffer);
    const originalZip = await JSZip.loadAsync(original);
    expect(await originalZip.file('xl/worksheets/sheet2.xml')!.async('string')).toContain('tabSelected="1"');
    const port = await XlsxWorkbook.open(original);
    await port.write(plan([{ layout: indicatorLayout() }], { activate: '指标计算' }));
    const data = await port.toBuffer();
    expect(await selectedParts(data)).toEqual([false, true, false]);
    expect((await loadExcelJs(data)).views[0]).toMatchObject({ activeTab: 1 });
    const zip = await JSZip.loadAsync(data);
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml'])
      expect(await zip.file(part)!.async('string')).toBe(await originalZip.file(part)!.async('string'));
    expect((await loadExcelJs(data)).getWorksheet('指标计算')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('opens on the activated sheet, that tab alone selected, when no sheet of the clerk’s is selected', async () => {
    const clerk = new ExcelJS.Workbook();
    clerk.addWorksheet('基础数据').getCell('A1').value = 1;
    clerk.addWorksheet('说明');
    const original = new Uint8Array((await clerk.xlsx.writeBuffer()) as ArrayBuffer);
    const port = await XlsxWorkbook.open(original);
    await port.write(plan([{ layout: indicatorLayout() }], { activate: '指标计算' }));
    const data = await port.toBuffer();
    expect(await selectedParts(data)).toEqual([false, false, true]);
    expect((await loadExcelJs(data)).views[0]).toMatchObject({ activeTab: 2 });
  });

  it('keeps the order of sheets and writes the new ones last', async () => {
    const port = await XlsxWorkbook.open(
      await buildXlsx({
        sheets: [
          { name: 'B', cells: {} },
          { name: 'A', cells: {} },
        ],
        names: [],
      }),
    );
    await port.write(
      plan([
        { layout: indicatorLayout() },
        { layout: { ...indicatorLayout('自评报告'), role: '自评报告', names: [] } },
      ]),
    );
    const xml = await workbookXml(await port.toBuffer());
    expect(parseWorkbookXml(xml).sheets.map((s) => s.name)).toEqual(['B', 'A', '指标计算', '自评报告']);
  });
});
