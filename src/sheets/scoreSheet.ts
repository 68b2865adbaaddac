/**
 * The 评分表 (docs/outputs.md, docs/outputs.md "Official layouts"): laid out to be copied into the official 部门整体支出绩效
 * 自评表: 一级指标 | 二级指标 | 三级指标 | 分值 | 评分标准 | 指标值 | 得分 | 扣分原因…, then 合计 and
 * 评价等级 as live formulas (they follow the clerk's manual scores), then the 预算执行情况 block.
 *
 * Two hidden columns make a re-run keep what the clerk typed: 评分方式 says which 得分 cells are the
 * clerk's (手工), 自动说明 holds the note we generated, so that a note column differing from it is
 * the clerk's own. readManualEntries reads a previous sheet back by those headers, robust to rows
 * the clerk moved.
 */
import Decimal from 'decimal.js';
import { formatPoints } from '../engine/format';
import type { CellValue, Evaluation, ItemScore, ManualEntries } from '../engine/types';
import { cellAddress } from '../engine/a1';
import type { LayoutCell, Merge, SheetLayout } from './layout';
import { markEntry } from './names';
import {
  AMOUNT_FORMAT,
  BODY,
  CENTER,
  EDITABLE,
  NOTE,
  NUMBER,
  RATE_FORMAT,
  SCORE_FORMAT,
  SECTION,
  SUBTITLE,
  TITLE,
  header,
  num,
  text,
  wrappedHeight,
} from './style';
import { valueCell } from './indicatorSheet';
import { cellNumber, cellText } from './cellValue';

export const SCORE_COLUMNS = [
  '一级指标',
  '二级指标',
  '三级指标',
  '分值',
  '评分标准',
  '指标值',
  '得分',
  '扣分原因/偏差原因分析及改进措施',
  '评分方式',
  '自动说明',
] as const;
const WIDTHS = [8, 10, 18, 10, 40, 11, 9, 36, 8, 30];
const COL = {
  level1: 0,
  level2: 1,
  level3: 2,
  weight: 3,
  standard: 4,
  value: 5,
  score: 6,
  note: 7,
  kind: 8,
  auto: 9,
} as const;
const VISIBLE_LAST = COL.note;
/** Rows above the first item: title, subtitle, header. */
export const FIRST_ITEM_ROW = 3;

export type ScoreKind = '计算' | '手工' | '不适用';

function kindOf(s: ItemScore): ScoreKind {
  if (s.excluded || s.indicator?.status === 'not_applicable') return '不适用';
  return s.manual ? '手工' : '计算';
}

