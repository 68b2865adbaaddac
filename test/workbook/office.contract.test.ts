/**
 * The shared WorkbookPort contract, run against the Office adapter on the strict fake of Office.js
 * with every optional API (ExcelApi 1.20), under both behaviours the fake offers for calls on null
 * objects (nothing documents which one Excel has: TESTING.md), each sync within the 5 MB request and
 * response limits of Excel on the web. The adapter's minimum (ExcelApi 1.4) is covered in
 * office.test.ts: there a name on a merged area reads as multi-cell (no getMergedAreas before 1.13).
 */
import { OfficeWorkbook } from '../../src/workbook/office';
import type { WorkbookPort } from '../../src/workbook/port';
import { FakeExcel, type NullObjectMode } from '../support/fakeExcel';
import { describePortContract } from '../support/portContract';

const MODES: NullObjectMode[] = ['throw', 'propagate'];

for (const nullObjects of MODES) {
  const fakes = new WeakMap<WorkbookPort, FakeExcel>();
  describePortContract(`office (Office.js on the strict fake, ExcelApi 1.20, null objects: ${nullObjects})`, {
    open: async (fixture) => {
      const fake = new FakeExcel(fixture, { nullObjects });
      const port = new OfficeWorkbook({ run: fake.runner(), isSetSupported: fake.isSetSupported });
      fakes.set(port, fake);
      return port;
    },
    dump: async (port) => {
      const fake = fakes.get(port);
      if (!fake) throw new Error('not a fake-backed port');
      return fake.dump();
    },
  });
}
