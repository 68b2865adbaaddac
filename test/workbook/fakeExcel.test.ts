/**
 * The strict fake of Office.js throws where Excel throws (office-js-notes §3). These tests pin that
 * strictness down, so that adapter tests passing on the fake mean something.
 */
import type { WorkbookFixture } from '../support/fixture';
import { FakeExcel, FakeOfficeError } from '../support/fakeExcel';
import { CONTRACT_FIXTURE } from '../support/portContract';

const BOOK: WorkbookFixture = {
  sheets: [
    { name: '基础数据', cells: { A1: '编制数', B1: 17, B2: { value: 0.95, numberFormat: '0.00%' } } },
    { name: '副本', cells: { C3: 5 } },
    { name: '锁定', cells: { A1: 1 }, protected: true },
  ],
  names: [
    { name: '编制数', refersTo: '基础数据!$B$1' },
    { name: '本表', sheet: '副本', refersTo: '副本!$C$3' },
    { name: '常数', refersTo: '15' },
  ],
};

async function rejection(promise: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FakeOfficeError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

function thrown(fn: () => unknown): FakeOfficeError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FakeOfficeError) return error;
    throw error;
  }
  throw new Error('expected a throw');
}

describe('FakeExcel: load before read', () => {
  it('throws PropertyNotLoaded for a scalar read before load, and before the sync delivered it', async () => {
    const fake = new FakeExcel(BOOK);
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('基础数据').getRange('B1');
      expect(thrown(() => range.values).code).toBe('PropertyNotLoaded');
      range.load('values');
      expect(thrown(() => range.values).code).toBe('PropertyNotLoaded');
      await context.sync();
      expect(range.values).toEqual([[17]]);
      expect(thrown(() => range.address).code).toBe('PropertyNotLoaded');
    });
  });

  it('throws PropertyNotLoaded for collection items until loaded, and loads nested paths', async () => {
    const fake = new FakeExcel(BOOK);
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(thrown(() => sheets.items).code).toBe('PropertyNotLoaded');
      sheets.load('items/name,items/protection/protected');
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['基础数据', '副本', '锁定']);
      expect(sheets.items.map((s) => s.protection.protected)).toEqual([false, false, true]);
      expect(thrown(() => sheets.items[0].visibility).code).toBe('PropertyNotLoaded');
    });
  });

  it('forgets a written value: reading it back needs a load (stricter than the runtime, on purpose)', async () => {
    const fake = new FakeExcel(BOOK);
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('基础数据').getRange('C1');
      range.values = [[3]];
      expect(thrown(() => range.values).code).toBe('PropertyNotLoaded');
      await context.sync();
    });
  });

  it('throws for an API it does not model instead of pretending', async () => {
    const fake = new FakeExcel(BOOK);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('基础数据') as unknown as Record<string, unknown>;
      expect(() => sheet['charts']).toThrow('FakeExcel: Worksheet.charts is not implemented');
      await context.sync();
    });
  });
});

describe('FakeExcel: null objects', () => {
  it("'propagate': knows isNullObject only after a sync, and propagates null down a chain of navigations", async () => {
    const fake = new FakeExcel(BOOK, { nullObjects: 'propagate' });
    await fake.run(async (context) => {
      const item = context.workbook.names.getItemOrNullObject('没有');
      const range = item.getRangeOrNullObject();
      const sheet = range.worksheet;
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load('values');
      expect(thrown(() => item.isNullObject).code).toBe('PropertyNotLoaded');
      await context.sync();
      expect([item.isNullObject, range.isNullObject, sheet.isNullObject, used.isNullObject]).toEqual([
        true,
        true,
        true,
        true,
      ]);
      expect(used.values).toBeUndefined();
    });
  });

  it("'throw' (the default): any navigation from a null object fails the sync; loading one does not", async () => {
    const fake = new FakeExcel(BOOK);
    const chained = await rejection(
      fake.run(async (context) => {
        context.workbook.names.getItemOrNullObject('没有').getRangeOrNullObject().load('address');
        await context.sync();
      }),
    );
    expect(chained.code).toBe('ItemNotFound');
    await fake.run(async (context) => {
      const item = context.workbook.names.getItemOrNullObject('没有');
      item.load('name,value');
      await context.sync();
      expect(item.isNullObject).toBe(true);
      expect(item.value).toBeUndefined();
    });
    const sheet = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItemOrNullObject('没有').getUsedRangeOrNullObject(true).load('address');
        await context.sync();
      }),
    );
    expect(sheet.code).toBe('ItemNotFound');
  });

  it('fails the batch for getRange() on a null NamedItem (#3566) and on a name that is not a range', async () => {
    const fake = new FakeExcel(BOOK);
    const missing = await rejection(
      fake.run(async (context) => void context.workbook.names.getItemOrNullObject('没有').getRange()),
    );
    expect(missing.code).toBe('ItemNotFound');
    const constant = await rejection(
      fake.run(async (context) => void context.workbook.names.getItem('常数').getRange()),
    );
    expect(constant.code).toBe('InvalidArgument');
  });
});

