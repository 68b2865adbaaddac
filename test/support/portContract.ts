/**
 * The WorkbookPort contract: one jest suite that every adapter (xlsx on ExcelJS, office on the strict
 * fake of Office.js) must pass. It states the port's semantics, never a library's quirks:
 *
 * - readNames resolves a candidate at workbook scope first, else at sheet scope (first sheet in
 *   workbook order; the other sheets defining it in alsoOnSheets); a name on a merged area is its
 *   top-left cell; `cell` is `Sheet!B3` with the sheet unquoted and the address relative.
 * - values are host-neutral: empty → null, error → { error: '#DIV/0!' }, text stays text.
 * - readState finds our sheets through their hidden `_jixiao_<role>` marks and returns dense value
 *   grids from A1 to the last cell holding a value (merged non-top-left cells are null).
 * - write marks every sheet it writes with `_jixiao_<role>` (hidden, workbook scope, → A1), except a
 *   `基础数据` layout which is handed over to the clerk; creates or re-points names at workbook
 *   scope; replaces an owned sheet in place (same position, no stale cells or merges); writes named
 *   outputs; leaves every other sheet and name as it was.
 *
 * The dump may list formatted empty cells and may write 'General' for an unformatted cell; the
 * helpers below normalise both. Formulas in a dump start with '='.
 */
import type { CellValue, NamedValue } from '../../src/engine/types';
import type { SheetLayout } from '../../src/sheets/layout';
import { reportLayout } from '../../src/sheets/reportSheet';
import type { SheetSnapshot } from '../../src/engine/locator/snapshot';
import type { WorkbookPort, WritePlan } from '../../src/workbook/port';
import type { FixtureCell, FixtureName, FixtureSheet, WorkbookFixture } from './fixture';

export interface PortAdapter {
  open(f: WorkbookFixture): Promise<WorkbookPort>;
  dump(p: WorkbookPort): Promise<WorkbookFixture>;
}

// ---------------------------------------------------------------------------------------------
// Helpers over a dump
// ---------------------------------------------------------------------------------------------

function asCell(c: CellValue | FixtureCell | undefined): FixtureCell {
  if (c === undefined || c === null) return {};
  if (typeof c === 'object' && !('error' in c)) return c;
  return { value: c };
}

export function sheetOf(f: WorkbookFixture, name: string): FixtureSheet {
  const s = f.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`sheet ${name} not in dump: ${f.sheets.map((x) => x.name).join(', ')}`);
  return s;
}

/** The cell as value / formula / numberFormat with General and empty normalised away. */
export function cellOf(f: WorkbookFixture, sheet: string, address: string): FixtureCell {
  const c = asCell(sheetOf(f, sheet).cells[address]);
  const out: FixtureCell = {};
  if (c.formula) out.formula = c.formula.startsWith('=') ? c.formula : `=${c.formula}`;
  else if (c.value !== undefined && c.value !== null && c.value !== '') out.value = c.value;
  if (c.numberFormat && c.numberFormat !== 'General') out.numberFormat = c.numberFormat;
  return out;
}

/** Addresses of the cells that hold a value or a formula, sorted. */
export function filledCells(f: WorkbookFixture, sheet: string): string[] {
  return Object.keys(sheetOf(f, sheet).cells)
    .filter((a) => {
      const c = cellOf(f, sheet, a);
      return c.formula !== undefined || c.value !== undefined;
    })
    .sort();
}

/** Value and formula of every filled cell (formats left out), for before/after comparisons. */
function contents(f: WorkbookFixture, sheet: string): Record<string, FixtureCell> {
  const out: Record<string, FixtureCell> = {};
  for (const a of filledCells(f, sheet)) out[a] = cellOf(f, sheet, a);
  return out;
}

/** `'预算 表'!$B$3` and `预算 表!B3` compare equal: quotes, '$' and a leading '=' are dropped. */
export function normRef(ref: string): string {
  return ref
    .replace(/^=/, '')
    .replace(/\$/g, '')
    .replace(/''/g, "'")
    .replace(/^'(.*)'!/, '$1!');
}

function namesOf(f: WorkbookFixture, name: string): FixtureName[] {
  return f.names.filter((n) => n.name === name);
}

function nameSummary(n: FixtureName): string {
  return `${n.name}@${n.sheet ?? '(workbook)'}=${normRef(n.refersTo)}${n.hidden ? ' hidden' : ''}`;
}

function expectCellValue(v: NamedValue, cell: string, value: CellValue): void {
  expect(v.kind).toBe('cell');
  if (v.kind !== 'cell') return;
  expect(v.cell).toBe(cell);
  expect(v.value).toEqual(value);
}

// ---------------------------------------------------------------------------------------------
// The fixture every read test opens
// ---------------------------------------------------------------------------------------------

