/** The five rule kinds, scored on the displayed (2-decimal) value; arithmetic in the comments. */
import Decimal from 'decimal.js';
import {
  bands,
  ceiling,
  describeRule,
  inBand,
  manual,
  proportional,
  quarterly,
  scoreByRule,
} from '../../src/engine/rules';
import { getPreset } from '../../src/engine/schemes';
import { INDICATOR_BY_ID } from '../../src/engine/indicatorDefinitions';
import type { IndicatorResult, QuarterProgress, Rule } from '../../src/engine/types';

const d = (x: string | number) => new Decimal(x);
const ind = (id: string, value: string): IndicatorResult => ({
  id,
  status: 'ok',
  formula: '',
  inputs: [],
  value: d(value),
  exact: d(value),
});
const score = (rule: Rule, weight: number, id: string, value: string) => scoreByRule(rule, d(weight), ind(id, value));
const ruleOf = (level3: string) => getPreset('通用')!.items.find((i) => i.level3 === level3)!.rule;

describe('ceiling: full marks up to the limit, then per_point per percentage point, never below 0', () => {
  const rule: Rule = { kind: 'ceiling', limit: 100, perPoint: 0.4 };
  test.each([
    ['88.24', '4.00'], // ≤ 100
    ['100.00', '4.00'], // the limit itself is within
    ['100.01', '4.00'], // 4 − 0.01 × 0.4 = 3.996 → 4.00 (half-up)
    ['101.00', '3.60'], // 4 − 1 × 0.4
    ['105.50', '1.80'], // 4 − 5.5 × 0.4 = 4 − 2.2
    ['110.00', '0.00'], // 4 − 10 × 0.4 = 0
    ['125.00', '0.00'], // 4 − 10 = −6 → 扣完为止
  ])('在职人员控制率 %s → %s', (value, expected) => {
    expect(score(rule, 4, '在职人员控制率', value).score.toFixed(2)).toBe(expected);
  });

  test('the deduction says how far over and how much was lost', () => {
    expect(score(rule, 4, '在职人员控制率', '101.00').deduction).toBe(
      '在职人员控制率为101.00%，超过100%，每1个百分点扣0.4分，扣0.40分',
    );
    expect(score({ kind: 'ceiling', limit: 0, perPoint: 0.4 }, 4, '三公经费变动率', '12.24').deduction).toBe(
      '三公经费较上年增长12.24%，超过0%，每1个百分点扣0.4分，扣完为止',
    );
    expect(score(rule, 4, '在职人员控制率', '88.24').deduction).toBeUndefined();
  });

  test('a fall of 三公 is within a 0% ceiling', () => {
    expect(score({ kind: 'ceiling', limit: 0, perPoint: 0.4 }, 4, '三公经费变动率', '-20.00').score.toFixed(2)).toBe(
      '4.00',
    );
  });
});

describe('proportional: 分值 × min(value / target, 1)', () => {
  test.each([
    [undefined, '95.00', '3.80'], // 4 × 0.95
    [undefined, '100.00', '4.00'],
    [undefined, '120.00', '4.00'], // capped at 1
    [undefined, '0.00', '0.00'],
    [undefined, '33.33', '1.33'], // 4 × 0.3333 = 1.3332 → 1.33
    [90, '81.00', '3.60'], // 4 × 81 / 90 = 3.6
    [90, '90.00', '4.00'],
    [80, '70.00', '3.50'], // 4 × 70 / 80
  ])('target %s, value %s → %s', (target, value, expected) => {
    const rule: Rule = target === undefined ? { kind: 'proportional' } : { kind: 'proportional', target };
    expect(score(rule, 4, '预算完成率', value).score.toFixed(2)).toBe(expected);
  });

  test('rounding per item, half-up: 3 × 83.35% = 2.5005 → 2.50; 3 × 83.50% = 2.505 → 2.51', () => {
    expect(score({ kind: 'proportional' }, 3, '实际完成率', '83.35').score.toFixed(2)).toBe('2.50');
    expect(score({ kind: 'proportional' }, 3, '实际完成率', '83.50').score.toFixed(2)).toBe('2.51');
  });

  test('the deduction shows the arithmetic', () => {
    expect(score({ kind: 'proportional' }, 4, '预算完成率', '95.00').deduction).toBe(
      '预算完成率为95.00%，未达到目标值100%，按比例计分：4×95.00%÷100%=3.80分',
    );
  });
});

