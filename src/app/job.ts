/**
 * The job every front end runs (task pane, ribbon command, CLI, browser page):
 *   inspect(port)  = readState + readNames + evaluate          (2 host round trips, writes nothing)
 *   runJob(port)   = inspect + build layouts + write            (3 host round trips in all)
 * All decisions live in the engine and sheets/; this module only sequences them.
 */
import type { Evaluation, NameMapping, Scheme } from '../engine/types';
import type { WorkbookPort, WorkbookState, NamesRead } from '../workbook/port';

export type JobStep = 'read-state' | 'read-names' | 'evaluate' | 'layout' | 'write' | 'done';

/** Chinese labels of the steps, for progress displays. */
export const JOB_STEP_LABELS: Record<JobStep, string> = {
  'read-state': '读取工作簿',
  'read-names': '读取名称',
  evaluate: '计算指标',
  layout: '生成表格',
  write: '写入工作簿',
  done: '完成',
};

export interface JobOptions {
  /** A preset name (通用, 湖南 …) or a scheme object; default: the workbook's 评分方案 sheet, else 通用. */
  scheme?: string | Scheme;
  /** Overrides the mapping stored in the workbook (the mapping editor passes its draft). */
  mapping?: NameMapping;
  /** Stored into the workbook's settings by runJob when given. */
  saveMapping?: boolean;
  /** When our sheet name is taken by a sheet of the clerk's: pick `评分表 (2)` (CLI) or fail asking (pane). */
  onNameConflict?: 'rename' | 'ask';
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
}

export interface JobResult extends Inspection {
  /** False when blocking errors stopped the write (evaluation.findings holds them). */
  written: boolean;
  /** The sheet names actually written, by role. */
  sheets: Record<string, string>;
  /** Things the clerk should know (a sheet renamed to 评分表 (2), named outputs written …), Chinese. */
  notices: string[];
}

export type { WorkbookPort };
