import Decimal from 'decimal.js';
import { INDICATORS, INDICATOR_BY_ID, computeIndicators } from '../../src/engine/indicatorDefinitions';
import type { Scheme } from '../../src/engine/types';
import { SAMPLE_VALUES, cellOf, readingsFrom } from './sample';

function compute(
  changes: Record<string, string | undefined>,
  basis: Scheme['officialExpensesBasis'] = '决算口径',
  invalid: Record<string, string> = {},
) {
  const read = readingsFrom({ ...SAMPLE_VALUES, ...changes }, invalid);
  return computeIndicators({ readings: read.readings, officialExpensesBasis: basis });
}

describe('the declarations', () => {
  test('17 indicators, in the order and with the names of docs/indicators.md', () => {
    expect(INDICATORS.map((d) => d.id)).toEqual([
      '在职人员控制率',
      '三公经费变动率',
      '重点支出安排率',
      '预算完成率',
      '预算调整率',
      '支付进度率',
      '结转结余率',
      '结转结余变动率',
      '公用经费控制率',
      '三公经费控制率',
      '政府采购执行率',
      '固定资产利用率',
      '实际完成率',
      '完成及时率',
      '质量达标率',
      '重点工作办结率',
      '满意度',
    ]);
  });

  test('each carries its formula in words and its inputs', () => {
    expect(INDICATOR_BY_ID.get('在职人员控制率')).toMatchObject({
      formula: '在职人员数 ÷ 编制数 × 100%',
      inputs: ['在职人员数', '编制数'],
    });
    expect(INDICATOR_BY_ID.get('三公经费变动率')!.formula).toBe(
      '(三公经费支出数 − 上年三公经费支出数) ÷ 上年三公经费支出数 × 100%',
    );
    expect(INDICATOR_BY_ID.get('重点工作办结率')!.formula).toBe('重点工作办结数 ÷ 重点工作交办数 × 100%');
    expect(INDICATOR_BY_ID.get('支付进度率')!.inputs).toEqual([
      '全年预算数',
      '一季度累计支出',
      '二季度累计支出',
      '三季度累计支出',
      '四季度累计支出',
    ]);
  });
});

describe('not applicable: a zero denominator is never 0% or 100%', () => {
  test('三公 from nothing: the reason says what was added, no percentage', () => {
    const r = compute({ 上年三公经费支出数: '0' })['三公经费变动率'];
    expect(r.status).toBe('not_applicable');
    expect(r.value).toBeUndefined();
    expect(r.reason).toBe('上年三公经费支出数为0，本年新增0.55万元');
  });

  test('三公 zero both years', () => {
    const r = compute({ 上年三公经费支出数: '0', 三公经费支出数: '0' })['三公经费变动率'];
    expect(r).toMatchObject({ status: 'not_applicable', reason: '上年三公经费支出数和三公经费支出数均为0，无变动' });
  });

  test.each([
    [{ 公用经费预算数: '0', 公用经费支出数: '0' }, '公用经费控制率', '未安排公用经费预算'],
    [{ 公用经费预算数: '0' }, '公用经费控制率', '未安排公用经费预算，但支出31.9万元'],
    [{ 三公经费预算数: '0', 三公经费支出数: '0' }, '三公经费控制率', '未安排三公经费预算'],
    [{ 政府采购预算数: '0', 政府采购金额: '0' }, '政府采购执行率', '未安排政府采购预算'],
    [{ 编制数: '0', 在职人员数: '0' }, '在职人员控制率', '编制数为0，且无在职人员'],
    [{ 全年预算数: '0' }, '预算完成率', '全年预算数为0'],
    [{ 全年预算数: '0' }, '支付进度率', '全年预算数为0'],
    [{ 固定资产总额: '0', 在用固定资产总额: '0' }, '固定资产利用率', '无固定资产（固定资产总额为0）'],
    [{ 计划工作数: '0', 实际完成工作数: '0' }, '实际完成率', '无计划工作（计划工作数为0）'],
    [{ 重点工作交办数: '0', 重点工作办结数: '0' }, '重点工作办结率', '无交办的重点工作（重点工作交办数为0）'],
    [{ 重点项目支出: '0', 项目支出总额: '0' }, '重点支出安排率', '无项目支出（项目支出总额为0）'],
    [{ 上年结转结余总额: '0', 结转结余总额: '5' }, '结转结余变动率', '上年结转结余总额为0，本年新增5万元'],
  ])('%o → %s: %s', (changes, id, reason) => {
    const r = compute(changes)[id];
    expect(r.status).toBe('not_applicable');
    expect(r.reason).toBe(reason);
  });

  test('a zero numerator over a non-zero denominator is a plain 0.00', () => {
    expect(compute({ 结转结余总额: '0' })['结转结余率'].value!.toFixed(2)).toBe('0.00');
  });
});

