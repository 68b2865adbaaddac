/** The rows of the indicator table and the manual items still waiting for the clerk's score. */
import type { Evaluation, IndicatorStatus } from '../../../engine/types';
import { formatRate, formatScore } from '../../format';

export interface ScoreRow {
  key: string;
  /** The indicator id, or the 三级指标 of a manual item. */
  name: string;
  value: string;
  status: IndicatorStatus | 'manual';
  /** 2 decimals, or null for a manual item not scored yet. */
  score: string | null;
  weight: number;
  excluded: boolean;
  /** Not applicable / not computable: why. */
  reason?: string;
}

export function scoreRows(evaluation: Evaluation): ScoreRow[] {
  return evaluation.items.map((entry, i) => {
    const indicator = entry.indicator;
    const reason =
      indicator?.reason ??
      (indicator?.missing && indicator.missing.length > 0 ? indicator.missing.join('、') : undefined);
    return {
      key: `${i}-${entry.item.level3}`,
      name: entry.item.indicator ?? entry.item.level3,
      value: indicator?.status === 'ok' ? formatRate(indicator.value) : formatRate(undefined),
      status: indicator ? indicator.status : 'manual',
      score: entry.score === null ? null : formatScore(entry.score),
      weight: entry.item.weight,
      excluded: entry.excluded,
      reason,
    };
  });
}

export function pendingManualItems(evaluation: Evaluation): string[] {
  return evaluation.items.filter((entry) => entry.manual && entry.score === null).map((entry) => entry.item.level3);
}
