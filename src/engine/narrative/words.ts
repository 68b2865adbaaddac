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

/** Made on first use: building an Intl formatter loads ICU's locale data, a cost at start-up otherwise. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

const DATE = lazy(() => new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric' }));

/** "2022年7月8日" (local date); old webviews' direction marks removed. */
export function proseDate(date: Date): string {
  return DATE()
    .format(date)
    .replace(/[\u200e\u200f]/g, '');
}

/** Intl.ListFormat (ES2021; the project's lib is ES2020, and older Office webviews lack it). */
interface ListFormat {
  format(items: string[]): string;
}
const ListFormatOf = (Intl as unknown as { ListFormat?: new (locale: string, options: object) => ListFormat })
  .ListFormat;
const LIST = lazy<ListFormat>(() =>
  ListFormatOf
    ? new ListFormatOf('zh-CN', { style: 'long', type: 'conjunction' })
    : // Hand-written for hosts without Intl.ListFormat: the same "A、B和C".
      {
        format: (items) =>
          items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`,
      },
);

/** A list in prose: "A、B和C". */
export function listWords(items: string[]): string {
  return LIST().format(items);
}

const TERMINAL = /[。！？；…]$/;

/** Ends a sentence with 。 unless it already ends with terminal punctuation. */
export function sentence(s: string): string {
  const t = s.trimEnd();
  return TERMINAL.test(t) ? t : t + '。';
}
