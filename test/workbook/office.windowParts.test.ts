/**
 * 自动识别 on a big workbook without names, on Excel on the web: the locator windows of every clerk
 * sheet are read with the names (one batch), and when Excel refuses that batch as larger than 5 MB the
 * windows are read again in parts — each batch under the limit, the same snapshots as without a limit.
 */
import { inspect } from '../../src/app/job';
import { OfficeWorkbook } from '../../src/workbook/office';
import type { WorkbookFixture } from '../support/fixture';
import { FakeExcel, PAYLOAD_LIMIT_BYTES } from '../support/fakeExcel';
import { sampleWithoutNames } from '../support/locatorLayouts';
import { dumpFixture } from '../support/xlsxFixture';

jest.setTimeout(120_000);

const COLUMNS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** The sample without names, and 19 more sheets of 500 rows × 26 columns of labels and figures. */
async function bigBook(): Promise<WorkbookFixture> {
  const sample = await dumpFixture(await sampleWithoutNames());
  const sheets = [...sample.sheets];
  for (let i = 1; sheets.length < 20; i++) {
    const cells: WorkbookFixture['sheets'][number]['cells'] = {};
    for (let r = 1; r <= 500; r++) {
      cells[`A${r}`] = `附表项目第${r}行`;
      for (const [c, col] of COLUMNS.slice(1).entries()) cells[`${col}${r}`] = r * 10.5 + i + c / 8;
    }
    sheets.push({ name: `附表${i}`, cells });
  }
  return { sheets, names: sample.names };
}

test.each(['throw', 'propagate'] as const)(
  'a 20-sheet workbook without names: the refused batch is read again in parts, every batch under 5 MB (null objects: %s)',
  async (nullObjects) => {
    const book = await bigBook();
    const unlimited = new FakeExcel(book, { nullObjects, payloadLimit: Infinity });
    const reference = await inspect(
      new OfficeWorkbook({ run: unlimited.runner(), isSetSupported: unlimited.isSetSupported }),
    );
    // Without a limit: state and names with every window, in 2 syncs — and far over 5 MB.
    expect(unlimited.syncCount).toBe(2);
    expect(Math.max(...unlimited.responseBytes)).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);

    const fake = new FakeExcel(book, { nullObjects });
    const limited = await inspect(new OfficeWorkbook({ run: fake.runner(), isSetSupported: fake.isSetSupported }));
    expect(limited.state.windows).toEqual(reference.state.windows);
    expect(limited.located?.proposals).toEqual(reference.located?.proposals);
    expect(limited.evaluation.findings).toEqual(reference.evaluation.findings);
    // state; the refused batch; the batch again without windows; the windows' sizes; the parts.
    const parts = Math.ceil((19 * 500 * 26) / 40_000);
    expect(fake.syncCount).toBeGreaterThanOrEqual(4 + parts);
    expect(fake.syncCount).toBeLessThanOrEqual(4 + parts + 2);
    const accepted = fake.responseBytes.filter((bytes) => bytes <= PAYLOAD_LIMIT_BYTES);
    expect(accepted).toHaveLength(fake.syncCount - 1);
    for (const bytes of fake.requestBytes) expect(bytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  },
);
