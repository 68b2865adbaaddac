/**
 * Resolve candidate names against the names of workbook.xml and the cells ExcelJS loaded:
 * workbook scope first, else the first sheet (in workbook order) that defines it; a merged area is
 * its top-left cell.
 */
import type ExcelJS from 'exceljs';
import type { DefinedName, NamedValue, NameScope } from '../../engine/types';
import { numberFormatOf } from './cells';
import type { RawDefinedName, WorkbookXml } from './definedNames';
import { columnLetters, parseReference } from './reference';
import { findSheet, mergesOf, valueAt } from './sheetAccess';

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

export function resolveName(book: ExcelJS.Workbook, info: WorkbookXml, candidate: string): NamedValue {
  const { chosen, alsoOnSheets } = pickDefinition(info, candidate);
  if (!chosen) return { kind: 'missing', name: candidate };
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
  switch (ref.kind) {
    case 'ref-error':
      return invalid('ref-error');
    case 'formula':
      return invalid('not-a-range');
    case 'constant':
      return { kind: 'constant', name: candidate, scope, value: ref.value, refersTo: chosen.text, ...also };
  }
  if (ref.areas.length !== 1) return invalid('multi-cell');
  const area = ref.areas[0];
  if (area.external !== undefined || area.sheetTo !== undefined) return invalid('not-a-range');
  const sheetName = area.sheet ?? chosen.sheet;
  const ws = sheetName === undefined ? undefined : findSheet(book, sheetName);
  if (!ws) return invalid('ref-error');
  let { top, left } = area;
  if (area.bottom !== area.top || area.right !== area.left) {
    const merge = mergesOf(ws).find(
      (m) => m.top === area.top && m.left === area.left && m.bottom === area.bottom && m.right === area.right,
    );
    if (!merge) return invalid('multi-cell');
    top = merge.top;
    left = merge.left;
  }
  const cell = ws.findCell(top, left);
  const value: NamedValue = {
    kind: 'cell',
    name: candidate,
    scope,
    cell: `${ws.name}!${columnLetters(left)}${top}`,
    value: valueAt(ws, top, left, info.date1904),
    ...also,
  };
  const format = cell && numberFormatOf(cell);
  if (format) value.numberFormat = format;
  return value;
}
