/**
 * The mapping draft: for each input the workbook lacks (or holds badly), which of the workbook's own
 * defined names stands for it. Starts from the mapping stored in the workbook.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Inspection } from '../../../app/job';
import { INPUTS } from '../../../engine/catalogue';
import type { InputDef, NameMapping } from '../../../engine/types';

/** Names the add-in itself defines: ownership marks, settings and 指标_<id> outputs. */
const OWN_NAME = /^(_jixiao_|指标_)/;

export interface MappingEntry {
  def: InputDef;
  status: 'missing' | 'invalid';
}

export interface UseMappingEditor {
  entries: MappingEntry[];
  names: string[];
  draft: NameMapping;
  setName(input: string, name: string | undefined): void;
  changed: boolean;
}

export function mappingEntries(inspection: Inspection): MappingEntry[] {
  const entries: MappingEntry[] = [];
  for (const def of INPUTS) {
    const status = inspection.evaluation.inputs[def.name]?.status ?? 'missing';
    if (status !== 'found') entries.push({ def, status });
  }
  // Required inputs block the write: the clerk sees them first.
  return entries.sort((a, b) => Number(b.def.required) - Number(a.def.required));
}

export function mappableNames(inspection: Inspection): string[] {
  const names = inspection.names.all.filter((n) => !n.hidden && !OWN_NAME.test(n.name)).map((n) => n.name);
  return Array.from(new Set(names)).sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

function sameMapping(a: NameMapping, b: NameMapping): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

export function useMappingEditor(inspection: Inspection): UseMappingEditor {
  const [draft, setDraft] = useState<NameMapping>(inspection.mapping);
  useEffect(() => setDraft(inspection.mapping), [inspection.mapping]);
  const entries = useMemo(() => mappingEntries(inspection), [inspection]);
  const names = useMemo(() => mappableNames(inspection), [inspection]);
  const setName = (input: string, name: string | undefined): void =>
    setDraft((d) => {
      const next = { ...d };
      if (name) next[input] = name;
      else delete next[input];
      return next;
    });
  return { entries, names, draft, setName, changed: !sameMapping(draft, inspection.mapping) };
}
