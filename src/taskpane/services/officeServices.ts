/**
 * The pane inside Excel. Selecting a cell is the one Excel call the pane makes itself: a single
 * Excel.run with one sync; everything else goes through the OfficeWorkbook port.
 */
import { OfficeWorkbook } from '../../workbook/office';
import { splitCellAddress } from '../cellAddress';
import { JOB_API, presetNames } from './jobServices';
import type { OfficeServices } from './services';
import { makeReportServices } from './reportServices';

export async function selectCellInExcel(address: string): Promise<void> {
  const target = splitCellAddress(address);
  if (!target) throw new Error(`not a cell address: ${address}`);
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(target.sheet);
    sheet.activate();
    sheet.getRange(target.range).select();
    await context.sync();
  });
}

/** The selection's top-left cell as `Sheet!B6` (one sync). */
export async function selectedCellInExcel(): Promise<string> {
  return Excel.run(async (context) => {
    const range = context.workbook.getSelectedRange().getCell(0, 0);
    range.load('address');
    await context.sync();
    return range.address.replace(/\$/g, '').replace(/^'(.*)'!/, (_m, s: string) => `${s.replace(/''/g, "'")}!`);
  });
}

export function makeOfficeServices(): OfficeServices {
  return {
    mode: 'office',
    port: new OfficeWorkbook(),
    job: JOB_API,
    presets: presetNames(),
    selectCell: selectCellInExcel,
    selectedCell: selectedCellInExcel,
    report: makeReportServices(),
  };
}