describe('bands: each bound included or not', () => {
  test.each([
    ['90.00', '4.00'], // ≥ 90 (included)
    ['89.99', '3.20'], // [80, 90)
    ['80.00', '3.20'],
    ['79.99', '2.40'], // [70, 80)
    ['60.00', '1.60'], // [60, 70)
    ['59.99', '0.00'], // < 60
  ])('重点支出安排率 %s → %s', (value, expected) => {
    expect(score(ruleOf('重点支出安排率'), 4, '重点支出安排率', value).score.toFixed(2)).toBe(expected);
  });

  test.each([
    ['0.00', '3.00'], // = 0
    ['0.01', '2.00'], // (0, 10]
    ['10.00', '2.00'], // 10 included in (0, 10]
    ['10.01', '1.00'], // (10, 20]
    ['11.92', '1.00'],
    ['20.00', '1.00'],
    ['30.00', '0.50'], // (20, 30]
    ['30.01', '0.00'], // > 30
  ])('预算调整率 %s → %s', (value, expected) => {
    expect(score(ruleOf('预算调整率'), 3, '预算调整率', value).score.toFixed(2)).toBe(expected);
  });

  test('the deduction names the band', () => {
    expect(score(ruleOf('预算调整率'), 3, '预算调整率', '11.92').deduction).toBe(
      '预算调整率为11.92%，在10%（不含）至20%（含）区间，得1分（满分3分）',
    );
  });

  test('湖南 预算完成率 "100%计满分，每低于5%扣2分": 100 → 8, 99.99 → 6, 95 → 6, 94.99 → 4, 84.99 → 0', () => {
    const rule = getPreset('湖南')!.items.find((i) => i.indicator === '预算完成率')!.rule;
    const s = (v: string) => score(rule, 8, '预算完成率', v).score.toFixed(2);
    expect([s('100.00'), s('99.99'), s('95.00'), s('94.99'), s('90.00'), s('85.00'), s('84.99')]).toEqual([
      '8.00',
      '6.00',
      '6.00',
      '4.00',
      '4.00',
      '2.00',
      '0.00',
    ]);
  });

  test('a value in no band scores 0 and says so', () => {
    const rule: Rule = { kind: 'bands', bands: [{ min: 50, minIncluded: true, score: 2 }] };
    const out = score(rule, 2, '实际完成率', '40.00');
    expect(out.score.toFixed(2)).toBe('0.00');
    expect(out.deduction).toContain('不在评分标准的任何区间内');
  });

  test('inBand honours open and closed bounds', () => {
    const band = { min: 10, minIncluded: false, max: 20, maxIncluded: true, score: 1 };
    expect([inBand(d(10), band), inBand(d('10.01'), band), inBand(d(20), band), inBand(d('20.01'), band)]).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
});

describe('quarterly: 分值 × mean over the quarters of min(progress / 序时, 1)', () => {
  const q = (quarter: 1 | 2 | 3 | 4, progress: string): QuarterProgress => {
    const target = d([25, 50, 75, 100][quarter - 1]);
    return { quarter, spent: d(0), progress: d(progress), exact: d(progress), target, lagging: d(progress).lt(target) };
  };
  const withQuarters = (qs: QuarterProgress[]): IndicatorResult => ({
    ...ind('支付进度率', qs[qs.length - 1].progress.toString()),
    quarters: qs,
  });

  test('the sample: 3 × (21.42/25 + 38.23/50 + 63.37/75 + 82.77/100) / 4 = 3 × 3.294033… / 4 = 2.470525 → 2.47', () => {
    const out = scoreByRule(
      { kind: 'quarterly' },
      d(3),
      withQuarters([q(1, '21.42'), q(2, '38.23'), q(3, '63.37'), q(4, '82.77')]),
    );
    expect(out.score.toFixed(2)).toBe('2.47');
    expect(out.deduction).toBe(
      '支付进度低于序时进度：一季度21.42%（序时25%）、二季度38.23%（序时50%）、三季度63.37%（序时75%）、四季度82.77%（序时100%），按各季度完成序时进度的平均比例计分',
    );
  });

  test('ahead of schedule counts 1, not more: 3 × (1 + 1 + 60/75) / 3 = 3 × 2.8 / 3 = 2.80', () => {
    const out = scoreByRule({ kind: 'quarterly' }, d(3), withQuarters([q(1, '30.00'), q(2, '50.00'), q(3, '60.00')]));
    expect(out.score.toFixed(2)).toBe('2.80');
  });

  test('every quarter on schedule: full marks, no deduction', () => {
    const out = scoreByRule(
      { kind: 'quarterly' },
      d(3),
      withQuarters([q(1, '25.00'), q(2, '50.00'), q(3, '75.00'), q(4, '100.00')]),
    );
    expect(out).toEqual({ score: d(3) });
  });
});

describe('fitting a rule to an indicator', () => {
  const kindOf = (id: string) => INDICATOR_BY_ID.get(id);
  test('quarterly only fits 支付进度率', () => {
    expect(quarterly.unfit(kindOf('支付进度率'))).toBeUndefined();
    expect(quarterly.unfit(kindOf('预算完成率'))).toBe('按季度序时进度计分只适用于支付进度率，不适用于预算完成率');
  });
  test('proportional does not fit a change rate, which may be negative', () => {
    expect(proportional.unfit(kindOf('三公经费变动率'))).toContain('变动率');
    expect(proportional.unfit(kindOf('预算完成率'))).toBeUndefined();
  });
  test('every rule but manual needs an indicator', () => {
    expect(ceiling.unfit(undefined)).toBe('未指定计分的指标');
    expect(bands.unfit(undefined)).toBe('未指定计分的指标');
    expect(manual.unfit(undefined)).toBeUndefined();
  });
});

test('a 评分标准 is generated from the rule when a scheme gives none', () => {
  const item = (rule: Rule, indicator?: string) => ({
    level1: '过程',
    level2: '预算执行',
    level3: indicator ?? '自定义',
    weight: 4,
    rule,
    indicator,
    standard: '',
  });
  expect(describeRule(item({ kind: 'ceiling', limit: 100, perPoint: 0.5 }, '公用经费控制率'))).toBe(
    '公用经费控制率≤100%得满分，每超过1个百分点扣0.5分，扣完为止',
  );
  expect(describeRule(item(ruleOf('预算调整率'), '预算调整率'))).toBe(
    '=0%得3分；0%（不含）至10%（含）得2分；10%（不含）至20%（含）得1分；20%（不含）至30%（含）得0.5分；>30%得0分',
  );
  expect(describeRule(item({ kind: 'proportional' }, '预算完成率'))).toBe('得分＝分值×指标值÷100%，达到100%得满分');
});
