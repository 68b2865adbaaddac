/**
 * The 自动识别 choices: for each proposal which cell the clerk confirms — high ones ticked, low ones
 * unticked, an ambiguous one a choice between its candidates — and for a missing input a cell the
 * clerk picks (the Excel selection, or an address typed in the browser page and previewed).
 */
import { useEffect, useMemo, useState } from 'react';
import type { Choice } from '../../../app/locate';
import type { Inspection } from '../../../app/job';
import { inputDef } from '../../../engine/catalogue';
import type { Candidate, Proposal } from '../../../engine/locator';
import type { WorkbookPort } from '../../../workbook/port';
import { splitSheet, parseCell } from '../../../engine/a1';

/** A cell the clerk picked for a missing input, with what it holds. */
export interface Picked {
  cell: string;
  value: string | null;
}

export interface UseAutoLocate {
  proposals: Proposal[];
  /** Input → the chosen cell (null: not used). */
  chosen: Record<string, string | null>;
  picked: Record<string, Picked>;
  choose(input: string, cell: string | null): void;
  pick(input: string, cell: string): Promise<boolean>;
  choices(): Choice[];
}

/** Proposals worth showing: found (with a value or not), ambiguous, and missing required inputs. */
export function shownProposals(inspection: Inspection): Proposal[] {
  return (inspection.located?.proposals ?? []).filter(
    (p) => p.status === 'found' || p.status === 'ambiguous' || (p.status === 'missing' && inputDef(p.input).required),
  );
}

export function initialChoices(proposals: Proposal[]): Record<string, string | null> {
  return Object.fromEntries(
    proposals.map((p) => [p.input, p.status === 'found' && p.confidence === 'high' ? p.candidate.cell : null]),
  );
}

function candidateAt(p: Proposal, cell: string): Candidate | undefined {
  if (p.status === 'found') return p.candidate.cell === cell ? p.candidate : undefined;
  if (p.status === 'ambiguous') return p.candidates.find((c) => c.cell === cell);
  return undefined;
}

/** What a typed or selected cell holds, read through the port's bounded window read. */
export async function readCell(port: WorkbookPort, address: string): Promise<Picked | null> {
  const { sheet, local } = splitSheet(address.trim());
  const at = parseCell(local.replace(/\$/g, ''));
  if (!sheet || !at) return null;
  const [snap] = await port.readWindows([sheet], { rows: at.row + 1, columns: at.col + 1 });
  if (!snap) return null;
  const v = snap.cells[at.row]?.[at.col]?.value ?? null;
  return {
    cell: `${snap.sheet}!${local.replace(/\$/g, '').toUpperCase()}`,
    value: v === null || typeof v === 'object' ? null : String(v),
  };
}

export function useAutoLocate(inspection: Inspection, port: WorkbookPort | null): UseAutoLocate {
  const proposals = useMemo(() => shownProposals(inspection), [inspection]);
  const [chosen, setChosen] = useState(() => initialChoices(proposals));
  const [picked, setPicked] = useState<Record<string, Picked>>({});
  useEffect(() => {
    setChosen(initialChoices(proposals));
    setPicked({});
  }, [proposals]);
  return {
    proposals,
    chosen,
    picked,
    choose: (input, cell) => setChosen((c) => ({ ...c, [input]: cell })),
    async pick(input, address) {
      const cell = port ? await readCell(port, address) : null;
      if (!cell) return false;
      setPicked((p) => ({ ...p, [input]: cell }));
      setChosen((c) => ({ ...c, [input]: cell.cell }));
      return true;
    },
    choices() {
      return proposals.flatMap((p): Choice[] => {
        const cell = chosen[p.input];
        if (!cell) return [];
        // A picked cell's unit is unknown: the catalogue unit (万元) is assumed.
        return [{ input: p.input, cell, unit: candidateAt(p, cell)?.unit ?? '' }];
      });
    },
  };
}
