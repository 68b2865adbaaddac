/**
 * A realistic job for the Office adapter tests: the clerk's workbook (基础数据 with its names) and
 * the three sheets a run writes (指标计算 with 20 indicator names, 评分表, 自评报告), plus a helper
 * that runs readState → readNames → write the way src/app/job.ts does.
 */
import type { SheetLayout, LayoutCell } from '../../src/sheets/layout';
import { markName } from '../../src/sheets/names';
import type { NamedOutputWrite, WorkbookPort, WorkbookState, WritePlan } from '../../src/workbook/port';
import type { WorkbookFixture } from '../support/fixture';

export const INPUTS = [
  '编制数',
  '在职人员数',
  '年初预算数',
  '全年预算数',
  '全年执行数',
  '预算调整数',
  '结转结余总额',
  '上年结转结余总额',
  '一季度累计支出',
  '二季度累计支出',
  '三季度累计支出',
  '四季度累计支出',
  '重点项目支出',
  '项目支出总额',
  '公用经费预算数',
  '公用经费支出数',
  '三公经费预算数',
  '三公经费支出数',
  '上年三公经费支出数',
  '政府采购预算数',
  '政府采购金额',
  '固定资产总额',
  '在用固定资产总额',
  '计划工作数',
  '实际完成工作数',
];

export function clerkWorkbook(): WorkbookFixture {
  const cells: WorkbookFixture['sheets'][number]['cells'] = { A1: '基础数据', B1: '数值' };
  const names: WorkbookFixture['names'] = [];
  INPUTS.forEach((input, i) => {
    cells[`A${i + 2}`] = input;
    cells[`B${i + 2}`] = 100 + i * 3.5;
    // Two inputs are sheet-scoped, as a copied sheet leaves them.
    names.push(
      i < 2
        ? { name: input, sheet: '基础数据', refersTo: `基础数据!$B$${i + 2}` }
        : { name: input, refersTo: `基础数据!$B$${i + 2}` },
    );
  });
  cells.D1 = { value: 0.9, numberFormat: '0.00%' };
  names.push({ name: '满意度', refersTo: '基础数据!$D$1' });
  names.push({ name: '自评得分', refersTo: '汇总!$B$2' });
  return {
    sheets: [
      { name: '基础数据', cells },
      { name: '汇总', cells: { A2: '自评得分' } },
    ],
    names,
  };
}

export const CANDIDATES = [...INPUTS, '满意度', '自评得分', '单位名称', '评价年度'];

const border = { border: true } as const;
const text = (value: string, style: LayoutCell['style'] = border): LayoutCell => ({ value, text: true, style });

export function indicatorSheet(indicators = 20): SheetLayout {
  const rows: (LayoutCell | null)[][] = [
    [{ value: '指标计算表', style: { bold: true, size: 14, horizontal: 'center' } }, null, null, null, null, null],
    ['一级指标', '二级指标', '三级指标', '计算公式', '指标值', '状态'].map((h) =>
      text(h, { bold: true, border: true, fill: '#D9E1F2', horizontal: 'center' }),
    ),
  ];
  for (let i = 0; i < indicators; i++) {
    rows.push([
      text('产出'),
      text('预算执行'),
      text(`指标${i + 1}`),
      text(`实际完成工作数 ÷ 计划工作数 × 100%（第${i + 1}项）`, { border: true, wrap: true }),
      { value: Math.round((0.5 + i / 97) * 10000) / 10000, format: '0.00%', style: border },
      text(i % 7 === 3 ? '无法计算（缺少 计划工作数）' : '正常'),
    ]);
  }
  rows.push([
    text('季度支付进度'),
    null,
    null,
    null,
    { formula: `=SUM(E3:E${indicators + 2})/${indicators}`, format: '0.00%', style: border },
    null,
  ]);
  return {
    name: '指标计算',
    role: '指标计算',
    rows,
    columnWidths: [10, 12, 18, 40, 12, 24],
    merges: [{ top: 0, left: 0, bottom: 0, right: 5 }],
    freezeRows: 2,
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: [1, 1] },
    tabColor: '#2F5597',
    names: Array.from({ length: indicators }, (_, i) => ({ name: `指标_指标${i + 1}`, row: i + 2, col: 4 })),
  };
}

