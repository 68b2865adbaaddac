import { getPreset } from '../../src/engine/schemes';
import { evaluate } from '../../src/engine/evaluate';
import { validateScheme } from '../../src/engine/schemeValidation';
import type { CellValue, Finding, Scheme } from '../../src/engine/types';
import { schemeFromSheet, schemeSheet } from '../../src/sheets/schemeSheet';
import { sampleRead } from '../engine/sample';
import { findCell, layoutValues } from './grid';

/** Read the sheet and validate the scheme once, as a run does: the scheme only when nothing is wrong. */
function checked(values: CellValue[][]): { scheme?: Scheme; findings: Finding[] } {
  const read = schemeFromSheet(values);
  if (!read.scheme) return read;
  const findings = validateScheme(read.scheme, read.origin);
  return findings.some((f) => f.severity === 'error') ? { findings } : { scheme: read.scheme, findings };
}

function preset(name: string): Scheme {
  return getPreset(name) as Scheme;
}

/** The values of a scheme sheet, with one cell changed by a callback. */
function edited(
  scheme: Scheme,
  change: (values: CellValue[][], rowOf: (level3: string) => number) => void,
): CellValue[][] {
  const layout = schemeSheet(scheme, '评分方案');
  const values = layoutValues(layout).map((r) => [...r]);
  const rowOf = (level3: string) => (findCell(layout, level3) as { row: number }).row;
  change(values, rowOf);
  return values;
}

