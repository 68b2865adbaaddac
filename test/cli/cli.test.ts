/** The jixiao command: output, JSON shape, exit codes 0 / 2 / 1, Chinese errors naming input and cell. */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main, SAMPLE_WORKBOOK } from '../../src/cli/main';
import { buildXlsx } from '../support/xlsxFixture';
import { BLOCKED_WORKBOOK } from '../support/badWorkbook';

jest.setTimeout(60_000);

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));

test('evaluate prints a Chinese summary and exits 0 with warnings', async () => {
  const r = await run('evaluate', SAMPLE_WORKBOOK);
  expect(r.code).toBe(0);
  expect(r.out).toContain('忻州市人民政府金融工作办公室');
  expect(r.out).toMatch(/在职人员控制率\s+88\.24%/);
  expect(r.out).toContain('自评得分：47.47');
  expect(r.out).toContain('payment-progress-mismatch');
  expect(r.err).toBe('');
});

test('evaluate --json prints exactly the JSON of docs/outputs.md', async () => {
  const r = await run('evaluate', SAMPLE_WORKBOOK, '--json');
  expect(r.code).toBe(0);
  const json = JSON.parse(r.out);
  expect(json.单位名称).toBe('忻州市人民政府金融工作办公室');
  expect(json.评价年度).toBe(2021);
  expect(json.indicators.在职人员控制率).toMatchObject({
    status: 'ok',
    value: '88.24',
    numerator: '15',
    denominator: '17',
    weight: '4',
    score: '4.00',
  });
  expect(json.indicators.结转结余变动率).toMatchObject({ status: 'not_computable', weight: '2', score: null });
  expect(json.total).toBe('47.47');
  expect(json.provisional).toBe(true);
  expect(json.grade).toBe('差');
  const codes = json.findings.map((f: { code: string }) => f.code);
  expect(codes).toEqual(
    expect.arrayContaining([
      'payment-progress-mismatch',
      'payment-progress-lag',
      'sangong-increase',
      'budget-adjustment',
    ]),
  );
  const mismatch = json.findings.find((f: { code: string }) => f.code === 'payment-progress-mismatch');
  expect(mismatch.cells).toEqual(['基础数据!B20', '基础数据!B14']);
});

test('--scheme picks a preset, a JSON file, and rejects an invalid file with exit 2', async () => {
  expect((await run('evaluate', SAMPLE_WORKBOOK, '--scheme', '湖南')).out).toContain('评分方案：预设：湖南');
  const bad = join(dir, 'bad.json');
  writeFileSync(
    bad,
    JSON.stringify({
      name: '坏方案',
      items: [
        {
          level1: '投入',
          level2: '预算配置',
          level3: '在职人员控制率',
          indicator: '在职人员控制率',
          weight: 50,
          rule: { kind: 'proportional' },
          standard: '',
        },
      ],
      grades: [
        { grade: '优', min: 90 },
        { grade: '差', min: 0 },
      ],
      notApplicable: 'rescale',
      officialExpensesBasis: '决算口径',
    }),
  );
  const r = await run('evaluate', SAMPLE_WORKBOOK, '--scheme', bad);
  expect(r.code).toBe(2);
  expect(r.err).toContain('50');
  expect((await run('evaluate', SAMPLE_WORKBOOK, '--scheme', '不存在')).code).toBe(1);
});

test('a workbook with blocking errors: exit 2, errors on stderr naming input and cell, nothing written', async () => {
  const bytes = await buildXlsx(BLOCKED_WORKBOOK);
  const book = join(dir, 'bad.xlsx');
  writeFileSync(book, bytes);
  const r = await run('evaluate', book);
  expect(r.code).toBe(2);
  expect(r.err).toContain('编制数');
  expect(r.err).toContain('基础数据!B3');
  expect(r.err).toContain('待定');
  expect(r.err).toContain('全年预算数');
  const out = join(dir, 'bad-out.xlsx');
  const f = await run('fill', book, '-o', out);
  expect(f.code).toBe(2);
  expect(existsSync(out)).toBe(false);
});

test('unreadable files and bad usage exit 1 with a clear message', async () => {
  const missing = await run('evaluate', join(dir, 'nope.xlsx'));
  expect(missing.code).toBe(1);
  expect(missing.err).toContain('无法读取文件');
  const junk = join(dir, 'junk.xlsx');
  writeFileSync(junk, 'not a zip');
  const notXlsx = await run('evaluate', junk);
  expect(notXlsx.code).toBe(1);
  expect(notXlsx.err).toContain('已损坏，或不是 Excel 工作簿');
  expect((await run('fill', SAMPLE_WORKBOOK)).code).toBe(1);
  expect((await run('frobnicate')).code).toBe(1);
});

test('fill writes a copy and leaves the input untouched; template and demo work', async () => {
  const before = readFileSync(SAMPLE_WORKBOOK);
  const out = join(dir, 'filled.xlsx');
  const r = await run('fill', SAMPLE_WORKBOOK, '-o', out);
  expect(r.code).toBe(0);
  expect(r.out).toContain(out);
  expect(existsSync(out)).toBe(true);
  expect(Buffer.compare(before, readFileSync(SAMPLE_WORKBOOK))).toBe(0);
  expect((await run('fill', SAMPLE_WORKBOOK, '-o', SAMPLE_WORKBOOK)).code).toBe(1);

  const t = join(dir, 'template.xlsx');
  expect((await run('template', '-o', t)).code).toBe(0);
  expect(existsSync(t)).toBe(true);
  const demoOut = join(dir, 'demo.xlsx');
  const demo = await run('demo', '-o', demoOut);
  expect(demo.code).toBe(0);
  expect(demo.out).toContain('示例工作簿');
  expect(existsSync(demoOut)).toBe(true);
});

describe('arguments', () => {
  it('names an unknown flag, a flag without its value and an extra word, exit 1', async () => {
    expect(await run('evaluate', 'a.xlsx', '--bogus')).toMatchObject({ code: 1, err: '未知参数 --bogus。' });
    expect(await run('evaluate', '-x')).toMatchObject({ code: 1, err: '未知参数 -x。' });
    expect(await run('evaluate', '--json=1')).toMatchObject({ code: 1, err: '未知参数 --json=1。' });
    expect(await run('fill', 'a.xlsx', '-o')).toMatchObject({ code: 1, err: '参数 -o 后缺少值。' });
    expect(await run('fill', 'a.xlsx', '--scheme')).toMatchObject({ code: 1, err: '参数 --scheme 后缺少值。' });
    expect(await run('evaluate', 'a.xlsx', 'b.xlsx')).toMatchObject({ code: 1, err: '多余的参数 b.xlsx。' });
  });

  it('prints the usage for -h, --help and no command; an unknown command is an error', async () => {
    for (const flag of ['-h', '--help']) {
      const r = await run(flag);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^用法 \(usage\):/);
    }
    expect((await run()).code).toBe(1);
    const unknown = await run('constructor');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/^未知命令 constructor。\n用法/);
  });
});
