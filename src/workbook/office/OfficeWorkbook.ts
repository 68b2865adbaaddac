/**
 * WorkbookPort on Office.js. No call is ever made on an object that may be a null object before its
 * isNullObject is known, so each port call reads in steps (readState.ts, readNames.ts). A whole job
 * (readState → readNames → write) costs, however many indicators it writes:
 *   re-run of a marked workbook: 2 (state, then our sheets + names ahead) + 0 (names) + 1 (write) = 3 syncs;
 *   first run: 2 + 0 + 2 — the second write sync hides the marks it added (names hidden in the batch
 *   that adds them stay visible: office-js #3878, #3949), so 4 syncs.
 * readNames costs 1 more sync when the workbook has more than PREFETCH_LIMIT range names, or when a
 * candidate exists only at sheet scope (its facts are read then). The locator's windows come with
 * readState's second sync when the job asks (proposals and named amounts' units: no sync of their
 * own); readWindows alone (the pane's typed address): 1 sync.
 * A mark left visible by an interrupted first write is asked to hide on the next write, never deleted
 * and re-added (writePlan.ts); Excel may leave it visible (#3878), as TESTING.md says.
 * Requirement sets: see apiSets.ts (minimum ExcelApi 1.4, newer calls behind isSetSupported).
 */
import type { SheetSnapshot, WindowSize } from '../../engine/locator/snapshot';
import type { NamesRead, ReportRead, WindowRequest, WorkbookPort, WorkbookState, WritePlan } from '../port';
import { markName } from '../../sheets/names';
import { reportParagraphs } from '../../sheets/reportSheet';
import { detectFeatures, officeIsSetSupported, type ApiFeatures, type IsSetSupported } from './apiSets';
import { isOfficeError, toWorkbookError } from './errors';
import { readNamesBatch } from './readNames';
import { readStateBatch, type StateSnapshot } from './readState';
import { readWindowsBatch, readWindowsListed } from './readWindows';
import { checkPlan, queueWrite } from './writePlan';

/** Excel.run reduced to what the adapter needs; tests pass the strict fake's run. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWorkbookOptions {
  /** Default: Excel.run with delayForCellEdit, so a clerk typing in a cell delays the batch instead of failing it. */
  run?: ExcelRun;
  /** Default: Office.context.requirements.isSetSupported. */
  isSetSupported?: IsSetSupported;
}

const defaultRun: ExcelRun = (batch) => Excel.run({ delayForCellEdit: true }, batch);

export class OfficeWorkbook implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly isSetSupported: IsSetSupported;
  private features?: ApiFeatures;
  /** What the last readState saw: the sheet list for readNames, protection and marks for write. */
  private known?: StateSnapshot;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.run = options.run ?? defaultRun;
    this.isSetSupported = options.isSetSupported ?? officeIsSetSupported;
  }

  private api(): ApiFeatures {
    this.features ??= detectFeatures(this.isSetSupported);
    return this.features;
  }

  /** Two syncs; the windows asked for are read in the second (readState.ts). */
  async readState(marks: string[], probeEmpty: string[] = [], windows?: WindowRequest): Promise<WorkbookState> {
    const known = await this.guard(() =>
      this.run((context) => readStateBatch(context, marks, this.api(), { probeEmpty, prefetch: true, windows })),
    );
    this.known = known;
    return known.state;
  }

  /** No sync after readState read ahead (usually); called alone it first spends one sync listing sheets and names. */
  async readNames(candidates: string[]): Promise<NamesRead> {
    const known =
      this.known ?? (await this.guard(() => this.run((context) => readStateBatch(context, [], this.api()))));
    this.known = known;
    return this.guard(() => this.run((context) => readNamesBatch(context, known, candidates, this.api())));
  }

  /** Our 自评报告 sheet's values, read as readState reads an owned sheet (two syncs: names, then the sheet). */
  async readReport(): Promise<ReportRead | null> {
    const mark = markName('自评报告');
    const known = await this.guard(() => this.run((context) => readStateBatch(context, [mark], this.api())));
    const own = known.state.owned[mark];
    return own ? { sheet: own.sheet, paragraphs: reportParagraphs(own.values) } : null;
  }

  /**
   * One sync: the asked sheets come from a readState of the same inspection. When one of them is gone
   * (deleted or renamed since), that batch fails with ItemNotFound and the windows of the sheets that
   * still exist are read after listing them (two more syncs). See readWindows.ts.
   */
  async readWindows(sheets: string[], window?: WindowSize): Promise<SheetSnapshot[]> {
    return this.guard(async () => {
      try {
        return await this.run((context) => readWindowsBatch(context, sheets, this.api(), window));
      } catch (error) {
        if (!isOfficeError(error) || error.code !== 'ItemNotFound') throw error;
        return this.run((context) => readWindowsListed(context, sheets, this.api(), window));
      }
    });
  }

  /**
   * One sync, and a second one that hides the names this write added hidden (#3878, #3949). Refuses
   * (nothing written) when a target sheet is protected or the plan no longer fits the workbook; a
   * failure inside the batch is a WorkbookError with partial = true.
   */
  async write(plan: WritePlan): Promise<void> {
    const known =
      this.known ?? (await this.guard(() => this.run((context) => readStateBatch(context, [], this.api()))));
    checkPlan(plan, known);
    const features = this.api();
    try {
      await this.guard(
        () =>
          this.run(async (context) => {
            const toHide = queueWrite(context, plan, known, features);
            await context.sync();
            if (toHide.length === 0) return;
            for (const item of toHide) item.visible = false;
            await context.sync();
          }),
        true,
      );
    } finally {
      // The workbook changed (perhaps partly): the next write must read it again.
      this.known = undefined;
    }
  }

  private async guard<T>(call: () => Promise<T>, partial = false): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw toWorkbookError(error, { partial });
    }
  }
}
