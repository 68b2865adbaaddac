/**
 * Outputs through the CLI: never onto the input by any path (symbolic or hard link), never over an existing file
 * without --force, and every output problem a Chinese message naming the path, exit 1, no stack trace, the
 * previous file intact (a full disk and a refused permission simulated by failing the file system calls).
 */
import * as fs from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main, SAMPLE_WORKBOOK } from '../../src/cli/main';
import { writeOutput, OutputError } from '../../src/cli/output';

jest.setTimeout(60_000);

// The spied functions must be the module's own properties, not the getters of an ES-module namespace.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const realFs: typeof fs = require('fs');

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** An output failure: exit 1, Chinese message naming the path, no stack trace or internal-error wording. */
function expectOutputFailure(r: { code: number; err: string; out: string }, path: string, words: RegExp) {
  expect(r.code).toBe(1);
  expect(r.err).toContain(path);
  expect(r.err).toMatch(words);
  expect(r.err).not.toContain('内部错误');
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.out).not.toContain('已写入');
}

const dir = fs.mkdtempSync(join(tmpdir(), 'jixiao-output-'));
const input = join(dir, 'in.xlsx');
fs.copyFileSync(SAMPLE_WORKBOOK, input);
const original = fs.readFileSync(input);

/** Files in `folder` left behind by a write (temporary files must never remain). */
const leftovers = (folder: string) => fs.readdirSync(folder).filter((f) => f.endsWith('.tmp'));

afterEach(() => {
  jest.restoreAllMocks();
  expect(Buffer.compare(original, fs.readFileSync(input))).toBe(0);
  expect(leftovers(dir)).toEqual([]);
});

test('a symbolic link to the input is refused, even with --force; the original stays byte-identical', async () => {
  const link = join(dir, 'symlink.xlsx');
  fs.symlinkSync(input, link);
  expectOutputFailure(await run('fill', input, '-o', link), link, /就是输入文件.*链接/);
  expectOutputFailure(await run('fill', input, '-o', link, '--force'), link, /就是输入文件/);
  expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  // A link to the folder holding the input reaches the same file by another path.
  const folderLink = join(dir, 'folder-link');
  fs.symlinkSync(dir, folderLink);
  expectOutputFailure(
    await run('fill', input, '-o', join(folderLink, 'in.xlsx'), '--force'),
    'in.xlsx',
    /就是输入文件/,
  );
});

test('a hard link to the input is refused, even with --force; the original stays byte-identical', async () => {
  const link = join(dir, 'hardlink.xlsx');
  fs.linkSync(input, link);
  expectOutputFailure(await run('fill', input, '-o', link, '--force'), link, /就是输入文件/);
  expect(Buffer.compare(original, fs.readFileSync(link))).toBe(0);
  // The same file reached as input through the link, written to its other name.
  expectOutputFailure(await run('fill', link, '-o', input, '--force'), input, /就是输入文件/);
});

test('an existing output is kept unless --force; the message says to fill the edited output itself', async () => {
  const out = join(dir, 'existing.xlsx');
  fs.writeFileSync(out, 'the clerk edited this');
  const r = await run('fill', input, '-o', out);
  expectOutputFailure(r, out, /已存在，未覆盖/);
  expect(r.err).toContain(`jixiao fill ${out} -o`);
  expect(r.err).toContain('--force');
  expect(fs.readFileSync(out, 'utf8')).toBe('the clerk edited this');
  for (const argv of [
    ['template', '-o', out],
    ['demo', '-o', out],
  ]) {
    expectOutputFailure(await run(...argv), out, /已存在/);
    expect(fs.readFileSync(out, 'utf8')).toBe('the clerk edited this');
  }
  const forced = await run('fill', input, '-o', out, '--force');
  expect(forced.code).toBe(0);
  expect(forced.out).toContain(`已写入 ${out}`);
  expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
});

