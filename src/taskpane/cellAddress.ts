/**
 * Cell references as the engine reports them (`基础数据!B3`, `'预算 表'!B3:C4`), split for selecting
 * them in Excel. A constant name (`名称 编制数`) has no cell and cannot be selected.
 */
import { boxAddress, parseAddress } from '../engine/a1';

export interface CellTarget {
  sheet: string;
  range: string;
}

export function splitCellAddress(address: string): CellTarget | null {
  const at = parseAddress(address);
  return at && at.sheet ? { sheet: at.sheet, range: boxAddress(at) } : null;
}