describe('FakeExcel: queued writes', () => {
  it('applies writes only at sync, in order', async () => {
    const fake = new FakeExcel(BOOK);
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('基础数据').getRange('C1');
      range.values = [[1]];
      range.values = [[2]];
      expect(fake.workbook.sheets[0].peek(0, 2)).toBeUndefined();
      await context.sync();
      expect(fake.workbook.sheets[0].peek(0, 2)?.value).toBe(2);
    });
  });

  it('rejects the sync with ItemNotFound for a missing sheet or name, with code and debugInfo', async () => {
    const fake = new FakeExcel(BOOK);
    // The lookup alone fails the sync: every navigation is instantiated (office.js runtime).
    const sheet = await rejection(fake.run(async (context) => void context.workbook.worksheets.getItem('没有')));
    expect(sheet.code).toBe('ItemNotFound');
    expect(sheet.name).toBe('RichApi.Error');
    expect(sheet.debugInfo.errorLocation).toContain('getItem("没有")');
    const name = await rejection(fake.run(async (context) => void context.workbook.names.getItem('没有')));
    expect(name.code).toBe('ItemNotFound');
  });

  it('rejects a 2-D array whose shape differs from the range with InvalidArgument', async () => {
    const fake = new FakeExcel(BOOK);
    const error = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('基础数据').getRange('A5:B6').values = [[1, 2]];
      }),
    );
    expect(error.code).toBe('InvalidArgument');
    const formats = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('基础数据').getRange('A5:B5').numberFormat = [['0'], ['0']];
      }),
    );
    expect(formats.code).toBe('InvalidArgument');
  });

  it('rejects a duplicate sheet (any case) or name with ItemAlreadyExists', async () => {
    const fake = new FakeExcel({
      sheets: [{ name: 'Data', cells: {} }],
      names: [{ name: 'Rate', refersTo: 'Data!$A$1' }],
    });
    expect((await rejection(fake.run(async (c) => void c.workbook.worksheets.add('DATA')))).code).toBe(
      'ItemAlreadyExists',
    );
    expect((await rejection(fake.run(async (c) => void c.workbook.names.add('rate', '=Data!$B$1')))).code).toBe(
      'ItemAlreadyExists',
    );
  });

  it('turns text starting with = + - @ into a formula unless the cell is formatted "@" first', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'S', cells: {} }], names: [] });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('A1:D1').values = [['=SUM(1)', '-3 项', '+86', '@home']];
      sheet.getRange('A2:D2').numberFormat = [['@', '@', '@', '@']];
      sheet.getRange('A2:D2').values = [['=SUM(1)', '-3 项', '+86', '@home']];
      sheet.getRange('A3:B3').values = [['174.56', '#N/A']];
    });
    const cells = fake.dump().sheets[0].cells;
    expect(cells.A1).toEqual({ formula: '=SUM(1)' });
    expect(cells.B1).toEqual({ formula: '=-3 项' });
    expect(cells.C1).toEqual({ formula: '=+86' });
    expect(cells.D1).toEqual({ formula: '=@home' });
    expect(cells.A2).toEqual({ value: '=SUM(1)', numberFormat: '@' });
    expect(cells.B2).toEqual({ value: '-3 项', numberFormat: '@' });
    expect(cells.A3).toEqual({ value: 174.56 });
    expect(cells.B3).toEqual({ value: { error: '#N/A' } });
  });

  it('denies writes to locked cells of a protected sheet, allows unlocked ones', async () => {
    const fake = new FakeExcel(BOOK);
    const error = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('锁定').getRange('B2').values = [[1]];
      }),
    );
    expect(error.code).toBe('AccessDenied');
    fake.workbook.sheets[2].cell(4, 0).locked = false;
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('锁定').getRange('A5').values = [['可填']];
    });
    expect(fake.dump().sheets[2].cells.A5).toEqual({ value: '可填' });
  });
});

