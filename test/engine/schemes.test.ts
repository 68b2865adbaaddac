/** The shipped presets, scheme validation and loading a scheme from JSON. */
import { getPreset, listPresets } from '../../src/engine/schemes';
import { validateScheme } from '../../src/engine/schemeValidation';
import { parseSchemeJson } from '../../src/engine/schemeJson';
import type { Scheme } from '../../src/engine/types';

const errors = (scheme: Scheme) =>
  validateScheme(scheme)
    .filter((f) => f.severity === 'error')
    .map((f) => f.message);

describe('presets', () => {
  test('通用 first, then 湖南', () => {
    expect(listPresets()).toEqual(['通用', '湖南']);
  });

  test.each(['通用', '湖南'])('%s is valid: 分值 add up to 100, every rule fits', (name) => {
    const scheme = getPreset(name)!;
    expect(validateScheme(scheme)).toEqual([]);
    expect(scheme.items.reduce((s, i) => s + i.weight * 100, 0) / 100).toBe(100);
    expect(scheme.items.every((i) => i.standard.length > 0)).toBe(true);
  });

  test('通用 is the table of docs/indicators.md', () => {
    const s = getPreset('通用')!;
    expect(s.items).toHaveLength(28);
    expect(s.notApplicable).toBe('rescale');
    expect(s.officialExpensesBasis).toBe('决算口径');
    expect(s.grades).toEqual([
      { grade: '优', min: 90 },
      { grade: '良', min: 80 },
      { grade: '中', min: 60 },
      { grade: '差', min: 0 },
    ]);
    const row = (level3: string) => s.items.find((i) => i.level3 === level3)!;
    expect(row('在职人员控制率')).toMatchObject({
      level1: '投入',
      level2: '预算配置',
      weight: 4,
      rule: { kind: 'ceiling', limit: 100, perPoint: 0.4 },
    });
    expect(row('在职人员控制率').standard).toBe('在职人员数≤编制数得满分，每超过1个百分点扣0.4分，扣完为止');
    expect(row('结转结余变动率')).toMatchObject({ weight: 2, rule: { kind: 'ceiling', limit: 0, perPoint: 0.2 } });
    expect(row('支付进度率')).toMatchObject({ weight: 3, rule: { kind: 'quarterly' } });
    expect(row('社会公众或服务对象满意度')).toMatchObject({
      weight: 5,
      indicator: '满意度',
      rule: { kind: 'proportional' },
    });
    expect(row('经济效益')).toMatchObject({ weight: 5, rule: { kind: 'manual' } });
    expect(row('经济效益').indicator).toBeUndefined();
  });

  test('湖南 uses 8-point items with 0.5 / 0.8 per point and 5%-steps for 预算完成率', () => {
    const s = getPreset('湖南')!;
    const row = (id: string) => s.items.find((i) => i.indicator === id)!;
    expect(row('在职人员控制率')).toMatchObject({
      level3: '财政供养人员控制率',
      weight: 8,
      rule: { kind: 'ceiling', limit: 100, perPoint: 0.5 },
    });
    expect(row('三公经费变动率')).toMatchObject({ weight: 8, rule: { kind: 'ceiling', limit: 0, perPoint: 0.8 } });
    expect(row('预算完成率')).toMatchObject({
      weight: 8,
      standard: '100%计满分，每低于5%扣2分（不足5%按5%计），扣完为止',
    });
  });

  test('getPreset gives a copy the caller may change; unknown names give undefined', () => {
    const a = getPreset('通用')!;
    a.items[0].weight = 99;
    expect(getPreset('通用')!.items[0].weight).toBe(4);
    expect(getPreset('四川')).toBeUndefined();
  });
});

