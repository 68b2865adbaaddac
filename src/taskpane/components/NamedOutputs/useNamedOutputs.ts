/**
 * Which of the clerk's bare-named output cells (自评得分 on 上报表!B1 …) the clerk ticks. The ticks start from
 * the inspection (recorded confirmations) and are passed with every run as JobOptions.confirmedOutputs; a new
 * inspection (another workbook, the run's own result) starts from what it found.
 */
import { useCallback, useState } from 'react';
import type { Inspection } from '../../../app/job';
import type { OutputCandidate } from '../../../app/namedOutputs';

export interface UseNamedOutputs {
  candidates: OutputCandidate[];
  ticked: readonly string[];
  toggle(name: string, on: boolean): void;
  /** What a run passes as confirmedOutputs: the ticked names, or nothing when the workbook has no such cell. */
  confirmedOutputs(): string[] | undefined;
}

function confirmedIn(inspection: Inspection | null): string[] {
  return (inspection?.outputCandidates ?? []).filter((c) => c.confirmed).map((c) => c.name);
}

export function useNamedOutputs(inspection: Inspection | null): UseNamedOutputs {
  const [choice, setChoice] = useState<{ source: Inspection | null; ticked: string[] } | null>(null);
  const ticked = choice && choice.source === inspection ? choice.ticked : confirmedIn(inspection);
  const candidates = inspection?.outputCandidates ?? [];
  const toggle = useCallback(
    (name: string, on: boolean) =>
      setChoice((c) => {
        const current = c && c.source === inspection ? c.ticked : confirmedIn(inspection);
        const rest = current.filter((n) => n !== name);
        return { source: inspection, ticked: on ? [...rest, name] : rest };
      }),
    [inspection],
  );
  return {
    candidates,
    ticked,
    toggle,
    confirmedOutputs: () =>
      candidates.length
        ? candidates.filter((c) => !c.formula && ticked.includes(c.name)).map((c) => c.name)
        : undefined,
  };
}
