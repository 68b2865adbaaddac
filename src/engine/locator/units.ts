/**
 * Units as workbooks declare them — 单位：元, 金额单位：万元, （元）, a 万元 cell beside the value, a
 * number format 0.00"元" — and the conversion of an amount into the catalogue's 万元. Counts (人, 件)
 * and percentages are never converted.
 */
import type Decimal from 'decimal.js';
import { Exact } from '../decimal';

export type MoneyUnit = '元' | '千元' | '万元' | '亿元';
export type Unit = MoneyUnit | '人' | '件' | '%' | '年';

/** 万元 per workbook unit. */
const PER_WANYUAN: Record<MoneyUnit, string> = { 元: '0.0001', 千元: '0.1', 万元: '1', 亿元: '10000' };

export function isMoneyUnit(unit: Unit | undefined): unit is MoneyUnit {
  return unit !== undefined && unit in PER_WANYUAN;
}

const UNIT_CACHE = new Map<string, Unit | null>();

/** A text that is nothing but a unit: 万元, （元）, 单位：元, 金额单位:万元, 人, 件, %. */
export function unitOf(text: string): Unit | undefined {
  let unit = UNIT_CACHE.get(text);
  if (unit === undefined) {
    unit = parseUnit(text) ?? null;
    if (UNIT_CACHE.size > 10_000) UNIT_CACHE.clear();
    UNIT_CACHE.set(text, unit);
  }
  return unit ?? undefined;
}

function parseUnit(text: string): Unit | undefined {
  const s = text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^[([【]|[)\]】]$/g, '')
    .replace(/^(?:金额|计量)?单位[:：]?/, '');
  if (s === '万元' || s === '元' || s === '千元' || s === '亿元' || s === '人' || s === '件' || s === '%' || s === '年')
    return s;
  if (s === '个' || s === '项' || s === '名') return '件';
  return undefined;
}

/** A unit declared inside a longer text: a title row `…决算表（单位：元）`, a header `金额（元）`. */
export function declaredUnit(text: string): MoneyUnit | undefined {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
  const m = /(?:单位[:：]|[([])(万元|千元|亿元|元)(?:[)\]]|$)/.exec(s);
  return m ? (m[1] as MoneyUnit) : undefined;
}

/** A unit in a number format's quoted suffix: `#,##0.00"万元"`, `0"元"`. */
export function formatUnit(format: string | undefined): Unit | undefined {
  const m = format ? /"([^"]+)"\s*(?:;|$)/.exec(format) : null;
  return m ? unitOf(m[1]) : undefined;
}

/** An amount in the workbook's unit → 万元, exactly. */
export function toWanyuan(value: Decimal, unit: MoneyUnit): Decimal {
  return unit === '万元' ? value : value.times(new Exact(PER_WANYUAN[unit]));
}

/**
 * Input → the unit its amount is kept in and the cell that unit was found for (`部门决算!B6`), as
 * stored in the workbook's settings when a name is defined for a figure not in 万元.
 */
export type UnitRecords = Record<string, { unit: string; cell: string }>;

export function moneyUnit(text: string): MoneyUnit | undefined {
  return text in PER_WANYUAN ? (text as MoneyUnit) : undefined;
}
