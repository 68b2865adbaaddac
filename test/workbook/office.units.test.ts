/**
 * The Office adapter's host-free pieces: error messages (office-js-notes §6), addresses, the
 * grouping of styled cells into blocks, column widths, and name resolution from loaded facts.
 */
import { WorkbookError } from '../../src/workbook/port';
import { officeErrorMessage, PARTIAL_WRITE_NOTE, toWorkbookError } from '../../src/workbook/office';
import { nameFormula, parseAddress, quoteSheet, splitSheet } from '../../src/engine/a1';
import { columnWidthPoints } from '../../src/workbook/office/layoutWriter';
import { rectangles } from '../../src/workbook/office/rectangles';
import { rangeTarget, resolveName, type NameRow } from '../../src/workbook/office/readNames';
import { FakeOfficeError } from '../support/fakeExcel';

describe('Office error codes → the clerk’s Chinese messages (office-js-notes §6)', () => {
  const table: [string, string][] = [
    ['ItemNotFound', '找不到所需的名称或工作表（可能刚被删除或改名）。请在"公式 → 名称管理器"中检查后重试。'],
    ['InvalidArgument', '写入参数无效（Range.values），请反馈给开发人员。'],
    ['InvalidOperation', 'Excel 当前无法执行此操作。请按 Enter 或 Esc 结束单元格编辑后重试。'],
    ['InvalidOperationInCellEditMode', '请先结束单元格编辑（按 Enter 或 Esc），再点击"计算指标"。'],
    ['ItemAlreadyExists', '已存在同名的工作表或名称，请改名或删除后重试。'],
    ['InvalidReference', '名称引用的区域无效（可能已被删除），请重新定义该名称。'],
    ['AccessDenied', '工作表或工作簿受保护，或文件为只读，无法写入。请撤销保护后重试。'],
    ['ApiNotFound', '当前 Excel 版本不支持此功能，请升级到 Office 2021 或更高版本。'],
    ['NotImplemented', '当前 Excel 版本不支持此功能，请升级到 Office 2021 或更高版本。'],
    ['UnsupportedOperation', '当前 Excel 版本不支持此功能，请升级到 Office 2021 或更高版本。'],
    ['RequestPayloadSizeLimitExceeded', '数据量超过网页版 Excel 的单次传输上限，请改用桌面版 Excel。'],
    ['ResponsePayloadSizeLimitExceeded', '数据量超过网页版 Excel 的单次传输上限，请改用桌面版 Excel。'],
    ['InactiveWorkbook', '计算过程中切换了工作簿。请回到原工作簿后重新点击"计算指标"。'],
    ['InvalidSelection', '计算过程中切换了工作簿。请回到原工作簿后重新点击"计算指标"。'],
    ['MergedRangeConflict', '目标区域与合并单元格冲突，请取消该区域的合并后重试。'],
    ['GeneralException', 'Excel 返回未知错误。请保存后重试；仍失败请反馈错误详情。'],
    ['SomethingNew', 'Excel 返回未知错误。请保存后重试；仍失败请反馈错误详情。'],
    ['PropertyNotLoaded', '加载项内部错误（PropertyNotLoaded），请反馈给开发人员。'],
    ['ValueNotLoaded', '加载项内部错误（ValueNotLoaded），请反馈给开发人员。'],
    ['InvalidObjectPath', '加载项内部错误（InvalidObjectPath），请反馈给开发人员。'],
    ['InvalidRequestContext', '加载项内部错误（InvalidRequestContext），请反馈给开发人员。'],
    ['RunMustReturnPromise', '加载项内部错误（RunMustReturnPromise），请反馈给开发人员。'],
  ];

  it.each(table)('%s', (code, message) => {
    const error = toWorkbookError(new FakeOfficeError(code, 'localized text', 'Range.values'));
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error).toMatchObject({ code, message, partial: false });
  });

  it('names the item when the adapter knows it', () => {
    expect(officeErrorMessage('ItemNotFound', '全年预算数')).toBe(
      '找不到名称或工作表"全年预算数"。请在"公式 → 名称管理器"中检查。',
    );
    expect(officeErrorMessage('ItemAlreadyExists', '评分表')).toBe(
      '已存在同名的工作表或名称"评分表"，请改名或删除后重试。',
    );
    expect(officeErrorMessage('InvalidReference', '编制数')).toBe(
      '名称"编制数"引用的区域无效（可能已被删除），请重新定义该名称。',
    );
  });

  it('adds the re-run advice to a failed write', () => {
    const error = toWorkbookError(new FakeOfficeError('AccessDenied', 'x'), { partial: true }) as WorkbookError;
    expect(error.partial).toBe(true);
    expect(error.message).toBe('工作表或工作簿受保护，或文件为只读，无法写入。请撤销保护后重试。' + PARTIAL_WRITE_NOTE);
  });

  it('leaves our own bugs and WorkbookErrors alone', () => {
    const bug = new TypeError('x is undefined');
    expect(toWorkbookError(bug)).toBe(bug);
    const ours = new WorkbookError('已有', 'AccessDenied');
    expect(toWorkbookError(ours, { partial: true })).toBe(ours);
  });
});