export const CONTRACT_FIXTURE: WorkbookFixture = {
  sheets: [
    {
      name: '基础数据',
      cells: {
        A1: '基础数据表',
        A3: '编制数',
        B3: 17,
        A4: '在职人员数',
        B4: 15,
        A5: '满意度',
        B5: { value: 0.95, numberFormat: '0.00%' },
        A6: '全年预算数',
        B6: '174.56',
        A7: '全年执行数',
        B7: { error: '#DIV/0!' },
        A8: '结转结余总额',
        A9: '预算调整数',
        B9: 20.8,
        B10: 1,
        C10: 2,
        B11: { formula: '=B3-B4', value: 2 },
        B12: { error: '#N/A' },
        B13: true,
        B14: { formula: '=B3*2' },
        B15: { value: 44561, numberFormat: 'yyyy-mm-dd' },
      },
      merges: ['B9:C9'],
    },
    { name: '预算 表', cells: { A3: '公用经费预算数', B3: 31.9 } },
    { name: '副本', cells: { B3: 99, B4: 7 } },
    { name: '说明', cells: { A1: '其他说明', B4: 8 }, visibility: 'hidden' },
    { name: "张三's 表", cells: { A1: 12 } },
    {
      name: '评分表',
      cells: { A1: '评分表', C2: 3, A3: '合计', B3: { formula: '=C2*2', value: 6 } },
    },
    { name: '我的报告', cells: { A1: '报告', B2: '第一段' } },
    { name: '锁定', cells: { A1: 1 }, protected: true },
  ],
  names: [
    { name: '编制数', refersTo: '基础数据!$B$3' },
    { name: '在职人员数', sheet: '基础数据', refersTo: '基础数据!$B$4' },
    { name: '满意度', refersTo: '基础数据!$B$5' },
    { name: '全年预算数', refersTo: '基础数据!$B$6' },
    { name: '全年预算数', sheet: '副本', refersTo: '副本!$B$3' },
    { name: '全年执行数', refersTo: '基础数据!$B$7' },
    { name: '结转结余总额', refersTo: '基础数据!$B$8' },
    { name: '预算调整数', refersTo: '基础数据!$B$9:$C$9' },
    { name: '公用经费预算数', refersTo: "'预算 表'!$B$3" },
    { name: '多格', refersTo: '基础数据!$B$10:$C$10' },
    { name: '失效', refersTo: '#REF!' },
    { name: '失效单元格', refersTo: '基础数据!#REF!' },
    { name: '常数', refersTo: '15' },
    { name: '文字常数', refersTo: '"忻州"' },
    { name: '公式名', refersTo: 'SUM(基础数据!$B$3:$B$4)' },
    { name: '差额', refersTo: '基础数据!$B$11' },
    { name: '无值', refersTo: '基础数据!$B$12' },
    { name: '布尔', refersTo: '基础数据!$B$13' },
    { name: '未计算', refersTo: '基础数据!$B$14' },
    { name: '日期', refersTo: '基础数据!$B$15' },
    { name: '两表', sheet: '副本', refersTo: '副本!$B$4' },
    { name: '两表', sheet: '说明', refersTo: '说明!$B$4' },
    { name: '引号表', refersTo: "'张三''s 表'!$A$1" },
    { name: '_jixiao_评分表', refersTo: '评分表!$A$1', hidden: true },
    { name: '_jixiao_自评报告', refersTo: '我的报告!$A$1', hidden: true },
    { name: '_jixiao_评分方案', refersTo: '#REF!$A$1', hidden: true },
    { name: '自评得分', refersTo: '副本!$C$1' },
  ],
};

// ---------------------------------------------------------------------------------------------
// The layouts every write test applies
// ---------------------------------------------------------------------------------------------

export function indicatorLayout(name = '指标计算'): SheetLayout {
  return {
    name,
    role: '指标计算',
    rows: [
      [{ value: '指标计算', style: { bold: true, size: 14, horizontal: 'center' } }, null, null],
      [
        { value: '在职人员数', text: true, style: { border: true } },
        { value: 15, format: '0', style: { border: true } },
        { value: 0.8824, format: '0.00%', style: { border: true, fill: '#FFF2CC' } },
      ],
      [
        { value: '编制数', text: true },
        { value: 17, format: '0' },
        { formula: '=B2/B3', format: '0.00%' },
      ],
      [
        { value: '=不是公式', text: true, style: { wrap: true } },
        { value: '+86', text: true },
        { value: 174.56, format: '#,##0.00', style: { unlocked: true } },
      ],
    ],
    columnWidths: [20, 10, 12],
    rowHeights: { 3: 30 },
    merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
    freezeRows: 2,
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: [1, 1] },
    tabColor: '#2F5597',
    names: [
      { name: '指标_在职人员控制率', row: 1, col: 2 },
      { name: '_jixiao_行', row: 2, col: 0, hidden: true },
    ],
  };
}

function smallScoreLayout(): SheetLayout {
  return {
    name: '评分表',
    role: '评分表',
    rows: [[{ value: '新评分表', style: { bold: true } }], [null, { value: 4, format: '0.00' }]],
    columnWidths: [12, 8],
  };
}

function plan(sheets: WritePlan['sheets'], extra: Partial<WritePlan> = {}): WritePlan {
  return { sheets, names: [], namedOutputs: [], ...extra };
}

