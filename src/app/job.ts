/**
 * The job every front end runs (task pane, ribbon command, CLI, browser page):
 *   inspect(port)  = readState + readNames + evaluate          (2 host round trips, writes nothing)
 *                    readState also reads, in its batch, the locator windows of the sheets holding
 *                    named amounts (their 单位：元) and, when a required input has no name, of every
 *                    clerk's sheet (app/locate.ts windowRequest, workbook/windowPlan.ts)
 *   runJob(port)   = inspect + build layouts + write            (3 host round trips in all)
 * All decisions live in the engine and sheets/; this module only sequences them.
 */
import type { CellValue, Evaluation, Finding, ManualEntries, NameMapping, Scheme, SchemeOrigin } from '../engine/types';
import type { WorkbookSettings } from '../sheets/settingsSheet';
import type { WorkbookPort, WorkbookState, NamesRead } from '../workbook/port';
import { evaluate } from '../engine/evaluate';
import { candidateNames, lookalikeNames, readInputs } from '../engine/reading';
import { getPreset } from '../engine/schemes';
import {
  buildLayouts,
  keptReport,
  markName,
  OUR_MARKS,
  OUR_ROLES,
  OUR_SHEETS,
  type SheetRole,
  readManualEntries,
  readSettings,
  reportParagraphs,
  type KeptReport,
  type ReportRecord,
  schemeFromSheet,
  uniqueSheetName,
} from '../sheets';
import { fitLayout } from '../sheets/excelLimits';
import { clearedCells, clearedNotice } from '../sheets/clearedCells';
import type { SheetLayout } from '../sheets/layout';
import { locateInputs, namedAmountUnits, windowRequest, withHints } from './locate';
import {
  confirmedRecord,
  namedOutputCandidates,
  namedOutputNotices,
  namedOutputs,
  outputCandidates,
  type OutputCandidate,
} from './namedOutputs';
import type { LocateResult } from '../engine/locator';
import type { UnitRecords } from '../engine/locator/units';

export type JobStep = 'read-state' | 'read-names' | 'evaluate' | 'layout' | 'write' | 'done';

export interface JobOptions {
  /** A preset name (通用, 湖南 …) or a scheme object; default: the workbook's 评分方案 sheet, else 通用. */
  scheme?: string | Scheme;
  /** Overrides the mapping stored in the workbook (the mapping editor passes its draft). */
  mapping?: NameMapping;
  /** Store `mapping` in the workbook's settings; without it a draft mapping is used once and not kept. */
  saveMapping?: boolean;
  /** When our sheet name is taken by a sheet of the clerk's: pick `评分表 (2)` (CLI) or fail asking (pane). */
  onNameConflict?: 'rename' | 'ask';
  /**
   * The clerk's own names (自评得分, 评价等级, an indicator …) confirmed as outputs — all of them: a name left out is
   * no longer confirmed. Without it, the confirmations recorded in the settings sheet apply (each only while its
   * name still names the same cell). Names starting with 绩效_ need no confirmation.
   */
  confirmedOutputs?: string[];
  /** Report date for the signature; default today. */
  date?: Date;
  onProgress?: (step: JobStep) => void;
}

export interface Inspection {
  state: WorkbookState;
  names: NamesRead;
  mapping: NameMapping;
  evaluation: Evaluation;
  /** Scheme source, for display: 工作簿中的评分方案, 预设：通用, or a file. */
  schemeSource: string;
  /** The clerk's manual scores and notes found in the workbook (kept on re-runs). */
  manual?: ManualEntries;
  /** The mapping stored in the workbook (what `mapping` was before any override). */
  storedMapping: NameMapping;
  /** What the last run generated in the 自评报告 and what the clerk changed there (settings sheet). */
  storedReport?: ReportRecord;
  /** Amounts kept in another unit than 万元, as recorded in the settings (app/locate.ts). */
  storedUnits?: UnitRecords;
  /** When required inputs are missing: what the label locator proposes (app/locate.ts). */
  located?: LocateResult;
  /** The clerk's cells named like an output (自评得分 …), for the pane to confirm; confirmed ones are written. */
  outputCandidates: OutputCandidate[];
}

export interface JobResult extends Inspection {
  /** False when blocking errors stopped the write (evaluation.findings holds them). */
  written: boolean;
  /** The sheet names actually written, by role. */
  sheets: Record<string, string>;
  /** Things the clerk should know (a sheet renamed to 评分表 (2), named outputs written …), Chinese. */
  notices: string[];
  /** With onNameConflict 'ask': the clerk's sheets whose names we need; nothing was written. */
  conflicts: string[];
  /** The clerk's paragraphs kept in the 自评报告 (cells in `sheet`) and the figures in them to check. */
  report?: Pick<KeptReport, 'kept' | 'warnings'>;
}

