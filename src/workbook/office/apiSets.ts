/**
 * ExcelApi requirement sets of every call the Office adapter makes ([Api set] notes of
 * @types/office-js 1.0.612).
 *
 *   1.1  workbook.worksheets / names / application; worksheets.items, getItem, add; worksheet.name
 *        (read, rename), visibility (read), getRange(), activate(); names.items, getItem;
 *        NamedItem.name/type/value/visible; range.address/values/valueTypes/formulas/numberFormat/
 *        cellCount/worksheet/clear; format.wrapText/horizontalAlignment/verticalAlignment;
 *        font.bold/size/color; fill.color; borders.getItem(...).style/weight
 *   1.2  worksheet.protection.protected, worksheet.visibility (write), range.merge/unmerge,
 *        range.columnHidden, format.columnWidth/rowHeight, format.protection.locked
 *   1.4  names.getItemOrNullObject, names.add, NamedItem.getRangeOrNullObject/scope/delete,
 *        worksheet.names, worksheets.getItemOrNullObject, worksheet.getUsedRangeOrNullObject(valuesOnly),
 *        range.getIntersectionOrNullObject (readWindows; range.text is 1.1)
 *
 *   => minimum ExcelApi 1.4. (Office 2016 volume-licensed stops at 1.1 and cannot run React 18 anyway:
 *      office-js-notes §1.) Everything newer is behind isSetSupported:
 *
 *   1.7  NamedItem.formula (read: the exact refersTo; write: re-point a name in place; without it
 *        refersTo is rebuilt from type/value and a name is deleted and added again),
 *        freezePanes.freezeRows/unfreeze, worksheet.tabColor, workbook.protection.protected
 *   1.9  application.suspendScreenUpdatingUntilNextSync, worksheet.pageLayout (orientation, zoom,
 *        setPrintTitleRows)
 *   1.13 range.getMergedAreasOrNullObject (+ RangeAreas.address/areaCount, 1.9): a name on exactly one
 *        merged area reads as its top-left cell; without it every name on several cells is
 *        'multi-cell' (a clerk on an older Excel must point the name at the merged area's first cell).
 */

export type IsSetSupported = (set: string, version: string) => boolean;

/** The minimum the adapter needs; below it every call would fail. */
export const MINIMUM_EXCEL_API = '1.4';

/** Office's own check; false when Office.js is not loaded (e.g. in node). */
export const officeIsSetSupported: IsSetSupported = (set, version) => {
  if (typeof Office === 'undefined' || !Office.context?.requirements) return false;
  return Office.context.requirements.isSetSupported(set, version);
};

/** The optional features, decided once per adapter call. */
export interface ApiFeatures {
  nameFormula: boolean;
  freezePanes: boolean;
  tabColor: boolean;
  workbookProtection: boolean;
  suspendScreenUpdating: boolean;
  pageLayout: boolean;
  mergedAreas: boolean;
}

export function detectFeatures(isSetSupported: IsSetSupported): ApiFeatures {
  const has = (v: string) => isSetSupported('ExcelApi', v);
  const v17 = has('1.7');
  const v19 = has('1.9');
  return {
    nameFormula: v17,
    freezePanes: v17,
    tabColor: v17,
    workbookProtection: v17,
    suspendScreenUpdating: v19,
    pageLayout: v19,
    mergedAreas: has('1.13'),
  };
}
