/**
 * The ribbon's 计算指标 (ExecuteFunction): runs the whole job without the pane and reports the
 * outcome. Office shows the command as running until event.completed() is called, so it is called
 * exactly once on every path, after the report (bounded by a timeout) or after any failure.
 */
import type { JobOptions, JobResult } from '../app/job';
import { outcomeOfError, outcomeOfResult, type Outcome } from './outcome';

export interface CommandEvent {
  completed(): void;
}

export interface RunEvaluationDeps {
  runJob(options: JobOptions): Promise<JobResult>;
  /** Shows the outcome to the clerk; resolves once it is shown (or could not be). */
  notify(outcome: Outcome): Promise<void>;
  /** For failures the clerk does not need to read (codes, stacks). */
  log?(message: string, error: unknown): void;
  /** How long to wait for notify before completing anyway. */
  notifyTimeoutMs?: number;
}

const NOTIFY_TIMEOUT_MS = 10_000;

export function makeRunEvaluation(deps: RunEvaluationDeps): (event: CommandEvent) => Promise<void> {
  return async function runEvaluation(event: CommandEvent): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      let outcome: Outcome;
      try {
        // No pane to ask in: a sheet of the clerk's named 评分表 gets ours written beside it as 评分表 (2).
        outcome = outcomeOfResult(await deps.runJob({ onNameConflict: 'rename' }));
      } catch (error) {
        deps.log?.('runEvaluation: job failed', error);
        outcome = outcomeOfError(error);
      }
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, deps.notifyTimeoutMs ?? NOTIFY_TIMEOUT_MS);
      });
      await Promise.race([deps.notify(outcome), timeout]);
    } catch (error) {
      deps.log?.('runEvaluation: could not report the outcome', error);
    } finally {
      clearTimeout(timer);
      event.completed();
    }
  };
}
