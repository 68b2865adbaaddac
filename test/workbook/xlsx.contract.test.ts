import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { describePortContract } from '../support/portContract';
import { buildXlsx, dumpFixture } from '../support/xlsxFixture';

describePortContract('xlsx (ExcelJS + own definedNames)', {
  open: async (f) => XlsxWorkbook.open(await buildXlsx(f)),
  dump: async (p) => dumpFixture(await (p as XlsxWorkbook).toBuffer()),
});
