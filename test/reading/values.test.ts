/**
 * docs/inputs.md "Rules for reading a value" (what a cell holds): every rule on its own workbook, built
 * by code and read through the xlsx adapter; exact status, message and cell.
 */
import type { CellValue } from '../../src/engine/types';
import type { FixtureCell } from '../support/fixture';
import { readFixture, SHEET, valueOf, variant } from '../support/readingWorkbook';

/** The base workbook plus one optional input named on 基础数据!B<row>. */
function withOptional(input: string, row: number, value: CellValue | FixtureCell) {
  return variant({
    cells: { [`A${row}`]: input, [`B${row}`]: value },
    names: [{ name: input, refersTo: `${SHEET}!$B$${row}` }],
  });
}

describe('empty cells', () => {
  it('treats an empty required cell as missing and names the cell', async () => {
    const r = await readFixture(variant({ cells: { B4: null } }));
    expect(r.get('编制数')).toEqual({ input: '编制数', status: 'missing', cell: '基础数据!B4', via: '编制数' });
    expect(r.errors).toEqual([
      {
        code: 'missing-input',
        severity: 'error',
        message: '必填输入项“编制数”所在的单元格 基础数据!B4 是空的，请填写人数（人）。',
        inputs: ['编制数'],
        cells: ['基础数据!B4'],
      },
    ]);
  });

  it('treats a blank text (only spaces) as missing', async () => {
    const r = await readFixture(variant({ cells: { B2: '   ' } }));
    expect(r.get('单位名称').status).toBe('missing');
    expect(r.errors.map((f) => f.code)).toEqual(['missing-input']);
  });

  it('treats an empty optional cell as missing without any finding', async () => {
    const r = await readFixture(withOptional('预算调整数', 20, null));
    expect(r.get('预算调整数')).toEqual({
      input: '预算调整数',
      status: 'missing',
      cell: '基础数据!B20',
      via: '预算调整数',
    });
    expect(r.notable).toEqual([]);
  });
});

describe('numbers stored as text', () => {
  it.each([
    ['174.56', '174.56'],
    ['1,922.76', '1922.76'],
    [' 15 ', '15'],
    ['１７４．５６', '174.56'],
    ['174.56万元', '174.56'],
  ])('reads %j as %s with an information finding', async (text, expected) => {
    const r = await readFixture(variant({ cells: { B6: text } }));
    expect(r.get('全年预算数')).toMatchObject({ status: 'found', cell: '基础数据!B6' });
    expect(valueOf(r.get('全年预算数'))).toBe(expected);
    expect(r.notable).toEqual([
      {
        code: 'number-as-text',
        severity: 'info',
        message: `输入项“全年预算数”（基础数据!B6）的数字以文本形式保存（“${text.trim()}”），已按 ${expected} 读取。建议把该单元格改为数值格式。`,
        inputs: ['全年预算数'],
        cells: ['基础数据!B6'],
      },
    ]);
  });

  it('reads a head count typed as " 15 " and a year typed as "2021年"', async () => {
    const r = await readFixture(variant({ cells: { B5: ' 15 ', B3: '2021年' } }));
    expect(valueOf(r.get('在职人员数'))).toBe('15');
    expect(valueOf(r.get('评价年度'))).toBe('2021');
    expect(r.notable.map((f) => f.code)).toEqual(['number-as-text', 'number-as-text']);
    expect(r.errors).toEqual([]);
  });
});

describe('text in a numeric input', () => {
  it('refuses 待定 in a required amount, naming the input and the cell (error)', async () => {
    const r = await readFixture(variant({ cells: { B6: '待定' } }));
    const message = '输入项“全年预算数”（基础数据!B6）的值“待定”不是数字，请填写金额（万元）。';
    expect(r.get('全年预算数')).toEqual({
      input: '全年预算数',
      status: 'invalid',
      problem: message,
      cell: '基础数据!B6',
      via: '全年预算数',
    });
    expect(r.errors).toEqual([
      { code: 'invalid-input', severity: 'error', message, inputs: ['全年预算数'], cells: ['基础数据!B6'] },
    ]);
  });

  it('refuses 约20 in a required head count', async () => {
    const r = await readFixture(variant({ cells: { B5: '约20' } }));
    expect(r.errors.map((f) => f.message)).toEqual([
      '输入项“在职人员数”（基础数据!B5）的值“约20”不是数字，请填写人数（人）。',
    ]);
  });

  it('makes text in an optional amount a warning and the input invalid', async () => {
    const r = await readFixture(withOptional('政府采购预算数', 21, '见附表'));
    expect(r.get('政府采购预算数').status).toBe('invalid');
    expect(r.errors).toEqual([]);
    expect(r.notable).toEqual([
      {
        code: 'invalid-input',
        severity: 'warning',
        message: '输入项“政府采购预算数”（基础数据!B21）的值“见附表”不是数字，请填写金额（万元）。',
        inputs: ['政府采购预算数'],
        cells: ['基础数据!B21'],
      },
    ]);
  });

  it('refuses a percent sign in an amount and a boolean anywhere numeric', async () => {
    const r = await readFixture(variant({ cells: { B7: '100%', B4: true } }));
    expect(r.errors.map((f) => f.message)).toEqual([
      '输入项“编制数”（基础数据!B4）是逻辑值 TRUE（是/否），不是数字，请填写人数（人）。',
      '输入项“全年执行数”（基础数据!B7）的值“100%”不是数字，请填写金额（万元）。',
    ]);
  });
});

