/**
 * The sample department end to end through the real job on both adapters: the Office adapter on the
 * strict fake of Excel and the xlsx adapter write the same cells, formulas, formats and names, and
 * the Office run takes 4 context.sync() calls on a first run (the marks hidden in the 4th) and 3 on a re-run.
 */
import { runJob } from '../../src/app/job';
import { OfficeWorkbook } from '../../src/workbook/office';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { WorkbookError, type WorkbookPort } from '../../src/workbook/port';
import { FakeExcel } from '../support/fakeExcel';
import type { FixtureCell, WorkbookFixture } from '../support/fixture';
import { REPORT_DATE, sampleBytes } from '../support/filled';
import { dumpFixture } from '../support/xlsxFixture';

jest.setTimeout(60_000);

const OURS = ['指标计算', '评分表', '自评报告', '评分方案', '绩效自评设置'];

/** Cells as comparable data: formulas by text (the fake does not calculate), values otherwise. */
function cells(fixture: WorkbookFixture, sheet: string): Record<string, unknown> {
  const s = fixture.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const out: Record<string, unknown> = {};
  for (const [address, raw] of Object.entries(s.cells)) {
    const c: FixtureCell =
      raw !== null && typeof raw === 'object' && !('error' in raw)
        ? (raw as FixtureCell)
        : { value: raw as FixtureCell['value'] };
    if (c.formula) out[address] = { formula: c.formula, numberFormat: c.numberFormat ?? 'General' };
    else if (c.value !== null && c.value !== undefined && c.value !== '')
      out[address] = { value: c.value, numberFormat: c.numberFormat ?? 'General' };
  }
  return out;
}

function names(fixture: WorkbookFixture) {
  return fixture.names.map((n) => `${n.sheet ?? ''}|${n.name}=${n.refersTo}${n.hidden ? ' (hidden)' : ''}`).sort();
}

let office: WorkbookFixture;
let xlsx: WorkbookFixture;
let fake: FakeExcel;
let officeResult: Awaited<ReturnType<typeof runJob>>;

beforeAll(async () => {
  const fixture = await dumpFixture(sampleBytes());
  fake = new FakeExcel(fixture);
  officeResult = await runJob(new OfficeWorkbook({ run: fake.runner(), isSetSupported: fake.isSetSupported }), {
    date: REPORT_DATE,
  });
  office = fake.dump();

  const book = await XlsxWorkbook.open(sampleBytes());
  await runJob(book, { date: REPORT_DATE });
  xlsx = await dumpFixture(await book.toBuffer());
});

test('the first run takes 4 syncs on the Office adapter: 2 reads, the write, hiding the marks it added', () => {
  expect(officeResult.written).toBe(true);
  expect(fake.syncCount).toBe(4);
  expect(officeResult.evaluation.total.toFixed(2)).toBe('47.47');
});

test('with the other null-object behaviour of the fake (propagating): the same workbook in the same 4 syncs', async () => {
  const other = new FakeExcel(await dumpFixture(sampleBytes()), { nullObjects: 'propagate' });
  await runJob(new OfficeWorkbook({ run: other.runner(), isSetSupported: other.isSetSupported }), {
    date: REPORT_DATE,
  });
  expect(other.syncCount).toBe(4);
  expect(other.dump()).toEqual(office);
});

test('both adapters create the same sheets in the same order', () => {
  expect(office.sheets.map((s) => [s.name, s.visibility ?? 'visible'])).toEqual(
    xlsx.sheets.map((s) => [s.name, s.visibility ?? 'visible']),
  );
  expect(office.sheets.map((s) => s.name)).toEqual(['基础数据', ...OURS]);
});

test.each(OURS)('%s: the same cells, formulas and number formats', (sheet) => {
  expect(cells(office, sheet)).toEqual(cells(xlsx, sheet));
});

