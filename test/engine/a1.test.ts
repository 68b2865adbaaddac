/** A1 addresses and sheet-name quoting: the one module every layer uses (src/engine/a1.ts). */
import {
  boxAddress,
  cellAddress,
  columnIndex,
  columnLetter,
  nameFormula,
  needsQuotes,
  parseAddress,
  parseCell,
  quoteSheet,
  splitSheet,
  unquoteSheet,
} from '../../src/engine/a1';
import { absoluteReference, splitSheetCell } from '../../src/workbook/xlsx/reference';

describe('sheet-name quoting', () => {
  it.each(['R', 'C', 'r', 'c', 'RC', 'R1C1', 'R2C', 'RC3', 'TRUE', 'false', 'A1', 'AB12', 'xfd1048576'])(
    'quotes %s, which Excel would read as something else',
    (name) => {
      expect(needsQuotes(name)).toBe(true);
      expect(quoteSheet(name)).toBe(`'${name}'`);
    },
  );

  it.each(['基础数据', '指标计算', 'Sheet1', 'RR', 'Report', 'TRUE_', '_x', 'ABCD1'])('leaves %s unquoted', (name) => {
    expect(needsQuotes(name)).toBe(false);
    expect(quoteSheet(name)).toBe(name);
  });

  it('quotes spaces, punctuation, a leading digit and doubles an apostrophe', () => {
    expect(quoteSheet('预算 表')).toBe("'预算 表'");
    expect(quoteSheet('表（一）')).toBe("'表（一）'");
    expect(quoteSheet('2021')).toBe("'2021'");
    expect(quoteSheet("张三's 表")).toBe("'张三''s 表'");
    expect(unquoteSheet("'张三''s 表'")).toBe("张三's 表");
  });

  it('both adapters write the same quoted reference for such a sheet', () => {
    expect(nameFormula('R', 'H3')).toBe("='R'!$H$3");
    expect(nameFormula('TRUE', '$B$2')).toBe("='TRUE'!$B$2");
    expect(absoluteReference('R', 3, 8)).toBe("'R'!$H$3");
    expect(absoluteReference('C', 2, 2)).toBe("'C'!$B$2");
  });
});

describe('A1 addresses', () => {
  it('converts columns both ways at the edges', () => {
    for (const [col, letters] of [
      [0, 'A'],
      [25, 'Z'],
      [26, 'AA'],
      [701, 'ZZ'],
      [702, 'AAA'],
      [16383, 'XFD'],
    ] as const) {
      expect(columnLetter(col)).toBe(letters);
      expect(columnIndex(letters)).toBe(col);
      expect(columnIndex(letters.toLowerCase())).toBe(col);
    }
  });

  it('reads and writes cells and boxes, 0-based', () => {
    expect(cellAddress(2, 1)).toBe('B3');
    expect(parseCell('$B$3')).toEqual({ row: 2, col: 1 });
    expect(parseCell('B')).toBeNull();
    expect(parseAddress("'预算 表'!$C$4:$B$3")).toEqual({ sheet: '预算 表', top: 2, left: 1, bottom: 3, right: 2 });
    expect(parseAddress('A:C')).toBeNull();
    expect(boxAddress({ top: 2, left: 1, bottom: 3, right: 2 })).toBe('B3:C4');
    expect(boxAddress({ top: 0, left: 0, bottom: 0, right: 0 })).toBe('A1');
  });

  it('splits at the last ! so a quoted sheet name may contain one', () => {
    expect(splitSheet("='Q1!'!B3")).toEqual({ sheet: 'Q1!', local: 'B3' });
    expect(splitSheet('B3')).toEqual({ sheet: '', local: 'B3' });
    expect(splitSheetCell("'R'!B3")).toEqual({ sheet: 'R', row: 3, col: 2 });
    expect(splitSheetCell('B3')).toBeNull();
  });
});
