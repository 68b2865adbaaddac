/**
 * The `jixiao` command (docs/outputs.md "Command line").
 * Exit status: 0 done (warnings allowed), 2 blocking errors in the workbook (nothing written),
 * 1 anything else (bad usage, unreadable file, a bug).
 */
import { existsSync, readFileSync } from 'fs';
import { basename, dirname, join } from 'path';
import { inspect, runJob, type JobOptions } from '../app/job';
import { makeTemplate } from '../app/template';
import { getPreset, listPresets, parseSchemeJson, toEvaluationJson } from '../engine';
import type { Evaluation, Scheme } from '../engine/types';
import { XlsxWorkbook } from '../workbook/xlsx';
import { checkOutput, OutputError, writeOutput, type OutputOptions } from './output';
import { readArgs, UsageError, type Args } from './args';
import { renderSummary, renderBlocking } from './summary';
import { locateCommand } from './locate';
import { useNativeDeflate } from './nativeDeflate';

/** The repository root, found from this file whether it runs compiled (dist-cli/) or under ts-jest. */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const SAMPLE_WORKBOOK = join(projectRoot(), 'assets', 'sample-xinzhou-2021.xlsx');

const USAGE = `用法 (usage):
  jixiao evaluate <工作簿.xlsx> [--json] [--scheme <方案名或 JSON 文件>]   计算并显示指标、得分和发现的问题
  jixiao fill <工作簿.xlsx> -o <输出.xlsx> [--scheme …] [--force]         写入 指标计算 / 评分表 / 自评报告（原文件不变）
  jixiao report <工作簿.xlsx> -o <报告.docx> [--scheme …] [--force]      生成公文格式（GB/T 9704）的 Word 自评报告，附自评表
  jixiao locate <工作簿.xlsx> [--json]                                    按标签查找各输入项所在的单元格（自动识别）
  jixiao locate <工作簿.xlsx> --apply -o <输出.xlsx> [--all] [--force]    为找到的输入项定义名称（--all：含低可信度）
  jixiao template -o <新工作簿.xlsx> [--force]                             生成空白的输入工作簿（基础数据表）
  jixiao demo [-o <输出.xlsx>] [--force]                                   用自带的示例工作簿运行 fill
  已存在的输出文件不会被覆盖，除非加 --force。

预设评分方案 (presets): ${listPresets().join('、')}`;

function loadScheme(spec: string | undefined): Scheme | string | undefined {
  if (spec === undefined) return undefined;
  if (spec.toLowerCase().endsWith('.json') || existsSync(spec)) {
    let text: string;
    try {
      text = readFileSync(spec, 'utf8');
    } catch {
      throw new UsageError(`无法读取评分方案文件 ${spec}。`);
    }
    const { scheme, findings } = parseSchemeJson(text, basename(spec));
    if (!scheme) throw new SchemeFileError(findings.map((f) => f.message));
    return scheme;
  }
  if (!getPreset(spec)) throw new UsageError(`没有名为“${spec}”的预设评分方案。可用：${listPresets().join('、')}。`);
  return spec;
}

/** A scheme file that does not validate: like a blocking error in the workbook (exit 2). */
class SchemeFileError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join('\n'));
  }
}

async function openWorkbook(file: string | undefined): Promise<XlsxWorkbook> {
  if (!file) throw new UsageError('请指定工作簿文件（.xlsx）。');
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    throw new UsageError(`无法读取文件 ${file}：文件不存在或没有读取权限。`);
  }
  try {
    return await XlsxWorkbook.open(data);
  } catch (err) {
    throw new UsageError(`无法打开 ${file}：${(err as Error).message}`);
  }
}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

async function evaluateCommand(args: Args, io: Io): Promise<number> {
  const book = await openWorkbook(args.file);
  const { evaluation, schemeSource } = await inspect(book, { scheme: loadScheme(args.scheme) });
  if (args.json) io.out(JSON.stringify(toEvaluationJson(evaluation), null, 2));
  else io.out(renderSummary(evaluation, schemeSource));
  return reportBlocking(evaluation, io);
}

function reportBlocking(ev: Evaluation, io: Io): number {
  if (!ev.blocked) return 0;
  io.err(renderBlocking(ev));
  return 2;
}

