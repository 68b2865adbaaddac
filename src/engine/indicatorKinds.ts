/**
 * The kinds of indicator declaration (docs/indicators.md "The indicators"): a ratio of two inputs, the
 * change of an amount against last year, and the input itself. Each kind builds the full trace the
 * 指标计算 sheet shows: formula, every input with its value and cell, numerator, denominator, exact
 * quotient and the rounded value; or why the indicator is not applicable / not computable.
 */
import Decimal from 'decimal.js';
import type { IndicatorResult, InputReading, Scheme, TraceInput } from './types';
import { rate, round2 } from './decimal';
import { proseAmount } from './format';
import type { InputName } from './catalogue';

export interface IndicatorContext {
  readings: Record<string, InputReading | undefined>;
  officialExpensesBasis: Scheme['officialExpensesBasis'];
}

/** ratio: a ÷ b; change: (本年 − 上年) ÷ 上年; quarterly: 支付进度率; input: the input itself. */
export type IndicatorKind = 'ratio' | 'change' | 'quarterly' | 'input';

export interface IndicatorDef {
  id: string;
  kind: IndicatorKind;
  /** The formula in words, as the 指标计算 sheet prints it (default basis for 三公经费变动率). */
  formula: string;
  /** Every input the indicator may read. */
  inputs: readonly InputName[];
  compute(ctx: IndicatorContext): IndicatorResult;
}

/** The inputs of one indicator as read: values in order, the trace, and what is missing or invalid. */
export interface Gathered {
  values: (Decimal | null)[];
  trace: TraceInput[];
  missing: InputName[];
  problems: string[];
}

/** Shared empty list (frozen): most indicators miss nothing, so no array is allocated for them. */
const NONE = Object.freeze([]) as never[];

export function gather(ctx: IndicatorContext, names: readonly InputName[]): Gathered {
  const values: (Decimal | null)[] = [];
  const trace: TraceInput[] = [];
  let missing: InputName[] = NONE;
  let problems: string[] = NONE;
  for (const name of names) {
    const r = ctx.readings[name];
    const v = r && r.status === 'found' && typeof r.value === 'object' && Decimal.isDecimal(r.value) ? r.value : null;
    values.push(v);
    trace.push(r?.cell ? { input: name, value: v, cell: r.cell } : { input: name, value: v });
    if (!v) {
      if (missing === NONE) missing = [];
      missing.push(name);
      if (r?.status === 'invalid') {
        if (problems === NONE) problems = [];
        problems.push(r.problem ?? `${name}无效`);
      }
    }
  }
  return { values, trace, missing, problems };
}

export function notComputable(id: string, formula: string, g: Gathered): IndicatorResult {
  const reason = g.problems.length ? g.problems.join('；') : `缺少${g.missing.join('、')}`;
  return { id, status: 'not_computable', formula, inputs: g.trace, missing: g.missing, reason };
}

export function notApplicable(
  id: string,
  formula: string,
  g: Gathered,
  reason: string,
  numerator?: Decimal,
  denominator?: Decimal,
): IndicatorResult {
  return { id, status: 'not_applicable', formula, inputs: g.trace, numerator, denominator, reason };
}

function ok(id: string, formula: string, g: Gathered, numerator: Decimal, denominator: Decimal): IndicatorResult {
  const { exact, value } = rate(numerator, denominator);
  return { id, status: 'ok', formula, inputs: g.trace, numerator, denominator, exact, value };
}

/** numerator ÷ denominator × 100%. whenZero says, in Chinese, why a zero denominator makes it not applicable. */
export function ratio(spec: {
  id: string;
  numerator: InputName;
  denominator: InputName;
  whenZero: (numerator: Decimal) => string;
}): IndicatorDef {
  const formula = `${spec.numerator} ÷ ${spec.denominator} × 100%`;
  const inputs = [spec.numerator, spec.denominator] as const;
  return {
    id: spec.id,
    kind: 'ratio',
    formula,
    inputs,
    compute(ctx) {
      const g = gather(ctx, inputs);
      if (g.missing.length) return notComputable(spec.id, formula, g);
      const [n, d] = g.values as Decimal[];
      if (d.isZero()) return notApplicable(spec.id, formula, g, spec.whenZero(n), n, d);
      return ok(spec.id, formula, g, n, d);
    },
  };
}

/** The formula and inputs of a change against last year: (本年 − 上年) ÷ 上年 × 100%. */
export function changeFormula(current: InputName, prior: InputName): string {
  return `(${current} − ${prior}) ÷ ${prior} × 100%`;
}

/**
 * Computes a change rate. A zero prior year is not applicable: growth from nothing is never a
 * percentage (docs/narrative.md "Rounding and wording"), the reason says what was added instead.
 */
export function computeChange(
  id: string,
  ctx: IndicatorContext,
  current: InputName,
  prior: InputName,
): IndicatorResult {
  const formula = changeFormula(current, prior);
  const g = gather(ctx, [current, prior]);
  if (g.missing.length) return notComputable(id, formula, g);
  const [cur, pre] = g.values as Decimal[];
  const numerator = cur.minus(pre);
  if (pre.isZero()) {
    const reason = cur.isZero() ? `${prior}和${current}均为0，无变动` : `${prior}为0，本年新增${proseAmount(cur)}`;
    return notApplicable(id, formula, g, reason, numerator, pre);
  }
  return ok(id, formula, g, numerator, pre);
}

export function change(spec: { id: string; current: InputName; prior: InputName }): IndicatorDef {
  return {
    id: spec.id,
    kind: 'change',
    formula: changeFormula(spec.current, spec.prior),
    inputs: [spec.current, spec.prior],
    compute: (ctx) => computeChange(spec.id, ctx, spec.current, spec.prior),
  };
}

/** The input itself, already in percent (满意度 0–100). */
export function inputItself(spec: { id: string; input: InputName; formula: string }): IndicatorDef {
  const inputs = [spec.input] as const;
  return {
    id: spec.id,
    kind: 'input',
    formula: spec.formula,
    inputs,
    compute(ctx) {
      const g = gather(ctx, inputs);
      if (g.missing.length) return notComputable(spec.id, spec.formula, g);
      const v = g.values[0] as Decimal;
      return {
        id: spec.id,
        status: 'ok',
        formula: spec.formula,
        inputs: g.trace,
        numerator: v,
        exact: v,
        value: round2(v),
      };
    },
  };
}
