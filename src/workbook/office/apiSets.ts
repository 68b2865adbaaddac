/**
 * ExcelApi requirement sets of every call the Office adapter makes ([Api set] notes of
 * @types/office-js 1.0.612).
 *
 *   1.1  workbook.worksheets / names / application, worksheets.items, worksheet.name, .visibility (read),
 *        .getRange, .activate, worksheets.add / getItem, names.items, NamedItem.name/type/value/visible,
 *        range.address/values/valueTypes/numberFormat/formulas/cellCount/worksheet/clear,
 *        format.wrapText/horizontalAlignment/verticalAlignment, font.bold/size/color, fill.color,
 *        borders.getItem(...).style/weight
 *   1.2  worksheet.protection.protected, worksheet.visibility (write), range.merge/unmerge,
 *        format.columnWidth/rowHeight, format.protection.locked
 *   1.4  names.getItemOrNullObject, NamedItem.getRangeOrNullObject/scope/delete, names.add,
 *        worksheet.names, worksheets.getItemOrNullObject, worksheet.getUsedRangeOrNullObject(valuesOnly)
 *
 *   => minimum ExcelApi 1.4 (Office 2016 volume-licensed, which stops at 1.1, cannot run us anyway:
 *      office-js-notes §1). Everything newer is guarded by isSetSupported:
 *
 *   1.7  NamedItem.formula (read: exact refersTo; write: re-point a name in place — without it the
 *        name is deleted and added again), freezePanes.freezeRows/unfreeze, worksheet.tabColor,
 *        workbook.protection.protected
 *   1.9  application.suspendScreenUpdatingUntilNextSync, worksheet.pageLayout (orientation, zoom,
 *        setPrintTitleRows)
 *   1.13 range.getMergedAreasOrNullObject (a name on one merged area counts as one cell; without it
 *        a name on several cells is always 'multi-cell')
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