describe('addresses', () => {
  it('splits at the last "!" and unquotes', () => {
    expect(splitSheet("'张三''s 表'!$A$1")).toEqual({ sheet: "张三's 表", local: '$A$1' });
    expect(splitSheet('预算 表!C3')).toEqual({ sheet: '预算 表', local: 'C3' });
    expect(parseAddress('=基础数据!$B$9:$C$9')).toEqual({ sheet: '基础数据', top: 8, left: 1, bottom: 8, right: 2 });
  });

  it('quotes sheet names the way formulas need', () => {
    expect(quoteSheet('指标计算')).toBe('指标计算');
    expect(quoteSheet('预算 表')).toBe("'预算 表'");
    expect(quoteSheet("张三's 表")).toBe("'张三''s 表'");
    expect(quoteSheet('AB12')).toBe("'AB12'");
    expect(nameFormula('评分表 (2)', 'H3')).toBe("='评分表 (2)'!$H$3");
  });
});

describe('rectangles', () => {
  it('stacks equal runs of consecutive rows and keeps different values apart', () => {
    const u = undefined;
    const keys = [
      ['b', 'b', 'b'],
      ['b', 'b', 'b'],
      ['x', 'b', 'b'],
      [u, u, u],
      ['b', u, u],
    ];
    const result = rectangles(keys);
    expect(result.get('b')).toEqual([
      { top: 0, left: 0, bottom: 1, right: 2 },
      { top: 2, left: 1, bottom: 2, right: 2 },
      { top: 4, left: 0, bottom: 4, right: 0 },
    ]);
    expect(result.get('x')).toEqual([{ top: 2, left: 0, bottom: 2, right: 0 }]);
  });

  it('covers every keyed cell exactly once', () => {
    const keys = Array.from({ length: 30 }, (_, r) =>
      Array.from({ length: 7 }, (_, c) => ((r * 7 + c) % 5 === 0 ? undefined : String((r >> 2) % 3))),
    );
    const seen = new Map<string, string>();
    for (const [key, boxes] of rectangles(keys)) {
      for (const b of boxes) {
        for (let r = b.top; r <= b.bottom; r++) {
          for (let c = b.left; c <= b.right; c++) {
            expect(seen.has(`${r},${c}`)).toBe(false);
            seen.set(`${r},${c}`, key);
          }
        }
      }
    }
    keys.forEach((row, r) => row.forEach((k, c) => expect(seen.get(`${r},${c}`)).toBe(k)));
  });
});

describe('column widths', () => {
  it('turns the ExcelJS width (padding included) into points like Excel does', () => {
    // Excel's default column: 8.43 characters shown, stored as 9.140625: trunc((2340 + 18) / 256 × 7) = 64 px = 48 pt
    expect(columnWidthPoints(9.140625)).toBe(48);
    // 20: trunc((5120 + 18) / 256 × 7) = trunc(140.49) = 140 px = 105 pt
    expect(columnWidthPoints(20)).toBe(105);
    expect(columnWidthPoints(0)).toBe(0);
  });
});

