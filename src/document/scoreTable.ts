/**
 * The attachment 部门整体支出绩效自评表: the 评分表 as the clerk's workbook shows it now, computed from
 * the evaluation (the clerk's manual scores and notes included), never from cached formula results.
 */
import Decimal from 'decimal.js';
import { formatPercent, formatPoints, formatScore } from '../engine/format';
import type { Evaluation, ItemScore } from '../engine/types';
import { autoNote } from '../sheets/scoreSheet';

export const TABLE_COLUMNS = ['一级指标', '二级指标', '三级指标', '分值', '指标值', '得分', '扣分原因'] as const;

export interface ScoreTableRow {
  level1: string;
  level2: string;
  level3: string;
  weight: string;
  value: string;
  /** "4.00"; "—" for an item left out of the total; "" for a manual item not scored yet. */
  score: string;
  note: string;
}

export interface ScoreTable {
  /** 忻州市…2021年度部门整体支出绩效自评表 */
  title: string;
  /** 评分方案 and how the total is computed. */
  subtitle: string;
  rows: ScoreTableRow[];
  weightTotal: string;
  total: string;
  grade: string;
  /** Said under the total while manual items wait for a score. */
  provisionalNote: string;
}

function valueText(s: ItemScore): string {
  const ind = s.indicator;
  if (!ind) return '定性';
  if (ind.status === 'ok' && ind.value) return formatPercent(ind.value);
  return ind.status === 'not_applicable' ? '不适用' : '无法计算';
}

function scoreText(s: ItemScore): string {
  if (s.excluded) return '—';
  return s.score ? formatScore(s.score) : '';
}

export function scoreTable(ev: Evaluation): ScoreTable {
  const rows = ev.items.map((s): ScoreTableRow => ({
    level1: s.item.level1,
    level2: s.item.level2,
    level3: s.item.level3,
    weight: formatPoints(s.item.weight),
    value: valueText(s),
    score: scoreText(s),
    note: s.note?.trim() ? s.note.trim() : autoNote(s),
  }));
  const weights = ev.scheme.items.reduce((sum, it) => sum.plus(it.weight), new Decimal(0));
  const open = ev.items.filter((s) => s.manual && !s.score && !s.excluded).length;
  const mode =
    ev.scheme.notApplicable === 'full' ? '不适用指标按满分计' : '不适用指标不计分，合计按其余指标分值折算为百分制';
  return {
    title: `${ev.unit}${ev.year}年度部门整体支出绩效自评表`,
    subtitle: `评分方案：${ev.scheme.name}；${mode}`,
    rows,
    weightTotal: formatPoints(weights),
    total: formatScore(ev.total),
    grade: ev.grade,
    provisionalNote: open ? `暂定：尚有${open}项人工评分未填写，按0分计。` : '',
  };
}
