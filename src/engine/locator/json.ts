/** The locator's proposals as the JSON of `jixiao locate --json` (docs: one object, one key per input). */
import type { Candidate } from './candidates';
import type { Proposal } from './confidence';
import type { LocateResult } from './index';

type CandidateJson = { cell: string; label: string; value: string | null; unit: string };

export type ProposalJson =
  | { status: 'named'; cell?: string; name: string }
  | ({ status: 'found'; labelCell: string; confidence: 'high' | 'low' } & CandidateJson)
  | { status: 'ambiguous'; candidates: CandidateJson[] }
  | { status: 'missing' };

function candidateJson(c: Candidate): CandidateJson {
  return { cell: c.cell, label: c.label, value: c.value, unit: c.unit };
}

function proposalJson(p: Proposal): ProposalJson {
  switch (p.status) {
    case 'named':
      return p.cell ? { status: 'named', cell: p.cell, name: p.name } : { status: 'named', name: p.name };
    case 'found': {
      const { cell, label, value, unit } = candidateJson(p.candidate);
      return { status: 'found', cell, label, labelCell: p.candidate.labelCell, value, unit, confidence: p.confidence };
    }
    case 'ambiguous':
      return { status: 'ambiguous', candidates: p.candidates.map(candidateJson) };
    default:
      return { status: 'missing' };
  }
}

export function toLocateJson(result: LocateResult): { inputs: Record<string, ProposalJson> } {
  return { inputs: Object.fromEntries(result.proposals.map((p) => [p.input, proposalJson(p)])) };
}
