/**
 * Display formats of the pane: rates and scores with exactly 2 decimals (the engine has already
 * rounded them once), input values as read (never rounded), "—" where there is no value.
 */
import type Decimal from 'decimal.js';
import type { InputDef, InputReading } from '../engine/types';

export const DASH = '—';
const TEXT_PREVIEW = 24;

export function formatRate(value: Decimal | undefined): string {
  return value === undefined ? DASH : `${value.toFixed(2)}%`;
}

export function formatScore(score: Decimal | null | undefined): string {
  return score === null || score === undefined ? DASH : score.toFixed(2);
}

export function formatInputValue(reading: InputReading | undefined, def: InputDef): string {
  const value = reading?.value;
  if (value === undefined || reading?.status !== 'found') return DASH;
  if (typeof value === 'string') {
    const chars = Array.from(value);
    return chars.length > TEXT_PREVIEW ? `${chars.slice(0, TEXT_PREVIEW).join('')}…` : value;
  }
  const text = value.toString();
  if (!def.unit || def.kind === 'year') return text;
  return def.unit === '%' ? `${text}%` : `${text} ${def.unit}`;
}
