/**
 * The pane's state in one place: the workbook, the job, the scheme choice, the question about
 * taken sheet names, and small problems reported by links and downloads.
 */
import { useCallback, useState } from 'react';
import type { NameMapping } from '../../../engine/types';
import type { Choice } from '../../../app/locate';
import { describeError } from './useJob';
import type { HostServices } from '../../services/services';
import { useStrings } from '../../strings';
import { useJob, type RunOptions, type UseJob } from './useJob';
import { useSchemePicker, type UseSchemePicker } from '../SchemePicker/useSchemePicker';
import { useWorkbook, type UseWorkbook } from './useWorkbook';

/** What the clerk asked for; asked again with 'rename' once the clerk agrees to write beside their sheets. */
type Request = { kind: 'run' } | { kind: 'save-mapping'; mapping: NameMapping };

export interface UseApp {
  workbook: UseWorkbook;
  job: UseJob;
  scheme: UseSchemePicker;
  /** The clerk's sheets that carry our sheet names, while the pane asks what to do; else empty. */
  conflicts: string[];
  problem: string | null;
  reportProblem(message: string): void;
  dismissProblem(): void;
  run(): void;
  saveMapping(mapping: NameMapping): void;
  confirmRename(): void;
  cancelRename(): void;
  /** 确认并定义名称: define the confirmed names (one write), then 计算指标. */
  confirmLocate(choices: Choice[]): void;
}

export function useApp(services: HostServices): UseApp {
  const strings = useStrings();
  const workbook = useWorkbook(services);
  const job = useJob(workbook.port, services.job);
  const scheme = useSchemePicker(services.presets, job.defaultScheme, strings);
  const [request, setRequest] = useState<Request | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const perform = useCallback(
    (next: Request, onNameConflict: RunOptions['onNameConflict']) => {
      setRequest(next);
      const options: RunOptions = { scheme: scheme.selected.scheme, onNameConflict };
      if (next.kind === 'run') job.run(options);
      else job.saveMapping(next.mapping, options);
    },
    [job, scheme.selected.scheme],
  );

  // With 'ask' the job writes nothing when our sheet names are taken and says which ones.
  const conflicts = request && job.busy === null ? (job.result?.conflicts ?? []) : [];

  return {
    workbook,
    job,
    scheme,
    conflicts,
    problem,
    reportProblem: setProblem,
    dismissProblem: () => setProblem(null),
    run: () => perform({ kind: 'run' }, 'ask'),
    saveMapping: (mapping) => perform({ kind: 'save-mapping', mapping }, 'ask'),
    confirmRename: () => {
      if (request) perform(request, 'rename');
    },
    cancelRename: () => setRequest(null),
    confirmLocate: (choices) => {
      const port = workbook.port;
      const inspection = job.inspection;
      if (!port || !inspection || !services.job.applyChoices) return;
      services.job.applyChoices(port, inspection, choices).then(
        () => perform({ kind: 'run' }, 'ask'),
        (error: unknown) => setProblem(describeError(error).message),
      );
    },
  };
}
