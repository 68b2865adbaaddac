import Decimal from 'decimal.js';
import fc from 'fast-check';
import { readManualEntries, scoreSheet } from '../../src/sheets/scoreSheet';
import { cellAddress } from '../../src/engine/a1';
import type { SheetLayout } from '../../src/sheets/layout';
import type { CellValue, Evaluation } from '../../src/engine/types';
import { evaluateWith, SAMPLE_MANUAL, scheme } from '../narrative/sample';
import { cellAt, evaluateFormula, findCell, layoutValues } from './grid';

const ITEM_ROW = 3; // title, subtitle, header above the first item

function rowOf(layout: SheetLayout, level3: string): number {
  const found = findCell(layout, level3);
  if (!found || found.col !== 2) throw new Error(`no row for ${level3}`);
  return found.row;
}

function totalCells(layout: SheetLayout): { total: string; grade: string; status: string } {
  const total = findCell(layout, '合计') as { row: number };
  const grade = findCell(layout, '评价等级') as { row: number };
  return { total: cellAddress(total.row, 6), grade: cellAddress(grade.row, 6), status: cellAddress(total.row, 7) };
}

describe('评分表 of the sample department (first run, no manual scores)', () => {
  const ev = evaluateWith();
  const layout = scoreSheet(ev, '评分表');

  it('has the official columns, the title and one row per scheme item', () => {
    expect(layout.rows[0][0]?.value).toBe('忻州市人民政府金融工作办公室2021年度部门整体支出绩效自评表');
    expect(layout.rows[2].slice(0, 8).map((c) => c?.value)).toEqual([
      '一级指标',
      '二级指标',
      '三级指标',
      '分值',
      '评分标准',
      '指标值',
      '得分',
      '扣分原因/偏差原因分析及改进措施',
    ]);
    expect(layout.rows[ITEM_ROW + 27][2]?.value).toBe('社会公众或服务对象满意度');
    expect(layout.rows[ITEM_ROW + 28][0]?.value).toBe('合计');
    expect(layout.freezeRows).toBe(3);
    expect(layout.print).toEqual({ orientation: 'landscape', fitToWidth: true, repeatRows: [2, 2] });
    expect(layout.hiddenColumns).toEqual([8, 9]);
    expect(layout.names).toEqual([{ name: '_jixiao_评分表', row: 0, col: 0, hidden: true }]);
  });

  it('writes every computed figure: value as a 0.00% fraction, score with 2 decimals', () => {
    // 在职人员控制率 15 ÷ 17 = 88.2352…% → 88.24%; ceiling 100% → full 4 points.
    const r = rowOf(layout, '在职人员控制率');
    expect(layout.rows[r][3]).toMatchObject({ value: 4 });
    expect(layout.rows[r][5]).toMatchObject({ value: 0.8824, format: '0.00%' });
    expect(layout.rows[r][6]).toMatchObject({ value: 4, format: '0.00' });
    // 三公经费变动率 (0.55 − 0.49) ÷ 0.49 = 12.2448…% → 12.24%; 4 − 12.24 × 0.4 = −0.896 → 0 (扣完为止).
    const s = rowOf(layout, '三公经费变动率');
    expect(layout.rows[s][5]).toMatchObject({ value: 0.1224, format: '0.00%' });
    expect(layout.rows[s][6]).toMatchObject({ value: 0 });
    expect(String(layout.rows[s][7]?.value)).toContain('扣完为止');
    // 预算调整率 20.8 ÷ 174.56 = 11.9157…% → 11.92%, band (10,20] → 1 point.
    expect(layout.rows[rowOf(layout, '预算调整率')][6]).toMatchObject({ value: 1 });
    // 支付进度率: 3 × mean(21.42/25, 38.23/50, 63.37/75, 82.77/100) = 3 × 0.8235083 = 2.4705 → 2.47.
    const p = rowOf(layout, '支付进度率');
    expect(layout.rows[p][5]).toMatchObject({ value: 0.8277 });
    expect(layout.rows[p][6]).toMatchObject({ value: 2.47 });
  });

  it('highlights and unlocks the manual 得分 cells, empty until the clerk types', () => {
    const r = rowOf(layout, '绩效目标合理性');
    expect(layout.rows[r][5]?.value).toBe('定性');
    expect(layout.rows[r][6]?.value).toBeUndefined();
    expect(layout.rows[r][6]?.style).toMatchObject({ fill: '#FFF2CC', unlocked: true });
    expect(String(layout.rows[r][4]?.value)).toContain(
      '人工评分参考：达成 3.2–4分；部分达成 2.4–3.2分；未达成 0–2.4分',
    );
    expect(layout.rows[r][8]?.value).toBe('手工');
    // A computed 得分 is locked.
    expect(layout.rows[rowOf(layout, '预算完成率')][6]?.style?.unlocked).toBeFalsy();
    // Not computable (no 重点项目支出) → scored by hand, with the reason.
    const k = rowOf(layout, '重点支出安排率');
    expect(layout.rows[k][5]?.value).toBe('无法计算');
    expect(layout.rows[k][6]?.style).toMatchObject({ unlocked: true });
    expect(layout.rows[k][7]?.value).toBe('无法计算（缺少重点项目支出、项目支出总额），请按评分标准人工评分');
  });

  it('unlocks the note column of every item row and writes notes as text', () => {
    for (let r = ITEM_ROW; r < ITEM_ROW + ev.items.length; r++) {
      expect(layout.rows[r][7]).toMatchObject({ text: true, style: expect.objectContaining({ unlocked: true }) });
    }
  });

  it('merges 一级 and 二级 cells over their rows', () => {
    // 投入: rows 4–8 (5 items); 过程: rows 9–23; 目标设定 rows 4–5.
    expect(layout.merges).toContainEqual({ top: 3, left: 0, bottom: 7, right: 0 });
    expect(layout.merges).toContainEqual({ top: 8, left: 0, bottom: 22, right: 0 });
    expect(layout.merges).toContainEqual({ top: 3, left: 1, bottom: 4, right: 1 });
    expect(layout.rows[4][0]).toBeNull();
    expect(layout.rows[4][1]).toBeNull();
  });

  it('合计 is a live formula that reproduces the engine total, provisional while manual cells are empty', () => {
    const { total, grade, status } = totalCells(layout);
    const cell = cellAt(layout, total);
    expect(cell?.formula).toBe('=ROUND(SUM(G4:G31)*100/(SUM(D4:D31)-SUMIF(G4:G31,"—",D4:D31)),2)');
    // 4+0+4+1+2.47+3+3+4+4+2+3+3+8+6 = 47.47 (the fourteen manual items count 0).
    expect(evaluateFormula(cell?.formula as string, layout)).toBe(47.47);
    expect(ev.total.toFixed(2)).toBe('47.47');
    expect(cell?.value).toBe(47.47);
    expect(evaluateFormula(cellAt(layout, grade)?.formula as string, layout)).toBe('差');
    expect(evaluateFormula(cellAt(layout, status)?.formula as string, layout)).toBe(
      '暂定：尚有14项人工评分未填写（黄色单元格），按0分计',
    );
    expect(cellAt(layout, status)?.value).toBe('暂定：尚有14项人工评分未填写（黄色单元格），按0分计');
  });

  it('when the clerk types the manual scores, 合计 and 评价等级 equal a re-run with those scores', () => {
    const overrides: Record<string, number> = {};
    for (const [level3, score] of Object.entries(SAMPLE_MANUAL.scores))
      overrides[cellAddress(rowOf(layout, level3), 6)] = score;
    const rerun = evaluateWith({}, { manual: SAMPLE_MANUAL });
    const { total, grade, status } = totalCells(layout);
    // 47.47 + 41.5 typed = 88.97 → 良.
    expect(rerun.total.toFixed(2)).toBe('88.97');
    expect(evaluateFormula(cellAt(layout, total)?.formula as string, layout, overrides)).toBe(88.97);
    expect(evaluateFormula(cellAt(layout, grade)?.formula as string, layout, overrides)).toBe('良');
    expect(rerun.grade).toBe('良');
    expect(evaluateFormula(cellAt(layout, status)?.formula as string, layout, overrides)).toBe('');
  });

  it('shows the 预算执行情况 block with a live 执行率', () => {
    const label = findCell(layout, '年度资金总额') as { row: number };
    const row = layout.rows[label.row];
    expect(row[2]).toMatchObject({ value: 153.76, format: '#,##0.00' });
    expect(row[3]).toMatchObject({ value: 174.56 });
    expect(row[4]).toMatchObject({ value: 174.56 });
    expect(row[5]?.formula).toBe(`=IF(D${label.row + 1}=0,"—",ROUND(E${label.row + 1}/D${label.row + 1},4))`);
    expect(evaluateFormula(row[5]?.formula as string, layout)).toBe(1);
    expect(row[5]).toMatchObject({ value: 1, format: '0.00%' });
    expect(layout.rows[label.row - 1].slice(2, 6).map((c) => c?.value)).toEqual([
      '年初预算数',
      '全年预算数',
      '全年执行数',
      '执行率',
    ]);
  });
});

