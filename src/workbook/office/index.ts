/** The Office.js adapter of WorkbookPort: the only code in the project that touches Excel.*. */
export { OfficeWorkbook, type ExcelRun, type OfficeWorkbookOptions } from './OfficeWorkbook';
export { MINIMUM_EXCEL_API, officeIsSetSupported, type IsSetSupported } from './apiSets';
export { officeErrorMessage, toWorkbookError, PARTIAL_WRITE_NOTE } from './errors';
export { columnWidthPoints } from './layoutWriter';