describe('validateScheme', () => {
  const with_ = (change: (s: Scheme) => void) => {
    const s = getPreset('通用')!;
    change(s);
    return s;
  };

  test('分值 must add up to 100, and the message says the sum', () => {
    expect(errors(with_((s) => (s.items[2].weight = 3)))).toEqual(['评分方案"通用"：分值合计为99，应为100']);
  });

  test('decimal weights add up exactly (0.1 + 0.2 is not a problem)', () => {
    const s = with_((x) => {
      x.items[0].weight = 3.7;
      x.items[1].weight = 4.3;
    });
    expect(errors(s)).toEqual([]);
  });

  test('an unknown indicator names its row and 三级指标', () => {
    const s = with_((x) => (x.items[2].indicator = '人员控制率'));
    expect(errors(s)).toEqual(['评分方案"通用"第3行（三级指标"在职人员控制率"）：未知指标"人员控制率"']);
  });

  test('quarterly on anything but 支付进度率', () => {
    const s = with_((x) => (x.items[5].rule = { kind: 'quarterly' }));
    expect(errors(s)).toEqual([
      '评分方案"通用"第6行（三级指标"预算完成率"）：按季度序时进度计分只适用于支付进度率，不适用于预算完成率',
    ]);
  });

  test('a band score above 分值, a negative value, an empty band, overlapping bands', () => {
    const s = with_((x) => {
      x.items[4].rule = {
        kind: 'bands',
        bands: [
          { min: 90, minIncluded: true, score: 5 },
          { max: 90, maxIncluded: true, score: -1 },
        ],
      };
      x.items[6].rule = {
        kind: 'bands',
        bands: [{ min: 10, minIncluded: true, max: 10, maxIncluded: false, score: 1 }],
      };
    });
    expect(errors(s)).toEqual([
      '评分方案"通用"第5行（三级指标"重点支出安排率"）：第1档得分5超过分值4',
      '评分方案"通用"第5行（三级指标"重点支出安排率"）：第2档得分-1为负数',
      '评分方案"通用"第7行（三级指标"预算调整率"）：第1档区间为空（上下限都是10，应都含）',
    ]);
    const overlap = with_((x) => {
      x.items[4].rule = {
        kind: 'bands',
        bands: [
          { min: 90, minIncluded: true, score: 4 },
          { min: 80, minIncluded: true, max: 90, maxIncluded: true, score: 3 },
        ],
      };
    });
    expect(errors(overlap)).toEqual([
      '评分方案"通用"第5行（三级指标"重点支出安排率"）：区间重叠：[80%, 90%]与[90%, +∞)',
    ]);
  });

  test('a negative 分值 or per-point deduction, an unknown rule, a rule without indicator', () => {
    const s = with_((x) => {
      x.items[2].rule = { kind: 'ceiling', limit: 100, perPoint: -0.4 };
      x.items[3].rule = { kind: 'steps' } as never;
      delete x.items[5].indicator;
    });
    expect(errors(s)).toEqual([
      '评分方案"通用"第3行（三级指标"在职人员控制率"）：每个百分点扣分-0.4为负数',
      '评分方案"通用"第4行（三级指标"三公经费变动率"）：计分规则"steps"无法识别，应为 proportional、ceiling、bands、quarterly 或 manual',
      '评分方案"通用"第6行（三级指标"预算完成率"）：未指定计分的指标',
    ]);
    const negative = with_((x) => {
      x.items[0].weight = -4;
      x.items[1].weight = 12;
    });
    expect(errors(negative)).toEqual(['评分方案"通用"第1行（三级指标"绩效目标合理性"）：分值-4应大于0']);
  });

  test('duplicate rows', () => {
    const s = with_((x) => {
      x.items[5].level3 = '在职人员控制率';
    });
    expect(errors(s)).toEqual(['评分方案"通用"第6行（三级指标"在职人员控制率"）：三级指标与第3行重复']);
  });

  test('grade bands must be sorted from high to low, without overlap, down to 0', () => {
    expect(
      errors(
        with_(
          (x) =>
            (x.grades = [
              { grade: '良', min: 80 },
              { grade: '优', min: 90 },
              { grade: '差', min: 0 },
            ]),
        ),
      ),
    ).toEqual(['评分方案"通用"：等级应按下限从高到低排列且不重叠："良"≥80，"优"≥90']);
    expect(
      errors(
        with_(
          (x) =>
            (x.grades = [
              { grade: '优', min: 90 },
              { grade: '良', min: 90 },
              { grade: '差', min: 0 },
            ]),
        ),
      ),
    ).toHaveLength(1);
    expect(
      errors(
        with_(
          (x) =>
            (x.grades = [
              { grade: '优', min: 90 },
              { grade: '良', min: 60 },
            ]),
        ),
      ),
    ).toEqual(['评分方案"通用"：最低等级"良"的下限应为0']);
  });

  test('settings must be one of the allowed values', () => {
    expect(errors(with_((x) => (x.notApplicable = 'zero' as never)))).toHaveLength(1);
    expect(errors(with_((x) => (x.officialExpensesBasis = '预算' as never)))).toHaveLength(1);
  });
});

