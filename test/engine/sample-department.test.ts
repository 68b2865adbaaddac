/**
 * Golden test: the sample department of docs/sample.md (忻州市人民政府金融工作办公室, 2021),
 * evaluated with the default scheme 通用. Every expected value is worked out by hand in a comment.
 */
import Decimal from 'decimal.js';
import { evaluate, getPreset, toEvaluationJson } from '../../src/engine';
import type { Evaluation } from '../../src/engine/types';
import { cellOf, sampleRead } from './sample';

let ev: Evaluation;
beforeAll(() => {
  ev = evaluate(sampleRead(), { scheme: getPreset('通用')! });
});

const value = (id: string) => ev.indicators[id].value?.toFixed(2);
const score = (level3: string) => {
  const s = ev.items.find((i) => i.item.level3 === level3)!;
  return s.score === null ? null : s.score.toFixed(2);
};

describe('indicator values (docs/sample.md "Correct values")', () => {
  test.each([
    // 15 / 17 = 0.882352… → 88.2352…% → 88.24 (the published 88.23 truncated)
    ['在职人员控制率', '88.24'],
    // (0.55 − 0.49) / 0.49 = 0.06 / 0.49 = 0.122448… → 12.24
    ['三公经费变动率', '12.24'],
    // 174.56 / 174.56 = 1 → 100.00
    ['预算完成率', '100.00'],
    // 20.8 / 174.56 = 0.119156… → 11.92
    ['预算调整率', '11.92'],
    // Q4: 144.48 / 174.56 = 0.827681… → 82.77 (the indicator value is the latest quarter)
    ['支付进度率', '82.77'],
    // 0 / 174.56 = 0 → 0.00
    ['结转结余率', '0.00'],
    // 31.90 / 31.90 → 100.00
    ['公用经费控制率', '100.00'],
    // 0.55 / 3 = 0.183333… → 18.33
    ['三公经费控制率', '18.33'],
    // 2.01 / 2.01, 85.32 / 85.32, 8 / 8, 8 / 8, 8 / 8, 12 / 12 → 100.00 each
    ['政府采购执行率', '100.00'],
    ['固定资产利用率', '100.00'],
    ['实际完成率', '100.00'],
    ['完成及时率', '100.00'],
    ['质量达标率', '100.00'],
    ['重点工作办结率', '100.00'],
  ])('%s = %s', (id, expected) => {
    expect(ev.indicators[id].status).toBe('ok');
    expect(value(id)).toBe(expected);
  });

  test('quarterly payment progress 21.42 / 38.23 / 63.37 / 82.77, all behind 25 / 50 / 75 / 100', () => {
    // 37.39 / 174.56 = 0.214196… → 21.42; 66.73 / 174.56 = 0.382275… → 38.23;
    // 110.62 / 174.56 = 0.633707… → 63.37; 144.48 / 174.56 = 0.827681… → 82.77
    const q = ev.indicators['支付进度率'].quarters!;
    expect(q.map((r) => r.progress.toFixed(2))).toEqual(['21.42', '38.23', '63.37', '82.77']);
    expect(q.map((r) => r.target.toNumber())).toEqual([25, 50, 75, 100]);
    expect(q.every((r) => r.lagging)).toBe(true);
    expect(q.map((r) => r.cell)).toEqual(
      ['一季度累计支出', '二季度累计支出', '三季度累计支出', '四季度累计支出'].map(cellOf),
    );
  });

  test('the trace of 在职人员控制率: formula, inputs with cells, numerator, denominator, exact, value', () => {
    const r = ev.indicators['在职人员控制率'];
    expect(r.formula).toBe('在职人员数 ÷ 编制数 × 100%');
    expect(r.inputs).toEqual([
      { input: '在职人员数', value: new Decimal(15), cell: cellOf('在职人员数') },
      { input: '编制数', value: new Decimal(17), cell: cellOf('编制数') },
    ]);
    expect(r.numerator!.toString()).toBe('15');
    expect(r.denominator!.toString()).toBe('17');
    expect(r.exact!.toFixed(6)).toBe('88.235294');
  });

  test('三公经费变动率 states its basis (决算口径 by default)', () => {
    expect(ev.indicators['三公经费变动率'].basis).toBe('决算口径');
  });

  test('inputs the sample does not give make their indicators not computable, naming them', () => {
    expect(ev.indicators['重点支出安排率']).toMatchObject({
      status: 'not_computable',
      missing: ['重点项目支出', '项目支出总额'],
    });
    expect(ev.indicators['结转结余变动率']).toMatchObject({ status: 'not_computable', missing: ['上年结转结余总额'] });
    expect(ev.indicators['满意度']).toMatchObject({ status: 'not_computable', missing: ['满意度'] });
  });
});

