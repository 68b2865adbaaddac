/**
 * The pane's state in one place: the workbook, the job, the scheme choice, the question about
 * taken sheet names, and small problems reported by links and downloads.
 */
import { useCallback, useEffect, useState } from 'react';
import type { NameMapping } from '../../../engine/types';
import type { Choice, SupplementOutcome } from '../../../app/locate';
import type { InputName } from '../../../engine/catalogue';
import { describeError } from './useJob';
import type { HostServices } from '../../services/services';
import { useStrings } from '../../strings';
import { useJob, type RunOptions, type UseJob } from './useJob';
import { useSchemePicker, type UseSchemePicker } from '../SchemePicker/useSchemePicker';
import { useWorkbook, type UseWorkbook } from './useWorkbook';
import { useNamedOutputs, type UseNamedOutputs } from '../NamedOutputs/useNamedOutputs';

/** What the clerk asked for; asked again with 'rename' once the clerk agrees to write beside their sheets. */
type Request = { kind: 'run' } | { kind: 'save-mapping'; mapping: NameMapping };

export interface UseApp {
  workbook: UseWorkbook;
  job: UseJob;
  scheme: UseSchemePicker;
  /** The clerk's cells named like a result, and which of them the clerk ticked (passed with every run). */
  outputs: UseNamedOutputs;
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
  /** 补充缺少的数据: the yellow named table on a new sheet (one write), then the workbook is read again. */
  supplement(inputs: InputName[]): void;
  /** What 补充缺少的数据 added last (the pane tells the clerk to fill it); null before. */
  supplied: SupplementOutcome | null;
  /** True while names or the supplement table are being written. */
  writing: boolean;
}

export function useApp(services: HostServices): UseApp {
  const strings = useStrings();
  const workbook = useWorkbook(services);
  const job = useJob(workbook.port, services.job);
  const scheme = useSchemePicker(services.presets, job.defaultScheme, strings);
  const outputs = useNamedOutputs(job.inspection);
  const [request, setRequest] = useState<Request | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [supplied, setSupplied] = useState<SupplementOutcome | null>(null);
  const [writing, setWriting] = useState(false);
  // Another workbook (the browser page opens files): what was added to the last one no longer applies.
  useEffect(() => setSupplied(null), [workbook.port]);

  const perform = useCallback(
    (next: Request, onNameConflict: RunOptions['onNameConflict']) => {
      setRequest(next);
      const options: RunOptions = {
        scheme: scheme.selected.scheme,
        onNameConflict,
        confirmedOutputs: outputs.confirmedOutputs(),
      };
      if (next.kind === 'run') job.run(options);
      else job.saveMapping(next.mapping, options);
    },
    [job, scheme.selected.scheme, outputs],
  );

  // With 'ask' the job writes nothing when our sheet names are taken and says which ones.
  const conflicts = request && job.busy === null ? (job.result?.conflicts ?? []) : [];

  return {
    workbook,
    job,
    scheme,
    outputs,
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
      if (!port || !inspection || !services.job.applyChoices || writing) return;
      setWriting(true);
      services.job
        .applyChoices(port, inspection, choices)
        .then(
          () => perform({ kind: 'run' }, 'ask'),
          (error: unknown) => setProblem(describeError(error).message),
        )
        .finally(() => setWriting(false));
    },
    supplement: (inputs) => {
      const port = workbook.port;
      const inspection = job.inspection;
      if (!port || !inspection || !services.job.supplementInputs || writing) return;
      setWriting(true);
      services.job
        .supplementInputs(port, inspection, inputs)
        .then(
          (outcome) => {
            setSupplied(outcome);
            // Read again: the new names now point at the yellow cells, so nothing is offered twice.
            job.inspect();
          },
          (error: unknown) => setProblem(describeError(error).message),
        )
        .finally(() => setWriting(false));
    },
    supplied,
    writing,
  };
}