export function scoreSheet(items = 25): SheetLayout {
  const rows: (LayoutCell | null)[][] = [
    [{ value: '部门整体支出绩效自评表', style: { bold: true, size: 16, horizontal: 'center' } }],
    ['一级指标', '二级指标', '三级指标', '分值', '指标值', '得分', '扣分原因'].map((h) =>
      text(h, { bold: true, border: true, horizontal: 'center' }),
    ),
  ];
  for (let i = 0; i < items; i++) {
    const manual = i % 5 === 4;
    rows.push([
      text(['决策', '过程', '产出', '效益', '满意度'][Math.floor(i / 5)]),
      text('预算执行'),
      text(`指标${i + 1}`),
      { value: 4, format: '0', style: border },
      { value: 0.5 + i / 100, format: '0.00%', style: border },
      manual
        ? { value: null, format: '0.00', style: { border: true, unlocked: true, fill: '#FFF2CC' } }
        : { value: 4 - (i % 3) * 0.5, format: '0.00', style: border },
      manual
        ? { value: null, text: true, style: { border: true, unlocked: true, wrap: true } }
        : text(i % 3 === 0 ? '' : `偏差 ${(i % 3) * 0.5} 分`),
    ]);
  }
  const last = items + 2;
  rows.push([
    text('合计'),
    null,
    null,
    { formula: `=SUM(D3:D${last})`, format: '0', style: border },
    null,
    { formula: `=SUM(F3:F${last})`, format: '0.00', style: border },
    null,
  ]);
  rows.push([
    text('评价等级'),
    null,
    null,
    null,
    null,
    { formula: `=IF(F${last + 1}>=90,"优",IF(F${last + 1}>=80,"良","中"))`, style: border },
    null,
  ]);
  const merges = [{ top: 0, left: 0, bottom: 0, right: 6 }];
  for (let g = 0; g < items / 5; g++) merges.push({ top: 2 + g * 5, left: 0, bottom: 6 + g * 5, right: 0 });
  merges.push({ top: last, left: 0, bottom: last, right: 2 });
  return {
    name: '评分表',
    role: '评分表',
    rows,
    columnWidths: [10, 12, 18, 8, 10, 10, 30],
    merges,
    freezeRows: 2,
    hiddenColumns: [],
    print: { orientation: 'portrait', fitToWidth: true },
    names: [],
  };
}

export function reportSheet(paragraphs = 50): SheetLayout {
  const rows: (LayoutCell | null)[][] = [
    [{ value: '部门整体支出绩效自评报告', style: { bold: true, size: 16, horizontal: 'center' } }],
  ];
  const rowHeights: Record<number, number> = {};
  for (let i = 0; i < paragraphs; i++) {
    const heading = i % 10 === 0;
    const body =
      i % 10 === 5
        ? `- 第${i}段：三公经费较上年下降 -3.2%，+5 项工作提前完成。`
        : `第${i}段：本部门严格执行预算，全年执行率 95.21%。`;
    rows.push([
      heading
        ? { value: `${'一二三四五'[i / 10]}、部门基本情况`, text: true, style: { bold: true } }
        : { value: body, text: true, style: { wrap: true, vertical: 'top' } },
    ]);
    if (!heading) rowHeights[i + 1] = 45;
  }
  return {
    name: '自评报告',
    role: '自评报告',
    rows,
    columnWidths: [100],
    rowHeights,
    merges: [],
    print: { orientation: 'portrait', fitToWidth: true },
  };
}

export function realisticLayouts(): SheetLayout[] {
  return [indicatorSheet(), scoreSheet(), reportSheet()];
}

export const NAMED_OUTPUTS: NamedOutputWrite[] = [
  { name: '自评得分', cell: '汇总!B2', value: 88.5, numberFormat: '0.00' },
];

/** The plan src/app/job.ts would make: `replaces` from the marks readState found. */
export function planFor(
  state: WorkbookState,
  layouts: SheetLayout[] = realisticLayouts(),
  namedOutputs = NAMED_OUTPUTS,
): WritePlan {
  return {
    sheets: layouts.map((layout) => {
      const owned = state.owned[markName(layout.role)];
      return { layout: owned ? { ...layout, name: owned.sheet } : layout, replaces: owned?.sheet };
    }),
    names: [],
    namedOutputs,
    activate: '评分表',
  };
}

export const MARKS = realisticLayouts().map((l) => markName(l.role));

/** readState → readNames → write, like src/app/job.ts. */
export async function runJobLike(
  port: WorkbookPort,
  layouts: SheetLayout[] = realisticLayouts(),
  namedOutputs = NAMED_OUTPUTS,
): Promise<void> {
  const state = await port.readState(layouts.map((l) => markName(l.role)));
  await port.readNames(CANDIDATES);
  await port.write(planFor(state, layouts, namedOutputs));
}
