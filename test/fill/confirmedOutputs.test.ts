/**
 * A clerk's bare-named cells (自评得分, 评价等级, an indicator) become outputs only when the clerk confirms them
 * in the pane (JobOptions.confirmedOutputs); the confirmation is recorded in the settings sheet for that cell, so
 * a one-click re-run (ribbon, CLI, the pane without touching the list) writes there again. Never over a formula.
 * Both adapters: the xlsx adapter and the Office adapter on the strict fake.
 */
import { readFileSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { inspect, runJob, type JobOptions, type JobResult } from '../../src/app/job';
import { main } from '../../src/cli/main';
import type { CellValue } from '../../src/engine/types';
import { OfficeWorkbook } from '../../src/workbook/office';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import type { WorkbookPort } from '../../src/workbook/port';
import { FakeExcel } from '../support/fakeExcel';
import type { FixtureCell, WorkbookFixture } from '../support/fixture';
import { clerkForm } from '../support/clerkForm';
import { REPORT_DATE } from '../support/filled';
import { buildXlsx, dumpFixture } from '../support/xlsxFixture';

jest.setTimeout(60_000);

interface Adapter {
  port(fixture: WorkbookFixture): Promise<{ port: WorkbookPort; dump(): Promise<WorkbookFixture> }>;
}

const ADAPTERS: Record<string, Adapter> = {
  xlsx: {
    async port(fixture) {
      const book = await XlsxWorkbook.open(await buildXlsx(fixture));
      return { port: book, dump: async () => dumpFixture(await book.toBuffer()) };
    },
  },
  office: {
    async port(fixture) {
      const fake = new FakeExcel(fixture);
      const port = new OfficeWorkbook({ run: fake.runner(), isSetSupported: fake.isSetSupported });
      return { port, dump: async () => fake.dump() };
    },
  },
};

function cellOf(fixture: WorkbookFixture, sheet: string, address: string): FixtureCell {
  const raw = fixture.sheets.find((s) => s.name === sheet)?.cells[address];
  if (raw !== null && typeof raw === 'object' && !('error' in raw)) return raw as FixtureCell;
  return { value: (raw ?? null) as CellValue };
}

function setCell(fixture: WorkbookFixture, sheet: string, address: string, value: CellValue): void {
  fixture.sheets.find((s) => s.name === sheet)!.cells[address] = value;
}

async function run(
  adapter: Adapter,
  fixture: WorkbookFixture,
  options: JobOptions = {},
): Promise<{ result: JobResult; after: WorkbookFixture }> {
  const { port, dump } = await adapter.port(fixture);
  const result = await runJob(port, { date: REPORT_DATE, onNameConflict: 'rename', ...options });
  expect(result.written).toBe(true);
  return { result, after: await dump() };
}

describe.each(Object.keys(ADAPTERS))('%s adapter', (key) => {
  const adapter = ADAPTERS[key];

  test('the inspection lists each bare-named output cell, unconfirmed, with its cell, content and formula flag', async () => {
    const { port } = await adapter.port(await clerkForm());
    const found = await inspect(port);
    expect([...found.outputCandidates].sort((a, b) => a.cell.localeCompare(b.cell))).toEqual([
      { name: '自评得分', cell: '上报表!B1', value: null, formula: false, confirmed: false },
      { name: '评价等级', cell: '上报表!B2', value: '待定', formula: false, confirmed: false },
      { name: '在职人员控制率', cell: '上报表!B3', value: 0.5, formula: false, confirmed: false },
      { name: '合计得分', cell: '上报表!B4', value: 0, formula: true, confirmed: false },
    ]);
  });

  test('unconfirmed: nothing of the clerk is written, and the notice says how to confirm', async () => {
    const { result, after } = await run(adapter, await clerkForm());
    expect(cellOf(after, '上报表', 'B2').value).toBe('待定');
    expect(cellOf(after, '上报表', 'B3').value).toBe(0.5);
    const notices = result.notices.join('\n');
    expect(notices).not.toContain('已写入您命名的单元格');
    expect(notices).toContain('在任务窗格的“写入您命名的单元格”中勾选');
  });

  test('confirmed cells are written and listed, a confirmed formula is not; a re-run without options writes them again', async () => {
    const { result, after } = await run(adapter, await clerkForm(), {
      confirmedOutputs: ['自评得分', '评价等级', '合计得分'],
    });
    expect(cellOf(after, '上报表', 'B1').value).toBe(47.47);
    expect(cellOf(after, '上报表', 'B2').value).toBe('差');
    expect(cellOf(after, '上报表', 'B3').value).toBe(0.5);
    expect(cellOf(after, '上报表', 'B4').formula).toBe('=B1+0');
    expect(result.notices).toContain('已写入您命名的单元格：自评得分（上报表!B1）、评价等级（上报表!B2）。');
    expect(result.notices.join('\n')).toContain('以下命名单元格含有公式，未覆盖：合计得分（上报表!B4）');
    expect(result.outputCandidates.filter((c) => c.confirmed).map((c) => c.name)).toEqual([
      '自评得分',
      '评价等级',
      '合计得分',
    ]);

    // The clerk clears the two cells; a one-click re-run (no choice passed) writes them again from the record.
    setCell(after, '上报表', 'B1', null);
    setCell(after, '上报表', 'B2', '待定');
    const { port } = await adapter.port(after);
    const again = await inspect(port);
    expect(again.outputCandidates.filter((c) => c.confirmed).map((c) => c.name)).toEqual([
      '自评得分',
      '评价等级',
      '合计得分',
    ]);
    const rerun = await run(adapter, after);
    expect(cellOf(rerun.after, '上报表', 'B1').value).toBe(47.47);
    expect(cellOf(rerun.after, '上报表', 'B2').value).toBe('差');
    expect(cellOf(rerun.after, '上报表', 'B4').formula).toBe('=B1+0');
    expect(rerun.result.notices).toContain('已写入您命名的单元格：自评得分（上报表!B1）、评价等级（上报表!B2）。');
  });

  test('a confirmation holds for its cell only: a name moved elsewhere asks again; unticking clears the record', async () => {
    const first = await run(adapter, await clerkForm(), { confirmedOutputs: ['自评得分', '评价等级'] });
    const moved = structuredClone(first.after);
    moved.names.find((n) => n.name === '自评得分')!.refersTo = '上报表!$C$1';
    const { result, after } = await run(adapter, moved);
    expect(cellOf(after, '上报表', 'C1').value).toBe('备用');
    expect(cellOf(after, '上报表', 'B2').value).toBe('差');
    expect(result.notices.find((n) => n.includes('未写入'))).toContain('自评得分（上报表!C1）');
    expect(result.notices).toContain('已写入您命名的单元格：评价等级（上报表!B2）。');

    const unticked = await run(adapter, after, { confirmedOutputs: [] });
    expect(unticked.result.notices.join('\n')).not.toContain('已写入您命名的单元格');
    setCell(unticked.after, '上报表', 'B2', '待定');
    const later = await run(adapter, unticked.after);
    expect(cellOf(later.after, '上报表', 'B2').value).toBe('待定');
    expect(later.result.outputCandidates.some((c) => c.confirmed)).toBe(false);
  });
});

test('jixiao fill honours the confirmation recorded by the pane, and without it leaves the cell alone', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-confirmed-'));
  const plain = join(dir, 'plain.xlsx');
  writeFileSync(plain, await buildXlsx(await clerkForm()));
  const confirmed = join(dir, 'confirmed.xlsx');
  const book = await XlsxWorkbook.open(await buildXlsx(await clerkForm()));
  await runJob(book, { date: REPORT_DATE, confirmedOutputs: ['评价等级'] });
  const written = await dumpFixture(await book.toBuffer());
  setCell(written, '上报表', 'B2', '待定');
  writeFileSync(confirmed, await buildXlsx(written));
  const cli = async (input: string, out: string) => {
    const lines: string[] = [];
    const code = await main(['fill', input, '-o', out], { out: (t) => lines.push(t), err: (t) => lines.push(t) });
    return { code, text: lines.join('\n'), after: await dumpFixture(readFileSync(out)) };
  };
  const without = await cli(plain, join(dir, 'plain-out.xlsx'));
  expect(without.code).toBe(0);
  expect(cellOf(without.after, '上报表', 'B2').value).toBe('待定');
  expect(without.text).toContain('未写入：自评得分（上报表!B1）、评价等级（上报表!B2）');
  const withRecord = await cli(confirmed, join(dir, 'confirmed-out.xlsx'));
  expect(withRecord.code).toBe(0);
  expect(cellOf(withRecord.after, '上报表', 'B2').value).toBe('差');
  expect(withRecord.text).toContain('注意：已写入您命名的单元格：评价等级（上报表!B2）。');
});
