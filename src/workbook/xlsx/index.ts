/** The xlsx adapter (the clerk's package kept, our parts added; streaming reads): Node, the browser page, the CLI. */
export { XlsxWorkbook, type CreateOptions, type XlsxInput } from './xlsxWorkbook';
export { parseReference, quoteSheet, splitSheetCell, type Area, type ParsedReference } from './reference';
export { readWorkbookXml, parseWorkbookXml, type RawDefinedName, type WorkbookXml } from './definedNames';
