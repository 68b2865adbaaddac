/**
 * docs/inputs.md "Rules for reading a value" (names) and "Aliases and mapping", each on a workbook built
 * by code and read through the xlsx adapter.
 */
import { readFixture, SHEET, valueOf, variant } from '../support/readingWorkbook';

describe('which defined name an input is read through', () => {
  it('reads a valid workbook with no finding at all', async () => {
    const r = await readFixture(variant({}));
    expect(r.notable).toEqual([]);
    expect(r.get('编制数')).toEqual({
      input: '编制数',
      status: 'found',
      value: expect.anything(),
      cell: '基础数据!B4',
      via: '编制数',
    });
    expect(valueOf(r.get('编制数'))).toBe('17');
    expect(r.get('单位名称')).toMatchObject({
      status: 'found',
      value: '忻州市人民政府金融工作办公室',
      cell: '基础数据!B2',
    });
    expect(valueOf(r.get('评价年度'))).toBe('2021');
  });

  it('finds a sheet-scoped name, silently', async () => {
    const r = await readFixture(
      variant({ names: [{ name: '编制数', sheet: SHEET, refersTo: `${SHEET}!$B$4` }], dropNames: ['编制数'] }),
    );
    expect(r.get('编制数')).toMatchObject({ status: 'found', cell: '基础数据!B4' });
    expect(r.notable).toEqual([]);
  });

  it('prefers the workbook-scoped name over a sheet copy and says so (info)', async () => {
    const r = await readFixture(
      variant({
        sheets: [{ name: '基础数据 (2)', cells: { B4: 99 } }],
        names: [{ name: '编制数', sheet: '基础数据 (2)', refersTo: "'基础数据 (2)'!$B$4" }],
      }),
    );
    expect(valueOf(r.get('编制数'))).toBe('17');
    expect(r.about('编制数')).toEqual([
      {
        code: 'name-scope',
        severity: 'info',
        message: '名称“编制数”在工作簿级和工作表“基础数据 (2)”上都有定义，已采用工作簿级的名称（基础数据!B4）。',
        inputs: ['编制数'],
        cells: ['基础数据!B4'],
      },
    ]);
  });

  it('refuses a required name defined only on several sheets (error: ambiguous)', async () => {
    const r = await readFixture(
      variant({
        dropNames: ['在职人员数'],
        sheets: [
          { name: '2020', cells: { B5: 14 } },
          { name: '2021', cells: { B5: 15 } },
        ],
        names: [
          { name: '在职人员数', sheet: '2020', refersTo: "'2020'!$B$5" },
          { name: '在职人员数', sheet: '2021', refersTo: "'2021'!$B$5" },
        ],
      }),
    );
    const message =
      '名称“在职人员数”只在工作表“2020”、“2021”上分别定义，无法确定输入项“在职人员数”应采用哪一个。请在“公式 → 名称管理器”中只保留一个，或改为工作簿级名称。';
    expect(r.get('在职人员数')).toMatchObject({ status: 'invalid', problem: message, cell: '2020!B5' });
    expect(r.errors).toEqual([
      { code: 'name-scope', severity: 'error', message, inputs: ['在职人员数'], cells: ['2020!B5'] },
    ]);
  });

  it('makes an optional name on several sheets a warning, not an error', async () => {
    const r = await readFixture(
      variant({
        sheets: [
          { name: '甲', cells: { B1: 3 } },
          { name: '乙', cells: { B1: 3 } },
        ],
        names: [
          { name: '三公经费预算数', sheet: '甲', refersTo: '甲!$B$1' },
          { name: '三公经费预算数', sheet: '乙', refersTo: '乙!$B$1' },
        ],
      }),
    );
    expect(r.get('三公经费预算数').status).toBe('invalid');
    expect(r.errors).toEqual([]);
    expect(r.about('三公经费预算数').map((f) => [f.code, f.severity])).toEqual([['name-scope', 'warning']]);
  });

  it('reads through a sheet name that needs quoting and cites the cell unquoted', async () => {
    const r = await readFixture(
      variant({
        sheets: [{ name: "2021年 '预算' 表", cells: { C3: 31.9 } }],
        names: [{ name: '公用经费预算数', refersTo: "'2021年 ''预算'' 表'!$C$3" }],
      }),
    );
    expect(r.get('公用经费预算数')).toMatchObject({ status: 'found', cell: "2021年 '预算' 表!C3" });
    expect(valueOf(r.get('公用经费预算数'))).toBe('31.9');
  });

  it('reads a name on a merged area as its top-left cell', async () => {
    const r = await readFixture(
      variant({
        cells: { B20: 20.8 },
        merges: ['B20:D21'],
        names: [{ name: '预算调整数', refersTo: `${SHEET}!$B$20:$D$21` }],
      }),
    );
    expect(r.get('预算调整数')).toMatchObject({ status: 'found', cell: '基础数据!B20' });
    expect(valueOf(r.get('预算调整数'))).toBe('20.8');
  });

  it('refuses a name on several cells, naming the input and what it refers to', async () => {
    const r = await readFixture(variant({ names: [{ name: '编制数', refersTo: `${SHEET}!$B$4:$C$4` }] }));
    expect(r.get('编制数').status).toBe('invalid');
    expect(r.errors.map((f) => f.message)).toEqual([
      '输入项“编制数”的名称“编制数”引用了多个单元格（基础数据!$B$4:$C$4），应只引用一个单元格（或一个合并单元格）。请在“公式 → 名称管理器”中修改该名称。',
    ]);
  });

  it('refuses a #REF! name', async () => {
    const r = await readFixture(variant({ names: [{ name: '全年执行数', refersTo: '#REF!$B$7' }] }));
    expect(r.errors).toEqual([
      {
        code: 'invalid-input',
        severity: 'error',
        message:
          '输入项“全年执行数”的名称“全年执行数”的引用无效（#REF!$B$7），所指的单元格或工作表可能已被删除。请在“公式 → 名称管理器”中重新定义该名称。',
        inputs: ['全年执行数'],
        cells: [],
      },
    ]);
  });

  it('refuses a name that is a formula, not a range', async () => {
    const r = await readFixture(variant({ names: [{ name: '全年预算数', refersTo: `SUM(${SHEET}!$B$6:$B$7)` }] }));
    expect(r.errors.map((f) => f.message)).toEqual([
      '输入项“全年预算数”的名称“全年预算数”引用的是公式“SUM(基础数据!$B$6:$B$7)”，不是一个单元格。请在“公式 → 名称管理器”中让该名称引用数据所在的单元格。',
    ]);
  });

  it('accepts a constant name (=15) and cites the name instead of a cell', async () => {
    const r = await readFixture(
      variant({
        names: [
          { name: '在职人员数', refersTo: '15' },
          { name: '单位名称', refersTo: '"忻州市金融办"' },
        ],
      }),
    );
    expect(r.get('在职人员数')).toMatchObject({ status: 'found', cell: '名称“在职人员数”', via: '在职人员数' });
    expect(valueOf(r.get('在职人员数'))).toBe('15');
    expect(r.get('单位名称')).toMatchObject({ status: 'found', value: '忻州市金融办', cell: '名称“单位名称”' });
    expect(r.notable).toEqual([]);
  });

  it('cites a constant name in a problem message', async () => {
    const r = await readFixture(variant({ names: [{ name: '编制数', refersTo: '-3' }] }));
    expect(r.errors.map((f) => f.message)).toEqual(['输入项“编制数”（名称“编制数”）的值 -3 为负数，人数不能为负数。']);
  });

  it('tells the clerk how to define a missing required name', async () => {
    const r = await readFixture(variant({ dropNames: ['全年执行数'] }));
    expect(r.get('全年执行数')).toEqual({ input: '全年执行数', status: 'missing' });
    expect(r.errors).toEqual([
      {
        code: 'missing-input',
        severity: 'error',
        message:
          '缺少必填输入项“全年执行数”（全年实际执行数（预算完成数），单位：万元）。请在“公式 → 名称管理器”中定义名称“全年执行数”指向该数据所在的单元格，或在“名称映射”中选择工作簿中已有的名称。',
        inputs: ['全年执行数'],
        cells: [],
      },
    ]);
  });

  it('finds an input through a common alias (预算数 for 全年预算数, 编制人数 for 编制数)', async () => {
    const r = await readFixture(
      variant({
        names: [
          { name: '预算数', refersTo: `${SHEET}!$B$6` },
          { name: '编制人数', refersTo: `${SHEET}!$B$4` },
        ],
        dropNames: ['全年预算数', '编制数'],
      }),
    );
    expect(r.get('全年预算数')).toMatchObject({ status: 'found', via: '预算数', cell: '基础数据!B6' });
    expect(r.get('编制数')).toMatchObject({ status: 'found', via: '编制人数', cell: '基础数据!B4' });
    expect(r.notable).toEqual([]);
  });

  it('prefers the canonical name over an alias', async () => {
    const r = await readFixture(variant({ cells: { C6: 1 }, names: [{ name: '预算数', refersTo: `${SHEET}!$C$6` }] }));
    expect(r.get('全年预算数')).toMatchObject({ via: '全年预算数', cell: '基础数据!B6' });
  });

  it('takes the first alias found, in catalogue order', async () => {
    const r = await readFixture(
      variant({
        cells: { C7: 1, D7: 2 },
        names: [
          { name: '决算数', refersTo: `${SHEET}!$D$7` },
          { name: '执行数', refersTo: `${SHEET}!$C$7` },
        ],
        dropNames: ['全年执行数'],
      }),
    );
    // catalogue aliases of 全年执行数: 执行数, 预算完成数, 全年支出数, 实际支出数, 决算数
    expect(r.get('全年执行数')).toMatchObject({ via: '执行数', cell: '基础数据!C7' });
  });

  it('matches names ignoring case, as Excel does', async () => {
    const r = await readFixture(
      variant({ cells: { B30: 37.39 }, names: [{ name: 'q1累计支出', refersTo: `${SHEET}!$B$30` }] }),
    );
    expect(r.get('一季度累计支出')).toMatchObject({ status: 'found', cell: '基础数据!B30' });
  });

  it('reads a mapped name first, even when the canonical name exists', async () => {
    const fixture = variant({ cells: { C7: 170 }, names: [{ name: '决算支出', refersTo: `${SHEET}!$C$7` }] });
    const r = await readFixture(fixture, { 全年执行数: '决算支出' });
    expect(r.get('全年执行数')).toMatchObject({ status: 'found', via: '决算支出', cell: '基础数据!C7' });
    expect(valueOf(r.get('全年执行数'))).toBe('170');
    expect(r.names.values['决算支出']).toBeDefined();
  });

  it('falls back to the canonical name when a mapped name has gone, with a warning', async () => {
    const r = await readFixture(variant({}), { 全年执行数: '已删除的名称' });
    expect(r.get('全年执行数')).toMatchObject({ status: 'found', via: '全年执行数' });
    expect(r.about('全年执行数')).toEqual([
      {
        code: 'mapped-name-missing',
        severity: 'warning',
        message:
          '输入项“全年执行数”映射到的名称“已删除的名称”在工作簿中已不存在，改按标准名称和常用别名查找。请在“名称映射”中重新选择。',
        inputs: ['全年执行数'],
        cells: [],
      },
    ]);
  });

  it('reads a name on a hidden sheet', async () => {
    const r = await readFixture(
      variant({
        sheets: [{ name: '隐藏数据', cells: { A1: 85.32 }, visibility: 'hidden' }],
        names: [{ name: '固定资产总额', refersTo: '隐藏数据!$A$1' }],
      }),
    );
    expect(r.get('固定资产总额')).toMatchObject({ status: 'found', cell: '隐藏数据!A1' });
  });
});
