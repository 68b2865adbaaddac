/** The pure parts behind the panels: value formats, grouping, score rows, mapping entries, progress. */
import Decimal from 'decimal.js';
import { inputDef, INPUTS } from '../../src/engine/catalogue';
import { formatInputValue, formatRate, formatScore } from '../../src/taskpane/format';
import { progressFraction } from '../../src/taskpane/components/JobProgress/JobProgress';
import { groupInputs } from '../../src/taskpane/components/InputsPanel/useInputsPanel';
import { mappableNames, mappingEntries } from '../../src/taskpane/components/MappingEditor/useMappingEditor';
import { pendingManualItems, scoreRows } from '../../src/taskpane/components/ResultPanel/useResultPanel';
import { defaultSchemeOf } from '../../src/taskpane/components/App/useJob';
import { baseName } from '../../src/taskpane/components/App/useWorkbook';
import { evaluation, inspection, readings, SAMPLE_READINGS } from './fakes';

describe('formats', () => {
  it('shows rates and scores with exactly two decimals', () => {
    expect(formatRate(new Decimal('88.24'))).toBe('88.24%');
    expect(formatRate(new Decimal(100))).toBe('100.00%');
    expect(formatRate(undefined)).toBe('—');
    expect(formatScore(new Decimal('3.8'))).toBe('3.80');
    expect(formatScore(null)).toBe('—');
  });

  it('shows input values as read, with their unit, never rounded', () => {
    expect(
      formatInputValue(
        { input: '全年预算数', status: 'found', value: new Decimal('1922.765') },
        inputDef('全年预算数'),
      ),
    ).toBe('1922.765 万元');
    expect(formatInputValue({ input: '编制数', status: 'found', value: new Decimal(17) }, inputDef('编制数'))).toBe(
      '17 人',
    );
    expect(formatInputValue({ input: '满意度', status: 'found', value: new Decimal('95.5') }, inputDef('满意度'))).toBe(
      '95.5%',
    );
    expect(
      formatInputValue({ input: '评价年度', status: 'found', value: new Decimal(2021) }, inputDef('评价年度')),
    ).toBe('2021');
    expect(formatInputValue({ input: '编制数', status: 'missing' }, inputDef('编制数'))).toBe('—');
  });

  it('cuts long texts for the table', () => {
    const text = '本单位主要职责是负责全市财政预算的编制、执行和决算工作，以及相关的监督管理。';
    expect(formatInputValue({ input: '单位概况', status: 'found', value: text }, inputDef('单位概况'))).toBe(
      `${Array.from(text).slice(0, 24).join('')}…`,
    );
  });
});

describe('groupInputs', () => {
  it('keeps the catalogue order in the five groups of the spec', () => {
    const groups = groupInputs(SAMPLE_READINGS);
    expect(groups.map((g) => g.group)).toEqual(['基本信息', '人员编制', '预算执行', '产出', '文字说明']);
    expect(groups.reduce((n, g) => n + g.rows.length, 0)).toBe(INPUTS.length);
    expect(groups[1].rows.map((r) => r.def.name)).toEqual(['编制数', '在职人员数']);
  });

  it('counts found inputs and flags groups with a missing required or an invalid input', () => {
    const r = readings({
      单位名称: { value: '某局' },
      评价年度: { value: new Decimal(2021) },
      编制数: { value: new Decimal(17) },
    });
    r['满意度'] = {
      input: '满意度',
      status: 'invalid',
      problem: '满意度（基础数据!B40）为120，超出0–100。',
      cell: '基础数据!B40',
    };
    const byGroup = Object.fromEntries(groupInputs(r).map((g) => [g.group, g]));
    expect(byGroup['基本信息']).toMatchObject({ found: 2, needsAttention: false });
    expect(byGroup['人员编制']).toMatchObject({ found: 1, needsAttention: true }); // 在职人员数 missing
    expect(byGroup['产出']).toMatchObject({ found: 0, needsAttention: true }); // 满意度 invalid
    expect(byGroup['文字说明']).toMatchObject({ found: 0, needsAttention: false }); // all optional
  });
});