describe('parseSchemeJson', () => {
  const minimal = {
    name: '某市',
    items: [
      {
        level1: '投入',
        level2: '预算配置',
        level3: '在职人员控制率',
        weight: 50,
        rule: { kind: 'ceiling', limit: 100, perPoint: '0.5' },
      },
      { level1: '效果', level2: '履职效益', level3: '社会效益', weight: '50', rule: { kind: '人工' } },
    ],
  };

  test('fills the defaults: indicator from 三级指标, 评分标准 from the rule, grades, settings', () => {
    const { scheme, findings } = parseSchemeJson(JSON.stringify(minimal), 'mou.json');
    expect(findings).toEqual([]);
    expect(scheme!.name).toBe('某市');
    expect(scheme!.notApplicable).toBe('rescale');
    expect(scheme!.officialExpensesBasis).toBe('决算口径');
    for (const key of ['officialExpensesBasis', 'sangongBasis'])
      expect(
        parseSchemeJson(JSON.stringify({ ...minimal, [key]: '预算口径' }), 'a.json').scheme!.officialExpensesBasis,
      ).toBe('预算口径');
    expect(scheme!.grades.map((g) => g.grade)).toEqual(['优', '良', '中', '差']);
    expect(scheme!.items[0]).toMatchObject({
      indicator: '在职人员控制率',
      weight: 50,
      rule: { kind: 'ceiling', limit: 100, perPoint: 0.5 },
    });
    expect(scheme!.items[0].standard).toBe('在职人员控制率≤100%得满分，每超过1个百分点扣0.5分，扣完为止');
    expect(scheme!.items[1]).toMatchObject({ weight: 50, rule: { kind: 'manual' } });
    expect(scheme!.items[1].indicator).toBeUndefined();
  });

  test('a preset written out as JSON loads back unchanged', () => {
    const hunan = getPreset('湖南')!;
    expect(parseSchemeJson(JSON.stringify(hunan), 'hunan.json')).toEqual({ scheme: hunan, findings: [] });
  });

  test('the file name stands in for a missing name', () => {
    const { scheme } = parseSchemeJson(JSON.stringify({ items: minimal.items }), 'C:\\方案\\湘西.json');
    expect(scheme!.name).toBe('湘西');
  });

  test('not JSON', () => {
    const { scheme, findings } = parseSchemeJson('{ items: ', 'bad.json');
    expect(scheme).toBeUndefined();
    expect(findings[0]).toMatchObject({ code: 'scheme-invalid', severity: 'error' });
    expect(findings[0].message).toMatch(/^评分方案文件 bad\.json 不是有效的 JSON：/);
  });

  test('no items', () => {
    expect(parseSchemeJson('[]', 'a.json').findings[0].message).toBe(
      '评分方案文件 a.json 应为一个 JSON 对象（含 items 数组）',
    );
    expect(parseSchemeJson('{"name":"x"}', 'a.json').findings[0].message).toBe(
      '评分方案文件 a.json 缺少 items 数组（评分项列表）',
    );
  });

  test('a sum other than 100 and a malformed row are named with the file and the row', () => {
    const bad = {
      items: [
        {
          level1: '投入',
          level2: '预算配置',
          level3: '在职人员控制率',
          weight: 40,
          rule: { kind: 'ceiling', limit: 100, perPoint: 0.5 },
        },
        { level1: '过程', level2: '预算执行', level3: '预算完成率', weight: 'abc', rule: { kind: 'quarterly' } },
        { level1: '效果', level2: '履职效益', level3: '社会效益', weight: 50, rule: { kind: 'manual' } },
      ],
    };
    const { scheme, findings } = parseSchemeJson(JSON.stringify(bad), 'mou.json');
    expect(scheme).toBeUndefined();
    expect(findings.map((f) => f.message)).toEqual([
      '评分方案文件 mou.json 第2行（三级指标"预算完成率"）：分值不是数字',
      '评分方案文件 mou.json 第2行（三级指标"预算完成率"）：按季度序时进度计分只适用于支付进度率，不适用于预算完成率',
      '评分方案文件 mou.json：分值合计为90，应为100',
    ]);
  });

  test('a byte-order mark is accepted', () => {
    expect(parseSchemeJson('\uFEFF' + JSON.stringify(minimal), 'bom.json').scheme).toBeDefined();
  });
});
