/**
 * Request and response sizes on a big workbook, through the real job: the sample department with 29
 * more sheets (each with a block of figures and sheet-scoped names) and an alias candidate (预算数)
 * defined on a whole column. Excel on the web caps each request and each response at 5 MB (docs:
 * resource-limits-and-performance-optimization); the strict fake measures every sync and fails past it.
 * Before issue 13, readNames queued every candidate at every sheet's scope (~4 commands × ~140 candidates
 * × sheets) and loaded values of every candidate range: the whole column alone was a million cells.
 */
import { runJob } from '../../src/app/job';
import { OfficeWorkbook } from '../../src/workbook/office';
import type { WorkbookFixture } from '../support/fixture';
import { FakeExcel, PAYLOAD_LIMIT_BYTES } from '../support/fakeExcel';
import { REPORT_DATE, sampleBytes } from '../support/filled';
import { dumpFixture } from '../support/xlsxFixture';

jest.setTimeout(60_000);

async function bigWorkbook(): Promise<WorkbookFixture> {
  const sample = await dumpFixture(sampleBytes());
  const sheets = [...sample.sheets];
  const names = [...sample.names];
  for (let i = 1; sheets.length < 30; i++) {
    const name = `附表${i}`;
    const cells: WorkbookFixture['sheets'][number]['cells'] = {};
    for (let r = 1; r <= 40; r++) {
      cells[`A${r}`] = `项目${r}`;
      for (const col of ['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K']) cells[`${col}${r}`] = r * 10.5 + i;
    }
    sheets.push({ name, cells });
    for (let k = 1; k <= 5; k++) names.push({ name: `小计${k}`, sheet: name, refersTo: `${name}!$B$${k}` });
  }
  names.push({ name: '预算数', refersTo: '附表1!$C:$C' });
  return { sheets, names };
}

test.each(['throw', 'propagate'] as const)(
  'a 30-sheet workbook with a whole-column candidate: every batch under 5 MB, the job done in 4 syncs (null objects: %s)',
  async (nullObjects) => {
    const book = await bigWorkbook();
    expect(book.sheets).toHaveLength(30);
    const fake = new FakeExcel(book, { nullObjects });
    const port = new OfficeWorkbook({ run: fake.runner(), isSetSupported: fake.isSetSupported });
    const result = await runJob(port, { date: REPORT_DATE });
    expect(result.written).toBe(true);
    expect(result.evaluation.total.toFixed(2)).toBe('47.47');
    // The whole column was judged by its cell count and top-left cell: reported as several cells, not read.
    expect(result.names.values['预算数']).toMatchObject({ kind: 'invalid-reference', problem: 'multi-cell' });
    // First run: state, names read ahead, write, hiding the marks the write added.
    expect(fake.syncCount).toBe(4);
    for (const bytes of [...fake.requestBytes, ...fake.responseBytes]) expect(bytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    // Far below the limit, not just under it: the largest batch is the write of our four sheets.
    expect(Math.max(...fake.requestBytes)).toBeLessThan(PAYLOAD_LIMIT_BYTES / 5);
    expect(Math.max(...fake.responseBytes)).toBeLessThan(PAYLOAD_LIMIT_BYTES / 50);

    // A re-run reads our sheets back and replaces them in place: 3 syncs, all under the limit too.
    const before = fake.syncCount;
    const again = await runJob(port, { date: REPORT_DATE });
    expect(again.written).toBe(true);
    expect(fake.syncCount - before).toBe(3);
    for (const bytes of [...fake.requestBytes, ...fake.responseBytes]) expect(bytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  },
);

test('stray values at the far corner of the read window on all five of our sheets: readState still under 5 MB', async () => {
  const reference = new FakeExcel(await dumpFixture(sampleBytes()));
  await runJob(new OfficeWorkbook({ run: reference.runner(), isSetSupported: reference.isSetSupported }), {
    date: REPORT_DATE,
  });
  const ran = reference.dump();
  const ours = ran.names.filter((n) => n.name.startsWith('_jixiao_')).map((n) => n.refersTo.split('!')[0]);
  expect(ours).toHaveLength(5);
  // T4000 is the corner of OWNED_WINDOW; Z9000 lies beyond it and is not read.
  const book: WorkbookFixture = {
    ...ran,
    sheets: ran.sheets.map((s) =>
      ours.includes(s.name) ? { ...s, cells: { ...s.cells, T4000: '误输入', Z9000: '更远处' } } : s,
    ),
  };
  const fake = new FakeExcel(book);
  const port = new OfficeWorkbook({ run: fake.runner(), isSetSupported: fake.isSetSupported });
  const result = await runJob(port, { date: REPORT_DATE });
  expect(result.written).toBe(true);
  expect(result.evaluation.total.toFixed(2)).toBe('47.47');
  expect(Math.max(...fake.responseBytes)).toBeGreaterThan(4_000_000);
  for (const bytes of [...fake.requestBytes, ...fake.responseBytes]) expect(bytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
});
