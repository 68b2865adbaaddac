/** The xlsx adapter (ExcelJS + our own defined-names handling): Node, the browser page, the CLI. */
export { XlsxWorkbook, type CreateOptions, type XlsxInput } from './xlsxWorkbook';
export { parseReference, quoteSheet, splitSheetCell, type Area, type ParsedReference } from './reference';
export { readWorkbookXml, parseWorkbookXml, type RawDefinedName, type WorkbookXml } from './definedNames';