/** 财预〔2020〕10号's three bands in points of this item: the help beside a manual 得分. */
export function manualBands(weight: number): string {
  const w = new Decimal(weight);
  const p = (f: number) => formatPoints(w.times(f).toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
  return `人工评分参考：达成 ${p(0.8)}–${p(1)}分；部分达成 ${p(0.6)}–${p(0.8)}分；未达成 0–${p(0.6)}分`;
}

/** The note we write when the clerk has none: why points were lost, or why the item is special. */
export function autoNote(s: ItemScore): string {
  const ind = s.indicator;
  if (ind?.status === 'not_applicable') {
    const why = ind.reason ? `（${ind.reason}）` : '';
    return s.excluded ? `不适用${why}，未纳入评分，合计按其余指标分值折算为百分制` : `不适用${why}，按满分计`;
  }
  if (ind?.status === 'not_computable')
    return `无法计算（${ind.reason ?? `缺少${(ind.missing ?? []).join('、')}`}），请按评分标准人工评分`;
  return s.deduction ?? '';
}

function standardText(s: ItemScore): string {
  const lines = [s.item.standard];
  if (s.indicator?.status === 'not_computable') lines.push(`（该指标无法计算，改为人工评分）`);
  if (s.manual) lines.push(manualBands(s.item.weight));
  return lines.filter((l) => l).join('\n');
}

function valueText(s: ItemScore): LayoutCell {
  if (s.indicator) {
    if (s.indicator.status === 'not_computable') return text('无法计算', CENTER);
    return valueCell(s.indicator);
  }
  return text('定性', CENTER);
}

function scoreCell(s: ItemScore): LayoutCell {
  if (s.excluded) return text('—', CENTER);
  if (s.manual)
    return s.score ? num(s.score.toNumber(), SCORE_FORMAT, EDITABLE) : { format: SCORE_FORMAT, style: EDITABLE };
  return s.score ? num(s.score.toNumber(), SCORE_FORMAT) : { format: SCORE_FORMAT, style: NUMBER };
}

/** Merges of equal consecutive values in a column (一级 / 二级 over their rows). */
function mergeRuns(items: ItemScore[], first: number, col: number, key: (s: ItemScore) => string): Merge[] {
  const out: Merge[] = [];
  let start = 0;
  for (let i = 1; i <= items.length; i++) {
    if (i === items.length || key(items[i]) !== key(items[start])) {
      if (i - 1 > start) out.push({ top: first + start, left: col, bottom: first + i - 1, right: col });
      start = i;
    }
  }
  return out;
}

/**
 * 合计 as Excel computes it from the sheet. Rescale mode: the sum of 得分 × 100 ÷ the 分值 of the rows
 * that are scored (a not-applicable row shows "—" in 得分); full mode: the plain sum. Rounded to 2
 * decimals like the engine's total.
 */
export function totalFormula(ev: Evaluation, firstRow: number, lastRow: number): string {
  const g = `${cellAddress(firstRow, COL.score)}:${cellAddress(lastRow, COL.score)}`;
  const d = `${cellAddress(firstRow, COL.weight)}:${cellAddress(lastRow, COL.weight)}`;
  if (ev.scheme.notApplicable === 'full') return `=ROUND(SUM(${g}),2)`;
  return `=ROUND(SUM(${g})*100/(SUM(${d})-SUMIF(${g},"—",${d})),2)`;
}

/**
 * 评价等级 from the displayed total. The scheme's grade labels are text of the clerk's (or a scheme file's), so they
 * never enter the formula: the bands are written as cells of the hidden columns (lowest first; `table` is their
 * first row) and the formula looks the label up there. MAX keeps a negative total in the lowest band.
 */
export function gradeFormula(ev: Evaluation, totalCell: string, table: number): string {
  const count = ev.scheme.grades.length;
  if (!count) return '=""';
  const mins = `${cellAddress(table, COL.kind)}:${cellAddress(table + count - 1, COL.kind)}`;
  const labels = `${cellAddress(table, COL.auto)}:${cellAddress(table + count - 1, COL.auto)}`;
  const first = cellAddress(table, COL.kind);
  return `=INDEX(${labels},MATCH(MAX(ROUND(${totalCell},2),${first}),${mins},1))`;
}

/** The grade bands as the 评价等级 formula looks them up: [最低分, 评价等级] rows, lowest band first. */
function gradeTable(ev: Evaluation): [LayoutCell, LayoutCell][] {
  return [...ev.scheme.grades]
    .sort((a, b) => a.min - b.min)
    .map((g) => [num(g.min, 'General', BODY), text(g.grade, BODY)]);
}

function gradeBandsText(ev: Evaluation): string {
  const grades = [...ev.scheme.grades].sort((a, b) => b.min - a.min);
  return grades
    .map((g, i) => (i === grades.length - 1 ? `${g.grade}＜${grades[i - 1]?.min ?? ''}` : `${g.grade}≥${g.min}`))
    .join('；');
}

export function scoreSheet(ev: Evaluation, name: string): SheetLayout {
  const rows: (LayoutCell | null)[][] = [];
  const merges: Merge[] = [];
  const heights: Record<number, number> = {};
  const full = (r: number) => merges.push({ top: r, left: 0, bottom: r, right: VISIBLE_LAST });

  rows.push([text(`${ev.unit}${ev.year}年度部门整体支出绩效自评表`, TITLE)]);
  full(0);
  heights[0] = 28;
  const mode =
    ev.scheme.notApplicable === 'full' ? '不适用指标按满分计' : '不适用指标不计分，合计按其余指标分值折算为百分制';
  rows.push([
    text(`评分方案：${ev.scheme.name}；${mode}；黄色单元格为人工评分，可直接填写，合计和评价等级随之更新。`, SUBTITLE),
  ]);
  full(1);
  rows.push(header([...SCORE_COLUMNS]));
  heights[2] = 30;

  const first = FIRST_ITEM_ROW;
  ev.items.forEach((s, i) => {
    const r = first + i;
    const auto = autoNote(s);
    const note = s.note?.trim() ? s.note : auto;
    const cells: (LayoutCell | null)[] = [
      text(s.item.level1, CENTER),
      text(s.item.level2, CENTER),
      text(s.item.level3, BODY),
      num(s.item.weight, 'General', { ...NUMBER, horizontal: 'center' }),
      text(standardText(s), BODY),
      valueText(s),
      scoreCell(s),
      text(note, NOTE),
      text(kindOf(s), CENTER),
      text(auto, BODY),
    ];
    rows.push(cells);
    heights[r] = Math.max(
      19,
      ...[COL.level3, COL.standard, COL.note].map((c) => wrappedHeight(String(cells[c]?.value ?? ''), WIDTHS[c])),
    );
  });
  const last = first + ev.items.length - 1;
  merges.push(...mergeRuns(ev.items, first, COL.level1, (s) => s.item.level1));
  merges.push(...mergeRuns(ev.items, first, COL.level2, (s) => `${s.item.level1}\u0000${s.item.level2}`));
  for (const m of merges.filter((m) => m.top >= first && m.left <= COL.level2)) {
    for (let r = m.top + 1; r <= m.bottom; r++) rows[r][m.left] = null;
  }

  const totalRow = rows.length;
  const totalCell = cellAddress(totalRow, COL.score);
  const g = `${cellAddress(first, COL.score)}:${cellAddress(last, COL.score)}`;
  const open = ev.items.filter((s) => s.manual && !s.score).length;
  const weightSum = ev.scheme.items.reduce((sum, it) => sum.plus(it.weight), new Decimal(0));
  const howTotal =
    ev.scheme.notApplicable === 'full'
      ? '合计＝各项得分之和（不适用项按满分计），四舍五入保留两位小数'
      : '合计＝各项得分之和×100÷纳入评分的分值之和（得分为“—”的不适用项不计），四舍五入保留两位小数';
  rows.push([
    text('合计', { ...CENTER, bold: true }),
    null,
    null,
    {
      formula: `=SUM(${cellAddress(first, COL.weight)}:${cellAddress(last, COL.weight)})`,
      value: weightSum.toNumber(),
      format: 'General',
      style: { ...NUMBER, horizontal: 'center', bold: true },
    },
    text(howTotal, BODY),
    text('', BODY),
    {
      formula: totalFormula(ev, first, last),
      value: ev.total.toNumber(),
      format: SCORE_FORMAT,
      style: { ...NUMBER, bold: true },
    },
    {
      formula: `=IF(COUNTBLANK(${g})>0,"暂定：尚有"&COUNTBLANK(${g})&"项人工评分未填写（黄色单元格），按0分计","")`,
      value: open ? `暂定：尚有${open}项人工评分未填写（黄色单元格），按0分计` : '',
      style: { ...BODY, color: '#C00000' },
    },
  ]);
  merges.push({ top: totalRow, left: 0, bottom: totalRow, right: 2 });
  heights[totalRow] = wrappedHeight(howTotal, WIDTHS[COL.standard]);

  const gradeRow = rows.length;
  rows.push([
    text('评价等级', { ...CENTER, bold: true }),
    null,
    null,
    text('', BODY),
    text(`按合计得分评定：${gradeBandsText(ev)}`, BODY),
    text('', BODY),
    { formula: gradeFormula(ev, totalCell, gradeRow), value: ev.grade, style: { ...CENTER, bold: true } },
    text('', BODY),
  ]);
  merges.push({ top: gradeRow, left: 0, bottom: gradeRow, right: 2 });
  // The lookup table of the 评价等级 formula, in the hidden columns under their headers (see gradeFormula).
  rows[totalRow][COL.kind] = text('等级最低分', BODY);
  rows[totalRow][COL.auto] = text('等级名称', BODY);
  const bands = gradeTable(ev);

  rows.push([]);
  const budgetTitle = rows.length;
  rows.push([text('预算执行情况（万元）', SECTION)]);
  full(budgetTitle);
  const budgetHeader = rows.length;
  rows.push([
    text('项目', { ...SECTION, horizontal: 'center' }),
    null,
    ...header(['年初预算数', '全年预算数', '全年执行数', '执行率', '说明']),
    null,
  ]);
  merges.push({ top: budgetHeader, left: 0, bottom: budgetHeader, right: 1 });
  merges.push({ top: budgetHeader, left: COL.score, bottom: budgetHeader, right: COL.note });
  const budgetRow = rows.length;
  const amount = (input: string): LayoutCell => {
    const r = ev.inputs[input];
    return r?.status === 'found' && Decimal.isDecimal(r.value)
      ? num((r.value as Decimal).toNumber(), AMOUNT_FORMAT)
      : text('—', CENTER);
  };
  const completion = ev.indicators['预算完成率'];
  const budgetCell = cellAddress(budgetRow, COL.weight);
  const spentCell = cellAddress(budgetRow, COL.standard);
  const rateCell: LayoutCell =
    completion?.status === 'ok' && completion.value
      ? {
          formula: `=IF(${budgetCell}=0,"—",ROUND(${spentCell}/${budgetCell},4))`,
          value: completion.value.div(100).toNumber(),
          format: RATE_FORMAT,
          style: NUMBER,
        }
      : text('—', CENTER);
  rows.push([
    text('年度资金总额', CENTER),
    null,
    amount('年初预算数'),
    amount('全年预算数'),
    { ...amount('全年执行数'), style: { ...NUMBER, horizontal: 'right' } },
    rateCell,
    text('执行率＝全年执行数÷全年预算数', BODY),
    null,
  ]);
  merges.push({ top: budgetRow, left: 0, bottom: budgetRow, right: 1 });
  merges.push({ top: budgetRow, left: COL.score, bottom: budgetRow, right: COL.note });
  bands.forEach(([min, label], i) => {
    const row = (rows[gradeRow + i] ??= []);
    while (row.length < COL.kind) row.push(null);
    row[COL.kind] = min;
    row[COL.auto] = label;
  });

  return {
    name,
    role: '评分表',
    rows,
    columnWidths: WIDTHS,
    rowHeights: heights,
    merges,
    freezeRows: 3,
    hiddenColumns: [COL.kind, COL.auto],
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: [2, 2] },
    names: [markEntry('评分表')],
  };
}

