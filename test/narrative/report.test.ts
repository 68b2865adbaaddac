import { readFileSync } from 'fs';
import { join } from 'path';
import { reportProblems, writeReport, type ReportParagraph } from '../../src/engine/narrative';
import { request } from '../../src/engine/narrative/texts';
import type { Evaluation } from '../../src/engine/types';
import { evaluateWith, SAMPLE_MANUAL, SAMPLE_TEXTS, scheme } from './sample';

const DATE = new Date(2022, 6, 8);

function report(ev: Evaluation): ReportParagraph[] {
  return writeReport(ev, { date: DATE });
}

function text(ps: ReportParagraph[]): string {
  return ps.map((p) => p.text).join('\n');
}

/** The paragraph of a scheme item in 二（二）: "（n）<level3>。…". */
function itemParagraph(ps: ReportParagraph[], level3: string): string {
  const p = ps.find((x) => new RegExp(`^（\\d+）${level3}。`).test(x.text));
  if (!p) throw new Error(`no paragraph for ${level3}`);
  return p.text;
}

/** The numbered paragraphs under a heading2 of 四. */
function numberedUnder(ps: ReportParagraph[], heading: string): string[] {
  const start = ps.findIndex((p) => p.kind === 'heading2' && p.text.endsWith(heading));
  const out: string[] = [];
  for (const p of ps.slice(start + 1)) {
    if (p.kind !== 'paragraph') break;
    if (/^\d+\./.test(p.text)) out.push(p.text);
  }
  return out;
}

/** Forbidden in any report: praise of a rising 三公, a rate of an amount's growth in 个百分点, other units' self-references. */
function expectClean(ps: ReportParagraph[]): void {
  expect(reportProblems(ps)).toEqual([]);
  const all = text(ps);
  for (const word of ['我办', '我局', '我委', '委系统', '区财政局', '控制较好', '控制成果较好', '增长-', '下降-'])
    expect(all).not.toContain(word);
}

