/**
 * readState in one sync: the sheet list with visibility and protection, and for each ownership
 * mark (a hidden workbook name on A1 of one of our sheets) that sheet's name and used values.
 */
import type { OwnedSheet, SheetInfo, WorkbookState } from '../port';
import { parseAddress } from './address';
import type { ApiFeatures } from './apiSets';
import { gridFromA1 } from './cellValues';

export interface StateSnapshot {
  state: WorkbookState;
  /** Workbook structure protection (false when ExcelApi 1.7 is missing and it cannot be known). */
  workbookProtected: boolean;
  /** Lower-cased workbook-scoped names that exist: write adds the others and re-points these. */
  workbookNames: Set<string>;
}

const VISIBILITY: Record<string, SheetInfo['visibility']> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

export async function readStateBatch(
  context: Excel.RequestContext,
  marks: string[],
  features: ApiFeatures,
): Promise<StateSnapshot> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility,items/protection/protected');
  const workbookProtection = features.workbookProtection ? context.workbook.protection : null;
  workbookProtection?.load('protected');
  const workbookNameList = context.workbook.names;
  workbookNameList.load('items/name');
  // A missing mark, or one whose sheet was deleted (#REF!), yields null objects all down the chain.
  const probes = marks.map((mark) => {
    const item = context.workbook.names.getItemOrNullObject(mark);
    const sheet = item.getRangeOrNullObject().worksheet;
    sheet.load('name');
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('address,values,valueTypes');
    return { mark, item, sheet, used };
  });

  await context.sync();

  const sheets: SheetInfo[] = worksheets.items.map((ws) => ({
    name: ws.name,
    visibility: VISIBILITY[ws.visibility] ?? 'visible',
    protected: ws.protection.protected,
  }));
  const owned: Record<string, OwnedSheet> = {};
  const workbookNames = new Set(workbookNameList.items.map((n) => n.name.toLowerCase()));
  for (const { mark, item, sheet, used } of probes) {
    if (item.isNullObject || sheet.isNullObject) continue;
    const box = used.isNullObject ? null : parseAddress(used.address);
    owned[mark] = {
      sheet: sheet.name,
      values: box ? gridFromA1(box, used.values, used.valueTypes as string[][]) : [],
    };
  }
  return {
    state: { sheets, owned },
    workbookProtected: workbookProtection ? workbookProtection.protected : false,
    workbookNames,
  };
}
