/** Every finding code of docs/indicators.md, raised when the figures call for it and only then. */
import { evaluate } from '../../src/engine/evaluate';
import { getPreset } from '../../src/engine/schemes';
import type { Finding, InputsRead, ManualEntries, Scheme } from '../../src/engine/types';
import { FINDING_CODES, type FindingCode } from '../../src/engine/findingCodes';
import { FINDING_RULES } from '../../src/engine/findings';
import { INPUTS, isInputName, type InputName } from '../../src/engine/catalogue';
import { SAMPLE_VALUES, cellOf, readingsFrom } from './sample';

/** The sample with its defects repaired: quarters on schedule, Q4 = 执行数, 三公 down, no adjustment. */
const CLEAN: Record<string, string> = {
  ...SAMPLE_VALUES,
  一季度累计支出: '43.64', // 43.64 / 174.56 = 25.00%
  二季度累计支出: '87.28', // 50.00%
  三季度累计支出: '130.92', // 75.00%
  四季度累计支出: '174.56', // 100.00%
  上年三公经费支出数: '0.6',
  预算调整数: '0',
};

function run(
  values: Record<string, string | undefined>,
  options: { scheme?: Scheme; manual?: ManualEntries; read?: Partial<InputsRead> } = {},
) {
  const read = readingsFrom({ ...CLEAN, ...values });
  return evaluate(
    { ...read, ...options.read },
    { scheme: options.scheme ?? getPreset('通用')!, manual: options.manual },
  );
}
const findings = (ev: ReturnType<typeof run>, code: string): Finding[] => ev.findings.filter((f) => f.code === code);
const one = (ev: ReturnType<typeof run>, code: string): Finding => {
  const list = findings(ev, code);
  expect(list).toHaveLength(1);
  return list[0];
};

const FIGURE_CODES = [
  'over-establishment',
  'sangong-increase',
  'sangong-over-budget',
  'budget-underexecution',
  'execution-exceeds-budget',
  'budget-adjustment',
  'payment-progress-lag',
  'payment-progress-mismatch',
  'carryover',
  'public-funds-over',
  'procurement-deviation',
  'idle-assets',
  'tasks-incomplete',
  'part-exceeds-total',
];

test('a clean department raises no finding about its figures', () => {
  const ev = run({});
  const codes = ev.findings.map((f) => f.code);
  for (const code of FIGURE_CODES) expect(codes).not.toContain(code);
  expect(ev.blocked).toBe(false);
});

test('over-establishment: 18 in post, 17 posts → 18 / 17 = 105.88%', () => {
  const f = one(run({ 在职人员数: '18' }), 'over-establishment');
  expect(f.severity).toBe('warning');
  expect(f.message).toBe(
    `在职人员数18人（${cellOf('在职人员数')}）超过编制数17人（${cellOf('编制数')}），超编1人，在职人员控制率105.88%`,
  );
  expect(f.problem).toBe('在职人员超编1人，在职人员控制率105.88%，超出5.88个百分点');
  expect(f.measure).toBeTruthy();
  expect(findings(run({ 在职人员数: '17' }), 'over-establishment')).toHaveLength(0);
});

describe('sangong-increase', () => {
  test('not raised for a fall or no change', () => {
    expect(findings(run({ 上年三公经费支出数: '0.55' }), 'sangong-increase')).toHaveLength(0);
    expect(findings(run({ 上年三公经费支出数: '0.6' }), 'sangong-increase')).toHaveLength(0);
  });

  test('from nothing: 新增, no percentage', () => {
    const f = one(run({ 上年三公经费支出数: '0' }), 'sangong-increase');
    expect(f.problem).toBe('上年无"三公"经费支出，本年新增0.55万元');
    expect(f.message).not.toContain('%');
  });

  test('预算口径 follows the budgets: 3 against 2.5 last year → +0.5万元, +20.00%', () => {
    const scheme = { ...getPreset('通用')!, officialExpensesBasis: '预算口径' as const };
    const f = one(run({ 上年三公经费预算数: '2.5' }, { scheme }), 'sangong-increase');
    expect(f.message).toBe(
      `三公经费预算数3.00万元（${cellOf('三公经费预算数')}）比上年三公经费预算数2.50万元（${cellOf('上年三公经费预算数')}）增加0.50万元，增长20.00%（预算口径）`,
    );
    // budgets fell, spending rose: nothing to report on 预算口径
    expect(
      findings(run({ 上年三公经费预算数: '4', 上年三公经费支出数: '0.1' }, { scheme }), 'sangong-increase'),
    ).toHaveLength(0);
  });
});

test('sangong-over-budget: 3.5 spent of 3 → 116.67%', () => {
  const f = one(run({ 三公经费支出数: '3.5' }), 'sangong-over-budget');
  expect(f.message).toContain('超支0.50万元，三公经费控制率116.67%');
  expect(findings(run({ 三公经费支出数: '3' }), 'sangong-over-budget')).toHaveLength(0);
});

