/**
 * From candidates to one proposal per input. `high` only when exactly one strong candidate holds a
 * value and no other cell competes; two plausible cells are `ambiguous` (the clerk chooses); a lone
 * doubtful one (其中, a list, several numbers in the row, a number typed as text, an empty cell) is
 * `low`. A cell that two inputs claim is doubtful for both.
 */
import type { InputName } from '../catalogue';
import type { Candidate } from './candidates';

export type Proposal =
  | { input: InputName; status: 'named'; name: string; cell?: string }
  | { input: InputName; status: 'found'; confidence: 'high' | 'low'; candidate: Candidate }
  | { input: InputName; status: 'ambiguous'; candidates: Candidate[] }
  | { input: InputName; status: 'missing' };

/** Candidates of the same input on the same cell are one (found both as a table and by its label). */
function dedupe(list: Candidate[]): Candidate[] {
  const byCell = new Map<string, Candidate>();
  for (const c of list) {
    const prev = byCell.get(c.cell);
    if (!prev) byCell.set(c.cell, c);
    else if (c.strong && !prev.strong) byCell.set(c.cell, c);
  }
  return [...byCell.values()];
}

export function decide(input: InputName, found: Candidate[]): Proposal {
  const list = dedupe(found);
  const filled = list.filter((c) => c.value !== null);
  if (filled.length === 1) {
    const [only] = filled;
    return { input, status: 'found', confidence: only.strong ? 'high' : 'low', candidate: only };
  }
  if (filled.length > 1) return { input, status: 'ambiguous', candidates: filled };
  if (list.length === 1) return { input, status: 'found', confidence: 'low', candidate: list[0] };
  if (list.length > 1) return { input, status: 'ambiguous', candidates: list };
  return { input, status: 'missing' };
}

/** Marks as doubtful every candidate on a cell that more than one input claims. */
export function weakenShared(all: Candidate[]): void {
  const claims = new Map<string, Set<InputName>>();
  for (const c of all) {
    const set = claims.get(c.cell) ?? new Set<InputName>();
    set.add(c.input);
    claims.set(c.cell, set);
  }
  for (const c of all) if ((claims.get(c.cell)?.size ?? 0) > 1) c.strong = false;
}
