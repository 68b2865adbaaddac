/**
 * The sample department of sample-department.md as validated readings, with fake cells on a
 * 基础数据 sheet (one row per input, in catalogue order), for the engine tests.
 */
import Decimal from 'decimal.js';
import { INPUTS } from '../../src/engine/catalogue';
import type { InputReading, InputsRead } from '../../src/engine/types';

export const SAMPLE_VALUES: Record<string, string> = {
  单位名称: '忻州市人民政府金融工作办公室',
  评价年度: '2021',
  编制数: '17',
  在职人员数: '15',
  年初预算数: '153.76',
  全年预算数: '174.56',
  全年执行数: '174.56',
  预算调整数: '20.8',
  结转结余总额: '0',
  一季度累计支出: '37.39',
  二季度累计支出: '66.73',
  三季度累计支出: '110.62',
  四季度累计支出: '144.48',
  公用经费预算数: '31.90',
  公用经费支出数: '31.90',
  三公经费预算数: '3',
  三公经费支出数: '0.55',
  上年三公经费支出数: '0.49',
  政府采购预算数: '2.01',
  政府采购金额: '2.01',
  固定资产总额: '85.32',
  在用固定资产总额: '85.32',
  计划工作数: '8',
  实际完成工作数: '8',
  及时完成工作数: '8',
  质量达标工作数: '8',
  重点工作交办数: '12',
  重点工作办结数: '12',
};

/** The cell of an input on the fake 基础数据 sheet: row = catalogue position + 2 (row 1 is the header). */
export function cellOf(name: string): string {
  return `基础数据!B${INPUTS.findIndex((d) => d.name === name) + 2}`;
}

/** Readings from plain values; `undefined` or absent = missing. Texts stay strings, figures become Decimals. */
export function readingsFrom(values: Record<string, string | undefined>, invalid: Record<string, string> = {}): InputsRead {
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
