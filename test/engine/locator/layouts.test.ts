/**
 * The locator over labelled layouts built by code. Every test states the proposals it expects; the
 * `expectHigh` helper also fails on any high-confidence proposal the test did not expect, so no test
 * can see a wrong proposal of high confidence.
 */
import { SAMPLE_FIGURES, SAMPLE_UNKNOWN } from '../../support/sampleDepartment';
import { locate, type LocateResult, type Proposal } from '../../../src/engine/locator';
import type { SheetSnapshot } from '../../../src/engine/locator/snapshot';
import type { InputName } from '../../../src/engine/catalogue';
import { sampleSnapshot, sheet } from '../../support/locatorLayouts';

type Expected = Partial<Record<InputName, [cell: string, value: string, unit?: string]>>;

function run(sheets: SheetSnapshot[], named?: Parameters<typeof locate>[1]): LocateResult {
  return locate(sheets, named);
}

function proposal(result: LocateResult, input: InputName): Proposal {
  return result.proposals.find((p) => p.input === input)!;
}

/** Exactly these high proposals, with these cells, values (万元) and units; nothing else high. */
function expectHigh(result: LocateResult, expected: Expected): void {
  const high = Object.fromEntries(
    result.proposals
      .filter((p) => p.status === 'found' && p.confidence === 'high')
      .map((p) => {
        const c = (p as Extract<Proposal, { status: 'found' }>).candidate;
        return [p.input, expected[p.input]?.length === 3 ? [c.cell, c.value, c.unit] : [c.cell, c.value]];
      }),
  );
  expect(high).toEqual(expected);
}

function expectStatus(result: LocateResult, input: InputName, status: string, confidence?: string): void {
  const p = proposal(result, input);
  expect([p.status, p.status === 'found' ? p.confidence : undefined]).toEqual([status, confidence]);
}

describe('locator: the sample department without names', () => {
  const result = run([sampleSnapshot()]);

  it('finds every figure and text of the sample with high confidence, in 万元', () => {
    const figures = Object.fromEntries(
      result.proposals
        .filter((p) => p.status === 'found' && p.confidence === 'high')
        .map((p) => [p.input, (p as Extract<Proposal, { status: 'found' }>).candidate.value]),
    );
    for (const [input, value] of Object.entries(SAMPLE_FIGURES))
      expect([input, figures[input]]).toEqual([input, value.replace(/\.?0+$/, (m) => (value.includes('.') ? '' : m))]);
    expect(Object.keys(figures)).toHaveLength(Object.keys(SAMPLE_FIGURES).length + 7);
  });

  it('proposes the empty cells beside the labels of unknown figures only with low confidence', () => {
    for (const input of SAMPLE_UNKNOWN) {
      const p = proposal(result, input as InputName);
      expect(p.status === 'found' && p.confidence).toBe('low');
      expect(p.status === 'found' && p.candidate.value).toBeNull();
    }
  });
});

