/**
 * readWindows on the strict Office fake, under both null-object behaviours: one sync when every asked
 * sheet exists, three when one is gone (the failed batch, the sheet list, the windows); bounded to
 * window ∩ used range, within 5 MB per batch on 30 sheets, works at ExcelApi 1.4.
 */
import { OfficeWorkbook } from '../../src/workbook/office';
import { FakeExcel, PAYLOAD_LIMIT_BYTES, type NullObjectMode } from '../support/fakeExcel';
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

function open(maxApi?: string, nullObjects: NullObjectMode = 'throw') {
  const fake = new FakeExcel(FIXTURE, { ...(maxApi ? { maxApi } : {}), nullObjects });
  return { fake, port: new OfficeWorkbook({ run: fake.runner(), isSetSupported: fake.isSetSupported }) };
}

describe('OfficeWorkbook.readWindows', () => {
  it.each(['throw', 'propagate'] as const)(
    'reads every sheet in one sync, with display text and merges (null objects: %s)',
    async (mode) => {
      const { fake, port } = open(undefined, mode);
      const snaps = await port.readWindows(['部门决算', '空表', '说明']);
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
    },
  );

  it.each(['throw', 'propagate'] as const)(
    'leaves out a sheet deleted since the inspection listed it: the batch fails with ItemNotFound, then the sheets are listed (3 syncs; null objects: %s)',
    async (mode) => {
      const { fake, port } = open(undefined, mode);
      const snaps = await port.readWindows(['部门决算', '已删除', '说明', '部门決算']);
      expect(fake.syncCount).toBe(3);
      expect(snaps.map((s) => s.sheet)).toEqual(['部门决算', '说明']);
      expect(snaps[0].cells[3][2]).toEqual({ value: '全年预算数' });
    },
  );

  it('gives each sheet its own spelling when asked in another case', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Data', cells: { A1: '全年预算数' } }], names: [] });
    const port = new OfficeWorkbook({ run: fake.runner(), isSetSupported: fake.isSetSupported });
    const [snap] = await port.readWindows(['DATA']);
    expect(fake.syncCount).toBe(1);
    expect(snap.sheet).toBe('Data');
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

  it('30 full windows stay under the 5 MB request and response limits of Excel on the web', async () => {
    const cells: WorkbookFixture['sheets'][number]['cells'] = {};
    for (let r = 1; r <= 200; r++) {
      cells[`A${r}`] = `项目名称第${r}行（单位：万元）`;
      for (const col of ['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M']) cells[`${col}${r}`] = r * 1234.56;
    }
    const sheets = Array.from({ length: 30 }, (_, i) => ({ name: `表${i + 1}`, cells }));
    const fake = new FakeExcel({ sheets, names: [] });
    const port = new OfficeWorkbook({ run: fake.runner(), isSetSupported: fake.isSetSupported });
    const snaps = await port.readWindows(sheets.map((s) => s.name));
    expect(snaps).toHaveLength(30);
    for (const bytes of [...fake.requestBytes, ...fake.responseBytes]) expect(bytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });
});
