/**
 * Which sheets readState reads the locator window of, in the same batch as the names (shared by both
 * adapters): the sheets the workbook-scoped names of amounts point at — their 单位：元 and （元）
 * headers say whether the named figure is in 元 — and, when some required input has no
 * workbook-scoped name at all, every sheet that is not ours, for the label locator.
 */
import { OUR_MARKS } from '../sheets/names';
import type { WindowRequest } from './port';

/** A workbook-scoped defined name and the sheet its reference points at (none for a constant or #REF!). */
export interface NameTarget {
  name: string;
  sheet?: string;
}

/** The sheets to read, in workbook order; `sheets` are the workbook's sheet names. */
export function windowSheets(request: WindowRequest, names: NameTarget[], sheets: string[]): string[] {
  const target = new Map(names.map((n) => [n.name.toLowerCase(), n.sheet?.toLowerCase()]));
  const ours = new Set(
    OUR_MARKS.map((mark) => target.get(mark.toLowerCase())).filter((s): s is string => s !== undefined),
  );
  const wanted = new Set<string>();
  for (const name of request.amounts) {
    const sheet = target.get(name.toLowerCase());
    if (sheet) wanted.add(sheet);
  }
  const unnamed = request.required.some((names) => !names.some((n) => target.has(n.toLowerCase())));
  return sheets.filter((s) => {
    const key = s.toLowerCase();
    return !ours.has(key) && (unnamed || wanted.has(key));
  });
}