describe('name resolution from loaded facts', () => {
  const row = (over: Partial<NameRow>): NameRow => ({
    name: '编制数',
    type: 'Range',
    value: '基础数据!$B$3',
    visible: true,
    scope: 'Workbook',
    ...over,
  });

  it('reads one cell with its number format, General left out', () => {
    const facts = {
      address: '基础数据!B3',
      cellCount: 1,
      topLeftValue: 17,
      topLeftType: 'Double',
      topLeftFormat: 'General',
    };
    expect(resolveName(row({}), { kind: 'workbook' }, facts, [])).toEqual({
      kind: 'cell',
      name: '编制数',
      scope: { kind: 'workbook' },
      cell: '基础数据!B3',
      value: 17,
    });
  });

  it('treats a #REF! name as ref-error with or without the formula', () => {
    expect(resolveName(row({ type: 'Error', value: '#REF!' }), { kind: 'workbook' }, null, [])).toMatchObject({
      problem: 'ref-error',
      refersTo: '#REF!',
    });
    expect(
      resolveName(row({ type: 'Error', value: '#REF!', formula: '=#REF!$B$3' }), { kind: 'workbook' }, null, []),
    ).toMatchObject({ problem: 'ref-error', refersTo: '#REF!$B$3' });
  });

  it('evaluates constants from type/value before ExcelApi 1.7 and from the formula after', () => {
    expect(resolveName(row({ type: 'String', value: '忻州' }), { kind: 'workbook' }, null, [])).toMatchObject({
      kind: 'constant',
      value: '忻州',
      refersTo: '"忻州"',
    });
    expect(
      resolveName(
        row({ type: 'Double', value: 32, formula: '=SUM(基础数据!$B$3:$B$4)' }),
        { kind: 'workbook' },
        null,
        [],
      ),
    ).toMatchObject({ problem: 'not-a-range' });
    expect(
      resolveName(row({ type: 'Double', value: 15, formula: '=15' }), { kind: 'workbook' }, null, ['副本']),
    ).toEqual({
      kind: 'constant',
      name: '编制数',
      scope: { kind: 'workbook' },
      value: 15,
      refersTo: '15',
      alsoOnSheets: ['副本'],
    });
  });
});

describe('where a listed range name points (rangeTarget)', () => {
  const sheets = ['基础数据', '预算 表'];
  const row = (value: unknown, formula?: string, type = 'Range'): NameRow => ({
    name: '编制数',
    type,
    value,
    visible: true,
    scope: 'Workbook',
    formula,
  });

  it('reads the sheet (in the workbook’s spelling) and local address from the listed value', () => {
    expect(rangeTarget(row('基础数据!$B$3'), sheets)).toEqual({ sheet: '基础数据', local: '$B$3' });
    expect(rangeTarget(row("'预算 表'!$C:$C"), sheets)).toEqual({ sheet: '预算 表', local: '$C:$C' });
  });

  it('falls back to the formula (ExcelApi 1.7) when the value is not an address of a known sheet', () => {
    expect(rangeTarget(row('', '=基础数据!$B$3'), sheets)).toEqual({ sheet: '基础数据', local: '$B$3' });
    expect(rangeTarget(row('#REF!', '=基础数据!$B$4'), sheets)).toEqual({ sheet: '基础数据', local: '$B$4' });
  });

  it('gives null for several areas, a deleted sheet, another workbook and a name that is not a range', () => {
    expect(rangeTarget(row('基础数据!$B$3,基础数据!$B$5'), sheets)).toBeNull();
    expect(rangeTarget(row('已删除!$B$3', '=已删除!$B$3'), sheets)).toBeNull();
    expect(rangeTarget(row('[1]基础数据!$B$3'), sheets)).toBeNull();
    expect(rangeTarget(row(15, '=15', 'Integer'), sheets)).toBeNull();
  });
});