// ---------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------

export function describePortContract(label: string, adapter: PortAdapter): void {
  describe(`WorkbookPort contract: ${label}`, () => {
    const CLERK_SHEETS = ['基础数据', '预算 表', '副本', '说明', "张三's 表", '我的报告', '锁定'];

    describe('readNames', () => {
      const candidates = [
        '编制数',
        '在职人员数',
        '满意度',
        '全年预算数',
        '全年执行数',
        '结转结余总额',
        '预算调整数',
        '公用经费预算数',
        '多格',
        '失效',
        '失效单元格',
        '常数',
        '文字常数',
        '公式名',
        '差额',
        '无值',
        '布尔',
        '未计算',
        '日期',
        '两表',
        '引号表',
        '不存在的名称',
      ];
      let values: Record<string, NamedValue>;
      let all: import('../../src/engine/types').DefinedName[];
      beforeAll(async () => {
        const port = await adapter.open(CONTRACT_FIXTURE);
        const read = await port.readNames(candidates);
        values = read.values;
        all = read.all;
      });

      it('answers every candidate, also the missing ones', () => {
        expect(Object.keys(values).sort()).toEqual([...candidates].sort());
        expect(values['不存在的名称']).toEqual({ kind: 'missing', name: '不存在的名称' });
      });

      it('reads a workbook-scoped name on a number cell', () => {
        const v = values['编制数'];
        expectCellValue(v, '基础数据!B3', 17);
        expect(v.kind === 'cell' && v.scope).toEqual({ kind: 'workbook' });
      });

      it('finds a sheet-scoped name', () => {
        const v = values['在职人员数'];
        expectCellValue(v, '基础数据!B4', 15);
        expect(v.kind === 'cell' && v.scope).toEqual({ kind: 'worksheet', sheet: '基础数据' });
      });

      it('prefers the workbook scope when both exist and reports the sheet copy', () => {
        const v = values['全年预算数'];
        expectCellValue(v, '基础数据!B6', '174.56');
        if (v.kind !== 'cell') return;
        expect(v.scope).toEqual({ kind: 'workbook' });
        expect(v.alsoOnSheets).toEqual(['副本']);
      });

      it('reports a name defined only on several sheets: first sheet in order, the others listed', () => {
        const v = values['两表'];
        expectCellValue(v, '副本!B4', 7);
        if (v.kind !== 'cell') return;
        expect(v.scope).toEqual({ kind: 'worksheet', sheet: '副本' });
        expect(v.alsoOnSheets).toEqual(['说明']);
      });

      it('keeps a number stored as text as text', () => {
        const v = values['全年预算数'];
        expect(v.kind === 'cell' && typeof v.value).toBe('string');
      });

      it('passes the number format through (percent)', () => {
        const v = values['满意度'];
        expectCellValue(v, '基础数据!B5', 0.95);
        expect(v.kind === 'cell' && v.numberFormat).toBe('0.00%');
      });

      it('gives error values as { error }', () => {
        expectCellValue(values['全年执行数'], '基础数据!B7', { error: '#DIV/0!' });
        expectCellValue(values['无值'], '基础数据!B12', { error: '#N/A' });
      });

      it('gives an empty cell as null', () => {
        expectCellValue(values['结转结余总额'], '基础数据!B8', null);
      });

      it('gives a formula cell its calculated value and a boolean as boolean', () => {
        expectCellValue(values['差额'], '基础数据!B11', 2);
        expectCellValue(values['布尔'], '基础数据!B13', true);
      });

      it('says which cells hold a formula, and gives a formula without a cached value as null', () => {
        expect(values['差额']).toMatchObject({ kind: 'cell', formula: true });
        expect(values['未计算']).toMatchObject({ kind: 'cell', cell: '基础数据!B14', value: null, formula: true });
        expect(values['编制数'].kind === 'cell' && values['编制数'].formula).toBeFalsy();
        expect(values['布尔'].kind === 'cell' && values['布尔'].formula).toBeFalsy();
      });

      it('passes a date format through with the serial number, for the reading rules', () => {
        expectCellValue(values['日期'], '基础数据!B15', 44561);
        expect(values['日期'].kind === 'cell' && values['日期'].numberFormat).toBe('yyyy-mm-dd');
      });

      it('reads a name on a merged area as its top-left cell', () => {
        expectCellValue(values['预算调整数'], '基础数据!B9', 20.8);
      });

      it('reads through a quoted sheet name with a space, and with a doubled quote', () => {
        expectCellValue(values['公用经费预算数'], '预算 表!B3', 31.9);
        expectCellValue(values['引号表'], "张三's 表!A1", 12);
      });

      it('reports a multi-cell name', () => {
        expect(values['多格']).toMatchObject({
          kind: 'invalid-reference',
          problem: 'multi-cell',
          scope: { kind: 'workbook' },
        });
        const v = values['多格'];
        expect(v.kind === 'invalid-reference' && normRef(v.refersTo)).toBe('基础数据!B10:C10');
      });

      it('reports #REF! names', () => {
        expect(values['失效']).toMatchObject({ kind: 'invalid-reference', problem: 'ref-error' });
        expect(values['失效单元格']).toMatchObject({ kind: 'invalid-reference', problem: 'ref-error' });
      });

      it('evaluates constant names and refuses a formula that is not a range', () => {
        expect(values['常数']).toMatchObject({ kind: 'constant', value: 15, scope: { kind: 'workbook' } });
        expect(values['文字常数']).toMatchObject({ kind: 'constant', value: '忻州' });
        expect(values['公式名']).toMatchObject({ kind: 'invalid-reference', problem: 'not-a-range' });
      });

      it('lists every name of both scopes in all', () => {
        const summary = all.map(
          (n) =>
            `${n.name}@${n.scope.kind === 'workbook' ? '(workbook)' : n.scope.sheet}=${normRef(n.refersTo)}${n.hidden ? ' hidden' : ''}`,
        );
        expect(summary).toEqual(
          expect.arrayContaining([
            '编制数@(workbook)=基础数据!B3',
            '在职人员数@基础数据=基础数据!B4',
            '全年预算数@(workbook)=基础数据!B6',
            '全年预算数@副本=副本!B3',
            '两表@副本=副本!B4',
            '两表@说明=说明!B4',
            '常数@(workbook)=15',
            '公用经费预算数@(workbook)=预算 表!B3',
            '_jixiao_评分表@(workbook)=评分表!A1 hidden',
          ]),
        );
        expect(all).toHaveLength(CONTRACT_FIXTURE.names.length);
      });
    });

    describe('readState', () => {
      it('lists the sheets in order with visibility and protection', async () => {
        const port = await adapter.open(CONTRACT_FIXTURE);
        const state = await port.readState([]);
        expect(state.sheets.map((s) => s.name)).toEqual(CONTRACT_FIXTURE.sheets.map((s) => s.name));
        expect(state.sheets.find((s) => s.name === '说明')).toMatchObject({ visibility: 'hidden', protected: false });
        expect(state.sheets.find((s) => s.name === '锁定')).toMatchObject({ visibility: 'visible', protected: true });
        expect(state.owned).toEqual({});
      });

      it('reports which probed sheets are empty (only those probed)', async () => {
        const fixture: WorkbookFixture = {
          sheets: [
            { name: '基础数据', cells: { A1: '数据' } },
            { name: '评分表', cells: {} },
            { name: '自评报告', cells: { C9: '我的草稿' } },
          ],
          names: [],
        };
        const state = await (await adapter.open(fixture)).readState([], ['评分表', '自评报告', '没有这张表']);
        expect(state.sheets.map((s) => [s.name, s.empty])).toEqual([
          ['基础数据', undefined],
          ['评分表', true],
          ['自评报告', false],
        ]);
      });

      it('finds owned sheets through their marks, also after a rename, and returns dense value grids', async () => {
        const port = await adapter.open(CONTRACT_FIXTURE);
        const state = await port.readState(['_jixiao_评分表', '_jixiao_自评报告', '_jixiao_评分方案', '_jixiao_设置']);
        expect(Object.keys(state.owned).sort()).toEqual(['_jixiao_自评报告', '_jixiao_评分表'].sort());
        expect(state.owned['_jixiao_评分表']).toEqual({
          sheet: '评分表',
          values: [
            ['评分表', null, null],
            [null, null, 3],
            ['合计', 6, null],
          ],
        });
        expect(state.owned['_jixiao_自评报告']).toEqual({
          sheet: '我的报告',
          values: [
            ['报告', null],
            [null, '第一段'],
          ],
        });
      });
      it('reads, when asked, the locator windows of the sheets named amounts are on — every clerk sheet when a required input has no name', async () => {
        const fixture: WorkbookFixture = {
          sheets: [
            { name: '基础数据', cells: { A1: '编制数', B1: 17 } },
            { name: '决算', cells: { A1: '单位：元', A2: '全年执行数', B2: 1745600 } },
            { name: '备注', cells: { A1: '说明' } },
            { name: '评分表', cells: { A1: '评分表' } },
          ],
          names: [
            { name: '全年执行数', refersTo: '决算!$B$2' },
            { name: '编制数', refersTo: '基础数据!$B$1' },
            { name: '_jixiao_评分表', refersTo: '评分表!$A$1', hidden: true },
          ],
        };
        const port = await adapter.open(fixture);
        expect((await port.readState([])).windows).toBeUndefined();
        const amounts = { amounts: ['全年执行数', '全年预算数'], required: [['编制数']] };
        const state = await port.readState([], [], amounts);
        expect(state.windows).toEqual([
          {
            sheet: '决算',
            cells: [[{ value: '单位：元' }], [{ value: '全年执行数' }, { value: 1745600 }]],
            merges: [],
            truncated: false,
          },
        ]);
        const unnamed = await port.readState([], [], { ...amounts, required: [['编制数'], ['全年预算数', '预算数']] });
        expect(unnamed.windows?.map((w) => w.sheet)).toEqual(['基础数据', '决算', '备注']);
        const none = await port.readState([], [], { amounts: ['全年预算数'], required: [] });
        expect(none.windows).toEqual([]);
      });
    });

    describe('readReport', () => {
      it('gives the paragraphs of our report sheet in reading order with their cells, found by its mark', async () => {
        const port = await adapter.open(CONTRACT_FIXTURE);
        expect(await port.readReport()).toEqual({
          sheet: '我的报告',
          paragraphs: [
            { cell: 'A1', text: '报告' },
            { cell: 'B2', text: '第一段' },
          ],
        });
      });

      it('is null when the workbook has no report of ours (a clerk sheet named 自评报告 is not ours)', async () => {
        const fixture: WorkbookFixture = {
          sheets: [
            { name: '基础数据', cells: { A1: '数据' } },
            { name: '自评报告', cells: { A1: '我自己的报告' } },
          ],
          names: [],
        };
        expect(await (await adapter.open(fixture)).readReport()).toBeNull();
      });

      it('reads back what write put there and what the clerk typed: text stays text, blank cells are skipped', async () => {
        const fixture: WorkbookFixture = {
          sheets: [{ name: '基础数据', cells: { A1: '数据' } }],
          names: [],
        };
        const port = await adapter.open(fixture);
        const layout = reportLayout(
          [
            { kind: 'title', text: '某单位2021年度部门整体支出绩效自评报告' },
            { kind: 'heading1', text: '一、部门基本情况' },
            { kind: 'paragraph', text: '=不是公式，预算完成率100%。' },
            { kind: 'signature', text: '某单位' },
          ],
          '自评报告',
        );
        await port.write(plan([{ layout }]));
        const dumped = await adapter.dump(port);
        const typed: WorkbookFixture = {
          ...dumped,
          sheets: dumped.sheets.map((s) =>
            s.name === '自评报告' ? { ...s, cells: { ...s.cells, A3: '我改写的段落', A7: 2021, B8: '  ' } } : s,
          ),
        };
        expect(await (await adapter.open(typed)).readReport()).toEqual({
          sheet: '自评报告',
          paragraphs: [
            { cell: 'A1', text: '某单位2021年度部门整体支出绩效自评报告' },
            { cell: 'A2', text: '\u3000\u3000一、部门基本情况' },
            { cell: 'A3', text: '我改写的段落' },
            { cell: 'A5', text: '某单位' },
            { cell: 'A7', text: '2021' },
          ],
        });
      });
    });

    describe('readWindows', () => {
      /** The snapshot cell at an A1 address (undefined when empty). */
      const at = (snap: SheetSnapshot, address: string) => {
        const m = /^([A-Z]+)(\d+)$/.exec(address)!;
        const col = m[1].charCodeAt(0) - 65;
        return snap.cells[Number(m[2]) - 1]?.[col] ?? undefined;
      };

      it('reads values, number formats and merged areas of each sheet asked, in order; unknown sheets left out', async () => {
        const port = await adapter.open(CONTRACT_FIXTURE);
        const snaps = await port.readWindows(['预算 表', '没有这张表', '基础数据']);
        expect(snaps.map((s) => s.sheet)).toEqual(['预算 表', '基础数据']);
        const [budget, basic] = snaps;
        expect(at(budget, 'A3')).toEqual({ value: '公用经费预算数' });
        expect(at(budget, 'B3')).toMatchObject({ value: 31.9 });
        expect(budget.truncated).toBe(false);
        expect(at(basic, 'A1')).toEqual({ value: '基础数据表' });
        expect(at(basic, 'B3')?.value).toBe(17);
        expect(at(basic, 'B5')).toMatchObject({ value: 0.95, numberFormat: '0.00%' });
        // Display text is optional (the xlsx adapter does not format numbers); when given it is what Excel shows.
        expect([undefined, '95.00%']).toContain(at(basic, 'B5')?.text);
        expect(at(basic, 'B6')?.value).toBe('174.56');
        expect(at(basic, 'B7')?.value).toEqual({ error: '#DIV/0!' });
        expect(at(basic, 'B8')).toBeUndefined();
        expect(at(basic, 'B11')?.value).toBe(2);
        expect(at(basic, 'B13')?.value).toBe(true);
        expect(basic.merges).toEqual([{ top: 8, left: 1, bottom: 8, right: 2 }]);
        expect(at(basic, 'B9')?.value).toBe(20.8);
        expect(at(basic, 'C9')).toBeUndefined();
      });

      it('reads no more than the window and says when the sheet goes beyond it', async () => {
        const port = await adapter.open(CONTRACT_FIXTURE);
        const [basic] = await port.readWindows(['基础数据'], { rows: 5, columns: 1 });
        expect(basic.cells.length).toBeLessThanOrEqual(5);
        expect(Math.max(...basic.cells.map((row) => row.length))).toBeLessThanOrEqual(1);
        expect(at(basic, 'A3')).toEqual({ value: '编制数' });
        expect(at(basic, 'B3')).toBeUndefined();
        expect(basic.truncated).toBe(true);
      });

      it('gives an empty sheet no cells', async () => {
        const fixture: WorkbookFixture = { sheets: [{ name: '空表', cells: {} }], names: [] };
        const [empty] = await (await adapter.open(fixture)).readWindows(['空表']);
        expect(empty).toEqual({ sheet: '空表', cells: [], merges: [], truncated: false });
      });
    });

    describe('write', () => {
      it('writes a layout: values, formulas, text that never becomes a formula, formats, merges', async () => {
        const port = await adapter.open(CONTRACT_FIXTURE);
        await port.write(plan([{ layout: indicatorLayout() }]));
        const d = await adapter.dump(port);
        expect(d.sheets.map((s) => s.name)).toEqual([...CONTRACT_FIXTURE.sheets.map((s) => s.name), '指标计算']);
        expect(cellOf(d, '指标计算', 'A1')).toEqual({ value: '指标计算' });
        expect(cellOf(d, '指标计算', 'A2')).toEqual({ value: '在职人员数', numberFormat: '@' });
        expect(cellOf(d, '指标计算', 'B2')).toEqual({ value: 15, numberFormat: '0' });
        expect(cellOf(d, '指标计算', 'C2')).toEqual({ value: 0.8824, numberFormat: '0.00%' });
        expect(cellOf(d, '指标计算', 'C3')).toEqual({ formula: '=B2/B3', numberFormat: '0.00%' });
        expect(cellOf(d, '指标计算', 'A4')).toEqual({ value: '=不是公式', numberFormat: '@' });
        expect(cellOf(d, '指标计算', 'B4')).toEqual({ value: '+86', numberFormat: '@' });
        expect(cellOf(d, '指标计算', 'C4')).toEqual({ value: 174.56, numberFormat: '#,##0.00' });
        expect(filledCells(d, '指标计算')).toEqual(['A1', 'A2', 'A3', 'A4', 'B2', 'B3', 'B4', 'C2', 'C3', 'C4']);
        expect(sheetOf(d, '指标计算').merges).toEqual(['A1:C1']);
        expect(sheetOf(d, '指标计算').visibility ?? 'visible').toBe('visible');
      });

      it('keeps every text it writes as text: formula-, number-, percent- and date-like clerk texts', async () => {
        const texts = ['=SUM(1)', '- 三公经费', '+3.5%', '@x', '2024-01-05', '50%', '00123'];
        // Column A flagged as text by the layout; column B not: the adapter must see those strings too.
        const report: SheetLayout = {
          name: '自评报告',
          role: '自评报告',
          rows: texts.map((value) => [{ value, text: true }, { value }]),
          columnWidths: [40, 40],
        };
        const port = await adapter.open({ sheets: [{ name: '基础数据', cells: { B1: '原值' } }], names: [] });
        await port.write(
          plan([{ layout: report }], { namedOutputs: [{ name: '评价等级', cell: '基础数据!B1', value: '50%' }] }),
        );
        const state = await port.readState(['_jixiao_自评报告']);
        expect(state.owned['_jixiao_自评报告'].values).toEqual(texts.map((text) => [text, text]));
        const d = await adapter.dump(port);
        texts.forEach((value, i) => {
          expect(cellOf(d, '自评报告', `A${i + 1}`)).toEqual({ value, numberFormat: '@' });
          // A string cell of an xlsx file stays text as it is; Office needs '@' before the values (the fake checks).
          expect(cellOf(d, '自评报告', `B${i + 1}`).value).toBe(value);
        });
        expect(cellOf(d, '基础数据', 'B1').value).toBe('50%');
      });

      it('names the layout cells and marks the sheet with a hidden workbook name', async () => {
        const port = await adapter.open(CONTRACT_FIXTURE);
        await port.write(plan([{ layout: indicatorLayout() }]));
        const d = await adapter.dump(port);
        expect(namesOf(d, '指标_在职人员控制率').map(nameSummary)).toEqual([
          '指标_在职人员控制率@(workbook)=指标计算!C2',
        ]);
        expect(namesOf(d, '_jixiao_指标计算').map(nameSummary)).toEqual([
          '_jixiao_指标计算@(workbook)=指标计算!A1 hidden',
        ]);
        expect(namesOf(d, '_jixiao_行').map(nameSummary)).toEqual(['_jixiao_行@(workbook)=指标计算!A3 hidden']);
        const read = await port.readNames(['指标_在职人员控制率']);
        expectCellValue(read.values['指标_在职人员控制率'], '指标计算!C2', 0.8824);
        const state = await port.readState(['_jixiao_指标计算']);
        expect(state.owned['_jixiao_指标计算'].sheet).toBe('指标计算');
        expect(state.owned['_jixiao_指标计算'].values.slice(0, 2)).toEqual([
          ['指标计算', null, null],
          ['在职人员数', 15, 0.8824],
        ]);
        expect(state.owned['_jixiao_指标计算'].values[3]).toEqual(['=不是公式', '+86', 174.56]);
      });

      it('creates plan names at workbook scope, hidden where asked, and re-points existing ones', async () => {
        const port = await adapter.open(CONTRACT_FIXTURE);
        await port.write(
          plan([{ layout: indicatorLayout() }], {
            names: [
              { name: '编制数', sheet: '指标计算', cell: 'B3' },
              { name: '_jixiao_设置', sheet: '指标计算', cell: 'A1', hidden: true },
              { name: '指标_预算完成率', sheet: '指标计算', cell: 'C3' },
            ],
          }),
        );
        const d = await adapter.dump(port);
        expect(namesOf(d, '编制数').map(nameSummary)).toEqual(['编制数@(workbook)=指标计算!B3']);
        expect(namesOf(d, '_jixiao_设置').map(nameSummary)).toEqual(['_jixiao_设置@(workbook)=指标计算!A1 hidden']);
        expect(namesOf(d, '指标_预算完成率').map(nameSummary)).toEqual(['指标_预算完成率@(workbook)=指标计算!C3']);
      });

      it('writes named outputs into the clerk’s named cells with their format', async () => {
        const port = await adapter.open(CONTRACT_FIXTURE);
        await port.write(
          plan([], {
            namedOutputs: [
              { name: '自评得分', cell: '副本!C1', value: 88.5, numberFormat: '0.00' },
              { name: '在职人员控制率', cell: '预算 表!C3', value: 0.8824, numberFormat: '0.00%' },
              { name: '评价等级', cell: "张三's 表!B1", value: '良' },
            ],
          }),
        );
        const d = await adapter.dump(port);
        expect(cellOf(d, '副本', 'C1')).toEqual({ value: 88.5, numberFormat: '0.00' });
        expect(cellOf(d, '副本', 'B3')).toEqual({ value: 99 });
        expect(cellOf(d, '预算 表', 'C3')).toEqual({ value: 0.8824, numberFormat: '0.00%' });
        expect(cellOf(d, "张三's 表", 'B1').value).toBe('良');
        expect(cellOf(d, '预算 表', 'B3')).toEqual({ value: 31.9 });
      });

      it('leaves the clerk’s sheets and names as they were', async () => {
        const before = await adapter.dump(await adapter.open(CONTRACT_FIXTURE));
        const port = await adapter.open(CONTRACT_FIXTURE);
        await port.write(plan([{ layout: indicatorLayout() }, { layout: smallScoreLayout(), replaces: '评分表' }]));
        const after = await adapter.dump(port);
        for (const sheet of CLERK_SHEETS) {
          expect({ sheet, cells: contents(after, sheet) }).toEqual({ sheet, cells: contents(before, sheet) });
          expect(sheetOf(after, sheet).merges ?? []).toEqual(sheetOf(before, sheet).merges ?? []);
          expect(sheetOf(after, sheet).visibility ?? 'visible').toBe(sheetOf(before, sheet).visibility ?? 'visible');
        }
        expect(cellOf(after, '基础数据', 'B5')).toEqual({ value: 0.95, numberFormat: '0.00%' });
        const clerkNames = (f: WorkbookFixture) =>
          f.names
            .filter((n) => !n.name.startsWith('_jixiao_') && !n.name.startsWith('指标_'))
            .map(nameSummary)
            .sort();
        expect(clerkNames(after)).toEqual(clerkNames(before));
        expect(namesOf(after, '_jixiao_自评报告').map(nameSummary)).toEqual([
          '_jixiao_自评报告@(workbook)=我的报告!A1 hidden',
        ]);
      });

      it('replaces an owned sheet in place with no stale cells or merges', async () => {
        const fixture: WorkbookFixture = {
          sheets: [
            { name: '基础数据', cells: { A1: '数据', B3: 17 } },
            {
              name: '评分表',
              cells: {
                A1: '旧评分表',
                B2: 1,
                E10: '旧备注',
                D5: { formula: '=B2*3', value: 3 },
                C7: { value: 0.5, numberFormat: '0.00%' },
              },
              merges: ['A1:E1', 'C8:D9'],
            },
            { name: '备注', cells: { A1: '别动' } },
          ],
          names: [{ name: '_jixiao_评分表', refersTo: '评分表!$A$1', hidden: true }],
        };
        const port = await adapter.open(fixture);
        await port.write(plan([{ layout: smallScoreLayout(), replaces: '评分表' }]));
        const d = await adapter.dump(port);
        expect(d.sheets.map((s) => s.name)).toEqual(['基础数据', '评分表', '备注']);
        expect(filledCells(d, '评分表')).toEqual(['A1', 'B2']);
        expect(cellOf(d, '评分表', 'A1')).toEqual({ value: '新评分表' });
        expect(cellOf(d, '评分表', 'B2')).toEqual({ value: 4, numberFormat: '0.00' });
        expect(cellOf(d, '评分表', 'C7')).toEqual({});
        expect(sheetOf(d, '评分表').merges ?? []).toEqual([]);
        expect(contents(d, '备注')).toEqual({ A1: { value: '别动' } });
        expect(namesOf(d, '_jixiao_评分表').map(nameSummary)).toEqual(['_jixiao_评分表@(workbook)=评分表!A1 hidden']);
        const state = await port.readState(['_jixiao_评分表']);
        expect(state.owned['_jixiao_评分表'].values).toEqual([
          ['新评分表', null],
          [null, 4],
        ]);
      });

      it('writes a hidden layout as a hidden sheet', async () => {
        const port = await adapter.open(CONTRACT_FIXTURE);
        const settings: SheetLayout = {
          name: '设置',
          role: '设置',
          visibility: 'hidden',
          rows: [[{ value: '映射', text: true }]],
          columnWidths: [10],
        };
        await port.write(plan([{ layout: settings }]));
        const state = await port.readState(['_jixiao_设置']);
        expect(state.sheets.find((s) => s.name === '设置')?.visibility).toBe('hidden');
        expect(state.owned['_jixiao_设置']).toEqual({ sheet: '设置', values: [['映射']] });
      });

      it('does not mark a 基础数据 layout, which belongs to the clerk', async () => {
        const port = await adapter.open({ sheets: [{ name: 'Sheet1', cells: {} }], names: [] });
        const base: SheetLayout = {
          name: '基础数据',
          role: '基础数据',
          rows: [
            [
              { value: '编制数', text: true },
              { value: null, format: '0' },
            ],
          ],
          columnWidths: [10, 10],
          names: [{ name: '编制数', row: 0, col: 1 }],
        };
        await port.write(plan([{ layout: base }]));
        const d = await adapter.dump(port);
        expect(d.names.map(nameSummary)).toEqual(['编制数@(workbook)=基础数据!B1']);
      });

      it('is idempotent: writing the same plan again over its own sheets gives the same workbook', async () => {
        const once = await adapter.open(CONTRACT_FIXTURE);
        await once.write(plan([{ layout: indicatorLayout() }, { layout: smallScoreLayout(), replaces: '评分表' }]));
        const twice = await adapter.open(CONTRACT_FIXTURE);
        await twice.write(plan([{ layout: indicatorLayout() }, { layout: smallScoreLayout(), replaces: '评分表' }]));
        await twice.write(
          plan([
            { layout: indicatorLayout(), replaces: '指标计算' },
            { layout: smallScoreLayout(), replaces: '评分表' },
          ]),
        );
        const a = await adapter.dump(once);
        const b = await adapter.dump(twice);
        expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
        for (const s of a.sheets)
          expect({ sheet: s.name, cells: contents(b, s.name) }).toEqual({ sheet: s.name, cells: contents(a, s.name) });
        expect(b.names.map(nameSummary).sort()).toEqual(a.names.map(nameSummary).sort());
        expect(namesOf(b, '_jixiao_指标计算').map(nameSummary)).toEqual([
          '_jixiao_指标计算@(workbook)=指标计算!A1 hidden',
        ]);
      });

      it('refuses to replace a sheet that does not exist and then writes nothing', async () => {
        const port = await adapter.open(CONTRACT_FIXTURE);
        const before = await adapter.dump(port);
        await expect(
          port.write(plan([{ layout: indicatorLayout() }, { layout: smallScoreLayout(), replaces: '没有这张表' }])),
        ).rejects.toThrow();
        const after = await adapter.dump(port);
        expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
        expect(after.names.map(nameSummary).sort()).toEqual(before.names.map(nameSummary).sort());
      });

      it('replaces an empty unmarked sheet (as an interrupted write leaves one), but never a clerk sheet with content', async () => {
        const fixture: WorkbookFixture = {
          sheets: [
            { name: '基础数据', cells: { A1: '数据' } },
            { name: '评分表', cells: {} },
            { name: '副本', cells: { A1: '别动' } },
          ],
          names: [],
        };
        const port = await adapter.open(fixture);
        await port.readState(['_jixiao_评分表'], ['评分表', '副本']);
        await expect(
          port.write(plan([{ layout: { ...smallScoreLayout(), name: '副本' }, replaces: '副本' }])),
        ).rejects.toThrow();
        expect(contents(await adapter.dump(port), '副本')).toEqual({ A1: { value: '别动' } });
        await port.write(plan([{ layout: smallScoreLayout(), replaces: '评分表' }]));
        const d = await adapter.dump(port);
        expect(d.sheets.map((s) => s.name)).toEqual(['基础数据', '评分表', '副本']);
        expect(cellOf(d, '评分表', 'A1')).toEqual({ value: '新评分表' });
        expect(namesOf(d, '_jixiao_评分表').map(nameSummary)).toEqual(['_jixiao_评分表@(workbook)=评分表!A1 hidden']);
      });

      it('refuses a new sheet whose name a clerk sheet already has (any case) and then writes nothing', async () => {
        const port = await adapter.open(CONTRACT_FIXTURE);
        const before = await adapter.dump(port);
        await expect(
          port.write(plan([{ layout: indicatorLayout() }, { layout: { ...smallScoreLayout(), name: '副本' } }])),
        ).rejects.toThrow();
        const after = await adapter.dump(port);
        expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
        expect(contents(after, '副本')).toEqual(contents(before, '副本'));
      });
    });
  });
}