describe('locator: label left of the value', () => {
  it('skips a unit cell between label and value', () => {
    const r = run([sheet('部门决算', { A6: '全年预算数', B6: '万元', C6: 560, A7: '编制数', B7: '人', C7: 17 })]);
    expectHigh(r, { 全年预算数: ['部门决算!C6', '560', '万元'], 编制数: ['部门决算!C7', '17', '人'] });
  });

  it('reads a unit cell right of the value', () => {
    const r = run([sheet('基础数据', { A6: '全年预算数', B6: 5600000, C6: '元' })]);
    expectHigh(r, { 全年预算数: ['基础数据!B6', '560', '元'] });
  });

  it('reads a label merged over two columns, the value after the merge', () => {
    const r = run([sheet('基础数据', { A3: '全年执行数', C3: 480 }, ['A3:B3'])]);
    expectHigh(r, { 全年执行数: ['基础数据!C3', '480'] });
  });

  it('normalises spaces inside labels (全 年 预 算 数)', () => {
    const r = run([sheet('表', { A1: '全 年 预 算 数', B1: 560, A2: '编  制  数', B2: 17 })]);
    expectHigh(r, { 全年预算数: ['表!B1', '560'], 编制数: ['表!B2', '17'] });
  });

  it('normalises full-width forms, numbering, circled numbers and trailing colons', () => {
    const r = run([
      sheet('表', {
        A1: '（一）全年执行数：',
        B1: 480,
        A2: '1.编制数:',
        B2: 17,
        A3: '①在职人员数',
        B3: 15,
        A4: '二、预算调整数',
        B4: 20.8,
        A5: 'ＱＵＡＲＴＥＲ',
        B5: 1,
      }),
    ]);
    expectHigh(r, {
      全年执行数: ['表!B1', '480'],
      编制数: ['表!B2', '17'],
      在职人员数: ['表!B3', '15'],
      预算调整数: ['表!B4', '20.8'],
    });
  });

  it('takes off quotes around 三公 (“三公”, "三公", ‘三公’)', () => {
    const r = run([
      sheet('表', {
        A1: '“三公”经费支出数',
        B1: 0.55,
        A2: '"三公"经费预算数',
        B2: 3,
        A3: '上年‘三公’经费支出数',
        B3: 0.49,
      }),
    ]);
    expectHigh(r, {
      三公经费支出数: ['表!B1', '0.55'],
      三公经费预算数: ['表!B2', '3'],
      上年三公经费支出数: ['表!B3', '0.49'],
    });
  });

  it('maps the synonyms of the issue: 编制人数 / 核定编制, 实有人数, 调整后预算数, 追加预算, 年初/年末结转结余, 1季度末累计支出', () => {
    const r = run([
      sheet('表', {
        A1: '核定编制',
        B1: 17,
        A2: '实有人数',
        B2: 15,
        A3: '调整后预算数',
        B3: 174.56,
        A4: '追加预算',
        B4: 20.8,
        A5: '年初结转结余',
        B5: 3,
        A6: '年末结转结余',
        B6: 2,
        A7: '1季度末累计支出',
        B7: 37.39,
      }),
    ]);
    expectHigh(r, {
      编制数: ['表!B1', '17'],
      在职人员数: ['表!B2', '15'],
      全年预算数: ['表!B3', '174.56'],
      预算调整数: ['表!B4', '20.8'],
      上年结转结余总额: ['表!B5', '3'],
      结转结余总额: ['表!B6', '2'],
      一季度累计支出: ['表!B7', '37.39'],
    });
  });

  it('reads text inputs beside their labels and years typed as text', () => {
    const r = run([
      sheet('封面', {
        A1: '单位名称',
        B1: '某某局',
        A2: '评价年度',
        B2: '2021年',
        A3: '存在的问题',
        B3: '资金支付进度偏慢。',
      }),
    ]);
    expectHigh(r, {
      单位名称: ['封面!B1', '某某局'],
      评价年度: ['封面!B2', '2021'],
      存在问题: ['封面!B3', '资金支付进度偏慢。'],
    });
  });

  it('reads a percent-formatted 满意度 as a percentage', () => {
    const r = run([sheet('表', { A1: '满意度', B1: { value: 0.95, numberFormat: '0.00%' } })]);
    expectHigh(r, { 满意度: ['表!B1', '95', '%'] });
  });
});

describe('locator: label above the value (a header row)', () => {
  it('reads a header row with values below', () => {
    const r = run([
      sheet('基础数据', {
        A1: '基础数据（金额单位：万元）',
        A3: '编制数',
        B3: '在职人员数',
        C3: '全年预算数',
        D3: '全年执行数',
        A4: 17,
        B4: 15,
        C4: 174.56,
        D4: 174.56,
      }),
    ]);
    expectHigh(r, {
      编制数: ['基础数据!A4', '17'],
      在职人员数: ['基础数据!B4', '15'],
      全年预算数: ['基础数据!C4', '174.56', '万元'],
      全年执行数: ['基础数据!D4', '174.56', '万元'],
    });
  });

  it('reads text under its header (单位名称 above the name)', () => {
    const r = run([sheet('封面', { A1: '单位名称', B1: '评价年度', A2: '某某局', B2: 2021 })]);
    expectHigh(r, { 单位名称: ['封面!A2', '某某局'], 评价年度: ['封面!B2', '2021'] });
  });

  it('gives a column of several values under one header only low confidence', () => {
    const r = run([sheet('表', { A1: '全年执行数', A2: 100, A3: 200 })]);
    expectHigh(r, {});
    expectStatus(r, '全年执行数', 'found', 'low');
  });
});