describe('FakeExcel: name scope', () => {
  it('lists workbook-scoped names under workbook.names and sheet-scoped ones under worksheet.names', async () => {
    const fake = new FakeExcel(BOOK);
    await fake.run(async (context) => {
      const book = context.workbook.names.load('items/name,items/scope');
      const sheet = context.workbook.worksheets
        .getItem('副本')
        .names.load('items/name,items/scope,items/type,items/value');
      await context.sync();
      expect(book.items.map((n) => n.name)).toEqual(['编制数', '常数']);
      expect(sheet.items.map((n) => [n.name, n.scope, n.type, n.value])).toEqual([
        ['本表', 'Worksheet', 'Range', '副本!$C$3'],
      ]);
      const fromWorkbook = context.workbook.names.getItemOrNullObject('本表');
      await context.sync();
      expect(fromWorkbook.isNullObject).toBe(true);
    });
  });
});

describe('FakeExcel: syncs, API sets, failures, run', () => {
  it('counts only syncs that carry commands, including the implicit final one of run', async () => {
    const fake = new FakeExcel(BOOK);
    await fake.run(async (context) => {
      await context.sync(); // empty: not sent
      context.workbook.worksheets.load('items/name');
      await context.sync();
      context.workbook.worksheets.getItem('基础数据').getRange('C1').values = [[1]];
    });
    expect(fake.syncCount).toBe(2);
  });

  it('agrees with isSetSupported: newer methods throw ApiNotFound at once, newer property writes fail the sync', async () => {
    const fake = new FakeExcel(BOOK, { maxApi: '1.4' });
    expect(fake.isSetSupported('ExcelApi', '1.4')).toBe(true);
    expect(fake.isSetSupported('ExcelApi', '1.7')).toBe(false);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('基础数据');
      expect(thrown(() => sheet.freezePanes).code).toBe('ApiNotFound');
      expect(thrown(() => sheet.getRange('B1').getMergedAreasOrNullObject()).code).toBe('ApiNotFound');
      await context.sync();
    });
    const error = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('基础数据').tabColor = '#FF0000';
      }),
    );
    expect(error.code).toBe('ApiNotFound');
    const load = await rejection(fake.run(async (context) => void context.workbook.names.load('items/formula')));
    expect(load.code).toBe('ApiNotFound');
  });

  it('failAtCommand(n): earlier commands stay applied, the failing one and later ones are dropped', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'S', cells: {} }], names: [] });
    let range!: Excel.Range;
    const error = await rejection(
      fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('S'); // commands 1 (worksheets) and 2 (getItem)
        sheet.getRange('A1').values = [[1]]; // 3 (getRange), 4 (values)
        sheet.getRange('A2').values = [[2]]; // 5, 6
        range = sheet.getRange('A1'); // 7
        range.load('values'); // 8
        fake.failAtCommand(6, 'GeneralException');
        await context.sync();
      }),
    );
    expect(error.code).toBe('GeneralException');
    expect(fake.dump().sheets[0].cells).toEqual({ A1: { value: 1 } });
    expect(thrown(() => range.values).code).toBe('PropertyNotLoaded');
  });

  it('fails batches in cell-edit mode unless run with delayForCellEdit', async () => {
    const fake = new FakeExcel(BOOK);
    fake.cellEditMode = true;
    const write = (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem('基础数据').getRange('C1').values = [[1]];
      return context.sync();
    };
    expect((await rejection(fake.run(write))).code).toBe('InvalidOperationInCellEditMode');
    await fake.run({ delayForCellEdit: true }, write);
    expect(fake.dump().sheets[0].cells.C1).toEqual({ value: 1 });
  });

  it('requires the batch to return a promise and refuses proxies after their run or from another run', async () => {
    const fake = new FakeExcel(BOOK);
    const notPromise = await rejection(
      fake.run((() => undefined) as unknown as (c: Excel.RequestContext) => Promise<void>),
    );
    expect(notPromise.code).toBe('RunMustReturnPromise');
    let escaped!: Excel.Worksheet;
    await fake.run(async (context) => {
      escaped = context.workbook.worksheets.getItem('基础数据');
    });
    expect(thrown(() => escaped.getRange('A1')).code).toBe('InvalidObjectPath');
    await fake.run(async (outer) => {
      const foreign = outer.workbook.worksheets.getItem('基础数据').getRange('A1');
      await fake.run(async (inner) => {
        expect(thrown(() => inner.workbook.names.add('跨', foreign)).code).toBe('InvalidRequestContext');
      });
    });
  });
});

