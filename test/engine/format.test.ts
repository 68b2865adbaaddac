import Decimal from 'decimal.js';
import {
  formatAmount,
  formatPercent,
  formatRate,
  formatScore,
  proseAmount,
  proseRate,
  rate,
} from '../../src/engine/format';

const d = (s: string) => new Decimal(s);

describe('rate: × 100, rounded once, half-up, to 2 decimals', () => {
  test('15 / 17 = 88.2352…% → 88.24 (not the truncated 88.23)', () => {
    const r = rate(d('15'), d('17'));
    expect(r.value.toFixed(2)).toBe('88.24');
    expect(r.exact.toFixed(10)).toBe('88.2352941176');
  });

  test('a true half rounds up: 1 / 8000 = 0.0125% → 0.01; 1 / 20000 × 100 = 0.005 → 0.01', () => {
    expect(rate(d('1'), d('8000')).value.toFixed(2)).toBe('0.01');
    expect(rate(d('1'), d('20000')).value.toFixed(2)).toBe('0.01');
  });

  test('negative rates round half away from zero: −0.06 / 0.49 → −12.24; −1 / 8000 → −0.01', () => {
    expect(rate(d('-0.06'), d('0.49')).value.toFixed(2)).toBe('-12.24');
    expect(rate(d('-1'), d('8000')).value.toFixed(2)).toBe('-0.01');
  });

  test('amounts with decimals: 20.8 / 174.56 = 11.9156…% → 11.92; 0.55 / 3 → 18.33', () => {
    expect(rate(d('20.8'), d('174.56')).value.toFixed(2)).toBe('11.92');
    expect(rate(d('0.55'), d('3')).value.toFixed(2)).toBe('18.33');
  });

  test('no double rounding when the 20-digit quotient lands exactly on a half', () => {
    // 12345000000000448 × 100 / 100000000000003629 = 12.34499999999999999995… (true value, below the half)
    // A 20-digit quotient rounds that to 12.345, which half-up would wrongly turn into 12.35.
    const r = rate(d('12345000000000448'), d('100000000000003629'));
    expect(r.value.toFixed(2)).toBe('12.34');
    expect(r.exact.lt(d('12.345'))).toBe(true);
  });

  test('huge and tiny figures keep 2 exact decimals', () => {
    // 1e20 / 3 × 100 = 3333333333333333333333.333… → …333.33
    expect(rate(d('1e20'), d('3')).value.toFixed(2)).toBe('3333333333333333333333.33');
    // 1e-30 / 1 × 100 = 1e-28 → 0.00
    expect(rate(d('1e-30'), d('1')).value.toFixed(2)).toBe('0.00');
    // 2 / 3e-27 × 100 = 6.666…e28 (a divisor with 27 decimals, beyond the integer-scaling table)
    expect(rate(d('2'), d('3e-27')).value.toFixed(2)).toBe('66666666666666666666666666666.67');
  });
});

describe('display helpers', () => {
  test('tables: 2 decimals always', () => {
    expect(formatRate(d('88.24'))).toBe('88.24');
    expect(formatRate(d('100'))).toBe('100.00');
    expect(formatRate(d('12.5'))).toBe('12.50');
    expect(formatPercent(d('88.24'))).toBe('88.24%');
    expect(formatPercent(d('0'))).toBe('0.00%');
    expect(formatAmount(d('174.56'))).toBe('174.56');
    expect(formatAmount(d('3'))).toBe('3.00');
    expect(formatAmount(d('20.8'))).toBe('20.80');
    // 0.005 half-up → 0.01; 1.234 → 1.23
    expect(formatAmount(d('0.005'))).toBe('0.01');
    expect(formatAmount(d('1.234'))).toBe('1.23');
    expect(formatScore(d('4'))).toBe('4.00');
  });

  test('never "-0.00"', () => {
    expect(formatAmount(d('-0.001'))).toBe('0.00');
    expect(formatRate(d('-0'))).toBe('0.00');
    expect(proseAmount(d('-0.001'))).toBe('0万元');
  });

  test('no exponent notation for huge or tiny values', () => {
    expect(formatAmount(d('1e21'))).toBe('1000000000000000000000.00');
    expect(formatAmount(d('1e-9'))).toBe('0.00');
  });

  test('prose drops trailing zeros of amounts and the decimals of an exact integer rate', () => {
    expect(proseAmount(d('20.80'))).toBe('20.8万元');
    expect(proseAmount(d('3'))).toBe('3万元');
    expect(proseAmount(d('0.555'))).toBe('0.56万元');
    expect(proseRate(d('100'))).toBe('100%');
    expect(proseRate(d('100.00'))).toBe('100%');
    expect(proseRate(d('88.24'))).toBe('88.24%');
    expect(proseRate(d('12.5'))).toBe('12.50%');
  });
});
