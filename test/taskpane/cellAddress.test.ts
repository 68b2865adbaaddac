import { splitCellAddress } from '../../src/taskpane/cellAddress';

describe('splitCellAddress', () => {
  it('splits the cells the engine reports', () => {
    expect(splitCellAddress('基础数据!B3')).toEqual({ sheet: '基础数据', range: 'B3' });
    expect(splitCellAddress('基础数据!B3:C4')).toEqual({ sheet: '基础数据', range: 'B3:C4' });
  });

  it('unquotes sheet names and drops absolute markers', () => {
    expect(splitCellAddress("'预算 表'!$B$3")).toEqual({ sheet: '预算 表', range: 'B3' });
    expect(splitCellAddress("'It''s'!A1")).toEqual({ sheet: "It's", range: 'A1' });
  });

  it('finds no cell in a constant name or a malformed address', () => {
    expect(splitCellAddress('名称 编制数')).toBeNull();
    expect(splitCellAddress('基础数据!')).toBeNull();
    expect(splitCellAddress('!B3')).toBeNull();
    expect(splitCellAddress('基础数据!#REF!')).toBeNull();
  });
});
