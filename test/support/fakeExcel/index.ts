/**
 * Hand-written: no library models Excel's JavaScript API strictly (load/sync/null-object rules).
 * A strict fake of the Excel JavaScript API for tests (not shipped). It throws where Excel throws,
 * so adapter code that forgets a load, a sync or a null check fails here first:
 *
 *   const fake = new FakeExcel(fixture, { maxApi: '1.7' });
 *   const port = new OfficeWorkbook({ run: fake.runner(), isSetSupported: fake.isSetSupported });
 *   … fake.syncCount, fake.failAtCommand(n), fake.cellEditMode = true, fake.dump()
 *
 * From the office.js runtime source: every navigation queues an "instantiate" command (so a bad
 * getItem fails the next sync even unused, and isNullObject is known for every proxy after it);
 * methods and navigation properties newer than the client throw ApiNotFound at once; a sync with
 * nothing queued sends nothing.
 * Inferred (TESTING.md material): null propagation through every navigation from a null object;
 * getItem / NamedItem.getRange on a null parent fail the batch (#3566), and so does any action on a
 * null object; getRange() on a non-range name fails with InvalidArgument; a failing command keeps
 * earlier ones and drops later ones with their loads; setting or loading a too-new property fails the
 * sync with ApiNotFound; text starting with = + - @ becomes a formula (`+86` → `=+86`), a plain
 * number string a number, an error literal an error, unless the cell is already "@"; merge keeps the
 * top-left value and refuses to overlap a merge; clear("All") drops merges inside the range; on a
 * protected sheet locked cells, formats and merges are AccessDenied; NamedItem.value of a range is
 * `Sheet!$B$3`, an integer constant has type Integer; Range.address is relative with the sheet
 * quoted only when needed. The fake does not calculate (formula names read #VALUE!, written
 * formulas have no value) and does not rewrite cell formulas on a sheet rename.
 */
import type { WorkbookFixture } from '../fixture';
import { compareVersions, FakeContext } from './context';
import { officeError } from './errors';
import { fixtureFromWorkbook, workbookFromFixture, type FakeWorkbook } from './model';

export { FakeOfficeError } from './errors';
export type { FakeWorkbook, FakeSheet, FakeCell, FakeName } from './model';

export interface FakeExcelOptions {
  /** Highest ExcelApi set the simulated client supports (default 1.20). */
  maxApi?: string;
}

export type FakeBatch<T> = (context: Excel.RequestContext) => Promise<T>;

export class FakeExcel {
  readonly workbook: FakeWorkbook;
  readonly maxApi: string;
  /** Syncs that carried at least one command, including the implicit final one of run. */
  syncCount = 0;
  /** Commands executed (or attempted) over the fake's life. */
  commandCount = 0;
  /** Commands per counted sync, in order. */
  readonly syncSizes: number[] = [];
  /** Labels of the commands run, in order (for diagnostics). */
  readonly log: string[] = [];
  screenUpdatingSuspensions = 0;
  /** While true, a batch run without delayForCellEdit fails with InvalidOperationInCellEditMode. */
  cellEditMode = false;
  private failAt?: { command: number; code: string };

  constructor(fixture: WorkbookFixture, options: FakeExcelOptions = {}) {
    this.workbook = workbookFromFixture(fixture);
    this.maxApi = options.maxApi ?? '1.20';
  }

  supports(version: string): boolean {
    return compareVersions(version, this.maxApi) <= 0;
  }

  /** Office.context.requirements.isSetSupported, agreeing with maxApi. */
  readonly isSetSupported = (set: string, version?: string): boolean =>
    set === 'ExcelApi' && this.supports(version ?? '1.1');

  /** The Nth command from now fails with `code` (earlier ones stay applied, later ones of that sync are dropped). */
  failAtCommand(n: number, code = 'GeneralException'): void {
    this.failAt = { command: this.commandCount + n, code };
  }

  recordSync(commands: number): void {
    this.syncCount++;
    this.syncSizes.push(commands);
  }

  beforeCommand(label: string): void {
    this.commandCount++;
    this.log.push(label);
    if (this.failAt && this.commandCount === this.failAt.command) {
      const { code } = this.failAt;
      this.failAt = undefined;
      throw officeError(code, `Injected failure of command ${this.commandCount}.`, label);
    }
  }

  /** Excel.run: `run(batch)` or `run({ delayForCellEdit }, batch)`. */
  run<T>(batch: FakeBatch<T>): Promise<T>;
  run<T>(options: { delayForCellEdit?: boolean }, batch: FakeBatch<T>): Promise<T>;
  run<T>(a: FakeBatch<T> | { delayForCellEdit?: boolean }, b?: FakeBatch<T>): Promise<T> {
    const batch = (typeof a === 'function' ? a : b) as FakeBatch<T>;
    const options = typeof a === 'function' ? {} : a;
    const context = new FakeContext(this, options.delayForCellEdit === true);
    let result: unknown;
    try {
      result = batch(context.facade as Excel.RequestContext);
    } catch (error) {
      context.end();
      return Promise.reject(error);
    }
    if (!result || typeof (result as { then?: unknown }).then !== 'function') {
      context.end();
      return Promise.reject(
        officeError(
          'RunMustReturnPromise',
          'The batch function passed to Excel.run must return a promise.',
          'Excel.run',
        ),
      );
    }
    return (result as Promise<T>).then(
      async (value) => {
        try {
          await context.sync(); // the implicit final sync flushes whatever is still queued
        } finally {
          context.end();
        }
        return value;
      },
      (error: unknown) => {
        context.end();
        throw error;
      },
    );
  }

  /** A run function for OfficeWorkbook, like the adapter's default Excel.run({ delayForCellEdit: true }, …). */
  runner(options: { delayForCellEdit?: boolean } = { delayForCellEdit: true }): <T>(batch: FakeBatch<T>) => Promise<T> {
    return (batch) => this.run(options, batch);
  }

  dump(): WorkbookFixture {
    return fixtureFromWorkbook(this.workbook);
  }
}