test('budget-underexecution and execution-exceeds-budget', () => {
  // 170 / 174.56 = 97.3877… → 97.39%; 未执行 4.56
  const under = one(run({ 全年执行数: '170', 四季度累计支出: '170' }), 'budget-underexecution');
  expect(under.message).toContain('未执行4.56万元，预算完成率97.39%');
  expect(findings(run({ 全年执行数: '170', 四季度累计支出: '170' }), 'execution-exceeds-budget')).toHaveLength(0);
  const over = one(run({ 全年执行数: '180', 四季度累计支出: '180' }), 'execution-exceeds-budget');
  expect(over.message).toContain('超出5.44万元');
  expect(findings(run({ 全年执行数: '180', 四季度累计支出: '180' }), 'budget-underexecution')).toHaveLength(0);
});

describe('budget-adjustment: information up to 10%, a warning above', () => {
  test.each([
    ['10', 'info'], // 10 / 174.56 = 5.73%
    ['17.456', 'info'], // exactly 10.00%
    ['17.4561', 'info'], // 10.0000573…% displays 10.00: the displayed rate decides
    ['17.47', 'warning'], // 10.0080…% → 10.01
    ['20.8', 'warning'], // 11.92%
  ])('预算调整数 %s → %s', (adjust, severity) => {
    expect(one(run({ 预算调整数: adjust }), 'budget-adjustment').severity).toBe(severity);
  });
  test('none without an adjustment', () => {
    expect(findings(run({ 预算调整数: '0' }), 'budget-adjustment')).toHaveLength(0);
    expect(findings(run({ 预算调整数: undefined }), 'budget-adjustment')).toHaveLength(0);
  });
});

test('payment-progress-lag names only the quarters behind', () => {
  // 40 / 174.56 = 22.9148… → 22.91% < 25
  const f = one(run({ 一季度累计支出: '40' }), 'payment-progress-lag');
  expect(f.message).toBe('支付进度低于序时进度：一季度22.91%（序时进度25%）');
  expect(f.problem).toBe('支出进度不均衡，一季度累计支付进度低于序时进度');
  expect(f.cells).toEqual([cellOf('一季度累计支出'), cellOf('全年预算数')]);
});

test('payment-progress-mismatch only when 四季度累计支出 ≠ 全年执行数', () => {
  const f = one(run({ 四季度累计支出: '170' }), 'payment-progress-mismatch');
  expect(f.message).toBe(
    `四季度累计支出170.00万元（${cellOf('四季度累计支出')}）与全年执行数174.56万元（${cellOf('全年执行数')}）不一致，相差4.56万元`,
  );
  expect(findings(run({ 四季度累计支出: undefined }), 'payment-progress-mismatch')).toHaveLength(0);
});

test('carryover: 5万元 left, 5 / 174.56 = 2.86%; compared with last year when given', () => {
  const f = one(run({ 结转结余总额: '5', 上年结转结余总额: '3' }), 'carryover');
  expect(f.message).toBe(
    `年末结转结余总额5.00万元（${cellOf('结转结余总额')}），结转结余率2.86%，比上年3.00万元（${cellOf('上年结转结余总额')}）增加2.00万元`,
  );
  expect(f.problem).toBe('年末形成结转结余5万元，比上年增加2万元，资金使用效益有待提高');
});

test('public-funds-over: 33 spent of 31.90', () => {
  expect(one(run({ 公用经费支出数: '33' }), 'public-funds-over').message).toContain('超支1.10万元');
  expect(findings(run({ 公用经费支出数: '30' }), 'public-funds-over')).toHaveLength(0);
});

test('procurement-deviation: below, above, and without a budget', () => {
  // 1.5 / 2.01 = 74.626… → 74.63%
  expect(one(run({ 政府采购金额: '1.5' }), 'procurement-deviation').message).toContain('低于政府采购预算数2.01万元（');
  expect(one(run({ 政府采购金额: '1.5' }), 'procurement-deviation').message).toContain('政府采购执行率74.63%');
  expect(one(run({ 政府采购金额: '2.5' }), 'procurement-deviation').problem).toContain('超计划采购0.49万元');
  expect(one(run({ 政府采购预算数: '0', 政府采购金额: '1' }), 'procurement-deviation').problem).toBe(
    '未编制政府采购预算，实际采购1万元',
  );
});

test('idle-assets: 80 of 85.32 in use → 5.32万元 idle, 93.76%', () => {
  // 80 / 85.32 = 0.937646… → 93.76%
  expect(one(run({ 在用固定资产总额: '80' }), 'idle-assets').problem).toBe(
    '存在闲置资产5.32万元，固定资产利用率93.76%',
  );
});

test('tasks-incomplete lists each output rate below 100%', () => {
  const f = one(run({ 实际完成工作数: '7', 重点工作办结数: '11' }), 'tasks-incomplete');
  // 7 / 8 = 87.50%; 11 / 12 = 91.666… → 91.67%
  expect(f.problem).toBe('部分工作任务未按计划完成：实际完成率87.50%、重点工作办结率91.67%');
  expect(f.inputs).toEqual(['实际完成工作数', '计划工作数', '重点工作办结数', '重点工作交办数']);
});