describe('评分方案 sheet', () => {
  it.each(['通用', '湖南'])('round-trips the %s preset exactly', (name) => {
    const scheme = preset(name);
    const parsed = schemeFromSheet(layoutValues(schemeSheet(scheme, '评分方案')));
    expect(parsed.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(parsed.scheme).toEqual(scheme);
  });

  it('writes rules in the documented notation', () => {
    const layout = schemeSheet(preset('通用'), '评分方案');
    const row = (level3: string) => layout.rows[(findCell(layout, level3) as { row: number }).row].map((c) => c?.value);
    expect(row('在职人员控制率').slice(3, 6)).toEqual([4, '上限扣分', '上限=100; 每点扣=0.4']);
    expect(row('重点支出安排率').slice(4, 6)).toEqual(['区间', '≥90:4; [80,90):3.2; [70,80):2.4; [60,70):1.6; <60:0']);
    expect(row('预算调整率')[5]).toBe('=0:3; (0,10]:2; (10,20]:1; (20,30]:0.5; >30:0');
    expect(row('支付进度率').slice(4, 6)).toEqual(['季度', undefined]);
    expect(row('绩效目标合理性').slice(4, 8)).toEqual(['手工', undefined, expect.any(String), undefined]);
    expect(row('社会公众或服务对象满意度')[7]).toBe('满意度');
    expect(findCell(layout, '不适用处理')).toBeDefined();
    expect(layout.names).toEqual([{ name: '_jixiao_评分方案', row: 0, col: 0, hidden: true }]);
    // Every scheme cell is text the clerk may edit.
    const header = findCell(layout, '三级指标') as { row: number };
    expect(layout.rows[header.row + 1][2]).toMatchObject({
      text: true,
      style: expect.objectContaining({ unlocked: true }),
    });
  });

  it('reads a clerk edit: a changed 分值 pair, full-width notation, 按满分计, a blank 一级 continuing the row above', () => {
    const values = edited(preset('通用'), (v, rowOf) => {
      v[rowOf('在职人员控制率')][3] = 5;
      v[rowOf('在职人员控制率')][5] = '上限＝100；每点扣＝0.5';
      v[rowOf('三公经费变动率')][3] = '3';
      v[rowOf('重点支出安排率')][5] = '≥90：4；［80，90）：3；＜80：0';
      v[rowOf('三公经费变动率')][0] = null;
      v[(findCell(schemeSheet(preset('通用'), 'x'), '不适用处理') as { row: number }).row][1] = '按满分计';
    });
    const { scheme, findings } = checked(values);
    expect(findings).toEqual([]);
    const item = (l3: string) => scheme?.items.find((i) => i.level3 === l3);
    expect(item('在职人员控制率')).toMatchObject({ weight: 5, rule: { kind: 'ceiling', limit: 100, perPoint: 0.5 } });
    expect(item('三公经费变动率')).toMatchObject({ weight: 3, level1: '投入' });
    expect(item('重点支出安排率')?.rule).toEqual({
      kind: 'bands',
      bands: [
        { min: 90, minIncluded: true, score: 4 },
        { min: 80, minIncluded: true, max: 90, maxIncluded: false, score: 3 },
        { max: 80, maxIncluded: false, score: 0 },
      ],
    });
    expect(scheme?.notApplicable).toBe('full');
  });

  it('names the sheet row of a broken rule and writes nothing', () => {
    let row = 0;
    const values = edited(preset('通用'), (v, rowOf) => {
      row = rowOf('在职人员控制率');
      v[row][5] = '上限=100';
    });
    const { scheme, findings } = schemeFromSheet(values);
    expect(scheme).toBeUndefined();
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'scheme-invalid',
        severity: 'error',
        message: `评分方案表第${row + 1}行（在职人员控制率）：上限扣分规则缺少参数“每点扣”，例如“上限=100; 每点扣=0.4”`,
      }),
    ]);
  });

  it('reports a wrong total and an unfit rule with the engine check, pointing at sheet rows', () => {
    let row = 0;
    const values = edited(preset('通用'), (v, rowOf) => {
      v[rowOf('绩效目标合理性')][3] = 3;
      row = rowOf('预算完成率');
      v[row][4] = '季度';
    });
    const { scheme, findings } = checked(values);
    expect(scheme).toBeUndefined();
    const messages = findings.map((f) => f.message);
    expect(messages).toContain('评分方案表：分值合计为99，应为100');
    expect(
      messages.some((m) =>
        m.startsWith(`评分方案表第${row + 1}行（三级指标"预算完成率"）：按季度序时进度计分只适用于支付进度率`),
      ),
    ).toBe(true);
  });

  it('a run reports each scheme problem exactly once, with its sheet row', () => {
    let lowRow = 0;
    let duplicateRow = 0;
    let firstRow = 0;
    const values = edited(preset('通用'), (v, rowOf) => {
      lowRow = rowOf('预算完成率');
      v[lowRow][4] = '比例';
      v[lowRow][5] = '目标=95';
      // 三公经费变动率's row (above) now also scores 预算调整率, which its own row scores again.
      firstRow = rowOf('三公经费变动率');
      duplicateRow = rowOf('预算调整率');
      v[firstRow][7] = '预算调整率';
      v[firstRow][4] = '比例';
      v[firstRow][5] = '';
    });
    const read = schemeFromSheet(values);
    expect(read.findings).toEqual([]);
    expect(read.origin.rows?.get(read.scheme!.items.find((i) => i.level3 === '预算完成率')!)).toBe(lowRow + 1);
    const ev = evaluate(sampleRead(), { scheme: read.scheme!, schemeOrigin: read.origin });
    const scheme = ev.findings.filter((f) => f.code.startsWith('scheme-')).map((f) => [f.code, f.message]);
    expect(scheme).toEqual([
      [
        'scheme-invalid',
        `评分方案表第${duplicateRow + 1}行（三级指标"预算调整率"）：指标"预算调整率"已在第${firstRow + 1}行计分`,
      ],
      [
        'scheme-low-target',
        `评分方案表第${lowRow + 1}行（三级指标"预算完成率"）：按比例计分的目标值为95%，低于100%，指标未达100%也可能得满分`,
      ],
    ]);
  });

  it('rejects an unknown rule word, an unknown indicator and a missing 分值', () => {
    const values = edited(preset('通用'), (v, rowOf) => {
      v[rowOf('在职人员控制率')][4] = '打分';
      v[rowOf('预算完成率')][7] = '预算执行率';
      v[rowOf('预算调整率')][3] = null;
    });
    const messages = schemeFromSheet(values).findings.map((f) => f.message);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatch(/第\d+行（在职人员控制率）：规则“打分”无法识别/);
    expect(messages[1]).toMatch(/第\d+行（预算完成率）：未知指标“预算执行率”/);
    expect(messages[2]).toMatch(/第\d+行（预算调整率）：缺少分值/);
  });

  it('a sheet without a header is one clear error', () => {
    expect(schemeFromSheet([['评分方案'], []]).findings[0].message).toBe(
      '评分方案表中找不到表头（一级指标、二级指标、三级指标、分值、规则…）',
    );
  });
});
