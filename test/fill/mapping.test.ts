/** Mapping a workbook's own name to an input: used at once, stored in the workbook only when saved. */
import { inspect, runJob } from '../../src/app/job';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { dumpFixture, buildXlsx } from '../support/xlsxFixture';
import { sampleBytes } from '../support/filled';

jest.setTimeout(60_000);

/** The sample with 全年预算数 renamed to the clerk's own 预算合计 (the same cell). */
async function renamed(): Promise<Uint8Array> {
  const fixture = await dumpFixture(sampleBytes());
  fixture.names = fixture.names.map((n) => (n.name === '全年预算数' ? { ...n, name: '预算合计' } : n));
  return buildXlsx(fixture);
}

test('without a mapping the required input is missing and nothing can be written', async () => {
  const { evaluation } = await inspect(await XlsxWorkbook.open(await renamed()));
  expect(evaluation.blocked).toBe(true);
  expect(evaluation.findings.find((f) => f.severity === 'error')?.message).toContain('全年预算数');
});

test('a saved mapping is stored in the workbook: the next run needs no set-up', async () => {
  const book = await XlsxWorkbook.open(await renamed());
  const first = await runJob(book, { mapping: { 全年预算数: '预算合计' }, saveMapping: true });
  expect(first.written).toBe(true);
  expect(first.evaluation.total.toFixed(2)).toBe('47.47');
  expect(first.evaluation.inputs['全年预算数'].via).toBe('预算合计');

  const reopened = await XlsxWorkbook.open(await book.toBuffer());
  const next = await inspect(reopened);
  expect(next.storedMapping).toEqual({ 全年预算数: '预算合计' });
  expect(next.evaluation.blocked).toBe(false);
  expect(next.evaluation.total.toFixed(2)).toBe('47.47');
});

test('a draft mapping used for one run without saving is not stored', async () => {
  const book = await XlsxWorkbook.open(await renamed());
  const run = await runJob(book, { mapping: { 全年预算数: '预算合计' } });
  expect(run.written).toBe(true);
  const next = await inspect(await XlsxWorkbook.open(await book.toBuffer()));
  expect(next.storedMapping).toEqual({});
  expect(next.evaluation.blocked).toBe(true);
});