describe('scores under 通用', () => {
  test.each([
    // ceiling 100%, 0.4 per point: 88.24 ≤ 100 → full 4
    ['在职人员控制率', '4.00'],
    // ceiling 0%, 0.4 per point: 12.24 > 0 → 4 − 12.24 × 0.4 = 4 − 4.896 = −0.896 → 扣完为止 → 0
    ['三公经费变动率', '0.00'],
    // proportional: 4 × min(100.00 / 100, 1) = 4
    ['预算完成率', '4.00'],
    // bands: 11.92 ∈ (10, 20] → 1
    ['预算调整率', '1.00'],
    // quarterly: 3 × mean(21.42/25, 38.23/50, 63.37/75, 82.77/100)
    //   = 3 × (0.8568 + 0.7646 + 0.844933… + 0.8277) / 4 = 3 × 3.294033… / 4 = 2.470525 → 2.47
    ['支付进度率', '2.47'],
    // bands: 0.00 = 0 → 3
    ['结转结余率', '3.00'],
    // ceiling 100%: 100.00 ≤ 100 → 3; 18.33 ≤ 100 → 4
    ['公用经费控制率', '3.00'],
    ['三公经费控制率', '4.00'],
    // proportional at 100% → full marks
    ['政府采购执行率', '4.00'],
    ['固定资产利用率', '2.00'],
    ['实际完成率', '3.00'],
    ['完成及时率', '3.00'],
    ['质量达标率', '8.00'],
    ['重点工作办结率', '6.00'],
  ])('%s scores %s', (level3, expected) => {
    expect(score(level3)).toBe(expected);
  });

  test('the 三公 deduction says why, in report wording', () => {
    const s = ev.items.find((i) => i.item.level3 === '三公经费变动率')!;
    expect(s.deduction).toBe('三公经费较上年增长12.24%，超过0%，每1个百分点扣0.4分，扣完为止');
  });

  test('not-computable items turn into manual items (unscored until the clerk scores them)', () => {
    for (const level3 of ['重点支出安排率', '结转结余变动率', '社会公众或服务对象满意度']) {
      const s = ev.items.find((i) => i.item.level3 === level3)!;
      expect(s.manual).toBe(true);
      expect(s.score).toBeNull();
    }
  });

  test('total = sum of the quantitative scores, provisional, grade 差', () => {
    // 4 + 0 + 4 + 1 + 2.47 + 3 + 3 + 4 + 4 + 2 + 3 + 3 + 8 + 6 = 47.47; the 14 manual items count 0
    // (no item is not applicable, so nothing is rescaled); 47.47 < 60 → 差
    expect(ev.total.toFixed(2)).toBe('47.47');
    expect(ev.provisional).toBe(true);
    expect(ev.grade).toBe('差');
    expect(ev.blocked).toBe(false);
  });

  test('with every manual item scored by the clerk the total is final', () => {
    // The clerk gives 4 + 4 (目标设定) + 3.5 (重点支出安排率, by hand) + 2 (结转结余变动率) + 2 × 6 (管理) +
    // 4 × 3 (效益) + 4.5 (满意度) = 8 + 3.5 + 2 + 12 + 12 + 4.5 = 42; total 47.47 + 42 = 89.47 → 良
    const scores: Record<string, number> = {
      绩效目标合理性: 4,
      绩效指标明确性: 4,
      重点支出安排率: 3.5,
      结转结余变动率: 2,
      管理制度健全性: 2,
      资金使用合规性: 2,
      预决算信息公开性: 2,
      基础信息完善性: 2,
      资产管理制度健全性: 2,
      资产管理安全性: 2,
      经济效益: 4,
      社会效益: 4,
      生态效益: 4,
      社会公众或服务对象满意度: 4.5,
    };
    const scored = evaluate(sampleRead(), {
      scheme: getPreset('通用')!,
      manual: { scores, notes: { 经济效益: '服务企业融资' } },
    });
    expect(scored.total.toFixed(2)).toBe('89.47');
    expect(scored.provisional).toBe(false);
    expect(scored.grade).toBe('良');
    expect(scored.items.find((i) => i.item.level3 === '经济效益')!.note).toBe('服务企业融资');
    expect(scored.findings.map((f) => f.code)).not.toContain('manual-scores-missing');
  });
});