// ---------------------------------------------------------------------------------------------
// Reading a previous 评分表 back
// ---------------------------------------------------------------------------------------------

/**
 * The clerk's entries in a previous 评分表, keyed by 三级指标: the 得分 of every 手工 row (numbers or
 * numeric text; an empty cell is no score) and every note that differs from the one we generated.
 * Rows are found by their 三级指标, so moved or re-sorted rows keep their entries.
 */
export function readManualEntries(values: CellValue[][]): ManualEntries {
  const entries: ManualEntries = { scores: {}, notes: {} };
  const headerRow = values.findIndex((row) => row.some((v) => cellText(v) === '三级指标'));
  if (headerRow < 0) return entries;
  const head = values[headerRow].map(cellText);
  const col = {
    level3: head.indexOf('三级指标'),
    score: head.indexOf('得分'),
    note: head.findIndex((h) => h.startsWith('扣分原因')),
    kind: head.indexOf('评分方式'),
    auto: head.indexOf('自动说明'),
  };
  const seen = new Set<string>();
  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    if (row.slice(0, Math.max(3, col.level3 + 1)).some((v) => ['合计', '评价等级'].includes(cellText(v)))) break;
    const level3 = cellText(row[col.level3]);
    if (!level3 || seen.has(level3)) continue;
    seen.add(level3);
    const byHand = col.kind < 0 || cellText(row[col.kind]) === '手工';
    if (byHand && col.score >= 0) {
      const n = cellNumber(row[col.score]);
      if (n !== undefined) entries.scores[level3] = n;
    }
    if (col.note >= 0) {
      const note = cellText(row[col.note]);
      const auto = col.auto >= 0 ? cellText(row[col.auto]) : '';
      if (note && note !== auto) entries.notes[level3] = note;
    }
  }
  return entries;
}