describe('FakeExcel: fixtures', () => {
  it('dumps back the fixture it was built from', () => {
    const dump = new FakeExcel(CONTRACT_FIXTURE).dump();
    expect(dump.sheets.map((s) => s.name)).toEqual(CONTRACT_FIXTURE.sheets.map((s) => s.name));
    expect(dump.sheets[0].cells.B5).toEqual({ value: 0.95, numberFormat: '0.00%' });
    expect(dump.sheets[0].cells.B11).toEqual({ formula: '=B3-B4', value: 2 });
    expect(dump.sheets[0].merges).toEqual(['B9:C9']);
    expect(dump.sheets.find((s) => s.name === '说明')?.visibility).toBe('hidden');
    expect(dump.sheets.find((s) => s.name === '锁定')?.protected).toBe(true);
    const summary = (n: { name: string; sheet?: string; refersTo: string; hidden?: boolean }) =>
      `${n.name}@${n.sheet ?? ''}=${n.refersTo.replace(/\$/g, '')}${n.hidden ? ' hidden' : ''}`;
    expect(dump.names.map(summary).sort()).toEqual(CONTRACT_FIXTURE.names.map(summary).sort());
  });

  it('follows a sheet rename in names and gives #REF! after a delete', async () => {
    const fake = new FakeExcel(BOOK);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('基础数据').name = '数据 表';
    });
    expect(fake.dump().names[0]).toEqual({ name: '编制数', refersTo: "'数据 表'!$B$1" });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('数据 表').delete();
    });
    expect(fake.dump().names[0]).toEqual({ name: '编制数', refersTo: '#REF!$B$1' });
  });
});

describe('FakeExcel: Range.text and getIntersectionOrNullObject', () => {
  it('shows numbers in the formats our fixtures use, text as is', async () => {
    const fake = new FakeExcel({
      sheets: [
        {
          name: '表',
          cells: {
            A1: { value: 1234567.5, numberFormat: '#,##0.00' },
            B1: { value: 0.955, numberFormat: '0.00%' },
            C1: { value: 3, numberFormat: '0.00"万元"' },
            D1: 17,
            E1: '见附表',
            F1: true,
          },
        },
      ],
      names: [],
    });
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('表').getRange('A1:G1');
      range.load('text');
      await context.sync();
      expect(range.text).toEqual([['1,234,567.50', '95.50%', '3.00万元', '17', '见附表', 'TRUE', '']]);
    });
  });

  it("intersects with a range or an address; no overlap is a null object, and null propagates ('propagate')", async () => {
    const fake = new FakeExcel(BOOK, { nullObjects: 'propagate' });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('基础数据');
      const cut = sheet.getRange('A1:C5').getIntersectionOrNullObject('B2:D9');
      const byRange = sheet.getRange('A1:B1').getIntersectionOrNullObject(sheet.getRange('B1:B4'));
      const none = sheet.getRange('A1').getIntersectionOrNullObject('C3');
      const fromNull = context.workbook.worksheets
        .getItemOrNullObject('没有')
        .getUsedRangeOrNullObject(true)
        .getIntersectionOrNullObject('A1:B2');
      cut.load('address');
      byRange.load('address');
      await context.sync();
      expect([cut.address, byRange.address]).toEqual(['基础数据!B2:C5', '基础数据!B1']);
      expect([none.isNullObject, fromNull.isNullObject]).toEqual([true, true]);
    });
  });
});

