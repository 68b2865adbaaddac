/** readWindows on the strict Office fake: one sync, bounded to window ∩ used range, works at ExcelApi 1.4. */
import { OfficeWorkbook } from '../../src/workbook/office';
import { FakeExcel } from '../support/fakeExcel';
import type { WorkbookFixture } from '../support/fixture';

const FIXTURE: WorkbookFixture = {
  sheets: [
    {
      name: '部门决算',
      cells: {
        A1: '收入支出决算总表',
        A2: '金额单位：元',
        C4: '全年预算数',
        D4: { value: 5600000, numberFormat: '#,##0.00' },
        A600: '窗口之外',
      },
      merges: ['A1:D1'],
    },
    { name: '空表', cells: {} },
    { name: '说明', cells: { B2: '见附表' }, visibility: 'hidden' },
  ],
  names: [],
};

function open(maxApi?: string) {
  const fake = new FakeExcel(FIXTURE, maxApi ? { maxApi } : {});
  return { fake, port: new OfficeWorkbook({ run: fake.runner(), isSetSupported: fake.isSetSupported }) };
}

describe('OfficeWorkbook.readWindows', () => {
  it('reads every sheet in one sync, with display text and merges', async () => {
    const { fake, port } = open();
    const snaps = await port.readWindows(['部门决算', '空表', '说明', '已删除']);
    expect(fake.syncCount).toBe(1);
    expect(snaps.map((s) => s.sheet)).toEqual(['部门决算', '空表', '说明']);
    const [book, empty, note] = snaps;
    expect(book.cells[3][3]).toEqual({ value: 5600000, text: '5,600,000.00', numberFormat: '#,##0.00' });
    expect(book.cells[3][2]).toEqual({ value: '全年预算数' });
    expect(book.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    expect(book.truncated).toBe(true);
    expect(book.cells).toHaveLength(4);
    expect(empty).toEqual({ sheet: '空表', cells: [], merges: [], truncated: false });
    expect(note.cells[1][1]).toEqual({ value: '见附表' });
  });

  it('reads a larger window when asked', async () => {
    const { port } = open();
    const [snap] = await port.readWindows(['部门决算'], { rows: 600, columns: 4 });
    expect(snap.truncated).toBe(false);
    expect(snap.cells[599][0]).toEqual({ value: '窗口之外' });
  });

  it('works at the adapter minimum ExcelApi 1.4 (no merged areas before 1.13)', async () => {
    const { fake, port } = open('1.4');
    const [book] = await port.readWindows(['部门决算']);
    expect(fake.syncCount).toBe(1);
    expect(book.merges).toEqual([]);
    expect(book.cells[3][3]?.value).toBe(5600000);
  });
});