describe('the sample department report', () => {
  const ev = evaluateWith({}, { manual: SAMPLE_MANUAL });
  const ps = report(ev);

  it('matches the reviewed fixture (a wording change shows as a diff here)', () => {
    const fixture = readFileSync(join(__dirname, '../fixtures/sample-report.txt'), 'utf8');
    expect(ps.map((p) => `[${p.kind}] ${p.text}`).join('\n') + '\n').toBe(fixture);
  });

  it('follows the seven-part outline with continuous numbering', () => {
    const h1 = ps.filter((p) => p.kind === 'heading1').map((p) => p.text);
    expect(h1).toEqual([
      '一、部门基本情况',
      '二、绩效自评工作情况',
      '三、评价情况分析及综合评价结论',
      '四、存在的问题和整改情况',
      '五、绩效自评结果应用',
      '六、主要经验及做法',
      '七、其他需说明的情况',
    ]);
    const firstPart = ps.slice(
      1,
      ps.findIndex((p) => p.text.startsWith('二、')),
    );
    expect(firstPart.filter((p) => p.kind === 'heading2').map((p) => p.text)).toEqual([
      '（一）部门概况',
      '（二）部门绩效目标的设立情况',
      '（三）部门整体收支情况',
      '（四）部门预算管理制度建设情况',
      '（五）部门预算绩效管理机制建设情况',
    ]);
    // Every run of heading3 and of （n） items counts 1, 2, 3 … without a gap.
    let h3 = 0;
    let item = 0;
    for (const p of ps) {
      if (p.kind === 'heading1' || p.kind === 'heading2') h3 = item = 0;
      if (p.kind === 'heading3') {
        expect(p.text.startsWith(`${++h3}.`)).toBe(true);
        item = 0;
      }
      const m = /^（(\d+)）/.exec(p.text);
      if (p.kind === 'paragraph' && m) expect(Number(m[1])).toBe(++item);
    }
    expect(ps[0]).toMatchObject({
      kind: 'title',
      text: '忻州市人民政府金融工作办公室2021年度部门整体支出绩效自评报告',
    });
    expect(ps.slice(-2)).toMatchObject([
      { kind: 'signature', text: '忻州市人民政府金融工作办公室' },
      { kind: 'signature', text: '2022年7月8日' },
    ]);
  });

  it('gives every paragraph a unique key that does not depend on the figures', () => {
    const keys = ps.map((p) => p.key);
    expect(new Set(keys).size).toBe(ps.length);
    expect(keys).toEqual(expect.arrayContaining(['title', '部门基本情况', '部门基本情况/部门整体收支情况#1']));
    const requests = ps.filter((p) => p.request);
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) {
      expect(r.text).toBe(request(r.request!));
      expect(r.key).toMatch(new RegExp(`/${r.request}#1$`));
    }
  });

  it('states each indicator with formula, inputs and result', () => {
    expect(itemParagraph(ps, '在职人员控制率')).toContain(
      '在职人员控制率=在职人员数÷编制数×100%=15÷17×100%=88.24%。在职人数未超编制，存在2个空编',
    );
    expect(itemParagraph(ps, '预算调整率')).toContain('预算调整率=预算调整数÷全年预算数×100%=20.8÷174.56×100%=11.92%');
    expect(itemParagraph(ps, '预算完成率')).toContain('=174.56÷174.56×100%=100%。');
    expect(itemParagraph(ps, '结转结余率')).toContain('=0÷174.56×100%=0%。年末无结转结余。');
    expect(itemParagraph(ps, '支付进度率')).toContain(
      '一季度末累计支出37.39万元，支付进度21.42%，低于序时进度（25%）3.58个百分点',
    );
    expect(itemParagraph(ps, '支付进度率')).toContain(
      '一至四季度分别支出37.39万元、29.34万元、43.89万元、33.86万元。各季度支付进度均低于序时进度，支出进度不均衡。四季度末累计支出与全年执行数174.56万元相差30.08万元',
    );
  });

  it('says the rise of 三公经费 plainly and never praises it', () => {
    const p = itemParagraph(ps, '三公经费变动率');
    expect(p).toContain(
      '=（0.55−0.49）÷0.49×100%=12.24%。本年“三公”经费支出0.55万元，比上年增加0.06万元，增长12.24%。',
    );
    expect(p).not.toMatch(/较好|成效|落实了/);
    expect(numberedUnder(ps, '存在的主要问题')[0]).toBe(
      '1.“三公”经费支出比上年增加0.06万元，增长12.24%，未实现只减不增。',
    );
  });

  it('concludes with total and grade, with the qualifier of the grade', () => {
    // 47.47 computed + 41.5 typed by the clerk = 88.97 → 良 (80 ≤ 88.97 < 90).
    expect(text(ps)).toContain('综合得分88.97分，评价等级为“良”，部门整体支出绩效较好。');
  });

  it('inserts the clerk’s texts verbatim, one paragraph per line', () => {
    for (const name of [
      '单位概况',
      '绩效目标',
      '预算管理制度',
      '绩效管理机制',
      '经济效益',
      '社会效益',
      '生态效益',
      '主要经验',
    ]) {
      expect(ps.some((p) => p.text === SAMPLE_TEXTS[name])).toBe(true);
    }
    const [first, second] = SAMPLE_TEXTS['绩效目标完成情况'].split('\n');
    const at = ps.findIndex((p) => p.text === first);
    expect(ps[at + 1].text).toBe(second);
  });

  it('turns every warning into a numbered problem and its matching measure', () => {
    const warnings = ev.findings.filter((f) => f.severity === 'warning' && f.problem);
    const problems = numberedUnder(ps, '存在的主要问题');
    const measures = numberedUnder(ps, '改进措施及建议');
    expect(problems).toHaveLength(warnings.length);
    expect(measures).toHaveLength(warnings.length);
    expect(problems.map((p) => p.split('.')[0])).toEqual(measures.map((m) => m.split('.')[0]));
    expect(warnings.map((f) => f.code)).toEqual([
      'sangong-increase',
      'budget-adjustment',
      'payment-progress-lag',
      'payment-progress-mismatch',
    ]);
  });

  it('asks plainly for a missing text', () => {
    expect(text(ps)).toContain('（请补充：满意度调查的方式、对象和结果。）');
  });

  it('is clean', () => expectClean(ps));
});

