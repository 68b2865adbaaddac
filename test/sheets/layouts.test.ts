import { buildLayouts, markName, OUR_SHEETS, readSettings, settingsSheet, uniqueSheetName } from '../../src/sheets';
import { namedOutputCandidates, namedOutputNotices, namedOutputs } from '../../src/app/namedOutputs';
import { reportSheet, REPORT_WIDTH } from '../../src/sheets/reportSheet';
import { writeReport } from '../../src/engine/narrative';
import type { NamedValue } from '../../src/engine/types';
import { evaluateWith, SAMPLE_MANUAL } from '../narrative/sample';
import { layoutValues } from './grid';

const DATE = new Date(2022, 6, 8);

describe('sheet names and marks', () => {
  it('names every role and marks it with a hidden name', () => {
    expect(Object.keys(OUR_SHEETS)).toEqual(['指标计算', '评分表', '自评报告', '评分方案', '设置']);
    expect(markName('评分表')).toBe('_jixiao_评分表');
  });

  it('picks "评分表 (2)" when the clerk already has 评分表, case-insensitively', () => {
    expect(uniqueSheetName('评分表', ['基础数据'])).toBe('评分表');
    expect(uniqueSheetName('评分表', ['评分表'])).toBe('评分表 (2)');
    expect(uniqueSheetName('评分表', ['评分表', '评分表 (2)'])).toBe('评分表 (3)');
    expect(uniqueSheetName('Report', ['REPORT'])).toBe('Report (2)');
    const long = '一'.repeat(31);
    expect(uniqueSheetName(long, [long])).toBe('一'.repeat(27) + ' (2)');
  });
});

