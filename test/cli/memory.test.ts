/**
 * Memory grows with what we read, not with the clerk's data: `jixiao evaluate` and `jixiao fill` on
 * the sample plus an unrelated sheet of about 200 MB (and a defined name covering all of it) finish
 * under 300 MB peak resident memory. The CLI is bundled (as `npm run build:cli` does) and run as a
 * clerk runs it; GNU time reports the child's peak RSS.
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { sheetOfSize, writeBigWorkbook } from '../../bench/bigWorkbooks';
import { SAMPLE_PATH } from '../support/filled';

jest.setTimeout(900_000);

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'jixiao-memory-'));
const big = join(dir, 'big.xlsx');

beforeAll(async () => {
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--config', 'webpack.cli.config.js'],
    { cwd: ROOT, stdio: 'pipe' },
  );
  await writeBigWorkbook(SAMPLE_PATH, [sheetOfSize('明细账', 200)], big);
});

function peak(args: string[]): { status: number | null; kilobytes: number; stderr: string } {
  const r = spawnSync('/usr/bin/time', ['-f', 'PEAK %M', process.execPath, join(ROOT, 'bin', 'jixiao.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const m = /PEAK (\d+)/.exec(r.stderr);
  return { status: r.status, kilobytes: m ? Number(m[1]) : Infinity, stderr: r.stderr };
}

test('evaluate stays under 300 MB', () => {
  const r = peak(['evaluate', big, '--json']);
  expect(r.status).toBe(0);
  expect(r.kilobytes).toBeLessThan(300 * 1024);
});

test('fill stays under 300 MB and the big sheet comes back', () => {
  const out = join(dir, 'filled.xlsx');
  const r = peak(['fill', big, '-o', out]);
  expect(r.status).toBe(0);
  expect(r.kilobytes).toBeLessThan(300 * 1024);
  // The clerk's big sheet part is in the output with the same length and CRC-32 (unzip's listing).
  const entry = (file: string) =>
    execFileSync('unzip', ['-lv', file], { encoding: 'utf8', maxBuffer: 1 << 20 })
      .split('\n')
      .find((l) => l.endsWith('xl/worksheets/data1.xml'))!
      .trim()
      .split(/\s+/);
  const [lengthIn, , , , , , crcIn] = entry(big);
  const [lengthOut, , , , , , crcOut] = entry(out);
  expect({ length: lengthOut, crc: crcOut }).toEqual({ length: lengthIn, crc: crcIn });
});
