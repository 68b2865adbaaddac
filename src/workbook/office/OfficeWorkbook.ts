/**
 * WorkbookPort on Office.js: one Excel.run and one context.sync() per port call, so a whole job
 * (readState → readNames → write) costs three syncs however many indicators it writes.
 * Requirement sets: see apiSets.ts (minimum ExcelApi 1.4, newer calls behind isSetSupported).
 */
import type { SheetSnapshot, WindowSize } from '../../engine/locator/snapshot';
import type { NamesRead, ReportRead, WorkbookPort, WorkbookState, WritePlan } from '../port';
import { markName } from '../../sheets/names';
import { reportParagraphs } from '../../sheets/reportSheet';
import { detectFeatures, officeIsSetSupported, type ApiFeatures, type IsSetSupported } from './apiSets';
import { toWorkbookError } from './errors';
import { readNamesBatch } from './readNames';
import { readStateBatch, type StateSnapshot } from './readState';
import { readWindowsBatch } from './readWindows';
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

  async readState(marks: string[], probeEmpty: string[] = []): Promise<WorkbookState> {
    const known = await this.guard(() => this.run((context) => readStateBatch(context, marks, this.api(), probeEmpty)));
    this.known = known;
    return known.state;
  }

  /** One sync after readState; called alone it first spends one sync listing the sheets. */
  async readNames(candidates: string[]): Promise<NamesRead> {
    const known =
      this.known ?? (await this.guard(() => this.run((context) => readStateBatch(context, [], this.api()))));
    this.known = known;
    const sheetNames = known.state.sheets.map((s) => s.name);
    const names = await this.guard(() =>
      this.run((context) => readNamesBatch(context, sheetNames, candidates, this.api())),
    );
    for (const n of names.all) if (n.scope.kind === 'workbook') known.workbookNames.add(n.name.toLowerCase());
    return names;
  }

  /** One sync: our 自评报告 sheet's values, read as readState reads an owned sheet. */
  async readReport(): Promise<ReportRead | null> {
    const mark = markName('自评报告');
    const known = await this.guard(() => this.run((context) => readStateBatch(context, [mark], this.api())));
    const own = known.state.owned[mark];
    return own ? { sheet: own.sheet, paragraphs: reportParagraphs(own.values) } : null;
  }

  /** One sync (see readWindows.ts). */
  async readWindows(sheets: string[], window?: WindowSize): Promise<SheetSnapshot[]> {
    return this.guard(() => this.run((context) => readWindowsBatch(context, sheets, this.api(), window)));
  }

  /**
   * One sync. Refuses (nothing written) when a target sheet is protected or the plan no longer fits
   * the workbook; a failure inside the batch is a WorkbookError with partial = true.
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
            queueWrite(context, plan, known, features);
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
