/** Scoring a whole scheme: not applicable (rescale / full), not computable → manual, manual entries, grades. */
import Decimal from 'decimal.js';
import { evaluate } from '../../src/engine/evaluate';
import { getPreset, STANDARD_GRADES } from '../../src/engine/schemes';
import { gradeOf } from '../../src/engine/scoring';
import type { ManualEntries, Scheme } from '../../src/engine/types';
import { SAMPLE_VALUES, readingsFrom } from './sample';

const general = (change: Partial<Scheme> = {}): Scheme => ({ ...getPreset('通用')!, ...change });
const run = (values: Record<string, string | undefined>, scheme = general(), manual?: ManualEntries) =>
  evaluate(readingsFrom({ ...SAMPLE_VALUES, ...values }), { scheme, manual });
const item = (ev: ReturnType<typeof run>, level3: string) => ev.items.find((i) => i.item.level3 === level3)!;

describe('a not-applicable item', () => {
  // 上年三公经费支出数 = 0 → 三公经费变动率 not applicable (4 points). The other scores of the sample
  // are unchanged: 47.47 (三公经费变动率 scored 0 there anyway).
  test('rescale (default): left out and the total rescaled to 100: 47.47 × 100 / 96 = 49.447… → 49.45', () => {
    const ev = run({ 上年三公经费支出数: '0' });
    const s = item(ev, '三公经费变动率');
    expect(s.excluded).toBe(true);
    expect(s.score).toBeNull();
    expect(ev.total.toFixed(2)).toBe('49.45');
  });

  test('full marks: counted at its 分值: 47.47 + 4 = 51.47', () => {
    const ev = run({ 上年三公经费支出数: '0' }, general({ notApplicable: 'full' }));
    const s = item(ev, '三公经费变动率');
    expect(s.excluded).toBe(false);
    expect(s.score!.toFixed(2)).toBe('4.00');
    expect(ev.total.toFixed(2)).toBe('51.47');
  });

  test('several left out: 公用经费 (3) and 三公 变动率 (4) and 三公 控制率 (4) → 47.47 − 3 − 4 = 40.47 over 89 → 45.4719… → 45.47', () => {
    const ev = run({ 上年三公经费支出数: '0', 公用经费预算数: '0', 三公经费预算数: '0' });
    expect(ev.items.filter((i) => i.excluded).map((i) => i.item.level3)).toEqual([
      '三公经费变动率',
      '公用经费控制率',
      '三公经费控制率',
    ]);
    expect(ev.total.toFixed(2)).toBe('45.47');
  });
});

describe('a not-computable item turns into a manual item', () => {
  test('counts 0 until scored, and the warning names the missing inputs', () => {
    const ev = run({ 政府采购预算数: undefined });
    const s = item(ev, '政府采购执行率');
    expect(s.manual).toBe(true);
    expect(s.score).toBeNull();
    // 47.47 − 4 (政府采购执行率 no longer full marks) = 43.47
    expect(ev.total.toFixed(2)).toBe('43.47');
    const f = ev.findings.find((x) => x.code === 'manual-scores-missing')!;
    expect(f.message).toContain('政府采购执行率（4分，缺少政府采购预算数）');
    expect(f.inputs).toContain('政府采购预算数');
  });

  test("the clerk's score is used: 43.47 + 3.5 = 46.97", () => {
    const ev = run({ 政府采购预算数: undefined }, general(), { scores: { 政府采购执行率: 3.5 }, notes: {} });
    expect(item(ev, '政府采购执行率').score!.toFixed(2)).toBe('3.50');
    expect(item(ev, '政府采购执行率').manualScore!.toFixed(2)).toBe('3.50');
    expect(ev.total.toFixed(2)).toBe('46.97');
  });

  test('a typed score for a computed item is ignored: the rule decides', () => {
    const ev = run({}, general(), { scores: { 预算完成率: 1 }, notes: {} });
    expect(item(ev, '预算完成率').score!.toFixed(2)).toBe('4.00');
  });
});

describe('manual entries', () => {
  test('scores are rounded half-up to 2 decimals: 2.345 → 2.35', () => {
    const ev = run({}, general(), { scores: { 绩效目标合理性: 2.345 }, notes: {} });
    expect(item(ev, '绩效目标合理性').score!.toFixed(2)).toBe('2.35');
  });

  test('a score above 分值 or below 0 is clamped and reported', () => {
    const ev = run({}, general(), { scores: { 绩效目标合理性: 5, 绩效指标明确性: -1 }, notes: {} });
    expect(item(ev, '绩效目标合理性').score!.toFixed(2)).toBe('4.00');
    expect(item(ev, '绩效指标明确性').score!.toFixed(2)).toBe('0.00');
    const messages = ev.findings.filter((f) => f.code === 'manual-score-invalid').map((f) => f.message);
    expect(messages).toEqual([
      '评分表中"绩效目标合理性"的人工得分5超出0至4分的范围，已按4.00分计',
      '评分表中"绩效指标明确性"的人工得分-1超出0至4分的范围，已按0.00分计',
    ]);
    expect(ev.findings.find((f) => f.code === 'manual-score-invalid')!.severity).toBe('warning');
  });

  test('a score that is not a number is left out and reported', () => {
    const ev = run({}, general(), { scores: { 经济效益: NaN }, notes: {} });
    expect(item(ev, '经济效益').score).toBeNull();
    expect(ev.findings.find((f) => f.code === 'manual-score-invalid')!.message).toBe(
      '评分表中"经济效益"的人工得分"NaN"不是数字，未计入合计',
    );
  });

  test('notes are kept on their item', () => {
    const ev = run({}, general(), { scores: {}, notes: { 三公经费变动率: '公务用车运行费增加' } });
    expect(item(ev, '三公经费变动率').note).toBe('公务用车运行费增加');
  });
});

describe('grade from the total as displayed', () => {
  test.each([
    ['89.995', '优'], // displays 90.00
    ['89.994', '良'], // displays 89.99
    ['90', '优'],
    ['80', '良'],
    ['79.995', '良'],
    ['79.99', '中'],
    ['60', '中'],
    ['59.99', '差'],
    ['0', '差'],
  ])('%s → %s', (total, grade) => {
    expect(gradeOf(STANDARD_GRADES, new Decimal(total))).toBe(grade);
  });

  test('a rescaled total is graded as displayed, once every manual item is scored', () => {
    const full: Record<string, number> = {};
    for (const it of general().items) full[it.level3] = it.weight;
    const ev = run({ 上年三公经费支出数: '0' }, general(), { scores: full, notes: {} });
    // computed: 4 + 4 + 1 + 2.47 + 3 + 3 + 4 + 4 + 2 + 3 + 3 + 8 + 6 = 47.47 (三公经费变动率 left out);
    // manual at 分值: 4 + 4 + 4 (重点支出安排率) + 2 (结转结余变动率) + 2 × 6 + 5 × 3 + 5 (满意度) = 46;
    // (47.47 + 46) × 100 / 96 = 97.3645… → 97.36 → 优
    expect(ev.total.toFixed(2)).toBe('97.36');
    expect(ev.grade).toBe('优');
    expect(ev.provisional).toBe(false);
  });
});
