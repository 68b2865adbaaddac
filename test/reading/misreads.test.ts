/**
 * Reading refuses to guess (issue 12): a date-formatted or boolean cell where an amount is expected is an error
 * naming the cell; a name that differs from a catalogue name only by look-alike or invisible characters is read
 * with an info finding naming it; missing quarters are a warning saying which quarters the score used; an
 * encrypted workbook and an old .xls get their own messages; a formula without a cached value says to open and
 * save the file in Excel or WPS. Through the real job on .xlsx files and through the CLI.
 */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { inspect } from '../../src/app/job';
import { main } from '../../src/cli/main';
import { isDateFormat, nameKey } from '../../src/engine/reading';
import { compoundFileMessage, fileKind } from '../../src/workbook/fileKind';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import type { FixtureName, WorkbookFixture } from '../support/fixture';
import { baseFixture, variant } from '../support/readingWorkbook';
import { encryptedWorkbook, legacyWorkbook, readCompoundFile } from '../support/compoundFile';
import { buildXlsx } from '../support/xlsxFixture';

jest.setTimeout(60_000);

const dir = mkdtempSync(join(tmpdir(), 'jixiao-misreads-'));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function saved(name: string, fixture: WorkbookFixture): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await buildXlsx(fixture));
  return path;
}

async function evaluation(fixture: WorkbookFixture) {
  return (await inspect(await XlsxWorkbook.open(await buildXlsx(fixture)))).evaluation;
}

/** The four quarters on 基础数据!B10:B13 under the given names (a name left out: the quarter is missing). */
function quarters(names: (string | undefined)[]): WorkbookFixture {
  const values = [37.39, 66.73, 110.62, 144.48];
  const cells: Record<string, number> = {};
  const list: FixtureName[] = [];
  names.forEach((name, i) => {
    cells[`B${10 + i}`] = values[i];
    if (name) list.push({ name, refersTo: `基础数据!$B$${10 + i}` });
  });
  return variant({ cells, names: list });
}

test('isDateFormat: dates and times, not amounts, percents, accounting or quoted units', () => {
  for (const f of ['yyyy-mm-dd', 'm/d/yy', '[$-804]yyyy"年"m"月"d"日"', 'h:mm', '[h]:mm:ss', 'mmm-yy', 'dd'])
    expect({ f, date: isDateFormat(f) }).toEqual({ f, date: true });
  for (const f of [
    'General',
    '0.00',
    '#,##0.00',
    '0.00%',
    '#,##0.00"万元"',
    '0.00E+00',
    '_-* #,##0.00_-;-* #,##0.00_-',
    '[Red]0.00',
    '"¥"#,##0.00',
    'G/通用格式',
    '@',
  ])
    expect({ f, date: isDateFormat(f) }).toEqual({ f, date: false });
});

test('a date-formatted 全年预算数 is an error naming the cell (not 44,561 万元); exit 2 through the CLI', async () => {
  const fixture = variant({ cells: { B6: { value: 44561, numberFormat: 'yyyy-mm-dd' } } });
  const ev = await evaluation(fixture);
  const error = ev.findings.find((f) => f.severity === 'error' && f.inputs.includes('全年预算数' as never));
  expect(error?.message).toContain('输入项“全年预算数”（基础数据!B6）是日期或时间格式（yyyy-mm-dd）');
  expect(error?.cells).toEqual(['基础数据!B6']);
  expect(ev.indicators['预算完成率']?.status).not.toBe('ok');
  const r = await run('evaluate', await saved('date.xlsx', fixture));
  expect(r.code).toBe(2);
  expect(r.err).toContain('基础数据!B6');
  expect(r.err).toContain('日期');
});

test('a boolean where a count is expected is an error naming the cell', async () => {
  const ev = await evaluation(variant({ cells: { B4: true } }));
  const error = ev.findings.find((f) => f.severity === 'error' && f.inputs.includes('编制数' as never));
  expect(error?.message).toContain('输入项“编制数”（基础数据!B4）是逻辑值 TRUE');
  expect(error?.cells).toEqual(['基础数据!B4']);
});

test('a formula without a cached value says to open and save the file in Excel or WPS (not 空的)', async () => {
  const fixture = variant({ cells: { B5: { formula: '=B4-2' } } });
  const ev = await evaluation(fixture);
  const error = ev.findings.find((f) => f.severity === 'error' && f.inputs.includes('在职人员数' as never));
  expect(error?.message).toContain('（基础数据!B5）是公式，但文件中没有保存它的计算结果');
  expect(error?.message).toContain('在 Excel 或 WPS 中打开该文件、保存一次');
  expect(error?.message).not.toContain('空的');
  const r = await run('evaluate', await saved('uncached.xlsx', fixture));
  expect(r.code).toBe(2);
  expect(r.err).toContain('保存一次');
  // With its cached value the formula reads normally.
  const cached = await evaluation(variant({ cells: { B5: { formula: '=B4-2', value: 15 } } }));
  expect(cached.inputs['在职人员数']).toMatchObject({ status: 'found', cell: '基础数据!B5' });
});

