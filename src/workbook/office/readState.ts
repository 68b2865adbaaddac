/**
 * readState in one sync: the sheet list with visibility and protection, and for each ownership
 * mark (a hidden workbook name on A1 of one of our sheets) that sheet's name and used values.
 */
import type { OwnedSheet, SheetInfo, WorkbookState } from '../port';
import { parseAddress } from '../../engine/a1';
import type { ApiFeatures } from './apiSets';
import { gridFromA1 } from './cellValues';
import { OUR_MARKS } from '../../sheets/names';

export interface StateSnapshot {
  state: WorkbookState;
  /** Workbook structure protection (false when ExcelApi 1.7 is missing and it cannot be known). */
  workbookProtected: boolean;
  /** Lower-cased workbook-scoped names that exist: write adds the others and re-points these. */
  workbookNames: Set<string>;
  /** Lower-cased names of the sheets any of our marks points at: the only ones write may replace (or empty ones). */
  ourSheets: Set<string>;
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
  probeEmpty: string[] = [],
): Promise<StateSnapshot> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility,items/protection/protected');
  const workbookProtection = features.workbookProtection ? context.workbook.protection : null;
  workbookProtection?.load('protected');
  const workbookNameList = context.workbook.names;
  workbookNameList.load('items/name');
  // A missing mark, or one whose sheet was deleted (#REF!), yields null objects all down the chain.
  // Every role's mark is probed, so write knows our sheets even when asked for fewer marks.
  const requested = new Set(marks);
  const allMarks = [...new Set([...marks, ...OUR_MARKS])];
  const probes = allMarks.map((mark) => {
    const item = context.workbook.names.getItemOrNullObject(mark);
    const sheet = item.getRangeOrNullObject().worksheet;
    sheet.load('name');
    if (!requested.has(mark)) return { mark, item, sheet, used: null };
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('address,values,valueTypes');
    return { mark, item, sheet, used };
  });
  const emptiness = probeEmpty.map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('address');
    return { name: name.toLowerCase(), sheet, used };
  });

  await context.sync();

  const empty = new Map(emptiness.filter((e) => !e.sheet.isNullObject).map((e) => [e.name, e.used.isNullObject]));
  const sheets: SheetInfo[] = worksheets.items.map((ws) => {
    const info: SheetInfo = {
      name: ws.name,
      visibility: VISIBILITY[ws.visibility] ?? 'visible',
      protected: ws.protection.protected,
    };
    const isEmpty = empty.get(ws.name.toLowerCase());
    if (isEmpty !== undefined) info.empty = isEmpty;
    return info;
  });
  const owned: Record<string, OwnedSheet> = {};
  const workbookNames = new Set(workbookNameList.items.map((n) => n.name.toLowerCase()));
  const ourSheets = new Set<string>();
  for (const { mark, item, sheet, used } of probes) {
    if (item.isNullObject || sheet.isNullObject) continue;
    ourSheets.add(sheet.name.toLowerCase());
    if (!used) continue;
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
    ourSheets,
  };
}
