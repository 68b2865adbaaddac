import { indicatorSheet, computationText, inputsText, statusText } from '../../src/sheets/indicatorSheet';
import type { SheetLayout } from '../../src/sheets/layout';
import { evaluateWith } from '../narrative/sample';
import { findCell } from './grid';

function row(layout: SheetLayout, level3: string) {
  const found = findCell(layout, level3);
  if (!found) throw new Error(level3);
  return layout.rows[found.row];
}

describe('指标计算 of the sample department', () => {
  const ev = evaluateWith();
  const layout = indicatorSheet(ev, '指标计算');

  it('has the title, the header and one row per indicator of the scheme, each value cell named', () => {
    expect(layout.rows[0][0]?.value).toBe('忻州市人民政府金融工作办公室2021年度部门整体支出绩效指标计算表');
    expect(layout.rows[2].map((c) => c?.value)).toEqual([
      '一级指标',
      '二级指标',
      '三级指标',
      '计算公式',
      '输入项及来源',
      '计算过程',
      '指标值',
      '状态',
    ]);
    const named = (layout.names ?? []).filter((n) => n.name.startsWith('指标_'));
    expect(named).toHaveLength(17);
    expect(named[0]).toEqual({ name: '指标_在职人员控制率', row: 3, col: 6 });
    for (const n of named) expect(layout.rows[n.row][2]?.value).toBeDefined();
    expect(layout.names?.[0]).toEqual({ name: '_jixiao_指标计算', row: 0, col: 0, hidden: true });
    expect(layout.freezeRows).toBe(3);
    expect(layout.print).toMatchObject({ orientation: 'landscape', fitToWidth: true });
  });

  it('traces 在职人员控制率 to its cells: 15 ÷ 17 = 88.2352…% → 88.24%', () => {
    const r = row(layout, '在职人员控制率');
    expect(r[3]?.value).toBe('在职人员数 ÷ 编制数 × 100%');
    expect(r[4]?.value).toBe('在职人员数 15（基础数据!C9）；编制数 17（基础数据!C8）');
    expect(r[5]?.value).toBe('15 ÷ 17 × 100% = 88.24%');
    expect(r[6]).toMatchObject({ value: 0.8824, format: '0.00%' });
    expect(r[7]?.value).toBe('正常');
  });

  it('shows the change of 三公经费 with its basis: (0.55 − 0.49) ÷ 0.49 = 12.2448…% → 12.24%', () => {
    const r = row(layout, '三公经费变动率');
    expect(r[5]?.value).toBe('(0.55 − 0.49) ÷ 0.49 × 100% = 12.24%');
    expect(r[6]).toMatchObject({ value: 0.1224 });
    expect(r[7]?.value).toBe('正常（决算口径）');
  });

  it('names what is missing for a not computable indicator and shows "—"', () => {
    const r = row(layout, '政府采购执行率');
    expect(r[6]).toMatchObject({ value: 1 }); // 2.01 ÷ 2.01
    const k = row(layout, '重点支出安排率');
    expect(k[4]?.value).toBe('重点项目支出 缺失；项目支出总额 缺失');
    expect(k[5]?.value).toBe('—');
    expect(k[6]?.value).toBe('—');
    expect(k[7]?.value).toBe('无法计算：缺少重点项目支出、项目支出总额');
  });

  it('lists the quarters with cumulative spending, progress, 序时进度 and the lag', () => {
    const q1 = findCell(layout, '一季度') as { row: number };
    const cells = (r: number) => layout.rows[r].map((c) => c?.value);
    // 37.39 ÷ 174.56 = 21.4195…% → 21.42%, 3.58 points below 25%.
    expect(cells(q1.row)).toEqual(['一季度', 37.39, 0.2142, 0.25, '是（低于序时进度3.58个百分点）', '基础数据!C17']);
    // 144.48 ÷ 174.56 = 82.7681…% → 82.77%.
    expect(cells(q1.row + 3)).toEqual(['四季度', 144.48, 0.8277, 1, '是（低于序时进度17.23个百分点）', '基础数据!C20']);
    expect(String(layout.rows[q1.row + 4][0]?.value)).toContain('相差30.08万元');
    expect(row(layout, '支付进度率')[5]?.value).toBe(
      '一季度：37.39 ÷ 174.56 × 100% = 21.42%\n二季度：66.73 ÷ 174.56 × 100% = 38.23%\n三季度：110.62 ÷ 174.56 × 100% = 63.37%\n四季度：144.48 ÷ 174.56 × 100% = 82.77%',
    );
  });

  it('writes every text cell as text', () => {
    for (const r of layout.rows) for (const c of r) if (typeof c?.value === 'string') expect(c.text).toBe(true);
  });
});

describe('指标计算 edge cases', () => {
  it('a zero denominator is not applicable, never 0% or 100%', () => {
    const ev = evaluateWith({ 上年三公经费支出数: '0' });
    const ind = ev.indicators['三公经费变动率'];
    expect(computationText(ind)).toBe('(0.55 − 0) ÷ 0：分母为0，不计算');
    expect(statusText(ind)).toBe('不适用：上年三公经费支出数为0，本年新增0.55万元');
    const r = row(indicatorSheet(ev, '指标计算'), '三公经费变动率');
    expect(r[6]?.value).toBe('—');
  });

  it('a fall shows its negative rate in the table: (0.43 − 0.49) ÷ 0.49 = −12.2448…% → −12.24%', () => {
    const ev = evaluateWith({ 三公经费支出数: '0.43' });
    expect(computationText(ev.indicators['三公经费变动率'])).toBe('(0.43 − 0.49) ÷ 0.49 × 100% = -12.24%');
    expect(row(indicatorSheet(ev, '指标计算'), '三公经费变动率')[6]).toMatchObject({ value: -0.1224 });
  });

  it('without quarterly data says so instead of the quarter rows', () => {
    const ev = evaluateWith({
      一季度累计支出: undefined,
      二季度累计支出: undefined,
      三季度累计支出: undefined,
      四季度累计支出: undefined,
    });
    const layout = indicatorSheet(ev, '指标计算');
    expect(findCell(layout, '未提供季度累计支出数据，无法分析支付进度。')).toBeDefined();
    expect(findCell(layout, '一季度')).toBeUndefined();
    expect(inputsText(ev.indicators['支付进度率'])).toBe(
      '全年预算数 174.56（基础数据!C12）；一季度累计支出 缺失；二季度累计支出 缺失；三季度累计支出 缺失；四季度累计支出 缺失',
    );
  });

  it('满意度 is the input itself', () => {
    const ev = evaluateWith({ 满意度: '95.5' });
    expect(computationText(ev.indicators['满意度'])).toBe('95.5 → 95.50%');
    expect(row(indicatorSheet(ev, '指标计算'), '社会公众或服务对象满意度')[6]).toMatchObject({ value: 0.955 });
  });
});