describe('ranges of values', () => {
  it('refuses a negative required amount', async () => {
    const r = await readFixture(variant({ cells: { B7: -174.56 } }));
    expect(r.errors.map((f) => f.message)).toEqual([
      '输入项“全年执行数”（基础数据!B7）的值 -174.56 为负数，金额不能为负数，请检查。',
    ]);
  });

  it('refuses a negative optional amount with a warning', async () => {
    const r = await readFixture(withOptional('结转结余总额', 22, -1));
    expect(r.get('结转结余总额').status).toBe('invalid');
    expect(r.notable.map((f) => [f.code, f.severity, f.cells[0]])).toEqual([
      ['invalid-input', 'warning', '基础数据!B22'],
    ]);
  });

  it('refuses a non-integer head count', async () => {
    const r = await readFixture(variant({ cells: { B4: 16.5 } }));
    expect(r.errors.map((f) => f.message)).toEqual(['输入项“编制数”（基础数据!B4）的值 16.5 不是整数，人数应为整数。']);
  });

  it('refuses a non-integer or negative count of work items (warnings: optional)', async () => {
    const r = await readFixture(
      variant({
        cells: { B23: 8.5, B24: -2 },
        names: [
          { name: '计划工作数', refersTo: `${SHEET}!$B$23` },
          { name: '重点工作交办数', refersTo: `${SHEET}!$B$24` },
        ],
      }),
    );
    expect(r.notable.map((f) => [f.severity, f.message])).toEqual([
      ['warning', '输入项“计划工作数”（基础数据!B23）的值 8.5 不是整数，件数应为整数。'],
      ['warning', '输入项“重点工作交办数”（基础数据!B24）的值 -2 为负数，件数不能为负数。'],
    ]);
  });

  it('accepts zero in every denominator: just the readings, the engine decides', async () => {
    const r = await readFixture(
      variant({
        cells: { B4: 0, B6: 0, B25: 0, B26: 0 },
        names: [
          { name: '上年三公经费支出数', refersTo: `${SHEET}!$B$25` },
          { name: '计划工作数', refersTo: `${SHEET}!$B$26` },
        ],
      }),
    );
    for (const input of ['编制数', '全年预算数', '上年三公经费支出数', '计划工作数']) {
      expect(r.get(input).status).toBe('found');
      expect(valueOf(r.get(input))).toBe('0');
    }
    expect(r.notable).toEqual([]);
  });
});

describe('满意度', () => {
  it('reads 0.95 in a percent-formatted cell as 95', async () => {
    const r = await readFixture(withOptional('满意度', 27, { value: 0.95, numberFormat: '0.00%' }));
    expect(valueOf(r.get('满意度'))).toBe('95');
    expect(r.notable).toEqual([]);
  });

  it('reads 96.5 in a plain cell as 96.5 and "95%" typed as text as 95', async () => {
    expect(valueOf((await readFixture(withOptional('满意度', 27, 96.5))).get('满意度'))).toBe('96.5');
    const r = await readFixture(withOptional('满意度', 27, '95%'));
    expect(valueOf(r.get('满意度'))).toBe('95');
    expect(r.notable.map((f) => f.code)).toEqual(['number-as-text']);
  });

  it('refuses a 满意度 above 100, also when a percent cell shows 120%', async () => {
    const r = await readFixture(withOptional('满意度', 27, 120));
    expect(r.notable).toEqual([
      {
        code: 'invalid-input',
        severity: 'warning',
        message:
          '输入项“满意度”（基础数据!B27）的值 120 超出 0–100 的范围，请填写0–100 之间的百分数（如 95），或把单元格设为百分比格式。',
        inputs: ['满意度'],
        cells: ['基础数据!B27'],
      },
    ]);
    const p = await readFixture(withOptional('满意度', 27, { value: 1.2, numberFormat: '0%' }));
    expect(p.get('满意度').status).toBe('invalid');
  });

  it('warns that 0.95 in a plain cell is read as 0.95%', async () => {
    const r = await readFixture(withOptional('满意度', 27, 0.95));
    expect(valueOf(r.get('满意度'))).toBe('0.95');
    expect(r.notable.map((f) => [f.code, f.severity, f.message])).toEqual([
      [
        'satisfaction-fraction',
        'warning',
        '输入项“满意度”（基础数据!B27）的值为 0.95，按 0.95% 计算；如果指的是 95%，请填写 95 或把单元格设为百分比格式。',
      ],
    ]);
  });
});