test('a folder, a path ending in a separator, a missing folder and a file in the path each get their message', async () => {
  const folder = join(dir, 'a-folder');
  fs.mkdirSync(folder);
  expectOutputFailure(await run('fill', input, '-o', folder), folder, /是一个文件夹.*加上文件名/);
  expectOutputFailure(await run('fill', input, '-o', folder, '--force'), folder, /是一个文件夹/);
  expectOutputFailure(await run('template', '-o', `${folder}/`), folder, /是一个文件夹/);
  const missing = join(dir, 'no-such-folder', 'out.xlsx');
  expectOutputFailure(await run('fill', input, '-o', missing), join(dir, 'no-such-folder'), /不存在.*先创建/);
  const file = join(dir, 'plain-file');
  fs.writeFileSync(file, 'x');
  expectOutputFailure(await run('fill', input, '-o', join(file, 'out.xlsx')), file, /是一个文件，不是文件夹/);
  expectOutputFailure(await run('template', '-o', join(file, 'sub', 'out.xlsx')), file, /是一个文件，不是文件夹/);
  expect(fs.readdirSync(folder)).toEqual([]);
});

test('a read-only output is not replaced even with --force', async () => {
  const out = join(dir, 'readonly.xlsx');
  fs.writeFileSync(out, 'kept');
  fs.chmodSync(out, 0o444);
  expectOutputFailure(await run('fill', input, '-o', out, '--force'), out, /只读/);
  expect(fs.readFileSync(out, 'utf8')).toBe('kept');
});

test('a disk that fills up mid-write leaves the previous output intact and no temporary file', async () => {
  const out = join(dir, 'previous.xlsx');
  const first = await run('fill', input, '-o', out);
  expect(first.code).toBe(0);
  const previous = fs.readFileSync(out);
  const realWrite = realFs.writeSync;
  let calls = 0;
  jest.spyOn(realFs, 'writeSync').mockImplementation(((fd: number, data: Uint8Array, offset: number) => {
    // The first write gets half the bytes through, the next finds the disk full.
    if (calls++ === 0) return realWrite(fd, data, offset, Math.floor(data.byteLength / 2));
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  }) as typeof fs.writeSync);
  const r = await run('fill', input, '-o', out, '--force');
  expectOutputFailure(r, out, /磁盘空间不足.*原有文件未改动/);
  expect(calls).toBe(2);
  expect(Buffer.compare(previous, fs.readFileSync(out))).toBe(0);
  expect(leftovers(dir)).toEqual([]);
});

test('a folder without write permission gets a message naming it (simulated: the tests run as root)', async () => {
  const folder = join(dir, 'locked');
  fs.mkdirSync(folder);
  const out = join(folder, 'out.xlsx');
  jest.spyOn(realFs, 'openSync').mockImplementation(() => {
    throw Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' });
  });
  expectOutputFailure(await run('template', '-o', out), out, new RegExp(`没有权限.*${folder}`));
  jest.restoreAllMocks();
  expect(fs.readdirSync(folder)).toEqual([]);
});

test('writeOutput: the file appears whole or not at all; a name created meanwhile is not replaced', () => {
  const out = join(dir, 'direct.bin');
  const data = new Uint8Array(300_000).map((_, i) => i % 251);
  expect(writeOutput(out, data)).toBe(out);
  expect(Buffer.compare(Buffer.from(data), fs.readFileSync(out))).toBe(0);
  expect(() => writeOutput(out, data)).toThrow(OutputError);
  // Someone else creates the file between the check and the rename: not replaced.
  const raced = join(dir, 'raced.bin');
  const realLink = realFs.linkSync;
  jest.spyOn(realFs, 'linkSync').mockImplementation((from, to) => {
    fs.writeFileSync(to, 'theirs');
    return realLink(from, to);
  });
  expect(() => writeOutput(raced, data)).toThrow(/刚刚被其他程序创建/);
  expect(fs.readFileSync(raced, 'utf8')).toBe('theirs');
  expect(fs.statSync(out).mode & 0o777).toBe(0o666 & ~process.umask());
});

test('a replaced output keeps its permissions', () => {
  const out = join(dir, 'mode.bin');
  fs.writeFileSync(out, 'old');
  fs.chmodSync(out, 0o640);
  writeOutput(out, new Uint8Array([1, 2, 3]), { force: true });
  expect(fs.statSync(out).mode & 0o777).toBe(0o640);
  expect([...fs.readFileSync(out)]).toEqual([1, 2, 3]);
});
