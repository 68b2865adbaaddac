/** jixiao locate: the table, the JSON of the issue, --apply with its copy, exit codes 0 / 2 / 1. */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main, SAMPLE_WORKBOOK } from '../../src/cli/main';
import { sampleWithoutNames, sheet, workbookOf } from '../support/locatorLayouts';

jest.setTimeout(60_000);

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'jixiao-locate-'));
const unnamed = join(dir, '基础数据-无名称.xlsx');

beforeAll(async () => writeFileSync(unnamed, await sampleWithoutNames()));

test('locate --json prints exactly one object: found, named, ambiguous, missing', async () => {
  const r = await run('locate', unnamed, '--json');
  expect(r.code).toBe(0);
  const json = JSON.parse(r.out);
  expect(Object.keys(json)).toEqual(['inputs']);
  expect(json.inputs.全年预算数).toEqual({
    status: 'found',
    cell: '基础数据!B13',
    label: '全年预算数（调整后）',
    labelCell: '基础数据!A13',
    value: '174.56',
    unit: '万元',
    confidence: 'high',
  });
  expect(json.inputs.编制数).toMatchObject({ status: 'found', value: '17', unit: '人', confidence: 'high' });
  expect(json.inputs.重点项目支出).toEqual({
    status: 'found',
    cell: '基础数据!B21',
    label: '重点项目支出',
    labelCell: '基础数据!A21',
    value: null,
    unit: '',
    confidence: 'low',
  });
  const named = JSON.parse((await run('locate', SAMPLE_WORKBOOK, '--json')).out);
  expect(named.inputs.编制数).toEqual({ status: 'named', cell: '基础数据!B8', name: '编制数' });
});

test('locate reports two plausible cells as ambiguous and a required input without a label as missing (exit 2)', async () => {
  const file = join(dir, '两处.xlsx');
  writeFileSync(
    file,
    await workbookOf([
      sheet('甲', { A1: '全年预算数', B1: 560, A2: '编制数', B2: 17 }),
      sheet('乙', { A1: '全年预算数', B1: 580 }),
    ]),
  );
  const r = await run('locate', file, '--json');
  expect(r.code).toBe(2);
  const json = JSON.parse(r.out);
  expect(json.inputs.全年预算数).toEqual({
    status: 'ambiguous',
    candidates: [
      { cell: '甲!B1', label: '全年预算数', value: '560', unit: '万元' },
      { cell: '乙!B1', label: '全年预算数', value: '580', unit: '万元' },
    ],
  });
  expect(json.inputs.在职人员数).toEqual({ status: 'missing' });
  expect(r.err).toContain('全年预算数');
  const applied = await run('locate', file, '--apply', '-o', join(dir, '不写.xlsx'));
  expect(applied.code).toBe(2);
  expect(applied.err).toContain('未写入任何内容');
  expect(existsSync(join(dir, '不写.xlsx'))).toBe(false);
});

test('locate prints a readable Chinese table', async () => {
  const r = await run('locate', unnamed);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/输入项\s+状态\s+单元格\s+标签\s+值（万元）\s+单位\s+可信度/);
  expect(r.out).toMatch(/全年预算数\s+找到\s+基础数据!B13\s+全年预算数（调整后）\s+174\.56\s+万元\s+高/);
});

test('locate --apply -o writes a copy with the names; evaluate on it gives the named sample’s result', async () => {
  const out = join(dir, '已命名.xlsx');
  const before = readFileSync(unnamed);
  const r = await run('locate', unnamed, '--apply', '-o', out);
  expect(r.code).toBe(0);
  expect(r.err).toContain('已定义 35 个名称');
  expect(readFileSync(unnamed).equals(before)).toBe(true);
  const evaluated = await run('evaluate', out);
  expect(evaluated.code).toBe(0);
  expect(evaluated.out).toContain('自评得分：47.47');
  const json = JSON.parse((await run('locate', out, '--json')).out);
  expect(json.inputs.全年预算数).toEqual({ status: 'named', cell: '基础数据!B13', name: '全年预算数' });
  // --all also names the 11 low ones (the empty cells beside the labels of unknown figures and texts).
  const all = await run('locate', unnamed, '--apply', '--all', '-o', join(dir, '全部.xlsx'));
  expect(all.err).toContain('已定义 46 个名称');
});

test('locate --apply on a workbook in 元: evaluate reads 万元', async () => {
  const file = join(dir, '元.xlsx');
  writeFileSync(
    file,
    await workbookOf([
      sheet('决算数据', {
        A1: '金额单位：元',
        A2: '单位名称',
        B2: '某某局',
        A3: '评价年度',
        B3: 2021,
        A4: '编制数',
        B4: 17,
        A5: '在职人员数',
        B5: 15,
        A6: '全年预算数',
        B6: 5600000,
        A7: '全年执行数',
        B7: 4800000,
      }),
    ]),
  );
  const out = join(dir, '元-已命名.xlsx');
  const r = await run('locate', file, '--apply', '-o', out);
  expect(r.code).toBe(0);
  expect(r.err).toContain('全年预算数（决算数据!B6）以“元”为单位');
  const json = JSON.parse((await run('evaluate', out, '--json')).out);
  expect(json.indicators.预算完成率).toMatchObject({ value: '85.71' });
});

test('locate usage errors exit 1', async () => {
  expect((await run('locate', unnamed, '--apply')).code).toBe(1);
  expect((await run('locate', unnamed, '--all')).code).toBe(1);
  expect((await run('locate')).code).toBe(1);
});