describe('评分表 when an item is not applicable', () => {
  // 上年三公经费支出数 0: 三公经费变动率 not applicable, left out; the rest rescaled to 100.
  const ev = evaluateWith({ 上年三公经费支出数: '0' }, { manual: SAMPLE_MANUAL });
  const layout = scoreSheet(ev, '评分表');

  it('shows "—" and says the item is left out', () => {
    const r = rowOf(layout, '三公经费变动率');
    expect(layout.rows[r][5]?.value).toBe('—');
    expect(layout.rows[r][6]?.value).toBe('—');
    expect(String(layout.rows[r][7]?.value)).toContain('未纳入评分，合计按其余指标分值折算为百分制');
    expect(layout.rows[r][8]?.value).toBe('不适用');
  });

  it('rescales in the live formula exactly like the engine', () => {
    // Scores without the item: 88.97 − 0 = 88.97 over 96 points → 88.97 × 100 ÷ 96 = 92.677… → 92.68.
    expect(ev.total.toFixed(2)).toBe('92.68');
    const { total, grade } = totalCells(layout);
    expect(evaluateFormula(cellAt(layout, total)?.formula as string, layout)).toBe(92.68);
    expect(evaluateFormula(cellAt(layout, grade)?.formula as string, layout)).toBe('优');
    expect(ev.grade).toBe('优');
  });

  it('counts it as full marks with a plain SUM in full mode', () => {
    const full = { ...scheme(), notApplicable: 'full' as const };
    const evFull = evaluateWith({ 上年三公经费支出数: '0' }, { manual: SAMPLE_MANUAL, scheme: full });
    const sheet = scoreSheet(evFull, '评分表');
    const r = rowOf(sheet, '三公经费变动率');
    expect(sheet.rows[r][6]).toMatchObject({ value: 4 });
    const { total } = totalCells(sheet);
    expect(cellAt(sheet, total)?.formula).toBe('=ROUND(SUM(G4:G31),2)');
    // 88.97 + 4 = 92.97.
    expect(evaluateFormula(cellAt(sheet, total)?.formula as string, sheet)).toBe(92.97);
    expect(evFull.total.toFixed(2)).toBe('92.97');
  });
});