describe('not computable: a missing or invalid optional input', () => {
  test('missing inputs are listed', () => {
    const r = compute({ 政府采购预算数: undefined })['政府采购执行率'];
    expect(r).toMatchObject({ status: 'not_computable', missing: ['政府采购预算数'], reason: '缺少政府采购预算数' });
    expect(r.inputs[0]).toEqual({ input: '政府采购金额', value: new Decimal('2.01'), cell: cellOf('政府采购金额') });
    expect(r.inputs[1]).toEqual({ input: '政府采购预算数', value: null });
  });

  test('an invalid input counts as missing, with its problem', () => {
    const problem = `政府采购金额（${cellOf('政府采购金额')}）的值"待定"不是数字`;
    const r = compute({}, '决算口径', { 政府采购金额: problem })['政府采购执行率'];
    expect(r.status).toBe('not_computable');
    expect(r.missing).toEqual(['政府采购金额']);
    expect(r.reason).toBe(problem);
  });

  test('missing beats a zero denominator', () => {
    expect(compute({ 政府采购金额: undefined, 政府采购预算数: '0' })['政府采购执行率'].status).toBe('not_computable');
  });
});

describe('三公经费变动率 basis', () => {
  test("预算口径 compares this year's budget with last year's: (3 − 2.5) / 2.5 = 20.00%", () => {
    const r = compute({ 上年三公经费预算数: '2.5' }, '预算口径')['三公经费变动率'];
    expect(r.status).toBe('ok');
    expect(r.basis).toBe('预算口径');
    expect(r.value!.toFixed(2)).toBe('20.00');
    expect(r.formula).toBe('(三公经费预算数 − 上年三公经费预算数) ÷ 上年三公经费预算数 × 100%');
    expect(r.inputs.map((i) => i.input)).toEqual(['三公经费预算数', '上年三公经费预算数']);
  });

  test("预算口径 without last year's budget is not computable, and still says its basis", () => {
    const r = compute({}, '预算口径')['三公经费变动率'];
    expect(r).toMatchObject({ status: 'not_computable', missing: ['上年三公经费预算数'], basis: '预算口径' });
  });

  test('a fall is a negative rate: (0.4 − 0.5) / 0.5 = −20.00%', () => {
    const r = compute({ 三公经费支出数: '0.4', 上年三公经费支出数: '0.5' })['三公经费变动率'];
    expect(r.value!.toFixed(2)).toBe('-20.00');
    expect(r.numerator!.toString()).toBe('-0.1');
  });
});

describe('支付进度率', () => {
  test('only the quarters with data: the value is the latest one', () => {
    // 66.73 / 174.56 = 38.2275…% → 38.23
    const r = compute({ 三季度累计支出: undefined, 四季度累计支出: undefined })['支付进度率'];
    expect(r.status).toBe('ok');
    expect(r.quarters!.map((q) => q.quarter)).toEqual([1, 2]);
    expect(r.value!.toFixed(2)).toBe('38.23');
    expect(r.numerator!.toString()).toBe('66.73');
  });

  test('a quarter exactly on its 序时进度 is not lagging: 43.64 / 174.56 = 25.00%', () => {
    const r = compute({ 一季度累计支出: '43.64' })['支付进度率'];
    expect(r.quarters![0]).toMatchObject({ lagging: false });
    expect(r.quarters![0].progress.toFixed(2)).toBe('25.00');
  });

  test('no quarter at all: not computable, naming the four inputs', () => {
    const r = compute({
      一季度累计支出: undefined,
      二季度累计支出: undefined,
      三季度累计支出: undefined,
      四季度累计支出: undefined,
    })['支付进度率'];
    expect(r).toMatchObject({
      status: 'not_computable',
      missing: ['一季度累计支出', '二季度累计支出', '三季度累计支出', '四季度累计支出'],
    });
  });

  test('an invalid quarter makes it not computable, naming that quarter', () => {
    const r = compute({}, '决算口径', { 二季度累计支出: '二季度累计支出的值"约60"不是数字' })['支付进度率'];
    expect(r).toMatchObject({
      status: 'not_computable',
      missing: ['二季度累计支出'],
      reason: '二季度累计支出的值"约60"不是数字',
    });
  });
});

test('满意度 is the input itself (0–100), shown with 2 decimals', () => {
  const r = compute({ 满意度: '95.5' })['满意度'];
  expect(r.status).toBe('ok');
  expect(r.value!.toFixed(2)).toBe('95.50');
  expect(r.inputs).toEqual([{ input: '满意度', value: new Decimal('95.5'), cell: cellOf('满意度') }]);
});
