/**
 * The 指标计算 sheet (docs/outputs.md): one row per indicator of the scheme with its formula, every input
 * with its value and source cell, the computation ("15 ÷ 17 × 100% = 88.24%"), the value and its
 * status; the quarterly 支付进度 rows below. Each value cell is named 指标_<id>, so that the clerk's
 * own sheets can refer to it. The 计算过程 column is the text an auditor (or 湖南's 指标说明) reads.
 */
import type Decimal from 'decimal.js';
import { formatPercent } from '../engine/format';
import type { Evaluation, IndicatorResult, SchemeItem } from '../engine/types';
import { type LayoutCell, type Merge, type SheetLayout } from './layout';
import { markEntry } from './names';
import {
  AMOUNT_FORMAT,
  BODY,
  CENTER,
  RATE_FORMAT,
  SECTION,
  SUBTITLE,
  TITLE,
  header,
  num,
  text,
  wrappedHeight,
} from './style';

const QUARTER_WORDS = ['一季度', '二季度', '三季度', '四季度'];

export const INDICATOR_COLUMNS = [
  '一级指标',
  '二级指标',
  '三级指标',
  '计算公式',
  '输入项及来源',
  '计算过程',
  '指标值',
  '状态',
] as const;
const WIDTHS = [8, 10, 16, 30, 40, 32, 11, 26];
/** Column of the value cell (G). */
export const VALUE_COLUMN = 6;
/** Rows above the first indicator: title, subtitle, header. */
export const FIRST_INDICATOR_ROW = 3;

/** The name of an indicator's value cell. */
export function indicatorName(id: string): string {
  return `指标_${id}`;
}

/** A number as it was read, without rounding: 174.56, 0.4891. */
function exact(d: Decimal): string {
  return d.toFixed();
}

/** "在职人员数 15（基础数据!B5）；编制数 17（基础数据!B4）" */
export function inputsText(ind: IndicatorResult): string {
  return ind.inputs
    .map((t) => {
      if (!t.value) return `${t.input} 缺失`;
      return `${t.input} ${exact(t.value)}` + (t.cell ? `（${t.cell}）` : '');
    })
    .join('；');
}

/** The formula with the input values put in: "(0.55 − 0.49) ÷ 0.49 × 100%". */
function substitute(ind: IndicatorResult): string | undefined {
  const known = ind.inputs.filter((t) => t.value).sort((a, b) => b.input.length - a.input.length);
  if (!known.length) return undefined;
  const values = new Map<string, string>(known.map((t) => [t.input, exact(t.value as Decimal)]));
  const replaced = ind.formula.replace(new RegExp(known.map((t) => t.input).join('|'), 'g'), (m) => values.get(m) ?? m);
  return /[\u4e00-\u9fff]/.test(replaced) ? undefined : replaced;
}

/** "15 ÷ 17 × 100% = 88.24%"; quarterly: one line per quarter; not computable: "—". */
export function computationText(ind: IndicatorResult): string {
  if (ind.status === 'not_computable') return '—';
  if (ind.quarters?.length && ind.denominator) {
    const budget = exact(ind.denominator);
    return ind.quarters
      .map(
        (q) => `${QUARTER_WORDS[q.quarter - 1]}：${exact(q.spent)} ÷ ${budget} × 100% = ${formatPercent(q.progress)}`,
      )
      .join('\n');
  }
  const filled =
    substitute(ind) ??
    (ind.numerator && ind.denominator ? `${exact(ind.numerator)} ÷ ${exact(ind.denominator)} × 100%` : undefined);
  if (ind.status === 'not_applicable')
    return filled ? `${filled.replace(/\s*×\s*100%$/, '')}：分母为0，不计算` : '分母为0，不计算';
  if (ind.value === undefined) return '—';
  if (!ind.formula.includes('÷'))
    return `${ind.numerator ? exact(ind.numerator) : exact(ind.value)} → ${formatPercent(ind.value)}`;
  return `${filled ?? ind.formula} = ${formatPercent(ind.value)}`;
}

/** 正常 / 不适用：… / 无法计算：缺少… */
export function statusText(ind: IndicatorResult): string {
  if (ind.status === 'ok') return ind.basis ? `正常（${ind.basis}）` : '正常';
  if (ind.status === 'not_applicable') return `不适用：${ind.reason ?? '分母为0'}`;
  return `无法计算：${ind.reason ?? (ind.missing?.length ? `缺少${ind.missing.join('、')}` : '输入不全')}`;
}

/** The indicator value as a fraction for a 0.00% cell, or "—". */
export function valueCell(ind: IndicatorResult | undefined, style = CENTER): LayoutCell {
  if (ind?.status === 'ok' && ind.value)
    return num(ind.value.div(100).toNumber(), RATE_FORMAT, { ...style, horizontal: 'right' });
  return text('—', style);
}

