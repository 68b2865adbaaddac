/** The catalogue grouped as the spec lists it, each input with its reading. */
import { INPUTS } from '../../../engine/catalogue';
import type { InputDef, InputGroup, InputReading } from '../../../engine/types';

export const INPUT_GROUPS: readonly InputGroup[] = ['基本信息', '人员编制', '预算执行', '产出', '文字说明'];

export interface InputRow {
  def: InputDef;
  reading: InputReading | undefined;
}

export interface InputGroupRows {
  group: InputGroup;
  rows: InputRow[];
  found: number;
  /** A required input is missing or invalid, or any input is invalid: the group opens by default. */
  needsAttention: boolean;
}

export function groupInputs(readings: Record<string, InputReading>): InputGroupRows[] {
  return INPUT_GROUPS.map((group) => {
    const rows = INPUTS.filter((def) => def.group === group).map((def) => ({ def, reading: readings[def.name] }));
    const found = rows.filter((r) => r.reading?.status === 'found').length;
    const needsAttention = rows.some(
      (r) => r.reading?.status === 'invalid' || (r.def.required && r.reading?.status !== 'found'),
    );
    return { group, rows, found, needsAttention };
  });
}