describe('readManualEntries', () => {
  const ev = evaluateWith({}, { manual: SAMPLE_MANUAL });
  const layout = scoreSheet(ev, '评分表');
  const values = layoutValues(layout);

  it('reads back every manual score and the clerk notes, not the generated ones', () => {
    const entries = readManualEntries(values);
    expect(entries.scores).toEqual(SAMPLE_MANUAL.scores);
    expect(entries.notes).toEqual(SAMPLE_MANUAL.notes);
  });

  it('is a fixed point: a re-run from the entries writes the same sheet', () => {
    const again = scoreSheet(evaluateWith({}, { manual: readManualEntries(values) }), '评分表');
    expect(layoutValues(again)).toEqual(values);
  });

  it('finds rows by 三级指标 when the clerk moved them', () => {
    const moved: CellValue[][] = [...values];
    const a = rowOf(layout, '绩效目标合理性');
    const b = rowOf(layout, '生态效益');
    [moved[a], moved[b]] = [moved[b], moved[a]];
    moved.splice(2, 0, ['随便写的一行'] as CellValue[]);
    expect(readManualEntries(moved)).toEqual(readManualEntries(values));
  });

  it('keeps notes on computed rows, ignores a score typed over a computed one', () => {
    const edited = values.map((row) => [...row]);
    const r = rowOf(layout, '在职人员控制率');
    edited[r][6] = 3;
    edited[r][7] = '=编制数据以年末决算为准';
    const entries = readManualEntries(edited);
    expect(entries.notes['在职人员控制率']).toBe('=编制数据以年末决算为准');
    expect(entries.scores['在职人员控制率']).toBeUndefined();
  });

  it('accepts a score typed as text and drops an empty one', () => {
    const edited = values.map((row) => [...row]);
    edited[rowOf(layout, '经济效益')][6] = ' 4.2 ';
    edited[rowOf(layout, '社会效益')][6] = null;
    const entries = readManualEntries(edited);
    expect(entries.scores['经济效益']).toBe(4.2);
    expect('社会效益' in entries.scores).toBe(false);
  });

  it('returns nothing for a sheet that is not a 评分表', () => {
    expect(readManualEntries([['别的表'], [1, 2, 3]])).toEqual({ scores: {}, notes: {} });
  });

  it('writes a kept clerk note verbatim, as text, even when it looks like a formula', () => {
    const withNote = evaluateWith({}, { manual: { scores: {}, notes: { 在职人员控制率: '=A1+1' } } });
    const sheet = scoreSheet(withNote, '评分表');
    expect(sheet.rows[rowOf(sheet, '在职人员控制率')][7]).toMatchObject({ value: '=A1+1', text: true });
  });
});