describe('findings of the sample', () => {
  const codes = () => ev.findings.map((f) => f.code);

  test('payment-progress-mismatch names both figures, their cells and the gap', () => {
    // 174.56 − 144.48 = 30.08
    const f = ev.findings.find((x) => x.code === 'payment-progress-mismatch')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toBe(
      `四季度累计支出144.48万元（${cellOf('四季度累计支出')}）与全年执行数174.56万元（${cellOf('全年执行数')}）不一致，相差30.08万元`,
    );
    expect(f.cells).toEqual([cellOf('四季度累计支出'), cellOf('全年执行数')]);
    expect(f.problem).toBeTruthy();
    expect(f.measure).toBeTruthy();
  });

  test('payment-progress-lag lists every quarter behind its 序时进度', () => {
    const f = ev.findings.find((x) => x.code === 'payment-progress-lag')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('一季度21.42%（序时进度25%）');
    expect(f.message).toContain('四季度82.77%（序时进度100%）');
  });

  test('sangong-increase says it rose, by how much, and never praises it', () => {
    const f = ev.findings.find((x) => x.code === 'sangong-increase')!;
    expect(f.severity).toBe('warning');
    // 0.55 − 0.49 = 0.06
    expect(f.message).toContain('增加0.06万元，增长12.24%（决算口径）');
    expect(f.problem).toContain('增长12.24%');
    expect(f.measure).toMatch(/^从严审批"三公"经费支出/);
    expect(`${f.message}${f.problem}${f.measure}`).not.toMatch(/控制较好|成果较好/);
  });

  test('budget-adjustment is a warning because 11.92% > 10%', () => {
    const f = ev.findings.find((x) => x.code === 'budget-adjustment')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('11.92%');
  });

  test('manual-scores-missing lists the unscored items and the missing inputs', () => {
    const f = ev.findings.find((x) => x.code === 'manual-scores-missing')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('绩效目标合理性（4分）');
    expect(f.message).toContain('结转结余变动率（2分，缺少上年结转结余总额）');
    expect(f.inputs).toEqual(['重点项目支出', '项目支出总额', '上年结转结余总额', '满意度']);
  });

  test('no finding the figures do not support', () => {
    for (const code of [
      'over-establishment',
      'sangong-over-budget',
      'budget-underexecution',
      'execution-exceeds-budget',
      'carryover',
      'public-funds-over',
      'procurement-deviation',
      'idle-assets',
      'tasks-incomplete',
      'part-exceeds-total',
      'scheme-invalid',
    ])
      expect(codes()).not.toContain(code);
  });

  test('errors first, then warnings, then information', () => {
    const order = { error: 0, warning: 1, info: 2 };
    const ranks = ev.findings.map((f) => order[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});

describe('evaluate --json', () => {
  test('matches docs/outputs.md: 2-decimal value strings, numerator/denominator, weight, score', () => {
    const json = toEvaluationJson(ev);
    expect(json.单位名称).toBe('忻州市人民政府金融工作办公室');
    expect(json.评价年度).toBe(2021);
    expect(json.indicators['在职人员控制率']).toMatchObject({
      status: 'ok',
      value: '88.24',
      numerator: '15',
      denominator: '17',
      weight: '4',
      score: '4.00',
    });
    expect(json.indicators['三公经费变动率']).toMatchObject({ value: '12.24', basis: '决算口径', score: '0.00' });
    expect(json.indicators['结转结余变动率']).toMatchObject({
      status: 'not_computable',
      missing: ['上年结转结余总额'],
      weight: '2',
      score: null,
    });
    expect(json.indicators['支付进度率'].quarters!.map((q) => q.progress)).toEqual([
      '21.42',
      '38.23',
      '63.37',
      '82.77',
    ]);
    // Qualitative items are not indicators: they are rows of `items`, scored by the clerk.
    expect(json.indicators['绩效目标合理性']).toBeUndefined();
    expect(json.items.find((i) => i.level3 === '绩效目标合理性')).toMatchObject({
      status: 'manual',
      weight: '4',
      score: null,
      manual: true,
    });
    expect(new Set(Object.values(json.indicators).map((i) => i.status))).toEqual(new Set(['ok', 'not_computable']));
    expect(json.total).toBe('47.47');
    expect(json.provisional).toBe(true);
    expect(json.grade).toBe('差');
    expect(json.findings.find((f) => f.code === 'payment-progress-mismatch')!.cells).toEqual([
      cellOf('四季度累计支出'),
      cellOf('全年执行数'),
    ]);
  });

  test('every indicator of the scheme and every item appears', () => {
    const json = toEvaluationJson(ev);
    const scheme = getPreset('通用')!;
    for (const item of scheme.items) if (item.indicator) expect(json.indicators[item.indicator]).toBeDefined();
    expect(json.items.map((i) => i.level3)).toEqual(scheme.items.map((i) => i.level3));
    // 通用 scores all 17 indicators (满意度 as 社会公众或服务对象满意度) and has 11 manual items: 28 rows
    expect(Object.keys(json.indicators)).toHaveLength(17);
    expect(json.items).toHaveLength(17 + 11);
  });
});
