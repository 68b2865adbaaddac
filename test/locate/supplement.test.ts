/**
 * 补充缺少的数据 through both adapters: the inputs a workbook has nowhere get a labelled, named, yellow
 * input table on a new sheet in one write (one sync in Office), no cell of the clerk's changes, a
 * re-run adds nothing twice and keeps what the clerk typed, and the filled table evaluates.
 */
import { inspect, runJob } from '../../src/app/job';
import { supplementable, supplementInputs } from '../../src/app/locate';
import { supplementLayout } from '../../src/sheets/templateSheet';
import { inputDef } from '../../src/engine/catalogue';
import type { WorkbookPort } from '../../src/workbook/port';
import { OfficeWorkbook } from '../../src/workbook/office';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { FakeExcel } from '../support/fakeExcel';
import { loadBook, REPORT_DATE, saveBook, sheet as bookSheet } from '../support/filled';
import { sheet, workbookOf } from '../support/locatorLayouts';
import { dumpFixture } from '../support/xlsxFixture';

jest.setTimeout(60_000);

/** A clerk's sheet with four of the six required figures (named), 在职人员数 and 全年执行数 nowhere. */
const CLERK = sheet('基础数据', {
  A1: '单位名称',
  B1: '某某局',
  A2: '评价年度',
  B2: 2021,
  A3: '编制数',
  B3: 17,
  A4: '全年预算数',
  B4: 560,
  A6: '备注：全年执行数待财务科提供',
});

async function clerkBook(): Promise<Uint8Array> {
  const book = await XlsxWorkbook.open(await workbookOf([CLERK]));
  await book.write({
    sheets: [],
    names: [
      { name: '单位名称', sheet: '基础数据', cell: 'B1' },
      { name: '评价年度', sheet: '基础数据', cell: 'B2' },
      { name: '编制数', sheet: '基础数据', cell: 'B3' },
      { name: '全年预算数', sheet: '基础数据', cell: 'B4' },
    ],
    namedOutputs: [],
  });
  return book.toBuffer();
}

interface Adapter {
  name: string;
  open(bytes: Uint8Array): Promise<WorkbookPort & { syncs(): number }>;
  /** The clerk types a value into a cell. */
  type(port: WorkbookPort, sheetName: string, address: string, value: number): Promise<WorkbookPort>;
  fill(port: WorkbookPort, sheetName: string, address: string): Promise<string | undefined>;
}

const xlsx: Adapter = {
  name: 'xlsx',
  async open(bytes) {
    return Object.assign(await XlsxWorkbook.open(bytes), { syncs: () => 0 });
  },
  async type(port, sheetName, address, value) {
    const book = await loadBook(await (port as XlsxWorkbook).toBuffer());
    bookSheet(book, sheetName).getCell(address).value = value;
    return this.open(await saveBook(book));
  },
  async fill(port, sheetName, address) {
    const book = await loadBook(await (port as XlsxWorkbook).toBuffer());
    const fill = bookSheet(book, sheetName).getCell(address).fill;
    return fill?.type === 'pattern' ? fill.fgColor?.argb : undefined;
  },
};

const fakes = new WeakMap<WorkbookPort, FakeExcel>();
const office: Adapter = {
  name: 'office (strict fake)',
  async open(bytes) {
    const fake = new FakeExcel(await dumpFixture(bytes));
    const port = Object.assign(new OfficeWorkbook({ run: fake.runner(), isSetSupported: fake.isSetSupported }), {
      syncs: () => fake.syncCount,
    });
    fakes.set(port, fake);
    return port;
  },
  async type(port, sheetName, address, value) {
    const fake = fakes.get(port)!;
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    fake.workbook.sheetNamed(sheetName)!.cell(Number(m[2]) - 1, m[1].charCodeAt(0) - 65).value = value;
    return port;
  },
  async fill(port, sheetName, address) {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    return fakes
      .get(port)!
      .workbook.sheetNamed(sheetName)!
      .peek(Number(m[2]) - 1, m[1].charCodeAt(0) - 65)?.style.fill;
  },
};

