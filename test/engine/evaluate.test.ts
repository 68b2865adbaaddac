/** evaluate and its JSON beyond the sample: robustness, determinism, the shape of docs/outputs.md. */
import { evaluate, getPreset, INDICATORS, toEvaluationJson } from '../../src/engine';
import type { Finding, Scheme } from '../../src/engine/types';
import { SAMPLE_VALUES, readingsFrom, sampleRead } from './sample';

test('a malformed scheme does not throw: the evaluation is blocked, lists the rows, and still has its indicators', () => {
  const scheme = {
    name: '坏方案',
    items: [
      null,
      { level1: '投入', level2: '预算配置', level3: '在职人员控制率', weight: 'x', indicator: '在职人员控制率' },
    ],
    grades: [],
    notApplicable: 'rescale',
    officialExpensesBasis: '决算口径',
  } as unknown as Scheme;
  const ev = evaluate(sampleRead(), { scheme });
  expect(ev.blocked).toBe(true);
  const messages = ev.findings.filter((f) => f.code === 'scheme-invalid').map((f) => f.message);
  expect(messages).toContain('评分方案"坏方案"第1行：格式不正确');
  expect(messages).toContain('评分方案"坏方案"第2行（三级指标"在职人员控制率"）：分值不是数字');
  expect(messages).toContain('评分方案"坏方案"：没有评价等级');
  expect(ev.indicators['在职人员控制率'].value!.toFixed(2)).toBe('88.24');
  const json = toEvaluationJson(ev);
  expect(json.blocked).toBe(true);
  expect(json.items[0].weight).toBeNull();
  expect(JSON.stringify(json)).not.toMatch(/NaN|undefined/);
});

test('reading errors block; the scheme is validated once, so its findings are not repeated', () => {
  const readError: Finding = {
    code: 'invalid-input',
    severity: 'error',
    message: '全年预算数（基础数据!B7）的值"待定"不是数字',
    inputs: ['全年预算数'],
    cells: ['基础数据!B7'],
  };
  const scheme = getPreset('通用')!;
  scheme.items.find((i) => i.level3 === '预算完成率')!.rule = { kind: 'proportional', target: 95 };
  const read = { ...readingsFrom(SAMPLE_VALUES), findings: [readError] };
  const ev = evaluate(read, { scheme });
  expect(ev.blocked).toBe(true);
  expect(ev.findings[0]).toBe(readError);
  expect(ev.findings.filter((f) => f.code === 'scheme-low-target')).toHaveLength(1);
});

test('the JSON lists every indicator of a preset that scores fewer of them, with weight null for the others', () => {
  const json = toEvaluationJson(evaluate(sampleRead(), { scheme: getPreset('湖南')! }));
  for (const def of INDICATORS) expect(json.indicators[def.id]).toBeDefined();
  // 湖南 does not score 结转结余变动率
  expect(json.indicators['结转结余变动率']).toMatchObject({ status: 'not_computable', weight: null, score: null });
  // 财政供养人员控制率 is 湖南's name for 在职人员控制率: 88.24 ≤ 100 → 8
  expect(json.indicators['在职人员控制率']).toMatchObject({ item: '财政供养人员控制率', weight: '8', score: '8.00' });
  // "三公经费"变动率: 8 − 12.24 × 0.8 = 8 − 9.792 < 0 → 0
  expect(json.indicators['三公经费变动率'].score).toBe('0.00');
  // 预算完成率 100% → 8; 预算调整率 11.92 ∈ (10, 20] → 4
  expect(json.indicators['预算完成率'].score).toBe('8.00');
  expect(json.indicators['预算调整率'].score).toBe('4.00');
});

test('a not-applicable indicator in the JSON: reason, no value, score null when left out', () => {
  const ev = evaluate(readingsFrom({ ...SAMPLE_VALUES, 上年三公经费支出数: '0' }), { scheme: getPreset('通用')! });
  const json = toEvaluationJson(ev);
  expect(json.notApplicable).toBe('rescale');
  expect(json.indicators['三公经费变动率']).toEqual({
    status: 'not_applicable',
    numerator: '0.55',
    denominator: '0',
    reason: '上年三公经费支出数为0，本年新增0.55万元',
    basis: '决算口径',
    weight: '4',
    score: null,
    manual: false,
    excluded: true,
  });
});

test('evaluating the same inputs twice gives the same JSON', () => {
  const a = JSON.stringify(toEvaluationJson(evaluate(sampleRead(), { scheme: getPreset('通用')! })));
  const b = JSON.stringify(toEvaluationJson(evaluate(sampleRead(), { scheme: getPreset('通用')! })));
  expect(a).toBe(b);
});

test('unit, year and narrative texts are carried over', () => {
  const ev = evaluate(readingsFrom({ ...SAMPLE_VALUES, 单位概况: '市政府金融办', 绩效目标: '  ' }), {
    scheme: getPreset('通用')!,
  });
  expect(ev.unit).toBe('忻州市人民政府金融工作办公室');
  expect(ev.year).toBe(2021);
  expect(ev.texts['单位概况']).toBe('市政府金融办');
  expect(ev.texts['绩效目标']).toBeUndefined();
  expect(ev.findings.some((f) => f.code === 'missing-text' && f.inputs[0] === '绩效目标')).toBe(true);
});

test('findings and item scores are plain data: they spread, serialise and compare as they are', () => {
  const ev = evaluate(sampleRead(), { scheme: getPreset('通用')! });
  const f = ev.findings.find((x) => x.code === 'sangong-increase')!;
  expect({ ...f }).toEqual(f);
  expect(JSON.parse(JSON.stringify(f))).toEqual(f);
  expect(Object.values(Object.getOwnPropertyDescriptors(f)).every((d) => 'value' in d)).toBe(true);
  const item = ev.items.find((i) => i.item.level3 === '三公经费变动率')!;
  expect(Object.values(Object.getOwnPropertyDescriptors(item)).every((d) => 'value' in d)).toBe(true);
  expect(item.deduction).toBe('三公经费较上年增长12.24%，超过0%，每1个百分点扣0.4分，扣完为止');
  expect(ev.items.find((i) => i.item.level3 === '在职人员控制率')!.deduction).toBeUndefined();
});