export type { WorkbookPort };

// ---------------------------------------------------------------------------------------------

function hasValues(grid: CellValue[][]): boolean {
  return grid.some((row) => row.some((v) => v !== null && v !== ''));
}

function resolveScheme(
  options: JobOptions,
  state: WorkbookState,
  stored: string | undefined,
): { scheme: Scheme; source: string; findings: Finding[]; origin?: SchemeOrigin } {
  if (typeof options.scheme === 'object')
    return { scheme: options.scheme, source: `文件：${options.scheme.name}`, findings: [] };
  if (typeof options.scheme === 'string') {
    const preset = getPreset(options.scheme);
    if (!preset) throw new Error(`没有名为“${options.scheme}”的预设评分方案。`);
    return { scheme: preset, source: `预设：${preset.name}`, findings: [] };
  }
  const own = state.owned[markName('评分方案')];
  // An empty 评分方案 sheet is what an interrupted write leaves: nothing the clerk wrote, so not a scheme.
  if (own && hasValues(own.values)) {
    const parsed = schemeFromSheet(own.values);
    if (parsed.scheme)
      return {
        scheme: parsed.scheme,
        source: `工作簿中的评分方案（${own.sheet}）`,
        findings: parsed.findings,
        origin: parsed.origin,
      };
    // A workbook scheme with unreadable rows blocks: its findings are errors naming the row.
    return {
      scheme: getPreset(stored ?? '通用') ?? getPreset('通用')!,
      source: `工作簿中的评分方案（${own.sheet}，有错误）`,
      findings: parsed.findings,
    };
  }
  const preset = (stored && getPreset(stored)) || getPreset('通用')!;
  return { scheme: preset, source: `预设：${preset.name}`, findings: [] };
}

export async function inspect(port: WorkbookPort, options: JobOptions = {}): Promise<Inspection> {
  const progress = options.onProgress ?? (() => undefined);
  progress('read-state');
  // With the state, in the same batch: the windows the locator and the units of named amounts need.
  const state = await port.readState(
    [...OUR_MARKS],
    OUR_ROLES.map((role) => OUR_SHEETS[role]),
    windowRequest(),
  );
  const settingsSheet = state.owned[markName('设置')];
  const settings: WorkbookSettings = settingsSheet ? readSettings(settingsSheet.values) : { mapping: {} };
  const mapping = options.mapping ?? settings.mapping;
  progress('read-names');
  const inputNames = candidateNames(mapping);
  const names = await port.readNames([...new Set([...inputNames, ...namedOutputCandidates()])]);
  // Names that differ from an input's only by look-alike or invisible characters (⼀ for 一, a zero-width space):
  // one more round trip, only when the workbook has such names; readInputs accepts them with an info finding.
  const alike = lookalikeNames(
    names.all.map((n) => n.name),
    inputNames,
  );
  if (alike.length) Object.assign(names.values, (await port.readNames(alike)).values);
  progress('evaluate');
  const unitAt = await namedAmountUnits(port, state, names.values, mapping);
  const read = readInputs(names.values, mapping, settings.units, unitAt);
  const { scheme, source, findings, origin } = resolveScheme(options, state, settings.scheme);
  const scoreSheet = state.owned[markName('评分表')];
  // Our 评分表 exists but holds nothing: a write was interrupted after clearing it. The clerk's
  // entries are then restored from the copy the settings sheet keeps.
  const manual = !scoreSheet
    ? undefined
    : hasValues(scoreSheet.values)
      ? readManualEntries(scoreSheet.values)
      : settings.manual;
  let evaluation = evaluate(
    { readings: read.readings, findings: [...read.findings, ...findings] },
    { scheme, manual, schemeOrigin: origin },
  );
  // A required input without a name blocks as before, but the error says where its label was found
  // (one more read; nothing is written on this path, so a job stays within three host round trips).
  let located: LocateResult | undefined;
  if (evaluation.findings.some((f) => f.code === 'missing-input')) {
    located = await locateInputs(port, { state, evaluation });
    evaluation = withHints(evaluation, located);
  }
  const candidates = outputCandidates(
    names.values,
    Object.values(state.owned).map((o) => o.sheet),
    options.confirmedOutputs,
    settings.outputs,
  );
  return {
    state,
    names,
    mapping,
    outputCandidates: candidates,
    storedMapping: settings.mapping,
    storedReport: settings.report,
    storedUnits: settings.units,
    evaluation,
    schemeSource: source,
    manual,
    located,
  };
}

