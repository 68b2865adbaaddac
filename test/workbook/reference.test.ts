import { parseWorkbookXml, renderOriginal, renderName } from '../../src/workbook/xlsx/definedNames';
import { replaceDefinedNames } from '../../src/workbook/xlsx/workbookEdit';
import { absoluteReference, parseReference, quoteSheet, splitSheetCell } from '../../src/workbook/xlsx/reference';

describe('parseReference', () => {
  it.each([
    ['基础数据!$B$3', { sheet: '基础数据', top: 3, left: 2, bottom: 3, right: 2 }],
    ['=基础数据!B3', { sheet: '基础数据', top: 3, left: 2, bottom: 3, right: 2 }],
    ["'预算 表'!$B$3:$C$4", { sheet: '预算 表', top: 3, left: 2, bottom: 4, right: 3 }],
    ["'张三''s 表'!$AA$10", { sheet: "张三's 表", top: 10, left: 27, bottom: 10, right: 27 }],
    ['Sheet1!$C$5:$A$1', { sheet: 'Sheet1', top: 1, left: 1, bottom: 5, right: 3 }],
    ['$B$3', { top: 3, left: 2, bottom: 3, right: 2 }],
    ['数据!$B:$B', { sheet: '数据', top: 1, left: 2, bottom: 1048576, right: 2 }],
    ['数据!$3:$4', { sheet: '数据', top: 3, left: 1, bottom: 4, right: 16384 }],
  ])('reads %s as one area', (text, area) => {
    expect(parseReference(text)).toEqual({ kind: 'range', areas: [area] });
  });

  it('reads unions, 3-D and external references as areas with their extra parts', () => {
    expect(parseReference('(A!$B$1,A!$B$2)')).toMatchObject({
      kind: 'range',
      areas: [
        { sheet: 'A', top: 1 },
        { sheet: 'A', top: 2 },
      ],
    });
    expect(parseReference('Sheet1:Sheet3!$A$1')).toMatchObject({
      kind: 'range',
      areas: [{ sheet: 'Sheet1', sheetTo: 'Sheet3' }],
    });
    expect(parseReference('[1]Sheet1!$A$1')).toMatchObject({
      kind: 'range',
      areas: [{ sheet: 'Sheet1', external: '1' }],
    });
    expect(parseReference("'[1]预算 表'!$A$1")).toMatchObject({
      kind: 'range',
      areas: [{ sheet: '预算 表', external: '1' }],
    });
  });

  it.each([
    ['15', 15],
    ['-2.5', -2.5],
    ['1E3', 1000],
    ['"忻州"', '忻州'],
    ['"他说""好"""', '他说"好"'],
    ['"#REF!"', '#REF!'],
    ['TRUE', true],
    ['#N/A', { error: '#N/A' }],
  ])('reads the constant %s', (text, value) => {
    expect(parseReference(text)).toEqual({ kind: 'constant', value });
  });

  it.each(['#REF!', '基础数据!#REF!', '#REF!$B$3', "'已删除'!#REF!"])('reads %s as a broken reference', (text) => {
    expect(parseReference(text)).toEqual({ kind: 'ref-error' });
  });

  it.each([
    'SUM(基础数据!$B$3:$B$4)',
    '基础数据!$B$3+1',
    'OFFSET(A!$A$1,0,0)',
    '编制数',
    '{1,2}',
    '基础数据!$B$3 基础数据!$B$4',
  ])('reads %s as a formula, not a range', (text) => {
    expect(parseReference(text)).toEqual({ kind: 'formula' });
  });

  it('quotes sheet names only when Excel needs it', () => {
    expect(quoteSheet('基础数据')).toBe('基础数据');
    expect(quoteSheet('Sheet1')).toBe('Sheet1');
    expect(quoteSheet('预算 表')).toBe("'预算 表'");
    expect(quoteSheet("张三's")).toBe("'张三''s'");
    expect(quoteSheet('2021')).toBe("'2021'");
    expect(quoteSheet('A1')).toBe("'A1'");
    expect(quoteSheet('表（一）')).toBe("'表（一）'");
    expect(absoluteReference('指标计算', 3, 8)).toBe('指标计算!$H$3');
  });

  it('splits the Sheet!B3 form the port uses, quoted or not', () => {
    expect(splitSheetCell('基础数据!B3')).toEqual({ sheet: '基础数据', row: 3, col: 2 });
    expect(splitSheetCell("'预算 表'!$C$10")).toEqual({ sheet: '预算 表', row: 10, col: 3 });
    expect(splitSheetCell('预算 表!C10')).toEqual({ sheet: '预算 表', row: 10, col: 3 });
    expect(splitSheetCell('B3')).toBeNull();
  });
});