/** The scheme items that score an indicator, in scheme order. */
function indicatorItems(ev: Evaluation): { item: SchemeItem; ind: IndicatorResult }[] {
  const out: { item: SchemeItem; ind: IndicatorResult }[] = [];
  const seen = new Set<string>();
  for (const item of ev.scheme.items) {
    if (!item.indicator || seen.has(item.indicator)) continue;
    const ind = ev.indicators[item.indicator];
    if (!ind) continue;
    seen.add(item.indicator);
    out.push({ item, ind });
  }
  return out;
}

export function indicatorSheet(ev: Evaluation, name: string): SheetLayout {
  const rows: (LayoutCell | null)[][] = [];
  const merges: Merge[] = [];
  const heights: Record<number, number> = {};
  const names: NonNullable<SheetLayout['names']> = [markEntry('指标计算')];
  const last = INDICATOR_COLUMNS.length - 1;

  rows.push([text(`${ev.unit}${ev.year}年度部门整体支出绩效指标计算表`, TITLE)]);
  merges.push({ top: 0, left: 0, bottom: 0, right: last });
  heights[0] = 28;
  const basis = ev.indicators['三公经费变动率']?.basis ?? ev.scheme.officialExpensesBasis;
  rows.push([
    text(
      `评分方案：${ev.scheme.name}；三公经费变动率：${basis}；金额单位：万元；比率按未经舍入的输入计算，四舍五入保留两位小数。`,
      SUBTITLE,
    ),
  ]);
  merges.push({ top: 1, left: 0, bottom: 1, right: last });
  rows.push(header([...INDICATOR_COLUMNS]));
  heights[2] = 20;

  for (const { item, ind } of indicatorItems(ev)) {
    const r = rows.length;
    const cells: LayoutCell[] = [
      text(item.level1, CENTER),
      text(item.level2, CENTER),
      text(item.level3, BODY),
      text(ind.formula, BODY),
      text(inputsText(ind), BODY),
      text(computationText(ind), BODY),
      valueCell(ind),
      text(statusText(ind), BODY),
    ];
    rows.push(cells);
    names.push({ name: indicatorName(ind.id), row: r, col: VALUE_COLUMN });
    heights[r] = Math.max(
      ...cells.map((c, i) => (typeof c.value === 'string' ? wrappedHeight(c.value, WIDTHS[i]) : 19)),
    );
  }

  rows.push([]);
  const progressTitle = rows.length;
  rows.push([text('支付进度（按季度）', SECTION), null, null, null, null, null, null, null]);
  merges.push({ top: progressTitle, left: 0, bottom: progressTitle, right: last });
  const progress = ev.indicators['支付进度率'];
  const quarters = progress?.status === 'ok' ? (progress.quarters ?? []) : [];
  if (quarters.length) {
    rows.push(header(['季度', '累计支出（万元）', '支付进度', '序时进度', '是否滞后', '来源']));
    for (const q of quarters) {
      const gap = q.progress.minus(q.target);
      const lag = q.lagging ? `是（低于序时进度${gap.abs().toFixed(2)}个百分点）` : '否';
      rows.push([
        text(QUARTER_WORDS[q.quarter - 1], CENTER),
        num(q.spent.toNumber(), AMOUNT_FORMAT),
        num(q.progress.div(100).toNumber(), RATE_FORMAT),
        num(q.target.div(100).toNumber(), '0%'),
        text(lag, q.lagging ? { ...BODY, color: '#C00000' } : BODY),
        text(q.cell ?? '', BODY),
      ]);
    }
  } else {
    const why =
      progress?.status === 'not_applicable'
        ? `支付进度不适用：${progress.reason ?? '全年预算数为0'}。`
        : '未提供季度累计支出数据，无法分析支付进度。';
    const r = rows.length;
    rows.push([text(why, BODY)]);
    merges.push({ top: r, left: 0, bottom: r, right: last });
  }
  const mismatch = ev.findings.find((f) => f.code === 'payment-progress-mismatch');
  if (mismatch) {
    const r = rows.length;
    rows.push([text(`注：${mismatch.message}。`, { ...SUBTITLE, color: '#C00000' })]);
    merges.push({ top: r, left: 0, bottom: r, right: last });
    heights[r] = wrappedHeight(
      mismatch.message,
      WIDTHS.reduce((a, b) => a + b, 0),
    );
  }

  return {
    name,
    role: '指标计算',
    rows,
    columnWidths: WIDTHS,
    rowHeights: heights,
    merges,
    freezeRows: 3,
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: [2, 2] },
    names,
  };
}
