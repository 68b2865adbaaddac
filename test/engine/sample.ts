/**
 * The sample department of docs/sample.md as validated readings, with fake cells on a
 * 基础数据 sheet (one row per input, in catalogue order), for the engine tests.
 */
import Decimal from 'decimal.js';
import { INPUTS } from '../../src/engine/catalogue';
import type { InputReading, InputsRead } from '../../src/engine/types';
import { SAMPLE_FIGURES } from '../support/sampleDepartment';

export const SAMPLE_VALUES: Record<string, string> = SAMPLE_FIGURES;

/** The cell of an input on the fake 基础数据 sheet: row = catalogue position + 2 (row 1 is the header). */
export function cellOf(name: string): string {
  return `基础数据!B${INPUTS.findIndex((d) => d.name === name) + 2}`;
}

/** Readings from plain values; `undefined` or absent = missing. Texts stay strings, figures become Decimals. */
export function readingsFrom(
  values: Record<string, string | undefined>,
  invalid: Record<string, string> = {},
): InputsRead {
  const readings: Record<string, InputReading> = {};
  for (const def of INPUTS) {
    const v = values[def.name];
    if (invalid[def.name]) {
      readings[def.name] = { input: def.name, status: 'invalid', cell: cellOf(def.name), problem: invalid[def.name] };
    } else if (v === undefined) {
      readings[def.name] = { input: def.name, status: 'missing' };
    } else {
      const value = def.kind === 'text' ? v : new Decimal(v);
      readings[def.name] = { input: def.name, status: 'found', value, cell: cellOf(def.name), via: def.name };
    }
  }
  return { readings, findings: [] };
}

export const sampleRead = (): InputsRead => readingsFrom(SAMPLE_VALUES);