describe('locator: two-dimensional tables', () => {
  it('reads a 基础数据 grid: rows 三公经费 / 公用经费 / 政府采购 × columns 上年决算数 / 本年预算数 / 本年决算数', () => {
    const r = run([
      sheet(
        '基础数据表',
        {
          A1: '经费情况表',
          A2: '单位：万元',
          A3: '项目',
          B3: '上年决算数',
          C3: '本年预算数',
          D3: '本年决算数',
          A4: '三公经费合计',
          B4: 0.49,
          C4: 3,
          D4: 0.55,
          A5: '公用经费合计',
          B5: 30,
          C5: 31.9,
          D5: 31.9,
          A6: '政府采购',
          B6: 1.8,
          C6: 2.01,
          D6: 2.01,
        },
        ['A1:D1'],
      ),
    ]);
    expectHigh(r, {
      上年三公经费支出数: ['基础数据表!B4', '0.49'],
      三公经费预算数: ['基础数据表!C4', '3'],
      三公经费支出数: ['基础数据表!D4', '0.55'],
      公用经费预算数: ['基础数据表!C5', '31.9'],
      公用经费支出数: ['基础数据表!D5', '31.9'],
      政府采购预算数: ['基础数据表!C6', '2.01'],
      政府采购金额: ['基础数据表!D6', '2.01'],
    });
    const p = proposal(r, '三公经费支出数');
    expect(p.status === 'found' && [p.candidate.label, p.candidate.labelCell]).toEqual([
      '三公经费合计 × 本年决算数',
      '基础数据表!A4',
    ]);
  });

  it('reads the standard 一般公共预算财政拨款“三公”经费支出决算表 with two header rows (合计 × 预算数 / 决算数), in 元', () => {
    const r = run([
      sheet(
        '三公决算表',
        {
          A1: '一般公共预算财政拨款“三公”经费支出决算表',
          A2: '公开07表',
          M2: '单位：元',
          A3: '预算数',
          G3: '决算数',
          A4: '合计',
          B4: '因公出国（境）费',
          C4: '公务用车购置及运行费',
          F4: '公务接待费',
          G4: '合计',
          H4: '因公出国（境）费',
          I4: '公务用车购置及运行费',
          L4: '公务接待费',
          C5: '小计',
          D5: '公务用车购置费',
          E5: '公务用车运行费',
          I5: '小计',
          J5: '公务用车购置费',
          K5: '公务用车运行费',
          A6: 30000,
          B6: 0,
          C6: 20000,
          D6: 0,
          E6: 20000,
          F6: 10000,
          G6: 5500,
          H6: 0,
          I6: 5500,
          J6: 0,
          K6: 5500,
          L6: 0,
        },
        ['A1:L1', 'A3:F3', 'G3:L3', 'A4:A5', 'B4:B5', 'C4:E4', 'F4:F5', 'G4:G5', 'H4:H5', 'I4:K4', 'L4:L5'],
      ),
    ]);
    expectHigh(r, { 三公经费预算数: ['三公决算表!A6', '3', '元'], 三公经费支出数: ['三公决算表!G6', '0.55', '元'] });
  });

  it('reads a 收入支出决算总表: 支出合计 × 预算数 / 决算数', () => {
    const r = run([
      sheet('收支总表', {
        A1: '收入支出决算总表',
        D2: '金额单位：元',
        A3: '项目',
        B3: '预算数',
        C3: '决算数',
        A4: '一般公共服务支出',
        B4: 1745600,
        C4: 1745600,
        A5: '支出合计',
        B5: 1745600,
        C5: 1745600,
      }),
    ]);
    expectHigh(r, { 全年预算数: ['收支总表!B5', '174.56', '元'], 全年执行数: ['收支总表!C5', '174.56', '元'] });
  });

  it('takes the unit from a column header: 金额（元）', () => {
    const r = run([sheet('表', { B1: '本年决算数（元）', A2: '公用经费', B2: 319000 })]);
    expectHigh(r, { 公用经费支出数: ['表!B2', '31.9', '元'] });
  });

  it('never reads a 上年 column for a current-year input, nor a 本年 column for a 上年 input', () => {
    const r = run([sheet('表', { B1: '上年预算数', C1: '上年决算数', A2: '公用经费', B2: 28, C2: 27 })]);
    expectHigh(r, {});
    expectStatus(r, '公用经费预算数', 'missing');
    expectStatus(r, '公用经费支出数', 'missing');
  });
});

describe('locator: units', () => {
  it('converts a whole workbook in 元 (单位：元 in the title rows)', () => {
    const r = run([
      sheet('决算数据', {
        A1: '部门决算数据',
        A2: '单位：元',
        A3: '全年预算数',
        B3: 1745600,
        A4: '全年执行数',
        B4: 1745600,
        A5: '编制数',
        B5: 17,
      }),
    ]);
    expectHigh(r, {
      全年预算数: ['决算数据!B3', '174.56', '元'],
      全年执行数: ['决算数据!B4', '174.56', '元'],
      编制数: ['决算数据!B5', '17', '人'],
    });
  });

  it('converts each sheet by its own unit: 决算 in 元, 预算 in 万元', () => {
    const r = run([
      sheet('决算', { A1: '金额单位：元', A2: '全年执行数', B2: 1922763.45 }),
      sheet('预算', { A1: '金额单位：万元', A2: '全年预算数', B2: 200 }),
    ]);
    expectHigh(r, { 全年执行数: ['决算!B2', '192.276345', '元'], 全年预算数: ['预算!B2', '200', '万元'] });
  });

  it('takes a bracketed unit in the label: 全年预算数（元）', () => {
    const r = run([sheet('表', { A1: '单位：万元', A2: '全年预算数（元）', B2: 5600000 })]);
    expectHigh(r, { 全年预算数: ['表!B2', '560', '元'] });
  });

  it('takes a unit from the number format: #,##0.00"元"', () => {
    const r = run([sheet('表', { A1: '全年执行数', B1: { value: 4800000, numberFormat: '#,##0.00"元"' } })]);
    expectHigh(r, { 全年执行数: ['表!B1', '480', '元'] });
  });

  it('reads 千元 too, and a later 单位 line governs the rows below it', () => {
    const r = run([
      sheet('表', { A1: '单位：千元', A2: '全年预算数', B2: 1745.6, A5: '单位：万元', A6: '全年执行数', B6: 174.56 }),
    ]);
    expectHigh(r, { 全年预算数: ['表!B2', '174.56', '千元'], 全年执行数: ['表!B6', '174.56', '万元'] });
  });
});

