/**
 * The pane's side of the job: inspect the workbook as soon as there is one (read-only, so the
 * clerk sees the inputs before anything is written), run the job on demand, save a mapping.
 * Only the latest request may update the state, so a slow answer for an older workbook is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Inspection, JobOptions, JobResult, JobStep } from '../../../app/job';
import type { NameMapping } from '../../../engine/types';
import { WorkbookError, type WorkbookPort } from '../../../workbook/port';
import type { JobApi } from '../../services/services';

export type JobAction = 'inspect' | 'run' | 'save-mapping';

export type PaneError =
  { kind: 'workbook'; message: string; partial: boolean } | { kind: 'unexpected'; message: string };

export interface JobState {
  busy: JobAction | null;
  step: JobStep | null;
  /** The latest reading of the workbook (a run's result is one too). */
  inspection: Inspection | null;
  /** The latest run; null until the clerk runs the job on this workbook. */
  result: JobResult | null;
  /** What the job uses when no scheme is chosen, as the last inspection found it. */
  defaultScheme: DefaultScheme;
  /** Set after 保存映射: true when the mapping was written, false when blocking errors stopped it. */
  mappingSaved: boolean | null;
  error: PaneError | null;
}

/**
 * The job's default scheme: the workbook's 评分方案 sheet when it has one, else the preset stored
 * in the workbook's settings, else 通用.
 */
export interface DefaultScheme {
  workbook: boolean;
  preset: string | null;
}

/** How Inspection.schemeSource begins when the job used the workbook's own scheme sheet. */
export const WORKBOOK_SCHEME_SOURCE = '工作簿中的评分方案';

export function defaultSchemeOf(inspection: Inspection): DefaultScheme {
  const workbook = inspection.schemeSource.startsWith(WORKBOOK_SCHEME_SOURCE);
  return { workbook, preset: workbook ? null : inspection.evaluation.scheme.name };
}

export type RunOptions = Pick<JobOptions, 'scheme' | 'onNameConflict' | 'confirmedOutputs'>;

export interface UseJob extends JobState {
  inspect(): void;
  run(options: RunOptions): void;
  saveMapping(mapping: NameMapping, options: RunOptions): void;
}

const IDLE: JobState = {
  busy: null,
  step: null,
  inspection: null,
  result: null,
  defaultScheme: { workbook: false, preset: null },
  mappingSaved: null,
  error: null,
};

export function describeError(error: unknown): PaneError {
  if (error instanceof WorkbookError || (error instanceof Error && error.name === 'WorkbookError')) {
    return { kind: 'workbook', message: error.message, partial: (error as WorkbookError).partial === true };
  }
  return { kind: 'unexpected', message: error instanceof Error ? error.message : String(error) };
}

/** A save that stopped to ask about taken sheet names has not failed yet: no verdict. */
function savedMapping(result: JobResult): boolean | null {
  if (result.written) return true;
  return result.conflicts && result.conflicts.length > 0 ? null : false;
}

export function useJob(port: WorkbookPort | null, job: JobApi): UseJob {
  const [state, setState] = useState<JobState>(IDLE);
  const latest = useRef(0);

  const execute = useCallback(
    async (action: JobAction, options: JobOptions): Promise<void> => {
      if (!port) return;
      const ticket = ++latest.current;
      const current = (): boolean => latest.current === ticket;
      setState((s) => ({ ...s, busy: action, step: null, error: null, mappingSaved: null }));
      const onProgress = (step: JobStep): void => {
        if (current()) setState((s) => ({ ...s, step }));
      };
      try {
        if (action === 'inspect') {
          const inspection = await job.inspect(port, { ...options, onProgress });
          if (!current()) return;
          setState((s) => ({
            ...s,
            busy: null,
            step: null,
            inspection,
            result: null,
            defaultScheme: defaultSchemeOf(inspection),
          }));
        } else {
          const result = await job.runJob(port, { ...options, onProgress });
          if (!current()) return;
          setState((s) => ({
            ...s,
            busy: null,
            step: null,
            inspection: result,
            result,
            mappingSaved: action === 'save-mapping' ? savedMapping(result) : null,
          }));
        }
      } catch (error) {
        if (current()) setState((s) => ({ ...s, busy: null, step: null, error: describeError(error) }));
      }
    },
    [port, job],
  );

  useEffect(() => {
    latest.current++;
    setState(IDLE);
    if (port) void execute('inspect', {});
  }, [port, execute]);

  return {
    ...state,
    inspect: useCallback(() => void execute('inspect', {}), [execute]),
    run: useCallback((options: RunOptions) => void execute('run', options), [execute]),
    saveMapping: useCallback(
      (mapping: NameMapping, options: RunOptions) =>
        void execute('save-mapping', { ...options, mapping, saveMapping: true }),
      [execute],
    ),
  };
}
