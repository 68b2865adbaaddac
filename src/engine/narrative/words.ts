/**
 * The small vocabulary of generated prose (docs/narrative.md "Rounding and wording"): amounts without trailing zeros, a change
 * as a word (增加/减少/持平, never a minus sign), 个百分点 only for the difference of two rates, Chinese
 * ordinals for section numbers, and the date of the signature.
 */
import Decimal from 'decimal.js';
import { proseAmount, proseRate, formatScore, formatPoints } from '../format';

export { proseAmount, proseRate };

/** An amount for prose without its unit, for formulas: 174.560 → "174.56", 3 → "3". */
export function proseNumber(d: Decimal): string {
  return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed();
}

/** A count with its unit: "15人", "8件". */
export function proseCount(d: Decimal, unit: string): string {
  return d.toFixed() + unit;
}

/** The difference of two rates (already in percent): "3.58个百分点", "10个百分点". Never signed. */
export function prosePoints(d: Decimal): string {
  return proseRate(d.abs()).replace('%', '') + '个百分点';
}

/** A score in prose: always 2 decimals, "88.70分". */
export function proseScore(d: Decimal): string {
  return formatScore(d) + '分';
}

/** A weight as the scheme writes it: "4分", "2.5分". */
export function proseWeight(w: number): string {
  return formatPoints(w) + '分';
}

/** A rate in prose, direction left to the words around it: the absolute value. */
export function proseRateAbs(d: Decimal): string {
  return proseRate(d.abs());
}

/**
 * The change of an amount against last year, in words: "比上年增加0.06万元，增长12.24%",
 * "比上年减少…，下降…", "与上年持平". `rate` is the rounded change rate in percent when it exists.
 */
export function changeWords(current: Decimal, prior: Decimal, rate?: Decimal): string {
  const diff = current.minus(prior);
  if (diff.isZero()) return '与上年持平';
  const amount = proseAmount(diff.abs());
  if (diff.gt(0)) return `比上年增加${amount}` + (rate ? `，增长${proseRateAbs(rate)}` : '');
  return `比上年减少${amount}` + (rate ? `，下降${proseRateAbs(rate)}` : '');
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (section numbers). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : DIGITS[tens]) + '十' + (ones ? DIGITS[ones] : '');
}

/**
 * "2022年7月8日" (local date): the 成文日期 form of GB/T 9704 — Arabic numerals, no leading zeros.
 * Hand-written rather than Intl.DateTimeFormat('zh-CN'): the form is fixed, and building an Intl
 * formatter loads ICU's locale data (tens of milliseconds of every fill's start-up).
 */
export function proseDate(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

/**
 * A list in prose: "A、B和C", "A和B" — what Intl.ListFormat('zh-CN', conjunction) writes, by hand
 * for the same reason as proseDate (and older Office webviews lack Intl.ListFormat).
 */
export function listWords(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`;
}

const TERMINAL = /[。！？；…]$/;

/** Ends a sentence with 。 unless it already ends with terminal punctuation. */
export function sentence(s: string): string {
  const t = s.trimEnd();
  return TERMINAL.test(t) ? t : t + '。';
}