describe('part-exceeds-total is an error that blocks', () => {
  test.each([
    ['三公经费支出数', '200', '全年执行数'],
    ['公用经费支出数', '180', '全年执行数'],
    ['在用固定资产总额', '90', '固定资产总额'],
    ['实际完成工作数', '9', '计划工作数'],
    ['质量达标工作数', '9', '计划工作数'],
    ['重点工作办结数', '13', '重点工作交办数'],
  ])('%s = %s exceeds %s', (part, value, whole) => {
    const ev = run({ [part]: value });
    const f = findings(ev, 'part-exceeds-total').find((x) => x.inputs[0] === part)!;
    expect(f.severity).toBe('error');
    expect(f.inputs).toEqual([part, whole]);
    expect(f.cells).toEqual([cellOf(part), cellOf(whole)]);
    expect(f.message).toContain(`${part}`);
    expect(ev.blocked).toBe(true);
    expect(ev.findings[0].severity).toBe('error');
  });
});

test('number-as-text and other reading findings pass through', () => {
  const read: Finding = {
    code: 'number-as-text',
    severity: 'info',
    message: '编制数（基础数据!B4）是文本"17"，已按数字17读取',
    inputs: ['编制数'],
    cells: ['基础数据!B4'],
  };
  const ev = run({}, { read: { findings: [read] } });
  expect(ev.findings).toContainEqual(read);
});

describe('missing-text', () => {
  test('one information finding per narrative text not given', () => {
    const ev = run({ 单位概况: '市政府金融办是市政府工作部门。' });
    const names = findings(ev, 'missing-text').map((f) => f.inputs[0]);
    expect(names).not.toContain('单位概况');
    expect(names).toContain('绩效目标');
    expect(names).toHaveLength(12);
    expect(findings(ev, 'missing-text')[0].severity).toBe('info');
  });

  test('not repeated when reading already reported it', () => {
    const read: Finding = {
      code: 'missing-text',
      severity: 'info',
      message: '未找到名称"绩效目标"',
      inputs: ['绩效目标'],
      cells: [],
    };
    const ev = run({}, { read: { findings: [read] } });
    expect(findings(ev, 'missing-text').filter((f) => f.inputs[0] === '绩效目标')).toEqual([read]);
  });
});

test('scheme-invalid blocks and names the problem', () => {
  const scheme = getPreset('通用')!;
  scheme.items[0].weight = 2;
  const ev = run({}, { scheme });
  const f = one(ev, 'scheme-invalid');
  expect(f.severity).toBe('error');
  expect(f.message).toBe('评分方案"通用"：分值合计为98，应为100');
  expect(ev.blocked).toBe(true);
  expect(ev.items.every((i) => i.score === null)).toBe(true);
});

describe('internal checks of docs/narrative.md "Problems and measures"', () => {
  const all = (): ManualEntries => {
    const scores: Record<string, number> = {};
    for (const it of getPreset('通用')!.items) scores[it.level3] = it.weight;
    return { scores, notes: {} };
  };

  test('R18: grade 优 beside two or more problems', () => {
    // the sample's figures with every manual item at full marks: 93.47 → 优, with 4 warnings
    const ev = evaluate(readingsFrom(SAMPLE_VALUES), { scheme: getPreset('通用')!, manual: all() });
    expect(ev.grade).toBe('优');
    const f = one(ev as ReturnType<typeof run>, 'grade-problems-disagree');
    expect(f.severity).toBe('info');
    expect(f.message).toContain('sangong-increase');
  });

  test('R18 is quiet for a clean department at 优', () => {
    const ev = run({}, { manual: all() });
    expect(ev.grade).toBe('优');
    expect(findings(ev, 'grade-problems-disagree')).toHaveLength(0);
  });

  test('R17: an execution rate below 100% scored full because the target is lower', () => {
    const scheme = getPreset('通用')!;
    scheme.items.find((i) => i.level3 === '预算完成率')!.rule = { kind: 'proportional', target: 90 };
    // 170 / 174.56 = 97.39% ≥ 90 → full 4 points
    const ev = run({ 全年执行数: '170', 四季度累计支出: '170' }, { scheme });
    expect(one(ev, 'full-score-below-target').message).toBe('预算完成率为97.39%，未达到100%，但按目标值90%计满分4分');
    expect(one(ev, 'scheme-low-target').severity).toBe('warning');
  });
});

test('finding codes and input names come from the catalogues: a typo fails to compile', () => {
  const code: FindingCode = 'missing-input';
  const input: InputName = '全年预算数';
  // @ts-expect-error 'input-missing' is not a finding code
  const badCode: FindingCode = 'input-missing';
  // @ts-expect-error 全年预算 is an alias, not the canonical input name
  const badInput: InputName = '全年预算';
  expect([code, input, badCode, badInput]).toHaveLength(4);
  // Every code the rules raise is in the catalogue, and every catalogue input name is a canonical name.
  for (const rule of FINDING_RULES) expect(Object.keys(FINDING_CODES)).toContain(rule.code);
  expect(INPUTS.map((d) => d.name).every(isInputName)).toBe(true);
  expect(isInputName('全年预算')).toBe(false);
});