test.each(OURS)('%s: the same merged areas', (sheet) => {
  const merges = (f: WorkbookFixture) => [...(f.sheets.find((s) => s.name === sheet)?.merges ?? [])].sort();
  expect(merges(office)).toEqual(merges(xlsx));
});

test("the same defined names: the clerk's, 指标_<id>, and the hidden ownership marks", () => {
  expect(names(office)).toEqual(names(xlsx));
  expect(names(office)).toEqual(
    expect.arrayContaining(['|_jixiao_评分表=评分表!$A$1 (hidden)', '|指标_在职人员控制率=指标计算!$G$4']),
  );
});

test('a re-run on the Office adapter replaces its sheets in place (3 more syncs, same result)', async () => {
  const first = fake.syncCount;
  const before = fake.dump();
  const again = await runJob(new OfficeWorkbook({ run: fake.runner(), isSetSupported: fake.isSetSupported }), {
    date: REPORT_DATE,
  });
  expect(again.written).toBe(true);
  expect(fake.syncCount - first).toBe(3);
  const after = fake.dump();
  for (const sheet of OURS) expect(cells(after, sheet)).toEqual(cells(before, sheet));
  expect(names(after)).toEqual(names(before));
});

describe('a write that fails at its Nth command (the real job, the sample)', () => {
  /** The Office port on `excel`, with the Nth command of its next write failing. */
  function failingWrite(excel: FakeExcel, n: number): WorkbookPort {
    const port = new OfficeWorkbook({ run: excel.runner(), isSetSupported: excel.isSetSupported });
    return {
      readState: (marks, probe) => port.readState(marks, probe),
      readNames: (candidates) => port.readNames(candidates),
      readReport: () => port.readReport(),
      readWindows: (sheets, window) => port.readWindows(sheets, window),
      write: (plan) => {
        excel.failAtCommand(n);
        return port.write(plan);
      },
    };
  }

  let clean: WorkbookFixture;
  let writeCommands: number;

  beforeAll(async () => {
    const reference = new FakeExcel(await dumpFixture(sampleBytes()));
    const port = new OfficeWorkbook({ run: reference.runner(), isSetSupported: reference.isSetSupported });
    let before = 0;
    await runJob(
      {
        readState: (m, p) => port.readState(m, p),
        readNames: (c) => port.readNames(c),
        readReport: () => port.readReport(),
        readWindows: (s, w) => port.readWindows(s, w),
        write: (plan) => ((before = reference.commandCount), port.write(plan)),
      },
      { date: REPORT_DATE },
    );
    writeCommands = reference.commandCount - before;
    clean = reference.dump();
  });

  // Every command of the first sheets and names (where a sheet can be left unmarked), then a sample of the rest.
  const points = () => [
    ...Array.from({ length: 30 }, (_, i) => i + 1),
    ...Array.from({ length: 12 }, (_, i) => 31 + Math.floor(((writeCommands - 31) * i) / 11)),
  ];

  test('the clerk is told the sheets may be partly written and that a re-run repairs them; a re-run does', async () => {
    expect(writeCommands).toBeGreaterThan(40);
    const fixture = await dumpFixture(sampleBytes());
    for (const n of points()) {
      const excel = new FakeExcel(fixture);
      const failed = await runJob(failingWrite(excel, n), { date: REPORT_DATE }).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect({ n, error: failed instanceof WorkbookError }).toEqual({ n, error: true });
      const error = failed as WorkbookError;
      expect(error.partial).toBe(true);
      expect(error.message).toMatch(/再次点击"计算指标"|重新点击"计算指标"/);
      // Marks the failed write added but did not get to hide (the hiding is its second sync).
      const leftVisible = excel
        .dump()
        .names.filter((name) => name.name.startsWith('_jixiao_') && !name.hidden)
        .map((name) => name.name);

      const rerun = await runJob(new OfficeWorkbook({ run: excel.runner(), isSetSupported: excel.isSetSupported }), {
        date: REPORT_DATE,
      });
      expect({ n, sheets: rerun.sheets, notices: rerun.notices }).toEqual({
        n,
        sheets: expect.objectContaining({ 评分表: '评分表', 自评报告: '自评报告' }),
        notices: [],
      });
      const repaired = excel.dump();
      // The visible sheets in the clean order (the hidden settings sheet may be created at another place).
      const visible = (f: WorkbookFixture) =>
        f.sheets.filter((s) => (s.visibility ?? 'visible') === 'visible').map((s) => s.name);
      expect({ n, sheets: visible(repaired), all: repaired.sheets.map((s) => s.name).sort() }).toEqual({
        n,
        sheets: visible(clean),
        all: clean.sheets.map((s) => s.name).sort(),
      });
      for (const sheet of OURS)
        expect({ n, sheet, cells: cells(repaired, sheet) }).toEqual({ n, sheet, cells: cells(clean, sheet) });
      // Every name as in the clean run, never one lost; only a mark the failed write left visible may stay
      // visible: the re-run asks Excel to hide it, which Excel ignores for a name it did not add in this
      // run (#3878, #3949; modelled by the fake), and deleting and re-adding it could lose it (TESTING.md).
      const expected = names(clean).map((line) =>
        leftVisible.some((mark) => line.startsWith(`|${mark}=`)) ? line.replace(' (hidden)', '') : line,
      );
      expect({ n, names: names(repaired) }).toEqual({ n, names: expected });
    }
  });
});