/** The sheet name each role is written to: our own sheet where we have one, else a free name. */
function targetSheets(
  state: WorkbookState,
  conflict: 'rename' | 'ask',
): {
  names: Record<SheetRole, string>;
  replaces: Partial<Record<SheetRole, string>>;
  notices: string[];
  conflicts: string[];
} {
  const owned = new Set(Object.values(state.owned).map((o) => o.sheet.toLowerCase()));
  const taken = state.sheets.map((s) => s.name);
  const names = {} as Record<SheetRole, string>;
  const replaces: Partial<Record<SheetRole, string>> = {};
  const notices: string[] = [];
  const conflicts: string[] = [];
  for (const role of OUR_ROLES) {
    const own = state.owned[markName(role)];
    if (own) {
      names[role] = own.sheet;
      replaces[role] = own.sheet;
      continue;
    }
    const base = OUR_SHEETS[role];
    const existing = state.sheets.find(
      (s) => s.name.toLowerCase() === base.toLowerCase() && !owned.has(s.name.toLowerCase()),
    );
    const clash = taken.some((t) => t.toLowerCase() === base.toLowerCase() && !owned.has(t.toLowerCase()));
    if (existing?.empty) {
      // An empty sheet with our name (left by an interrupted write, or added blank): nothing to lose.
      names[role] = existing.name;
      replaces[role] = existing.name;
    } else if (!clash) {
      names[role] = base;
    } else if (conflict === 'ask') {
      conflicts.push(base);
      names[role] = base;
    } else {
      const unique = uniqueSheetName(base, [...taken, ...Object.values(names)]);
      names[role] = unique;
      notices.push(`工作簿中已有您自己的工作表“${base}”，它保持不变；本次结果写入“${unique}”。`);
    }
    taken.push(names[role]);
  }
  return { names, replaces, notices, conflicts };
}

export async function runJob(port: WorkbookPort, options: JobOptions = {}): Promise<JobResult> {
  const progress = options.onProgress ?? (() => undefined);
  const inspection = await inspect(port, options);
  const { evaluation, state, names: namesRead, mapping, storedMapping, storedUnits, manual, storedReport } = inspection;
  if (evaluation.blocked) {
    progress('done');
    return { ...inspection, written: false, sheets: {}, notices: [], conflicts: [] };
  }
  progress('layout');
  const target = targetSheets(state, options.onNameConflict ?? 'rename');
  if (target.conflicts.length) {
    progress('done');
    return { ...inspection, written: false, sheets: {}, notices: [], conflicts: target.conflicts };
  }
  const storedScheme = typeof options.scheme === 'string' ? options.scheme : undefined;
  const date = options.date ?? new Date();
  const reportSheet = state.owned[markName('自评报告')];
  const report = keptReport(
    evaluation,
    target.names['自评报告'],
    date,
    storedReport,
    reportSheet ? reportParagraphs(reportSheet.values) : undefined,
  );
  const layouts = buildLayouts(evaluation, {
    names: target.names,
    date,
    settings: {
      mapping: options.saveMapping ? mapping : storedMapping,
      scheme: storedScheme ?? evaluation.scheme.name,
      manual,
      report: report.record,
      units: storedUnits,
      outputs: confirmedRecord(inspection.outputCandidates),
    },
    report: report.layout,
  });
  const limitNotices = layouts.flatMap(fitLayout);
  // When our 评分表 or 自评报告 is rewritten, the settings sheet with its copy of the clerk's manual
  // entries and paragraphs is written before them (see WorkbookSettings.manual and .report); a new
  // workbook keeps the natural sheet order.
  if (target.replaces['评分表'] || target.replaces['自评报告'])
    layouts.sort((a, b) => Number(b.role === '设置') - Number(a.role === '设置'));
  const outputs = namedOutputs(
    evaluation,
    namesRead.values,
    [...Object.values(target.names), ...Object.values(state.owned).map((o) => o.sheet)],
    inspection.outputCandidates.filter((c) => c.confirmed).map((c) => c.name),
  );
  progress('write');
  await port.write({
    sheets: layouts.map((layout) => ({ layout, replaces: target.replaces[layout.role] })),
    names: [],
    namedOutputs: outputs.writes,
    activate: target.names['评分表'],
  });
  progress('done');
  const notices = [
    ...target.notices,
    ...limitNotices,
    ...report.notices,
    ...clearedNotices(state, layouts),
    ...namedOutputNotices(outputs),
  ];
  return {
    ...inspection,
    written: true,
    sheets: target.names,
    notices,
    conflicts: [],
    report: { kept: report.kept, warnings: report.warnings },
  };
}

/** The clerk's cells in our 指标计算 and 评分表 that the rewrite clears, listed with their text. */
function clearedNotices(state: WorkbookState, layouts: SheetLayout[]): string[] {
  const cells = (['指标计算', '评分表'] as const).flatMap((role) => {
    const own = state.owned[markName(role)];
    const layout = layouts.find((l) => l.role === role);
    return own && layout ? clearedCells(own.values, layout) : [];
  });
  const notice = clearedNotice(cells);
  return notice ? [notice] : [];
}
