/**
 * Decimal arithmetic of the engine. A rate is n × 100 ÷ d rounded once, half-up (四舍五入), to 2
 * decimals. The quotient is taken with 20 significant digits, which is exact enough except when it
 * lands exactly on a half (x.xx5: the true quotient may lie just below it) or when so few digits are
 * left after the point that a second rounding could move the 2nd decimal; those rare cases are
 * recomputed with as many digits as the figures need. Quotients are what costs time here, so the
 * common case stays cheap.
 */
import Decimal from 'decimal.js';

/** The engine's own constructors, independent of any global Decimal.set(). */
export const Exact = Decimal.clone({ precision: 20, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -7, toExpPos: 21 });

/** Constructors with more digits for the rare quotients 20 digits cannot settle, by precision. */
const precise = new Map<number, Decimal.Constructor>();
function withDigits(digits: number): Decimal.Constructor {
  let C = precise.get(digits);
  if (!C) {
    C = Decimal.clone({ precision: digits, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -7, toExpPos: 21 });
    precise.set(digits, C);
  }
  return C;
}

export const ZERO = new Exact(0);
export const HUNDRED = new Exact(100);

/** Round once, half-up, to 2 decimals. */
export function round2(d: Decimal): Decimal {
  return d.decimalPlaces() <= 2 ? d : d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

export interface Rate {
  /** numerator × 100 ÷ denominator, unrounded (at least 20 significant digits). */
  exact: Decimal;
  /** exact rounded once, half-up, to 2 decimals. */
  value: Decimal;
}

function mayDoubleRound(q: Decimal, n: Decimal, d: Decimal): boolean {
  if (q.e >= 16 || n.sd() > 18 || d.sd() > 18) return true;
  return q.decimalPlaces() === 3 && q.toFixed().endsWith('5');
}

/** 10^0 … 10^24, to scale a divisor to an integer. */
const POW10: Decimal[] = Array.from({ length: 25 }, (_, k) => new Exact(10).pow(k));

/**
 * A rate in percent: 15 / 17 → exact 88.2352…, value 88.24. The caller rules out a zero denominator.
 * The divisor is scaled to an integer first (174.56 → 17456): decimal.js divides by a small integer
 * several times faster than by a number with decimals.
 */
export function rate(numerator: Decimal, denominator: Decimal): Rate {
  const k = denominator.decimalPlaces();
  // Inputs made by any Decimal constructor with at least 20 digits divide as they are (no copy).
  const n = (numerator.constructor as typeof Decimal).precision >= 20 ? numerator : new Exact(numerator);
  let exact =
    k + 2 < POW10.length
      ? n.times(POW10[k + 2]).div(k ? denominator.times(POW10[k]) : denominator)
      : n.times(100).div(denominator);
  if (mayDoubleRound(exact, numerator, denominator)) {
    // Enough digits for the integer part, 2 decimals, and the gap between a quotient and a half,
    // which is at least 1 / (200 × the divisor as an integer): the half-up decision is then exact.
    const needed = Math.max(exact.e + 1, 1) + Math.max(denominator.sd(), denominator.e + 1) + 12;
    exact = new (withDigits(Math.max(60, Math.ceil(needed / 20) * 20)))(numerator).times(100).div(denominator);
  }
  return { exact, value: exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP) };
}

/** A Decimal from a scheme number (weights, limits, band bounds), cached because schemes are reused. */
const fromNumberCache = new Map<number, Decimal>();
export function dec(n: number): Decimal {
  let d = fromNumberCache.get(n);
  if (!d) {
    d = new Exact(n);
    if (fromNumberCache.size < 10_000) fromNumberCache.set(n, d);
  }
  return d;
}

/**
 * Comparison without allocation. decimal.js' comparedTo copies its argument on every call, and the
 * engine compares a few hundred times per evaluation. Same result as a.cmp(b) (-1, 0, 1), read from
 * the documented instance fields d (base 1e7 digits), e (exponent) and s (sign).
 */
export function cmp(a: Decimal, b: Decimal): number {
  const ad = a.d;
  const bd = b.d;
  if (!ad || !bd) return a.cmp(b); // NaN or ±Infinity: let decimal.js decide
  const as = a.s;
  const bs = b.s;
  if (!ad[0] || !bd[0]) return ad[0] ? as : bd[0] ? -bs : 0;
  if (as !== bs) return as;
  if (a.e !== b.e) return a.e > b.e !== as < 0 ? 1 : -1;
  const n = ad.length < bd.length ? ad.length : bd.length;
  for (let i = 0; i < n; i++) if (ad[i] !== bd[i]) return ad[i] > bd[i] !== as < 0 ? 1 : -1;
  return ad.length === bd.length ? 0 : ad.length > bd.length !== as < 0 ? 1 : -1;
}

export const lt = (a: Decimal, b: Decimal): boolean => cmp(a, b) < 0;
export const lte = (a: Decimal, b: Decimal): boolean => cmp(a, b) <= 0;
export const gt = (a: Decimal, b: Decimal): boolean => cmp(a, b) > 0;
export const gte = (a: Decimal, b: Decimal): boolean => cmp(a, b) >= 0;
export const eq = (a: Decimal, b: Decimal): boolean => cmp(a, b) === 0;
