/** Generated departments for the benchmark: plausible random figures as validated readings. */
import Decimal from 'decimal.js';
import { INPUTS } from '../src/engine/catalogue';
import type { InputReading, InputsRead } from '../src/engine/types';

/** A small deterministic PRNG (mulberry32) so every bench run evaluates the same departments. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateDepartment(random: () => number, index: number): InputsRead {
  const amount = (max: number) => new Decimal(Math.round(random() * max * 100)).div(100);
  const int = (max: number) => new Decimal(Math.floor(random() * max));
  const budget = amount(5000).plus(10);
  const executed = budget.times(0.8 + random() * 0.25).toDecimalPlaces(2);
  const posts = int(80).plus(5);
  const planned = int(40).plus(1);
  const values: Record<string, Decimal | string> = {
    单位名称: `测试单位${index}`,
    评价年度: new Decimal(2021),
    编制数: posts,
    在职人员数: posts.minus(int(6)).plus(int(3)),
    年初预算数: budget.times(0.9).toDecimalPlaces(2),
    全年预算数: budget,
    全年执行数: executed,
    预算调整数: budget.times(random() * 0.2).toDecimalPlaces(2),
    结转结余总额: budget.minus(executed).abs(),
    上年结转结余总额: amount(200),
    一季度累计支出: executed.times(0.2).toDecimalPlaces(2),
    二季度累计支出: executed.times(0.45).toDecimalPlaces(2),
    三季度累计支出: executed.times(0.7).toDecimalPlaces(2),
    四季度累计支出: executed,
    重点项目支出: amount(800),
    项目支出总额: amount(800).plus(800),
    公用经费预算数: amount(300).plus(1),
    公用经费支出数: amount(300),
    三公经费预算数: amount(20).plus(1),
    三公经费支出数: amount(20),
    上年三公经费支出数: amount(20),
    政府采购预算数: amount(100).plus(1),
    政府采购金额: amount(100),
    固定资产总额: amount(1000).plus(100),
    在用固定资产总额: amount(100),
    计划工作数: planned,
    实际完成工作数: planned.minus(int(2)).abs(),
    及时完成工作数: planned.minus(int(3)).abs(),
    质量达标工作数: planned.minus(int(2)).abs(),
    重点工作交办数: int(10).plus(1),
    重点工作办结数: int(10),
    满意度: new Decimal(Math.round(8000 + random() * 2000)).div(100),
  };
  const readings: Record<string, InputReading> = {};
  INPUTS.forEach((def, row) => {
    const value = values[def.name];
    readings[def.name] =
      value === undefined
        ? { input: def.name, status: 'missing' }
        : { input: def.name, status: 'found', value, cell: `基础数据!C${row + 4}`, via: def.name };
  });
  return { readings, findings: [] };
}