describe('error values', () => {
  it('refuses #DIV/0! in a required input, naming the input and the cell', async () => {
    const r = await readFixture(variant({ cells: { B7: { formula: '=B6/0', value: { error: '#DIV/0!' } } } }));
    expect(r.errors).toEqual([
      {
        code: 'invalid-input',
        severity: 'error',
        message:
          '输入项“全年执行数”（基础数据!B7）是错误值 #DIV/0!，请检查该单元格的公式或数据后重新填写金额（万元）。',
        inputs: ['全年执行数'],
        cells: ['基础数据!B7'],
      },
    ]);
  });

  it('makes #N/A in an optional input a warning', async () => {
    const r = await readFixture(withOptional('固定资产总额', 28, { error: '#N/A' }));
    expect(r.get('固定资产总额').status).toBe('invalid');
    expect(r.notable.map((f) => [f.severity, f.message])).toEqual([
      [
        'warning',
        '输入项“固定资产总额”（基础数据!B28）是错误值 #N/A，请检查该单元格的公式或数据后重新填写金额（万元）。',
      ],
    ]);
  });

  it('reads a formula cell by its calculated value', async () => {
    const r = await readFixture(variant({ cells: { B6: { formula: '=153.76+20.8', value: 174.56 } } }));
    expect(valueOf(r.get('全年预算数'))).toBe('174.56');
    expect(r.notable).toEqual([]);
  });
});

describe('评价年度', () => {
  it.each([
    [2021.5, '2021.5'],
    [21, '21'],
  ])('refuses %s as a year', async (value, shown) => {
    const r = await readFixture(variant({ cells: { B3: value } }));
    expect(r.errors.map((f) => f.message)).toEqual([
      `输入项“评价年度”（基础数据!B3）的值 ${shown} 不是有效的年度，请填写四位年份（如 2021）。`,
    ]);
  });
});

describe('text inputs', () => {
  it('converts any value to trimmed text', async () => {
    const r = await readFixture(
      variant({
        cells: { B2: '  忻州市金融办  ', B40: 2021, B41: '\n 完成了全部 8 项工作。 \n' },
        names: [
          { name: '单位概况', refersTo: `${SHEET}!$B$40` },
          { name: '绩效目标完成情况', refersTo: `${SHEET}!$B$41` },
        ],
      }),
    );
    expect(r.get('单位名称').value).toBe('忻州市金融办');
    expect(r.get('单位概况').value).toBe('2021');
    expect(r.get('绩效目标完成情况')).toMatchObject({
      status: 'found',
      value: '完成了全部 8 项工作。',
      cell: '基础数据!B41',
    });
  });

  it('reports each missing narrative text as information', async () => {
    const r = await readFixture(
      variant({ cells: { B42: '' }, names: [{ name: '经济效益', refersTo: `${SHEET}!$B$42` }] }),
    );
    const texts = r.findings.filter((f) => f.code === 'missing-text');
    expect(texts).toHaveLength(13);
    expect(texts.every((f) => f.severity === 'info')).toBe(true);
    expect(texts.find((f) => f.inputs[0] === '经济效益')).toEqual({
      code: 'missing-text',
      severity: 'info',
      message:
        '报告文字“经济效益”未提供：自评报告中该部分写明了需要补充的内容。如需自动填入，请定义名称“经济效益”指向写有该段文字的单元格。',
      inputs: ['经济效益'],
      cells: ['基础数据!B42'],
    });
  });

  it('refuses an error value in the required 单位名称', async () => {
    const r = await readFixture(variant({ cells: { B2: { error: '#NAME?' } } }));
    expect(r.errors.map((f) => f.message)).toEqual([
      '输入项“单位名称”（基础数据!B2）是错误值 #NAME?，请检查该单元格。',
    ]);
  });
});

describe('missing optional inputs', () => {
  it('leaves every optional numeric input missing with no finding, only the narrative notes', async () => {
    const r = await readFixture(variant({}));
    expect(r.get('上年结转结余总额')).toEqual({ input: '上年结转结余总额', status: 'missing' });
    expect(r.get('满意度')).toEqual({ input: '满意度', status: 'missing' });
    expect(r.findings.every((f) => f.code === 'missing-text')).toBe(true);
    expect(r.errors).toEqual([]);
  });
});