describe('narrative edge cases', () => {
  it('三公经费 fell: 减少 and 下降, no minus sign, no problem raised', () => {
    // (0.43 − 0.49) ÷ 0.49 = −12.2448…% → a fall of 12.24%.
    const ps = report(evaluateWith({ 三公经费支出数: '0.43' }, { manual: SAMPLE_MANUAL }));
    const p = itemParagraph(ps, '三公经费变动率');
    expect(p).toContain('=（0.43−0.49）÷0.49×100%。本年“三公”经费支出0.43万元，比上年减少0.06万元，下降12.24%');
    expect(p).not.toContain('增长');
    expect(numberedUnder(ps, '存在的主要问题').join()).not.toContain('三公');
    expectClean(ps);
  });

  it('三公经费 unchanged: 持平', () => {
    const ps = report(evaluateWith({ 上年三公经费支出数: '0.55' }, { manual: SAMPLE_MANUAL }));
    expect(itemParagraph(ps, '三公经费变动率')).toContain(
      '=（0.55−0.55）÷0.55×100%=0%。本年“三公”经费支出0.55万元，与上年持平。',
    );
    expectClean(ps);
  });

  it('prior year zero: growth from nothing is never a percentage', () => {
    const ev = evaluateWith({ 上年三公经费支出数: '0' }, { manual: SAMPLE_MANUAL });
    const ps = report(ev);
    const p = itemParagraph(ps, '三公经费变动率');
    expect(p).toBe(
      '（2）三公经费变动率。上年无“三公”经费支出，本年新增0.55万元，不计算变动率。该项未纳入评分，综合得分按其余指标分值折算为百分制。',
    );
    expect(p).not.toMatch(/\d%/);
    // 88.97 over the 96 points left: 88.97 × 100 ÷ 96 = 92.677… → 92.68 → 优.
    expect(text(ps)).toContain(
      '三公经费变动率（上年三公经费支出数为0，本年新增0.55万元）不适用，未纳入评分，综合得分按其余96分的指标折算为百分制。',
    );
    expect(text(ps)).toContain('综合得分92.68分，评价等级为“优”，部门整体支出绩效好。');
    expect(numberedUnder(ps, '存在的主要问题')[0]).toBe('1.上年无“三公”经费支出，本年新增0.55万元。');
    expectClean(ps);
  });

  it('both years without 三公经费', () => {
    const ps = report(evaluateWith({ 上年三公经费支出数: '0', 三公经费支出数: '0' }, { manual: SAMPLE_MANUAL }));
    expect(itemParagraph(ps, '三公经费变动率')).toContain('本年和上年均无“三公”经费支出，不计算变动率。');
    expectClean(ps);
  });

  it('超编: the excess in persons and in 个百分点 (a difference of two rates)', () => {
    // 19 ÷ 17 = 111.7647…% → 111.76%, 11.76 points above 100%.
    const ps = report(evaluateWith({ 在职人员数: '19' }, { manual: SAMPLE_MANUAL }));
    expect(itemParagraph(ps, '在职人员控制率')).toContain(
      '=19÷17×100%=111.76%。年末在职人员19人，超出编制2人，在职人员控制率高于100%的上限11.76个百分点，存在超编问题。',
    );
    expect(numberedUnder(ps, '存在的主要问题')[0]).toBe(
      '1.在职人员超编2人，在职人员控制率111.76%，超出11.76个百分点。',
    );
    expect(numberedUnder(ps, '改进措施及建议')[0]).toBe('1.严格控制编制，逐步消化超编人员，新进人员严格按编制管理。');
    expectClean(ps);
  });

  it('no quarterly data: names the missing inputs, no progress problem', () => {
    const ev = evaluateWith({
      一季度累计支出: undefined,
      二季度累计支出: undefined,
      三季度累计支出: undefined,
      四季度累计支出: undefined,
    });
    const ps = report(ev);
    expect(itemParagraph(ps, '支付进度率')).toBe(
      '（3）支付进度率。因基础数据缺少“一季度累计支出”、“二季度累计支出”、“三季度累计支出”和“四季度累计支出”，该项无法计算，分值3分，尚未评分（请在评分表中填写得分）。',
    );
    expect(numberedUnder(ps, '存在的主要问题').join()).not.toMatch(/进度/);
    expect(text(ps)).toContain(
      '支付进度率（缺少“一季度累计支出”、“二季度累计支出”、“三季度累计支出”和“四季度累计支出”）',
    );
    expectClean(ps);
  });

  it('every warning present: one problem and one measure each, in the rule-table order', () => {
    const ev = evaluateWith(
      {
        在职人员数: '19',
        三公经费支出数: '3.5',
        全年执行数: '160',
        四季度累计支出: '150',
        结转结余总额: '14.56',
        上年结转结余总额: '10',
        公用经费支出数: '35',
        政府采购金额: '1.5',
        在用固定资产总额: '80',
        实际完成工作数: '7',
      },
      { manual: SAMPLE_MANUAL },
    );
    const codes = ev.findings.filter((f) => f.severity === 'warning').map((f) => f.code);
    expect(codes).toEqual([
      'over-establishment',
      'sangong-increase',
      'sangong-over-budget',
      'budget-underexecution',
      'budget-adjustment',
      'payment-progress-lag',
      'payment-progress-mismatch',
      'carryover',
      'public-funds-over',
      'procurement-deviation',
      'idle-assets',
      'tasks-incomplete',
    ]);
    const ps = report(ev);
    const problems = numberedUnder(ps, '存在的主要问题');
    const measures = numberedUnder(ps, '改进措施及建议');
    expect(problems).toHaveLength(12);
    expect(measures).toHaveLength(12);
    expect(problems.map((p) => p.replace(/^\d+\./, '').slice(0, 6))).toEqual([
      '在职人员超编',
      '“三公”经费',
      '“三公”经费',
      '部分预算资金',
      '年中预算调整',
      '支出进度不均',
      '四季度累计支',
      '年末形成结转',
      '公用经费超支',
      '政府采购计划',
      '存在闲置资产',
      '部分工作任务',
    ]);
    // 160 ÷ 174.56 = 91.658…% → 91.66%; 174.56 − 160 = 14.56.
    expect(problems[3]).toBe('4.部分预算资金未按计划支出，预算完成率91.66%，未执行14.56万元。');
    expect(itemParagraph(ps, '预算完成率')).toContain('尚有14.56万元预算未执行');
    expect(itemParagraph(ps, '三公经费控制率')).toContain('“三公”经费支出超出预算0.5万元。');
    expect(itemParagraph(ps, '实际完成率')).toContain('计划工作8件，完成7件，尚有1件未完成。');
    expect(text(ps)).not.toContain('各项定量指标均得满分');
    expectClean(ps);
  });

  it('spending above the budget is its own problem', () => {
    const ps = report(evaluateWith({ 全年执行数: '180', 四季度累计支出: '180' }, { manual: SAMPLE_MANUAL }));
    expect(itemParagraph(ps, '预算完成率')).toContain('全年执行数超出全年预算数5.44万元');
    expect(numberedUnder(ps, '存在的主要问题').some((p) => p.includes('全年执行数超过全年预算数5.44万元'))).toBe(true);
    expectClean(ps);
  });

  it('no warning at all: R19’s usual problems and measures', () => {
    const ev = evaluateWith(
      {
        三公经费支出数: '0.43',
        预算调整数: '0',
        一季度累计支出: '43.64',
        二季度累计支出: '87.28',
        三季度累计支出: '130.92',
        四季度累计支出: '174.56',
        上年结转结余总额: '0',
      },
      { manual: SAMPLE_MANUAL },
    );
    expect(ev.findings.filter((f) => f.severity === 'warning')).toEqual([]);
    const ps = report(ev);
    expect(text(ps)).toContain(
      '从指标计算结果看，本年度各项定量指标未发现明显问题。对照预算绩效管理的要求，仍存在以下不足：',
    );
    expect(numberedUnder(ps, '存在的主要问题').map((p) => p.split('。')[0])).toEqual([
      '1.绩效目标细化量化不够',
      '2.评价结果运用不足',
      '3.绩效管理力量薄弱',
    ]);
    expect(numberedUnder(ps, '改进措施及建议').map((p) => p.split('。')[0])).toEqual([
      '1.完善绩效指标体系',
      '2.强化结果运用',
      '3.加强绩效管理队伍建设',
    ]);
    expect(itemParagraph(ps, '支付进度率')).toContain('各季度支付进度均达到序时进度。');
    expect(itemParagraph(ps, '预算调整率')).toContain('年内未调整预算。');
    expectClean(ps);
  });

  it('the clerk’s own problems replace R19, and "无" adds nothing', () => {
    const clean = {
      三公经费支出数: '0.43',
      预算调整数: '0',
      一季度累计支出: '43.64',
      二季度累计支出: '87.28',
      三季度累计支出: '130.92',
      四季度累计支出: '174.56',
      上年结转结余总额: '0',
    };
    const ps = report(
      evaluateWith({ ...clean, 存在问题: '绩效目标设定偏笼统。', 改进措施: '无' }, { manual: SAMPLE_MANUAL }),
    );
    expect(text(ps)).toContain('本单位自查发现的问题如下：\n绩效目标设定偏笼统。');
    expect(text(ps)).not.toContain('绩效管理力量薄弱');
    expect(text(ps)).not.toContain('请补充：除上述措施外');
    expectClean(ps);
  });

  it('provisional: says 暂定 and which manual items remain', () => {
    const ps = report(evaluateWith());
    // 47.47 computed points, the fourteen manual items count 0.
    expect(text(ps)).toContain('综合得分暂为47.47分，评价等级暂定为“差”。');
    expect(text(ps)).toContain(
      '绩效目标合理性、绩效指标明确性、重点支出安排率、结转结余变动率、管理制度健全性、资金使用合规性、预决算信息公开性、基础信息完善性、资产管理制度健全性、资产管理安全性、经济效益、社会效益、生态效益和社会公众或服务对象满意度等14项指标尚未评分，暂按0分计',
    );
    expect(itemParagraph(ps, '绩效目标合理性')).toBe(
      '（1）绩效目标合理性。该项为定性指标，分值4分，尚未评分（请在评分表中填写得分）。',
    );
    expect(text(ps)).not.toContain('部门整体支出绩效较差');
    expectClean(ps);
  });

  it('every missing text becomes a plain request; 七 says 无其他需说明的情况 when nothing is to be said', () => {
    const ev = evaluateWith(
      { 上年结转结余总额: '0', 重点项目支出: '50', 项目支出总额: '50', 满意度: '96' },
      { texts: false, manual: SAMPLE_MANUAL },
    );
    const ps = report(ev);
    const all = text(ps);
    for (const ask of [
      '（请补充：本单位概况，包括主要职能、内设机构和人员情况。）',
      '（请补充：本单位年度绩效目标的设立情况。）',
      '（请补充：本单位预算管理制度建设情况。）',
      '（请补充：本单位预算绩效管理机制建设情况。）',
      '（请补充：本单位年度绩效目标的完成情况。）',
      '（请补充：本单位经济效益情况。）',
      '（请补充：本单位社会效益情况。）',
      '（请补充：本单位生态效益情况。）',
      '（请补充：满意度调查的方式、对象和结果。）',
      '（请补充：本单位在预算绩效管理中的主要经验及做法。）',
    ])
      expect(all).toContain(ask);
    expect(ps[ps.length - 3].text).toBe('无其他需说明的情况。');
    expect(itemParagraph(ps, '社会公众或服务对象满意度')).toContain(
      '社会公众或服务对象满意度为96%（满意度调查结果）。',
    );
    expectClean(ps);
  });

  it('七 carries 其他说明 verbatim, even text that looks like a formula', () => {
    const ps = report(evaluateWith({ 其他说明: '=本年度无重大事项调整' }, { manual: SAMPLE_MANUAL }));
    expect(ps[ps.length - 3].text).toBe('=本年度无重大事项调整');
  });

  it('another scheme (湖南) names items its own way, in Chinese quotes', () => {
    const ps = report(evaluateWith({}, { scheme: scheme('湖南') }));
    expect(itemParagraph(ps, '财政供养人员控制率')).toContain(
      '财政供养人员控制率=在职人员数÷编制数×100%=15÷17×100%=88.24%',
    );
    expect(itemParagraph(ps, '“三公经费”变动率')).toContain(
      '“三公经费”变动率（决算口径）=（三公经费支出数−上年三公经费支出数）÷上年三公经费支出数×100%=（0.55−0.49）÷0.49×100%=12.24%',
    );
    expect(text(ps)).toContain('本次自评采用“湖南”评分方案');
    expect(text(ps)).not.toContain('"');
    expectClean(ps);
  });
});