describe('an interrupted re-run never loses the manual scores the clerk typed', () => {
  test('for a failure at any command of the write, the next run restores every typed score and note', async () => {
    // A filled workbook in which the clerk typed two manual scores and a note.
    const { fill, loadBook, rowOf, saveBook, sheet } = await import('../support/filled');
    const book = await loadBook((await fill(sampleBytes())).bytes);
    const ws = sheet(book, '评分表');
    rowOf(ws, 3, '绩效目标合理性').getCell(7).value = 3.6;
    rowOf(ws, 3, '经济效益').getCell(7).value = 4.5;
    rowOf(ws, 3, '经济效益').getCell(8).value = '协调金融机构新增贷款';
    const typed = await dumpFixture(await saveBook(book));

    const reference = new FakeExcel(typed);
    const port = new OfficeWorkbook({ run: reference.runner(), isSetSupported: reference.isSetSupported });
    let before = 0;
    await runJob(
      {
        readState: (m, p) => port.readState(m, p),
        readNames: (c) => port.readNames(c),
        readReport: () => port.readReport(),
        readWindows: (s, w) => port.readWindows(s, w),
        write: (plan) => ((before = reference.commandCount), port.write(plan)),
      },
      { date: REPORT_DATE },
    );
    const commands = reference.commandCount - before;
    const clean = reference.dump();

    for (let n = 1; n <= commands; n += Math.max(1, Math.floor(commands / 60))) {
      const excel = new FakeExcel(typed);
      const p = new OfficeWorkbook({ run: excel.runner(), isSetSupported: excel.isSetSupported });
      await expect(
        runJob(
          {
            readState: (m, q) => p.readState(m, q),
            readNames: (c) => p.readNames(c),
            readReport: () => p.readReport(),
            readWindows: (s, w) => p.readWindows(s, w),
            write: (plan) => (excel.failAtCommand(n), p.write(plan)),
          },
          { date: REPORT_DATE },
        ),
      ).rejects.toBeInstanceOf(WorkbookError);
      const rerun = await runJob(new OfficeWorkbook({ run: excel.runner(), isSetSupported: excel.isSetSupported }), {
        date: REPORT_DATE,
      });
      expect({ n, total: rerun.evaluation.total.toFixed(2) }).toEqual({ n, total: '55.57' }); // 47.47 + 3.6 + 4.5
      expect({ n, cells: cells(excel.dump(), '评分表') }).toEqual({ n, cells: cells(clean, '评分表') });
    }
  });
});
