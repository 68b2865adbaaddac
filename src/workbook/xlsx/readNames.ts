/**
 * Resolve candidate names against the names of workbook.xml and only the cells they point at:
 * workbook scope first, else the first sheet (in workbook order) that defines it; a merged area is
 * its top-left cell. Each sheet holding a target is streamed once for all candidates.
 */
import type { DefinedName, NamedValue, NameScope } from '../../engine/types';
import type { RawDefinedName, WorkbookXml } from './definedNames';
import { columnLetters, parseReference } from './reference';
import { mergeContaining, type WorkbookPackage } from './workbookPackage';

/** Excel's built-in names (print area, print titles, filter ranges): not the clerk's names. */
export function isBuiltIn(name: string): boolean {
  return name.toLowerCase().startsWith('_xlnm.');
}

export function scopeOf(n: RawDefinedName): NameScope {
  return n.sheet === undefined ? { kind: 'workbook' } : { kind: 'worksheet', sheet: n.sheet };
}

export function listNames(info: WorkbookXml): DefinedName[] {
  return info.names
    .filter((n) => !isBuiltIn(n.name))
    .map((n) => {
      const d: DefinedName = { name: n.name, scope: scopeOf(n), refersTo: n.text };
      if (n.hidden) d.hidden = true;
      return d;
    });
}

/** The definition a lookup uses, and the sheets that define the same name too. */
export function pickDefinition(
  info: WorkbookXml,
  candidate: string,
): { chosen?: RawDefinedName; alsoOnSheets: string[] } {
  const lower = candidate.toLowerCase();
  const matches = info.names.filter((n) => n.name.toLowerCase() === lower);
  const order = (n: RawDefinedName) => info.sheets.findIndex((s) => s.name === n.sheet);
  const onSheets = matches.filter((n) => n.sheet !== undefined).sort((a, b) => order(a) - order(b));
  const chosen = matches.find((n) => n.sheet === undefined) ?? onSheets[0];
  return { chosen, alsoOnSheets: onSheets.filter((n) => n !== chosen).map((n) => n.sheet!) };
}

interface Pending {
  candidate: string;
  sheetIndex: number;
  area: { top: number; left: number; bottom: number; right: number };
  refersTo: string;
  base: { name: string; scope: NameScope; alsoOnSheets?: string[] };
}

export async function resolveNames(pkg: WorkbookPackage, candidates: string[]): Promise<Record<string, NamedValue>> {
  const values: Record<string, NamedValue> = {};
  const pending: Pending[] = [];
  for (const candidate of candidates) {
    const { chosen, alsoOnSheets } = pickDefinition(pkg.info, candidate);
    if (!chosen) {
      values[candidate] = { kind: 'missing', name: candidate };
      continue;
    }
    const scope = scopeOf(chosen);
    const also = alsoOnSheets.length ? { alsoOnSheets } : {};
    const invalid = (problem: 'multi-cell' | 'ref-error' | 'not-a-range'): NamedValue => ({
      kind: 'invalid-reference',
      name: candidate,
      scope,
      refersTo: chosen.text,
      problem,
      ...also,
    });
    const ref = parseReference(chosen.text);
    if (ref.kind === 'ref-error') values[candidate] = invalid('ref-error');
    else if (ref.kind === 'formula') values[candidate] = invalid('not-a-range');
    else if (ref.kind === 'constant')
      values[candidate] = {
        kind: 'constant',
        name: candidate,
        scope,
        value: ref.value,
        refersTo: chosen.text,
        ...also,
      };
    else if (ref.areas.length !== 1) values[candidate] = invalid('multi-cell');
    else {
      const area = ref.areas[0];
      const sheetName = area.sheet ?? chosen.sheet;
      const index = sheetName === undefined ? -1 : pkg.sheetIndex(sheetName);
      if (area.external !== undefined || area.sheetTo !== undefined) values[candidate] = invalid('not-a-range');
      else if (index < 0 || !pkg.parts[index]) values[candidate] = invalid('ref-error');
      else
        pending.push({
          candidate,
          sheetIndex: index,
          area,
          refersTo: chosen.text,
          base: { name: candidate, scope, ...also },
        });
    }
  }
  const formats = pending.length ? await pkg.styleFormats() : undefined;
  for (const sheetIndex of [...new Set(pending.map((p) => p.sheetIndex))]) {
    const mine = pending.filter((p) => p.sheetIndex === sheetIndex);
    const wanted = new Set(mine.map((p) => `${p.area.top}:${p.area.left}`));
    const read = await pkg.readSheet(sheetIndex, { keep: (r, c) => wanted.has(`${r}:${c}`) });
    const cellValues = await pkg.values(read.cells);
    const sheet = pkg.info.sheets[sheetIndex].name;
    for (const p of mine) {
      const { area } = p;
      const multi = area.bottom !== area.top || area.right !== area.left;
      if (multi) {
        const merge = read.merges.find(
          (m) => m.top === area.top && m.left === area.left && m.bottom === area.bottom && m.right === area.right,
        );
        if (!merge) {
          values[p.candidate] = {
            kind: 'invalid-reference',
            name: p.candidate,
            scope: p.base.scope,
            refersTo: p.refersTo,
            problem: 'multi-cell',
            ...(p.base.alsoOnSheets ? { alsoOnSheets: p.base.alsoOnSheets } : {}),
          };
          continue;
        }
      }
      const at = read.cells.findIndex((c) => c.row === area.top && c.col === area.left);
      const m = mergeContaining(read.merges, area.top, area.left);
      const slave = !!m && (m.top !== area.top || m.left !== area.left);
      const value: NamedValue = {
        kind: 'cell',
        ...p.base,
        cell: `${sheet}!${columnLetters(area.left)}${area.top}`,
        value: at < 0 || slave ? null : cellValues[at],
      };
      const format = at < 0 ? undefined : formats!.format(read.cells[at].style);
      if (format) value.numberFormat = format;
      if (at >= 0 && !slave && read.cells[at].formula) value.formula = true;
      values[p.candidate] = value;
    }
  }
  return values;
}
