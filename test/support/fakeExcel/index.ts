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
 * Modelled with a source: a call on a null object either propagates null objects or fails the sync
 * (`nullObjects`, both tested; #3566, #263); each sync's request and response are measured and fail
 * past 5 MB (`payloadLimit`; docs: resource limits); a string written through `values` is entered as
 * if typed — `=`, `+`, `-` (and '@', our spec) start a formula (`+86` → `=+86`), "00123" and "1,234"
 * become numbers, "50%" 0.5, "2024-01-05" a date serial, TRUE a boolean, an error literal an error —
 * unless the cell is already "@" (d.ts Range.values; docs excel-add-ins-ranges-set-get-values); a
 * name hidden in the batch that adds it, or through getItem on an existing name, stays visible
 * (#3878, #3949). Inferred (TESTING.md material): getRange() on a non-range name fails with
 * InvalidArgument; a failing command keeps earlier ones and drops later ones with their loads;
 * setting or loading a too-new property fails the sync with ApiNotFound; merge keeps the
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
export { payloadBytes } from './context';
export type { FakeWorkbook, FakeSheet, FakeCell, FakeName } from './model';

/**
 * What a call on a null object does. Nothing Microsoft publishes says (office-js-notes §2), and the
 * adapter must work either way:
 * - 'propagate': navigation from a null object yields null objects, loads read nothing;
 * - 'throw' (default, the stricter): any navigation, method or property write on a null object fails
 *   the sync, as `getItemOrNullObject(missing).getRange()` does (#3566) and as
 *   `getRangeOrNullObject()` on a name into a deleted sheet once crashed Excel (#263). Loading a
 *   null object's properties stays harmless (isNullObject is delivered, docs: officeextension.clientobject).
 */
export type NullObjectMode = 'propagate' | 'throw';

/** Excel on the web caps each request and each response at 5 MB (docs: resource-limits-and-performance-optimization). */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface FakeExcelOptions {
  /** Highest ExcelApi set the simulated client supports (default 1.20). */
  maxApi?: string;
  /** Default 'throw'. */
  nullObjects?: NullObjectMode;
  /** Request and response limit per sync in bytes (default 5 MB, Excel on the web); Infinity to switch off. */
  payloadLimit?: number;
}

export type FakeBatch<T> = (context: Excel.RequestContext) => Promise<T>;

export class FakeExcel {
  readonly workbook: FakeWorkbook;
  readonly maxApi: string;
  readonly nullObjects: NullObjectMode;
  readonly payloadLimit: number;
  /** Estimated bytes sent and received per counted sync (JSON of commands, arguments and loaded values). */
  readonly requestBytes: number[] = [];
  readonly responseBytes: number[] = [];
  /** The context whose sync is running and that sync's number (1-based), while commands execute. */
  current?: { context: unknown; sync: number };
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
    this.nullObjects = options.nullObjects ?? 'throw';
    this.payloadLimit = options.payloadLimit ?? PAYLOAD_LIMIT_BYTES;
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

  recordSync(commands: number, requestBytes: number): void {
    this.syncCount++;
    this.syncSizes.push(commands);
    this.requestBytes.push(requestBytes);
    this.responseBytes.push(0);
  }

  /** Adds delivered bytes to the current sync's response. */
  recordResponse(bytes: number): void {
    this.responseBytes[this.responseBytes.length - 1] += bytes;
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
