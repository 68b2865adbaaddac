/**
 * What the ribbon command reports: the total and grade, the blocking errors, or the failure. It
 * travels to the outcome dialog (the pane page with `?outcome=…`) in the URL, so it is kept short:
 * a few errors, each cut to a readable length, and a count of the rest.
 */
import type { JobResult } from '../app/job';

export type Outcome =
  | { kind: 'written'; total: string; grade: string; provisional: boolean; notices: string[] }
  | { kind: 'blocked'; errors: string[]; more: number }
  | { kind: 'failed'; message: string; partial: boolean };

export const OUTCOME_PARAM = 'outcome';
const MAX_ERRORS = 5;
const MAX_CHARS = 200;

function cut(text: string): string {
  const chars = Array.from(text);
  return chars.length > MAX_CHARS ? `${chars.slice(0, MAX_CHARS - 1).join('')}…` : text;
}

export function outcomeOfResult(result: JobResult): Outcome {
  const { evaluation } = result;
  if (!result.written) {
    const errors = evaluation.findings
      .filter((f) => f.severity === 'error')
      .map((f) => cut(f.cells.length > 0 ? `${f.message}（${f.cells.join('、')}）` : f.message));
    return { kind: 'blocked', errors: errors.slice(0, MAX_ERRORS), more: Math.max(0, errors.length - MAX_ERRORS) };
  }
  return {
    kind: 'written',
    total: evaluation.total.toFixed(2),
    grade: evaluation.grade,
    provisional: evaluation.provisional,
    notices: result.notices.slice(0, MAX_ERRORS).map(cut),
  };
}

export function outcomeOfError(error: unknown): Outcome {
  const isWorkbookError = error instanceof Error && error.name === 'WorkbookError';
  const message = error instanceof Error ? error.message : String(error);
  return {
    kind: 'failed',
    message: cut(message),
    partial: isWorkbookError && (error as { partial?: unknown }).partial === true,
  };
}

export function encodeOutcome(outcome: Outcome): string {
  return encodeURIComponent(JSON.stringify(outcome));
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** The outcome in a page's query string, or null when there is none or it is malformed. */
export function decodeOutcome(search: string): Outcome | null {
  const raw = new URLSearchParams(search).get(OUTCOME_PARAM);
  if (!raw) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const o = data as Record<string, unknown>;
  switch (o.kind) {
    case 'written':
      return typeof o.total === 'string' && typeof o.grade === 'string' && isStringArray(o.notices)
        ? { kind: 'written', total: o.total, grade: o.grade, provisional: o.provisional === true, notices: o.notices }
        : null;
    case 'blocked':
      return isStringArray(o.errors) && typeof o.more === 'number'
        ? { kind: 'blocked', errors: o.errors, more: o.more }
        : null;
    case 'failed':
      return typeof o.message === 'string' ? { kind: 'failed', message: o.message, partial: o.partial === true } : null;
    default:
      return null;
  }
}
