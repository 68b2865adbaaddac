/**
 * Every file the `jixiao` command writes goes through writeOutput: never onto an input (by any path, symbolic or
 * hard link — real paths and device/inode are compared), never over an existing file unless forced, and
 * atomically (a temporary file in the target folder, flushed, then renamed), so a full disk or a crash leaves the
 * previous file intact. Every problem is an OutputError with a Chinese message naming the path and what to do.
 * Hand-written: Node has no atomic-write helper, and the checks (inputs, links, read-only) are ours.
 */
import * as fs from 'fs';
import { basename, dirname, join, resolve } from 'path';

/** An output problem: the CLI prints the message and exits 1; nothing was changed on disk. */
export class OutputError extends Error {}

export interface OutputOptions {
  /** Files this command reads: the output may not be any of them, by any path. */
  inputs?: readonly string[];
  /** Replace an existing output (the `--force` option). */
  force?: boolean;
  /** Create a missing parent folder (only for outputs whose folder is ours, like the demo's out/). */
  createParent?: boolean;
}

function errnoOf(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

function statOrUndefined(path: string, follow: boolean): fs.Stats | undefined {
  try {
    return follow ? fs.statSync(path) : fs.lstatSync(path);
  } catch {
    return undefined;
  }
}

function realOrSelf(path: string): string {
  try {
    return fs.realpathSync.native(path);
  } catch {
    return path;
  }
}

/** The Chinese message for a failed file operation on `path`. */
function describeFailure(err: unknown, path: string, folder: string): string {
  switch (errnoOf(err)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `磁盘空间不足，无法写入 ${path}：请腾出磁盘空间后重试，或换一个磁盘保存。原有文件未改动。`;
    case 'EACCES':
    case 'EPERM':
      return `没有权限写入 ${path}：请检查文件夹 ${folder} 的写入权限，或换一个输出位置。`;
    case 'EROFS':
      return `${folder} 所在的磁盘是只读的，无法写入 ${path}：请换一个输出位置。`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `文件 ${path} 正被其他程序（如 Excel 或 WPS）占用：请先关闭它，再重试。`;
    case 'ENAMETOOLONG':
      return `输出路径 ${path} 太长：请换一个较短的文件名或文件夹。`;
    case 'EISDIR':
      return `输出路径 ${path} 是一个文件夹：请在它后面加上文件名，例如 ${join(path, '自评结果.xlsx')}。`;
    case 'ENOTDIR':
    case 'ENOENT':
      return `无法在 ${folder} 中写入 ${path}：该文件夹不存在或不是文件夹，请先创建它，或换一个输出位置。`;
    default:
      return `无法写入 ${path}（${errnoOf(err) ?? (err as Error)?.message ?? err}）：请换一个输出位置后重试。原有文件未改动。`;
  }
}

/** The nearest existing ancestor of `dir` and whether it is a folder (a file in the way gives a clear message). */
function checkFolder(dir: string, createParent: boolean, path: string): void {
  const st = statOrUndefined(dir, true);
  if (st?.isDirectory()) return;
  if (st) throw new OutputError(`无法写入 ${path}：${dir} 是一个文件，不是文件夹。请换一个输出位置。`);
  let up = dirname(dir);
  while (up !== dirname(up) && !statOrUndefined(up, true)) up = dirname(up);
  const upStat = statOrUndefined(up, true);
  if (upStat && !upStat.isDirectory())
    throw new OutputError(`无法写入 ${path}：路径中的 ${up} 是一个文件，不是文件夹。请换一个输出位置。`);
  if (!createParent)
    throw new OutputError(`无法写入 ${path}：文件夹 ${dir} 不存在。请先创建该文件夹，或换一个输出位置。`);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new OutputError(describeFailure(err, path, dir));
  }
}

/**
 * Checks that `path` may be written and returns its absolute form; throws an OutputError otherwise. Call it before
 * the work (so a bad -o fails at once); writeOutput calls it again right before writing.
 */
export function checkOutput(path: string, options: OutputOptions = {}): string {
  const target = resolve(path);
  const folder = dirname(target);
  if (/[\\/]$/.test(path))
    throw new OutputError(
      `输出路径 ${path} 是一个文件夹：请在它后面加上文件名，例如 ${join(target, '自评结果.xlsx')}。`,
    );
  const link = statOrUndefined(target, false);
  const st = statOrUndefined(target, true);
  const real = st ? realOrSelf(target) : join(realOrSelf(folder), basename(target));
  for (const input of options.inputs ?? []) {
    const inStat = statOrUndefined(input, true);
    const sameFile = st && inStat && st.dev === inStat.dev && st.ino === inStat.ino;
    if (sameFile || real === realOrSelf(resolve(input)))
      throw new OutputError(
        `输出文件 ${path} 就是输入文件 ${input}（同一文件或它的链接）：原工作簿不会被修改，请换一个输出文件名。`,
      );
  }
  if (st?.isDirectory())
    throw new OutputError(
      `输出路径 ${path} 是一个文件夹：请在它后面加上文件名，例如 ${join(target, '自评结果.xlsx')}。`,
    );
  if (st && !st.isFile()) throw new OutputError(`输出路径 ${path} 不是普通文件：请换一个输出文件名。`);
  if (link && !options.force)
    throw new OutputError(
      `输出文件 ${path} 已存在，未覆盖。若其中有您修改过的评分或报告，请对它本身运行 fill（jixiao fill ${path} -o 新文件.xlsx），` +
        `这样您的修改会保留；确定要替换它，请加 --force。`,
    );
  if (st && (st.mode & 0o222) === 0)
    throw new OutputError(`输出文件 ${path} 是只读的，未覆盖：请取消它的只读属性，或换一个输出文件名。`);
  checkFolder(folder, options.createParent ?? false, path);
  return target;
}

/**
 * Writes `data` to `path` atomically after checkOutput; returns the absolute path written. On any failure the
 * temporary file is removed, the previous file (if any) is untouched, and an OutputError says what to do.
 */
export function writeOutput(path: string, data: Uint8Array, options: OutputOptions = {}): string {
  const target = checkOutput(path, options);
  const folder = dirname(target);
  const previous = statOrUndefined(target, true);
  const temp = join(folder, `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', previous ? previous.mode & 0o777 : 0o666);
    for (let offset = 0; offset < data.byteLength;) offset += fs.writeSync(fd, data, offset, data.byteLength - offset);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    if (options.force) fs.renameSync(temp, target);
    else publishNew(temp, target, path);
  } catch (err) {
    if (fd !== undefined)
      try {
        fs.closeSync(fd);
      } catch {
        /* already failing; the message below says why */
      }
    try {
      fs.unlinkSync(temp);
    } catch {
      /* not created, or already renamed */
    }
    if (err instanceof OutputError) throw err;
    throw new OutputError(describeFailure(err, path, folder));
  }
  return target;
}

/** Moves the finished temporary file to a name that must not exist yet (a hard link fails if it appeared meanwhile). */
function publishNew(temp: string, target: string, path: string): void {
  try {
    fs.linkSync(temp, target);
    fs.unlinkSync(temp);
    return;
  } catch (err) {
    if (errnoOf(err) === 'EEXIST') throw new OutputError(`输出文件 ${path} 刚刚被其他程序创建，未覆盖：请重试。`);
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'].includes(errnoOf(err) ?? '')) throw err;
  }
  // A file system without hard links (FAT, some network shares): check once more, then rename.
  if (statOrUndefined(target, false)) throw new OutputError(`输出文件 ${path} 刚刚被其他程序创建，未覆盖：请重试。`);
  fs.renameSync(temp, target);
}