describe('buildLayouts', () => {
  const ev = evaluateWith({}, { manual: SAMPLE_MANUAL });
  const layouts = buildLayouts(ev, {
    names: { 评分表: '评分表 (2)' },
    date: DATE,
    settings: { mapping: { 编制数: '编制人数' }, scheme: '通用' },
  });

  it('returns our five sheets, each marked at A1 with a hidden name, names unique across the workbook', () => {
    expect(layouts.map((l) => [l.role, l.name])).toEqual([
      ['指标计算', '指标计算'],
      ['评分表', '评分表 (2)'],
      ['自评报告', '自评报告'],
      ['评分方案', '评分方案'],
      ['设置', '绩效自评设置'],
    ]);
    for (const l of layouts) expect(l.names?.[0]).toEqual({ name: `_jixiao_${l.role}`, row: 0, col: 0, hidden: true });
    const all = layouts.flatMap((l) => (l.names ?? []).map((n) => n.name));
    expect(new Set(all).size).toBe(all.length);
    expect(layouts.find((l) => l.role === '设置')?.visibility).toBe('hidden');
  });

  it('never writes a placeholder or a broken value into any cell', () => {
    for (const l of layouts)
      for (const row of l.rows)
        for (const c of row) {
          if (typeof c?.value === 'string') expect(c.value).not.toMatch(/undefined|NaN|null|\[object|\{\{/);
          if (typeof c?.value === 'number') expect(Number.isFinite(c.value)).toBe(true);
        }
  });

  it('keeps the settings in the hidden sheet and reads them back', () => {
    const settings = layouts.find((l) => l.role === '设置');
    expect(readSettings(layoutValues(settings!))).toEqual({ mapping: { 编制数: '编制人数' }, scheme: '通用' });
    const empty = settingsSheet({ mapping: {} }, '设置');
    expect(readSettings(layoutValues(empty))).toEqual({ mapping: {} });
    const outputs = [
      { name: '自评得分', cell: '上报表!B1' },
      { name: '评价等级', cell: "'上 报'!B2" },
    ];
    const confirmed = settingsSheet({ mapping: { 编制数: '编制人数' }, outputs }, '设置');
    expect(readSettings(layoutValues(confirmed))).toEqual({ mapping: { 编制数: '编制人数' }, outputs });
  });
});

describe('自评报告 sheet', () => {
  const ev = evaluateWith({}, { manual: SAMPLE_MANUAL });
  const layout = reportSheet(ev, '自评报告', DATE);
  const paragraphs = writeReport(ev, { date: DATE });

  it('puts one paragraph per row, in order, as text, headings bold, in one wide wrapped column', () => {
    expect(layout.columnWidths).toEqual([REPORT_WIDTH]);
    const texts = layout.rows.filter((r) => r.length).map((r) => String(r[0]?.value).replace(/^\u3000\u3000/, ''));
    expect(texts).toEqual(paragraphs.map((p) => p.text));
    for (const row of layout.rows)
      if (row.length) expect(row[0]).toMatchObject({ text: true, style: expect.objectContaining({ wrap: true }) });
    const heading = layout.rows.find((r) => r[0]?.value === '\u3000\u3000一、部门基本情况');
    expect(heading?.[0]?.style?.bold).toBe(true);
    expect(layout.rows[0][0]).toMatchObject({
      value: '忻州市人民政府金融工作办公室2021年度部门整体支出绩效自评报告',
      style: expect.objectContaining({ bold: true, horizontal: 'center' }),
    });
    expect(layout.print).toEqual({ orientation: 'portrait', fitToWidth: true });
  });

  it('ends with the signature, right-aligned, after a blank row', () => {
    const n = layout.rows.length;
    expect(layout.rows[n - 3]).toEqual([]);
    expect(layout.rows[n - 2][0]).toMatchObject({
      value: '忻州市人民政府金融工作办公室',
      style: expect.objectContaining({ horizontal: 'right' }),
    });
    expect(layout.rows[n - 1][0]?.value).toBe('2022年7月8日');
  });

  it('gives long paragraphs enough height for wrapped Chinese text', () => {
    const longest = layout.rows.reduce(
      (best, r, i) => (String(r[0]?.value ?? '').length > String(layout.rows[best][0]?.value ?? '').length ? i : best),
      0,
    );
    const cjk = (String(layout.rows[longest][0]?.value).match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g) ?? [])
      .length;
    // At most REPORT_WIDTH / 2.1 Chinese characters fit a line (a CJK glyph ≈ 2.1 units); 16 points a line.
    expect(layout.rowHeights?.[longest]).toBeGreaterThanOrEqual(Math.ceil(cjk / Math.floor(REPORT_WIDTH / 2.1)) * 16);
    const short = layout.rows.findIndex((r) => r[0]?.value === '\u3000\u3000一、部门基本情况');
    expect(layout.rowHeights?.[short]).toBeLessThan(25);
  });
});

describe('namedOutputs', () => {
  const ev = evaluateWith({}, { manual: SAMPLE_MANUAL });
  const cell = (name: string, at: string, formula?: boolean): NamedValue => ({
    kind: 'cell',
    name,
    scope: { kind: 'workbook' },
    cell: at,
    value: null,
    ...(formula ? { formula } : {}),
  });

  it('writes the total, the grade and rates (as fractions) into cells named 绩效_…, and lists each cell', () => {
    const values: Record<string, NamedValue> = {
      绩效_自评得分: cell('绩效_自评得分', '封面!C5'),
      绩效_评价等级: cell('绩效_评价等级', '封面!C6'),
      绩效_在职人员控制率: cell('绩效_在职人员控制率', '报表!D8'),
      绩效_三公经费变动率得分: cell('绩效_三公经费变动率得分', '报表!E9'),
      绩效_重点支出安排率: cell('绩效_重点支出安排率', '报表!D10'),
      满意度: cell('满意度', '基础数据!C40'),
      绩效_合计得分: { kind: 'missing', name: '绩效_合计得分' },
      绩效_综合得分: { kind: 'constant', name: '绩效_综合得分', scope: { kind: 'workbook' }, value: 1, refersTo: '1' },
    };
    const plan = namedOutputs(ev, values);
    expect(plan.writes).toEqual([
      { name: '绩效_自评得分', cell: '封面!C5', value: 88.97, numberFormat: '0.00' },
      { name: '绩效_评价等级', cell: '封面!C6', value: '良' },
      { name: '绩效_在职人员控制率', cell: '报表!D8', value: 0.8824, numberFormat: '0.00%' },
      { name: '绩效_三公经费变动率得分', cell: '报表!E9', value: 0, numberFormat: '0.00' },
      { name: '绩效_重点支出安排率', cell: '报表!D10', value: '—' },
    ]);
    expect(plan.skipped).toEqual([]);
    expect(namedOutputNotices(plan)).toEqual([
      '已写入您命名的单元格：绩效_自评得分（封面!C5）、绩效_评价等级（封面!C6）、绩效_在职人员控制率（报表!D8）、' +
        '绩效_三公经费变动率得分（报表!E9）、绩效_重点支出安排率（报表!D10）。',
    ]);
  });

  it("leaves a clerk's own names (等级, 自评得分) alone unless confirmed, and never replaces a formula", () => {
    const values: Record<string, NamedValue> = {
      等级: cell('等级', '人事!B1'),
      自评得分: cell('自评得分', '汇总!C3', true),
      绩效_评价等级: cell('绩效_评价等级', '封面!C6', true),
      在职人员控制率: cell('在职人员控制率', '报表!D8'),
    };
    const plan = namedOutputs(ev, values);
    expect(plan.writes).toEqual([]);
    expect(plan.skipped).toEqual([
      // In reading order: by sheet (code point), row, column — the same on every host.
      { name: '等级', cell: '人事!B1', reason: 'not-confirmed' },
      { name: '绩效_评价等级', cell: '封面!C6', reason: 'formula' },
      { name: '在职人员控制率', cell: '报表!D8', reason: 'not-confirmed' },
      { name: '自评得分', cell: '汇总!C3', reason: 'formula' },
    ]);
    const notices = namedOutputNotices(plan).join('\n');
    expect(notices).toContain('含有公式，未覆盖：绩效_评价等级（封面!C6）、自评得分（汇总!C3）');
    expect(notices).toContain('未写入：等级（人事!B1）、在职人员控制率（报表!D8）');
    expect(notices).toContain('绩效_等级');
    // Confirmed by the clerk: written; a formula still is not.
    const confirmed = namedOutputs(ev, values, [], ['在职人员控制率', '自评得分']);
    expect(confirmed.writes).toEqual([
      { name: '在职人员控制率', cell: '报表!D8', value: 0.8824, numberFormat: '0.00%' },
    ]);
  });

  it('never writes into an input or into our own sheets', () => {
    expect(namedOutputCandidates()).not.toContain('满意度');
    expect(namedOutputCandidates()).not.toContain('绩效_满意度');
    expect(namedOutputCandidates()).toEqual(
      expect.arrayContaining(['绩效_在职人员控制率', '绩效_自评得分', '绩效_评价等级', '绩效_合计得分', '自评得分']),
    );
    const values: Record<string, NamedValue> = { 绩效_自评得分: cell('绩效_自评得分', "'评分表'!G32") };
    expect(namedOutputs(ev, values, ['评分表'])).toEqual({ writes: [], skipped: [] });
  });
});

describe("the settings sheet keeps a copy of the clerk's manual entries", () => {
  it('writes and reads the copy back (scores as numbers, notes as text)', () => {
    const manual = {
      scores: { 绩效目标合理性: 3.6, 经济效益: 4.5 },
      notes: { 经济效益: '协调新增贷款', 预算调整率: '=工资调标' },
    };
    const layout = settingsSheet({ mapping: { 编制数: '编制人数' }, scheme: '通用', manual }, '设置');
    expect(readSettings(layoutValues(layout))).toEqual({ mapping: { 编制数: '编制人数' }, scheme: '通用', manual });
    const noteCell = layout.rows.flat().find((c) => c?.value === '=工资调标');
    expect(noteCell?.text).toBe(true);
  });
});
