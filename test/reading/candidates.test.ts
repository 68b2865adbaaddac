import { INPUTS } from '../../src/engine/catalogue';
import { candidateNames, isPercentFormat, numberFromText, readInputs } from '../../src/engine/reading';
import { inputDef } from '../../src/engine/catalogue';

describe('candidateNames', () => {
  it('asks for every canonical name and alias once, plus the mapped names', () => {
    const names = candidateNames({ 全年执行数: '决算支出', 编制数: '预算数' });
    for (const def of INPUTS) {
      expect(names).toContain(def.name);
      for (const alias of def.aliases) expect(names).toContain(alias);
    }
    expect(names).toContain('决算支出');
    expect(new Set(names).size).toBe(names.length);
    expect(names.slice(0, 3)).toEqual(['单位名称', '部门名称', '单位']);
  });
});

describe('numbers typed as text', () => {
  const amount = inputDef('全年预算数');
  it.each([
    ['174.56', '174.56'],
    [' 1,922.76 ', '1922.76'],
    ['１，９２２．７６', '1922.76'],
    ['20.8 万元', '20.8'],
    ['.5', '.5'],
    ['−3', '-3'],
  ])('reads %j', (text, digits) => {
    expect(numberFromText(text, amount)).toEqual({ digits, percent: false });
  });

  it.each(['待定', '约20', '20万', '1,92', '12.3.4', '', '十五', '15人'])('refuses %j in an amount', (text) => {
    expect(numberFromText(text, amount)).toBeUndefined();
  });

  it('takes the input’s own unit and a percent sign', () => {
    expect(numberFromText('15人', inputDef('编制数'))).toEqual({ digits: '15', percent: false });
    expect(numberFromText('2021年度', inputDef('评价年度'))).toEqual({ digits: '2021', percent: false });
    expect(numberFromText('95％', inputDef('满意度'))).toEqual({ digits: '95', percent: true });
  });

  it('tells percent formats from others', () => {
    expect(isPercentFormat('0.00%')).toBe(true);
    expect(isPercentFormat('0%')).toBe(true);
    expect(isPercentFormat('0.00"%"')).toBe(false);
    expect(isPercentFormat('0\\%')).toBe(false);
    expect(isPercentFormat('General')).toBe(false);
    expect(isPercentFormat(undefined)).toBe(false);
  });
});

describe('readInputs without a host', () => {
  it('reads plain NamedValues: the engine needs no workbook', () => {
    const read = readInputs({
      单位名称: {
        kind: 'constant',
        name: '单位名称',
        scope: { kind: 'workbook' },
        value: '某单位',
        refersTo: '"某单位"',
      },
      评价年度: { kind: 'cell', name: '评价年度', scope: { kind: 'workbook' }, cell: 'A!B1', value: 2021 },
      编制数: { kind: 'cell', name: '编制数', scope: { kind: 'workbook' }, cell: 'A!B2', value: 10 },
      在职人员数: { kind: 'cell', name: '在职人员数', scope: { kind: 'workbook' }, cell: 'A!B3', value: 9 },
      全年预算数: { kind: 'cell', name: '全年预算数', scope: { kind: 'workbook' }, cell: 'A!B4', value: 100 },
      全年执行数: { kind: 'cell', name: '全年执行数', scope: { kind: 'workbook' }, cell: 'A!B5', value: 99.5 },
    });
    expect(read.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(read.readings['全年执行数'].value?.toString()).toBe('99.5');
    expect(Object.keys(read.readings)).toEqual(INPUTS.map((d) => d.name));
  });
});