test('look-alike names (Kangxi radicals ⼀ ⼆, a zero-width space) are read, each with an info finding naming it', async () => {
  const kangxi1 = '\u2F00季度累计支出'; // ⼀ KANGXI RADICAL ONE, NFKC → 一
  const kangxi2 = '\u2F06季度累计支出'; // ⼆ KANGXI RADICAL TWO, NFKC → 二
  const zeroWidth = '三季度\u200B累计支出';
  expect(nameKey(kangxi1)).toBe(nameKey('一季度累计支出'));
  const ev = await evaluation(quarters([kangxi1, kangxi2, zeroWidth, '四季度累计支出']));
  for (const [input, name, cell] of [
    ['一季度累计支出', kangxi1, 'B10'],
    ['二季度累计支出', kangxi2, 'B11'],
    ['三季度累计支出', zeroWidth, 'B12'],
  ]) {
    expect(ev.inputs[input]).toMatchObject({ status: 'found', via: name, cell: `基础数据!${cell}` });
    const info = ev.findings.find((f) => f.code === 'name-lookalike' && f.inputs.includes(input as never));
    expect(info?.severity).toBe('info');
    expect(info?.message).toContain(`名称“${name}”与标准名称“${input}”只差在外观相同或不可见的字符`);
    expect(info?.cells).toEqual([`基础数据!${cell}`]);
  }
  expect(
    ev.findings.find((f) => f.code === 'name-lookalike' && f.inputs.includes('一季度累计支出' as never))?.message,
  ).toContain('U+2F00');
  // All four quarters: 3 × mean(37.39/174.56 ÷ 25%, …) as for the sample department, no quarter warning.
  expect(ev.indicators['支付进度率']?.quarters).toHaveLength(4);
  expect(ev.findings.map((f) => f.code)).not.toContain('quarters-missing');
});

test('missing quarterly figures: a warning saying which quarters the score used', async () => {
  const ev = await evaluation(quarters(['一季度累计支出', '二季度累计支出', undefined, undefined]));
  expect(ev.indicators['支付进度率']?.quarters?.map((q) => q.quarter)).toEqual([1, 2]);
  const warning = ev.findings.find((f) => f.code === 'quarters-missing');
  expect(warning?.severity).toBe('warning');
  expect(warning?.message).toBe(
    '支付进度率只按一季度、二季度的累计支出计算：缺少三季度累计支出、四季度累计支出，得分只反映已有的季度。请补充缺少的季度数据后重新计算。',
  );
  const r = await run('evaluate', await saved('two-quarters.xlsx', quarters(['一季度累计支出', '二季度累计支出'])));
  expect(r.out).toContain('quarters-missing');
});

test('an encrypted workbook asks for the password to be removed; an old .xls to be saved as .xlsx (CLI, exit 1)', async () => {
  const encrypted = encryptedWorkbook(await buildXlsx(baseFixture()));
  const legacy = legacyWorkbook();
  // Well-formed containers: every stream reads back through the FAT and mini FAT.
  expect(Object.keys(readCompoundFile(encrypted)).sort()).toEqual([
    '\u0006DataSpaces/DataSpaceInfo/StrongEncryptionDataSpace',
    '\u0006DataSpaces/DataSpaceMap',
    '\u0006DataSpaces/TransformInfo/StrongEncryptionTransform/\u0006Primary',
    '\u0006DataSpaces/Version',
    'EncryptedPackage',
    'EncryptionInfo',
  ]);
  expect(Array.from(readCompoundFile(encrypted).EncryptionInfo.subarray(0, 8))).toEqual([4, 0, 4, 0, 0x40, 0, 0, 0]);
  expect(readCompoundFile(legacy).Workbook.length).toBe(4200);
  expect(fileKind(encrypted)).toBe('encrypted');
  expect(fileKind(legacy)).toBe('legacy');
  expect(compoundFileMessage(new Uint8Array([0x50, 0x4b, 3, 4]))).toBeUndefined();
  const enc = join(dir, 'encrypted.xlsx');
  writeFileSync(enc, encrypted);
  const r = await run('evaluate', enc);
  expect(r.code).toBe(1);
  expect(r.err).toContain(enc);
  expect(r.err).toContain('设置了打开密码');
  expect(r.err).toContain('取消密码');
  expect(r.err).not.toContain('已损坏');
  const xls = join(dir, 'old.xlsx');
  writeFileSync(xls, legacy);
  const old = await run('fill', xls, '-o', join(dir, 'never.xlsx'));
  expect(old.code).toBe(1);
  expect(old.err).toContain('旧版 Excel 格式（.xls）');
});