describe('workbook.xml', () => {
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:workbookPr date1904="1"/>' +
    '<x:sheets><x:sheet name="R&amp;D 表" sheetId="1" r:id="rId1"/><x:sheet name="隐藏" sheetId="2" state="hidden" r:id="rId2"/></x:sheets>' +
    '<x:definedNames>' +
    '<x:definedName name="甲" comment="注释 &quot;一&quot;">\'R&amp;D 表\'!$A$1</x:definedName>' +
    '<x:definedName name="乙" localSheetId="1" hidden="1">隐藏!$B$2</x:definedName>' +
    '<x:definedName name="丙">&quot;a&lt;b&quot;</x:definedName>' +
    '<x:definedName name="空"/>' +
    '</x:definedNames><x:calcPr calcId="191029"/></x:workbook>';

  it('reads sheets, scopes, hidden flags and entities, with or without a namespace prefix', () => {
    const info = parseWorkbookXml(xml);
    expect(info.sheets).toEqual([
      { name: 'R&D 表', state: 'visible', rId: 'rId1' },
      { name: '隐藏', state: 'hidden', rId: 'rId2' },
    ]);
    expect(info.date1904).toBe(true);
    expect(info.names.map((n) => [n.name, n.sheet, n.hidden, n.text])).toEqual([
      ['甲', undefined, false, "'R&D 表'!$A$1"],
      ['乙', '隐藏', true, '隐藏!$B$2'],
      ['丙', undefined, false, '"a<b"'],
      ['空', undefined, false, ''],
    ]);
  });

  it('writes an original name back with every attribute and a new localSheetId', () => {
    const info = parseWorkbookXml(xml);
    expect(renderOriginal(info.names[0], undefined)).toBe(
      '<definedName name="甲" comment="注释 &quot;一&quot;">\'R&amp;D 表\'!$A$1</definedName>',
    );
    expect(renderOriginal(info.names[1], 4)).toBe(
      '<definedName name="乙" localSheetId="4" hidden="1">隐藏!$B$2</definedName>',
    );
    expect(renderName({ name: 'a&b', text: '"<"', hidden: true, localSheetId: 0 })).toBe(
      '<definedName name="a&amp;b" localSheetId="0" hidden="1">"&lt;"</definedName>',
    );
  });

  it('replaces the definedNames element, or inserts it after sheets', () => {
    const plain = '<workbook><sheets><sheet name="A"/></sheets><calcPr/></workbook>';
    expect(replaceDefinedNames(plain, ['<definedName name="x">A!$A$1</definedName>'])).toBe(
      '<workbook><sheets><sheet name="A"/></sheets><definedNames><definedName name="x">A!$A$1</definedName></definedNames><calcPr/></workbook>',
    );
    const withNames =
      '<workbook><sheets/><definedNames><definedName name="old">1</definedName></definedNames></workbook>';
    expect(replaceDefinedNames(withNames, [])).toBe('<workbook><sheets/></workbook>');
    expect(replaceDefinedNames(withNames, ['<definedName name="n">2</definedName>'])).toBe(
      '<workbook><sheets/><definedNames><definedName name="n">2</definedName></definedNames></workbook>',
    );
  });
});
