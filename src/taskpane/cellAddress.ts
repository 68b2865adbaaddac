/**
 * Cell references as the engine reports them (`基础数据!B3`, `'预算 表'!B3:C4`). A constant name
 * (`名称 编制数`) has no cell and cannot be selected.
 */
export interface CellTarget {
  sheet: string;
  range: string;
}

export function splitCellAddress(address: string): CellTarget | null {
  const bang = address.lastIndexOf('!');
  if (bang <= 0 || bang === address.length - 1) return null;
  let sheet = address.slice(0, bang);
  const range = address.slice(bang + 1).replace(/\$/g, '');
  if (!/^[A-Za-z]{1,3}\d+(:[A-Za-z]{1,3}\d+)?$/.test(range)) return null;
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) {
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  return { sheet, range };
}
