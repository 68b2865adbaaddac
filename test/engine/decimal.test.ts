/** The engine's Decimal helpers against decimal.js itself. */
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { cmp, eq, gt, gte, lt, lte, rate } from '../../src/engine/decimal';

/** Decimals of every shape: signs, zeros, many or few digits, large and small exponents. */
const decimal = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 25n }), fc.integer({ min: -30, max: 30 }))
  .map(([negative, m, k]) => new Decimal(`${negative ? '-' : ''}${m}e${k}`));

test('cmp, lt, lte, gt, gte, eq agree with decimal.js comparedTo', () => {
  fc.assert(
    fc.property(decimal, decimal, (a, b) => {
      const expected = a.cmp(b);
      expect(cmp(a, b)).toBe(expected);
      expect([lt(a, b), lte(a, b), gt(a, b), gte(a, b), eq(a, b)]).toEqual([
        expected < 0,
        expected <= 0,
        expected > 0,
        expected >= 0,
        expected === 0,
      ]);
    }),
    { numRuns: 2000 },
  );
});

test('cmp on equal values with different digit arrays, zeros of both signs', () => {
  expect(cmp(new Decimal('1.50'), new Decimal('1.5'))).toBe(0);
  expect(cmp(new Decimal('-0'), new Decimal('0'))).toBe(0);
  expect(cmp(new Decimal('10000000'), new Decimal('9999999.9999999'))).toBe(1);
  expect(cmp(new Decimal('-10000000'), new Decimal('-9999999.9999999'))).toBe(-1);
});

test('rate is exact: value = exact rounded half-up to 2 decimals, for any magnitude', () => {
  const Truth = Decimal.clone({ precision: 200 });
  fc.assert(
    fc.property(decimal, decimal, (n, d) => {
      if (d.isZero()) return;
      const truth = new Truth(n).times(100).div(d);
      const r = rate(n, d);
      expect(r.value.eq(truth.toDecimalPlaces(2, Decimal.ROUND_HALF_UP))).toBe(true);
    }),
    { numRuns: 2000 },
  );
});