describe('locator: decoys and doubt', () => {
  it('does not let 上年全年预算数 serve 全年预算数', () => {
    const r = run([sheet('表', { A1: '上年全年预算数', B1: 500 })]);
    expectHigh(r, {});
    expectStatus(r, '全年预算数', 'missing');
  });

  it('does not take a sentence for a label', () => {
    const r = run([sheet('表', { A1: '全年预算数较上年增加20.8万元，主要是工资调标', B1: 20.8 })]);
    expectHigh(r, {});
    expectStatus(r, '全年预算数', 'missing');
  });

  it('does not take text beside a label (见附表) for a figure', () => {
    const r = run([sheet('表', { A1: '全年执行数', B1: '见附表' })]);
    expectHigh(r, {});
    expectStatus(r, '全年执行数', 'missing');
  });

  it('gives a 其中 sub-item only low confidence', () => {
    const r = run([sheet('表', { A1: '全年执行数', B1: 480, A2: '其中：项目支出总额', B2: 120 })]);
    expectHigh(r, { 全年执行数: ['表!B1', '480'] });
    expectStatus(r, '项目支出总额', 'found', 'low');
  });

  it('asks when two cells on two sheets hold the same input', () => {
    const r = run([sheet('甲', { A1: '全年预算数', B1: 560 }), sheet('乙', { A1: '全年预算数', B1: 580 })]);
    expectHigh(r, {});
    const p = proposal(r, '全年预算数');
    expect(p.status === 'ambiguous' && p.candidates.map((c) => [c.cell, c.value])).toEqual([
      ['甲!B1', '560'],
      ['乙!B1', '580'],
    ]);
  });

  it('never confuses 预算调整数 with 调整后预算数', () => {
    const r = run([sheet('表', { A1: '预算调整数', B1: 20.8, A2: '调整后预算数', B2: 174.56 })]);
    expectHigh(r, { 预算调整数: ['表!B1', '20.8'], 全年预算数: ['表!B2', '174.56'] });
  });

  it('gives a label with several numbers in its row only low confidence', () => {
    const r = run([sheet('表', { A1: '全年执行数', B1: 480, C1: 460 })]);
    expectHigh(r, {});
    expectStatus(r, '全年执行数', 'found', 'low');
  });

  it('gives a number typed as text only low confidence', () => {
    const r = run([sheet('表', { A1: '全年执行数', B1: '174.56' })]);
    expectHigh(r, {});
    const p = proposal(r, '全年执行数');
    expect(p.status === 'found' && [p.confidence, p.candidate.value]).toEqual(['low', '174.56']);
  });

  it('refuses a head count that is not a whole number, and a negative amount', () => {
    const r = run([sheet('表', { A1: '编制数', B1: 15.5, A2: '全年执行数', B2: -3 })]);
    expectHigh(r, {});
    expectStatus(r, '编制数', 'missing');
    expectStatus(r, '全年执行数', 'missing');
  });

  it('reports named inputs as named and does not search for them', () => {
    const r = run([sheet('表', { A1: '编制数', B1: 17, A2: '全年预算数', B2: 560 })], {
      named: { 编制数: { name: '编制数', cell: '基础数据!B3' } },
    });
    expect(proposal(r, '编制数')).toEqual({ input: '编制数', status: 'named', name: '编制数', cell: '基础数据!B3' });
    expectHigh(r, { 全年预算数: ['表!B2', '560'] });
  });

  it('says which sheets go beyond the window read', () => {
    const s = { ...sheet('大表', { A1: '全年预算数', B1: 560 }), truncated: true };
    expect(run([s]).truncated).toEqual(['大表']);
  });
});