describe('评分表 numbers are JS numbers at the boundary', () => {
  it('never holds a Decimal', () => {
    const ev: Evaluation = evaluateWith({}, { manual: SAMPLE_MANUAL });
    for (const row of scoreSheet(ev, '评分表').rows)
      for (const c of row) expect(Decimal.isDecimal(c?.value)).toBe(false);
  });
});

describe('the live 合计 and 评价等级 agree with the engine for any manual scores', () => {
  const manualItems = scheme().items.filter(
    (i) =>
      i.rule.kind === 'manual' || ['重点支出安排率', '结转结余变动率', '社会公众或服务对象满意度'].includes(i.level3),
  );

  it('typed into the sheet or re-run through evaluate, the total and grade are the same', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: manualItems.length, maxLength: manualItems.length }),
        fc.boolean(),
        fc.constantFrom<'rescale' | 'full'>('rescale', 'full'),
        (percents, priorZero, mode) => {
          const scores: Record<string, number> = {};
          // Scores of 0 … 分值 in steps of 1% of the 分值, i.e. at most 2 decimals.
          manualItems.forEach((item, i) => (scores[item.level3] = Math.round(item.weight * percents[i]) / 100));
          const s = { ...scheme(), notApplicable: mode };
          const changes = priorZero ? { 上年三公经费支出数: '0' } : {};
          const first = scoreSheet(evaluateWith(changes, { scheme: s }), '评分表');
          const rerun = evaluateWith(changes, { scheme: s, manual: { scores, notes: {} } });
          const overrides: Record<string, number> = {};
          for (const [level3, score] of Object.entries(scores)) overrides[cellAddress(rowOf(first, level3), 6)] = score;
          const { total, grade } = totalCells(first);
          expect(evaluateFormula(cellAt(first, total)?.formula as string, first, overrides)).toBe(
            rerun.total.toNumber(),
          );
          expect(evaluateFormula(cellAt(first, grade)?.formula as string, first, overrides)).toBe(rerun.grade);
        },
      ),
      { numRuns: 150 },
    );
  });
});