describe('scoreRows', () => {
  it('lists every scheme item with value, status and score', () => {
    expect(
      scoreRows(evaluation()).map(({ name, value, status, score, weight, excluded }) => ({
        name,
        value,
        status,
        score,
        weight,
        excluded,
      })),
    ).toEqual([
      { name: '绩效目标合理性', value: '—', status: 'manual', score: null, weight: 4, excluded: false },
      { name: '在职人员控制率', value: '88.24%', status: 'ok', score: '4.00', weight: 4, excluded: false },
      { name: '三公经费变动率', value: '—', status: 'not_applicable', score: null, weight: 4, excluded: true },
      { name: '预算完成率', value: '96.50%', status: 'ok', score: '3.86', weight: 4, excluded: false },
    ]);
  });

  it('names the manual items still waiting for a score', () => {
    expect(pendingManualItems(evaluation())).toEqual(['绩效目标合理性']);
  });
});

describe('mapping entries', () => {
  it('lists required inputs first, then the rest in catalogue order', () => {
    const entries = mappingEntries(
      inspection({ evaluation: evaluation({ inputs: readings({ 单位名称: { value: '某局' } }) }) }),
    );
    const names = entries.map((e) => e.def.name);
    expect(names.slice(0, 5)).toEqual(['评价年度', '编制数', '在职人员数', '全年预算数', '全年执行数']);
    expect(names).not.toContain('单位名称');
    expect(names).toHaveLength(INPUTS.length - 1);
  });

  it("offers the workbook's names without the add-in's own or hidden ones, once each", () => {
    const names = mappableNames(
      inspection({
        names: {
          all: [
            { name: '预算数', scope: { kind: 'workbook' }, refersTo: '基础数据!$B$6' },
            { name: '预算数', scope: { kind: 'worksheet', sheet: '基础数据' }, refersTo: '基础数据!$C$6' },
            { name: '_jixiao_评分表', scope: { kind: 'workbook' }, refersTo: '评分表!$A$1', hidden: true },
            { name: '指标_在职人员控制率', scope: { kind: 'workbook' }, refersTo: '指标计算!$H$3' },
            {
              name: 'Print_Area',
              scope: { kind: 'worksheet', sheet: '评分表' },
              refersTo: '评分表!$A$1:$H$40',
              hidden: true,
            },
            { name: '编制人数', scope: { kind: 'workbook' }, refersTo: '基础数据!$B$3' },
          ],
          values: {},
        },
      }),
    );
    expect(names.sort()).toEqual(['编制人数', '预算数'].sort());
  });
});

describe('defaultSchemeOf', () => {
  it("recognises the workbook's own scheme sheet, else names the preset used", () => {
    expect(defaultSchemeOf(inspection({ schemeSource: '工作簿中的评分方案（评分方案）' }))).toEqual({
      workbook: true,
      preset: null,
    });
    expect(defaultSchemeOf(inspection({ schemeSource: '预设：通用' }))).toEqual({ workbook: false, preset: '通用' });
  });
});

describe('progressFraction', () => {
  it('measures inspect in three steps and a run in six', () => {
    expect(progressFraction('inspect', null)).toBe(0);
    expect(progressFraction('inspect', 'evaluate')).toBe(1);
    expect(progressFraction('run', 'read-state')).toBe(1 / 6);
    expect(progressFraction('run', 'done')).toBe(1);
  });
});

describe('baseName', () => {
  it('drops the .xlsx extension only', () => {
    expect(baseName('2021年部门数据.xlsx')).toBe('2021年部门数据');
    expect(baseName('数据.XLSX')).toBe('数据');
    expect(baseName('数据.v2.xlsx')).toBe('数据.v2');
  });
});