describe.each([xlsx, office])('补充缺少的数据 ($name)', (adapter) => {
  it('adds a labelled, named, yellow table for the inputs found nowhere, in one write, changing no cell of the clerk’s', async () => {
    const port = await adapter.open(await clerkBook());
    const first = await inspect(port);
    expect(first.evaluation.blocked).toBe(true);
    const nowhere = supplementable(first.located!);
    expect(nowhere).toEqual(['在职人员数', '全年执行数']);
    const [before] = await port.readWindows(['基础数据']);

    const syncs = port.syncs();
    const outcome = await supplementInputs(port, first, nowhere);
    if (adapter === office) expect(port.syncs() - syncs).toBe(1);
    // Rows: title, hint, header, 人员编制, 在职人员数 (C5), 预算执行, 全年执行数 (C7).
    expect(outcome).toEqual({ sheet: '补充数据', cells: { 在职人员数: '补充数据!C5', 全年执行数: '补充数据!C7' } });

    const [table, clerk] = await port.readWindows(['补充数据', '基础数据']);
    expect(clerk).toEqual(before);
    const text = (r: number, c: number) => table.cells[r]?.[c]?.value ?? null;
    expect([text(4, 1), text(4, 2), text(4, 3)]).toEqual(['在职人员数（必填）', null, inputDef('在职人员数').unit]);
    expect([text(6, 1), text(6, 2), text(6, 3)]).toEqual(['全年执行数（必填）', null, '万元']);
    expect(text(6, 4)).toBe(`${inputDef('全年执行数').meaning}（名称：全年执行数）`);
    expect(await adapter.fill(port, '补充数据', 'C5')).toMatch(/^(FF)?#?FFF2CC$/i);

    const names = await port.readNames(['在职人员数', '全年执行数']);
    expect(names.values['在职人员数']).toMatchObject({
      kind: 'cell',
      cell: '补充数据!C5',
      scope: { kind: 'workbook' },
    });
    expect(names.values['全年执行数']).toMatchObject({ kind: 'cell', cell: '补充数据!C7', value: null });
  });

  it('then tells the clerk which yellow cell is empty; a re-run adds nothing, keeps what was typed, and the filled table evaluates', async () => {
    let port: WorkbookPort = await adapter.open(await clerkBook());
    const first = await inspect(port);
    await supplementInputs(port, first, supplementable(first.located!));

    const second = await inspect(port);
    expect(second.evaluation.blocked).toBe(true);
    const empty = second.evaluation.findings.find((f) => f.code === 'missing-input' && f.inputs[0] === '全年执行数');
    expect(empty?.message).toContain('补充数据!C7 是空的');
    expect(supplementable(second.located!)).toEqual([]);
    // A stale pane asking again for the same inputs writes nothing: no second sheet, no re-pointed name.
    expect(await supplementInputs(port, second, ['在职人员数', '全年执行数'])).toBeNull();
    expect((await port.readState([])).sheets.map((s) => s.name)).toEqual(['基础数据', '补充数据']);

    port = await adapter.type(port, '补充数据', 'C5', 15);
    port = await adapter.type(port, '补充数据', 'C7', 530.25);
    const third = await inspect(port);
    expect(await supplementInputs(port, third, ['在职人员数', '全年执行数'])).toBeNull();
    const run = await runJob(port, { date: REPORT_DATE });
    expect(run.written).toBe(true);
    expect(run.evaluation.inputs['在职人员数']).toMatchObject({ cell: '补充数据!C5' });
    expect(run.evaluation.inputs['在职人员数'].value?.toString()).toBe('15');
    expect(run.evaluation.inputs['全年执行数'].value?.toString()).toBe('530.25');
    const [table] = await port.readWindows(['补充数据']);
    expect([table.cells[4][2]?.value, table.cells[6][2]?.value]).toEqual([15, 530.25]);
  });

  it('writes beside a sheet of the clerk’s that is already called 补充数据, never into it', async () => {
    const bytes = await workbookOf([CLERK, sheet('补充数据', { A1: '我的笔记' })]);
    const port = await adapter.open(bytes);
    const first = await inspect(port);
    const outcome = await supplementInputs(port, first, ['编制数']);
    expect(outcome?.sheet).toBe('补充数据 (2)');
    const [mine] = await port.readWindows(['补充数据']);
    expect(mine.cells).toEqual([[{ value: '我的笔记' }]]);
  });
});

test('the table’s labels, units and meanings are the catalogue’s (one source with jixiao template)', () => {
  const layout = supplementLayout([inputDef('编制数'), inputDef('重点项目支出')]);
  expect(layout.names).toEqual([
    { name: '编制数', row: 4, col: 2 },
    { name: '重点项目支出', row: 6, col: 2 },
  ]);
  expect(layout.rows[6].map((c) => c?.value ?? null)).toEqual([
    2,
    '重点项目支出',
    null,
    '万元',
    `${inputDef('重点项目支出').meaning}（名称：重点项目支出）`,
  ]);
});
