/**
 * How numbers are shown (docs/indicators.md "Arithmetic and display", docs/narrative.md "Rounding and wording"). Tables keep 2
 * decimals; prose drops trailing zeros of amounts and the decimals of an exact integer rate.
 * Everyone who prints a number (sheets, narrative, CLI) goes through these.
 */
import Decimal from 'decimal.js';

export { rate, round2 } from './decimal';

/**
 * Exactly 2 decimals, half-up. Most values are already rounded to 2 decimals, and padding their
 * plain string is far cheaper than toFixed(2), which re-rounds.
 */
function fixed2(d: Decimal): string {
  let s: string;
  if (d.decimalPlaces() > 2) s = d.toFixed(2, Decimal.ROUND_HALF_UP);
  else {
    s = d.toFixed();
    const dot = s.indexOf('.');
    if (dot < 0) s += '.00';
    else if (s.length - dot === 2) s += '0';
  }
  return s.charCodeAt(0) === 45 && /^-0\.00$/.test(s) ? s.slice(1) : s;
}

/** A number without exponent and without "-0". */
function plain(d: Decimal): string {
  const s = d.toFixed();
  return s.charCodeAt(0) === 45 && d.isZero() ? s.slice(1) : s;
}

/** A rate in percent for a table cell, without the sign: 88.24 → "88.24", 100 → "100.00". */
export function formatRate(d: Decimal): string {
  return fixed2(d);
}

/** A rate with its sign: "88.24%", "100.00%". */
export function formatPercent(d: Decimal): string {
  return fixed2(d) + '%';
}

/** An amount in 万元 for a table: always 2 decimals, "174.56", "3.00". */
export function formatAmount(d: Decimal): string {
  return fixed2(d);
}

/** An amount for prose, with its unit: 20.80 → "20.8万元", 3 → "3万元". */
export function proseAmount(d: Decimal): string {
  return plain(d.decimalPlaces() > 2 ? d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP) : d) + '万元';
}

/** A rate for prose: an exact integer without decimals ("100%"), otherwise 2 decimals ("88.24%", "12.50%"). */
export function proseRate(d: Decimal): string {
  const r = d.decimalPlaces() > 2 ? d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP) : d;
  return (r.isInteger() ? plain(r) : fixed2(r)) + '%';
}

/** A weight or score the way a scheme writes it: 4 → "4", 0.4 → "0.4", 3.20 → "3.2". */
export function formatPoints(d: Decimal | number): string {
  return typeof d === 'number' ? String(d) : d.toFixed();
}

/** A score for a table: "4.00". */
export function formatScore(d: Decimal): string {
  return fixed2(d);
}

/** A count (人, 件): integers as they are. */
export function formatCount(d: Decimal): string {
  return d.toFixed();
}