async function fillCommand(
  input: string | undefined,
  out: string | undefined,
  scheme: string | undefined,
  io: Io,
  options: Partial<JobOptions> = {},
  output: OutputOptions = {},
): Promise<number> {
  if (!out) throw new UsageError('请用 -o 指定输出文件，例如：jixiao fill 基础数据.xlsx -o 自评结果.xlsx');
  const outputOptions: OutputOptions = { ...output, inputs: input ? [input] : [] };
  checkOutput(out, outputOptions);
  const book = await openWorkbook(input);
  const result = await runJob(book, { scheme: loadScheme(scheme), onNameConflict: 'rename', ...options });
  if (!result.written) {
    io.err(renderBlocking(result.evaluation));
    io.err('未写入任何内容。');
    return 2;
  }
  const written = writeOutput(out, await book.toBuffer(), outputOptions);
  io.out(renderSummary(result.evaluation, result.schemeSource));
  for (const n of result.notices) io.out(`注意：${n}`);
  const visible = Object.entries(result.sheets)
    .filter(([role]) => role !== '设置')
    .map(([, name]) => name);
  io.out(`\n已写入 ${written}（工作表：${visible.join('、')}；另有隐藏的设置表“${result.sheets['设置']}”）`);
  return 0;
}

async function reportCommand(args: Args, io: Io): Promise<number> {
  const out = args.out;
  if (!out) throw new UsageError('请用 -o 指定输出文件，例如：jixiao report 自评结果.xlsx -o 自评报告.docx');
  const outputOptions: OutputOptions = { force: args.force, inputs: args.file ? [args.file] : [] };
  checkOutput(out, outputOptions);
  const book = await openWorkbook(args.file);
  // The docx library is loaded only for this command.
  const { buildReport } = await import('../app/report');
  const { renderDocx } = await import('../document/renderDocx');
  const { inspection, report } = await buildReport(book, { scheme: loadScheme(args.scheme) });
  if (!report) {
    io.err(renderBlocking(inspection.evaluation));
    io.err('未生成报告。');
    return 2;
  }
  const written = writeOutput(out, await renderDocx(report.document), outputOptions);
  const ev = inspection.evaluation;
  const source =
    report.from.kind === 'sheet'
      ? `正文取自工作表“${report.from.sheet}”（含您的修改）`
      : '工作簿中还没有自评报告表，正文按当前数据生成';
  io.out(
    `已生成 ${written}：${source}；附件为部门整体支出绩效自评表（合计 ${report.document.attachment.total} 分，评价等级 ${ev.grade}${ev.provisional ? '，暂定' : ''}）。`,
  );
  return 0;
}

async function templateCommand(args: Args, io: Io): Promise<number> {
  if (!args.out) throw new UsageError('请用 -o 指定输出文件，例如：jixiao template -o 基础数据.xlsx');
  checkOutput(args.out, { force: args.force });
  const written = writeOutput(args.out, await makeTemplate(), { force: args.force });
  io.out(`已生成空白输入工作簿 ${written}：在“基础数据”表中填写各项数据后运行 jixiao fill。`);
  return 0;
}

async function demoCommand(args: Args, io: Io): Promise<number> {
  // The default demo output lives in our own out/ folder and is regenerated on every run.
  const own = args.out === undefined;
  const out = args.out ?? join('out', '忻州市金融办-2021-自评结果.xlsx');
  io.out(`示例工作簿：${SAMPLE_WORKBOOK}`);
  return await fillCommand(
    SAMPLE_WORKBOOK,
    out,
    args.scheme,
    io,
    { date: new Date(2022, 6, 8) },
    { force: args.force || own, createParent: own },
  );
}

/** Every command (a new command is one line here, and one in the usage text). */
const COMMANDS: Record<string, (args: Args, io: Io) => Promise<number>> = {
  evaluate: evaluateCommand,
  fill: (args, io) => fillCommand(args.file, args.out, args.scheme, io, {}, { force: args.force }),
  report: reportCommand,
  template: templateCommand,
  demo: demoCommand,
  locate: (args, io) => locateCommand(args, io, openWorkbook),
};

export async function main(
  argv: string[],
  io: Io = { out: (t) => console.log(t), err: (t) => console.error(t) },
): Promise<number> {
  try {
    const args = readArgs(argv);
    useNativeDeflate();
    if (args.command === undefined || args.command === 'help') {
      io.out(USAGE);
      return args.command === 'help' ? 0 : 1;
    }
    if (!Object.prototype.hasOwnProperty.call(COMMANDS, args.command))
      throw new UsageError(`未知命令 ${args.command}。\n${USAGE}`);
    return await COMMANDS[args.command](args, io);
  } catch (err) {
    if (err instanceof UsageError || err instanceof OutputError) {
      io.err(err.message);
      return 1;
    }
    if (err instanceof SchemeFileError) {
      io.err('评分方案文件有错误，未计算：');
      for (const m of err.messages) io.err(`  - ${m}`);
      return 2;
    }
    io.err(`内部错误，请反馈给开发人员：${(err as Error).stack ?? err}`);
    return 1;
  }
}