describe('FakeExcel: request and response sizes (5 MB on Excel on the web)', () => {
  it('measures every sync and fails a response over the limit: a whole column of values', async () => {
    const fake = new FakeExcel(BOOK);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('基础数据').getRange('B1').load('values');
      await context.sync();
    });
    expect(fake.requestBytes[0]).toBeGreaterThan(0);
    expect(fake.responseBytes[0]).toBeGreaterThan(0);
    const column = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('基础数据').getRange('B:B').load('values');
        await context.sync();
      }),
    );
    expect(column.code).toBe('ResponsePayloadSizeLimitExceeded');
    expect(fake.responseBytes[fake.responseBytes.length - 1]).toBeGreaterThan(5 * 1024 * 1024);
  });

  it('fails a request over the limit before running any of it', async () => {
    const fake = new FakeExcel(BOOK);
    const big = 'x'.repeat(30_000);
    const error = await rejection(
      fake.run(async (context) => {
        const range = context.workbook.worksheets.getItem('基础数据').getRange('D1:D200');
        range.values = Array.from({ length: 200 }, () => [big]);
        await context.sync();
      }),
    );
    expect(error.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(fake.workbook.sheetNamed('基础数据')?.peek(0, 3)).toBeUndefined();
  });
});

describe('FakeExcel: strings written through values are entered as if typed', () => {
  const TEXTS = ['=SUM(1)', '- 三公经费', '+3.5%', '@x', '2024-01-05', '50%', '00123', '1,234', 'TRUE', '普通文字'];

  async function writeAndRead(format?: string): Promise<{ values: unknown[][]; formulas: unknown[][] }> {
    const fake = new FakeExcel(BOOK);
    return fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('副本').getRange(`E1:E${TEXTS.length}`);
      if (format) range.numberFormat = TEXTS.map(() => [format]);
      range.values = TEXTS.map((t) => [t]);
      range.load('values,formulas');
      await context.sync();
      return { values: range.values, formulas: range.formulas };
    });
  }

  it('converts them in a General cell: formulas, numbers, a percent, a date serial, a boolean', async () => {
    const { values, formulas } = await writeAndRead();
    expect(formulas.map((r) => r[0])).toEqual([
      '=SUM(1)',
      '=- 三公经费',
      '=+3.5%',
      '=@x',
      45296,
      0.5,
      123,
      1234,
      true,
      '普通文字',
    ]);
    // The fake does not calculate: a formula written through the API reads empty.
    expect(values[4][0]).toBe(45296); // 2024-01-05 is day 45296 of Excel's 1900 date system
  });

  it('keeps every one as text in a cell formatted "@" before the values are set', async () => {
    const { values, formulas } = await writeAndRead('@');
    expect(values.map((r) => r[0])).toEqual(TEXTS);
    expect(formulas.map((r) => r[0])).toEqual(TEXTS);
  });
});

describe('FakeExcel: hiding names (office-js #3878, #3949)', () => {
  it('a name hidden in the batch that adds it stays visible; hidden in a later sync it is hidden', async () => {
    const fake = new FakeExcel(BOOK);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('副本');
      const once = context.workbook.names.add('同批', sheet.getRange('A1'));
      once.visible = false;
      const later = context.workbook.names.add('下批', sheet.getRange('A2'));
      await context.sync();
      later.visible = false;
      await context.sync();
    });
    const hidden = (name: string) => fake.dump().names.find((n) => n.name === name)?.hidden ?? false;
    expect([hidden('同批'), hidden('下批')]).toEqual([false, true]);
  });

  it('an existing name cannot be hidden through getItem, but can be shown', async () => {
    const fake = new FakeExcel({
      ...BOOK,
      names: [...BOOK.names, { name: '隐藏的', refersTo: '副本!$A$1', hidden: true }],
    });
    await fake.run(async (context) => {
      context.workbook.names.getItem('编制数').visible = false;
      context.workbook.names.getItem('隐藏的').visible = true;
      await context.sync();
    });
    const hidden = (name: string) => fake.dump().names.find((n) => n.name === name)?.hidden ?? false;
    expect([hidden('编制数'), hidden('隐藏的')]).toEqual([false, false]);
  });
});
