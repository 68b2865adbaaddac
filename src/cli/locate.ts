/**
 * `jixiao locate <book.xlsx> [--json]` and `jixiao locate <book.xlsx> --apply -o <out.xlsx> [--all]`:
 * what the label locator finds, and a copy with the names defined (app/locate.ts).
 * Exit: 0 when every required input is named or found with high confidence (applied: and the copy
 * is written); 2 when a required input is still missing, ambiguous or only of low confidence — with
 * --apply nothing is written then, as for any blocking error; 1 for usage and file problems.
 */
import { inspect } from '../app/job';
import { applyChoices, defaultChoices, locateInputs } from '../app/locate';
import { inputDef } from '../engine/catalogue';
import { toLocateJson, type LocateResult, type Proposal } from '../engine/locator';
import type { XlsxWorkbook } from '../workbook/xlsx';
import { UsageError, type Args } from './args';
import { checkOutput, writeOutput } from './output';
import { renderTable } from './table';

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const STATUS: Record<Proposal['status'], string> = {
  named: '已命名',
  found: '找到',
  ambiguous: '待选择',
  missing: '未找到',
};

function rows(result: LocateResult): string[][] {
  return result.proposals.flatMap((p): string[][] => {
    const head = [p.input, STATUS[p.status]];
    switch (p.status) {
      case 'named':
        return [[...head, p.cell ?? '', `名称“${p.name}”`, '', '', '']];
      case 'found': {
        const c = p.candidate;
        const value = inputDef(p.input).kind === 'text' ? (c.value ?? '').slice(0, 12) + '…' : (c.value ?? '（空）');
        return [[...head, c.cell, c.label, value, c.unit, p.confidence === 'high' ? '高' : '低']];
      }
      case 'ambiguous':
        return p.candidates.map((c, i) => [
          i === 0 ? p.input : '',
          i === 0 ? STATUS.ambiguous : '',
          c.cell,
          c.label,
          c.value ?? '（空）',
          c.unit,
          '',
        ]);
      default:
        return [[...head, '', '', '', '', '']];
    }
  });
}

/** Required inputs that --apply would not define. */
function unresolved(result: LocateResult, all: boolean): string[] {
  return result.proposals
    .filter((p) => inputDef(p.input).required)
    .filter((p) => !(p.status === 'named' || (p.status === 'found' && (p.confidence === 'high' || all))))
    .map((p) => p.input);
}

export async function locateCommand(
  args: Args & { apply?: boolean; all?: boolean },
  io: Io,
  openBook: (file: string | undefined) => Promise<XlsxWorkbook>,
): Promise<number> {
  if (args.apply && !args.out)
    throw new UsageError('请用 -o 指定输出文件，例如：jixiao locate 部门决算.xlsx --apply -o 已命名.xlsx');
  if (args.all && !args.apply) throw new UsageError('--all 只能与 --apply 一起使用。');
  const outputOptions = { force: args.force, inputs: args.file ? [args.file] : [] };
  if (args.apply) checkOutput(args.out!, outputOptions);
  const book = await openBook(args.file);
  const inspection = await inspect(book);
  const located = inspection.located ?? (await locateInputs(book, inspection));
  if (args.json) io.out(JSON.stringify(toLocateJson(located), null, 2));
  else {
    io.out(renderTable(['输入项', '状态', '单元格', '标签', '值（万元）', '单位', '可信度'], rows(located)));
    if (located.truncated.length)
      io.out(`注意：工作表 ${located.truncated.join('、')} 超出读取范围（前 500 行 × 40 列），其余部分未查找。`);
  }
  const pending = unresolved(located, args.all ?? false);
  if (pending.length) {
    io.err(
      `必填输入项 ${pending.join('、')} 未能确定位置：请在 Excel 的“公式 → 名称管理器”中定义名称，或在任务窗格的“自动识别”中选择。${args.apply ? '未写入任何内容。' : ''}`,
    );
    return 2;
  }
  if (!args.apply) return 0;
  const outcome = await applyChoices(book, inspection, defaultChoices(located, args.all));
  const written = writeOutput(args.out!, await book.toBuffer(), outputOptions);
  io.err(`已定义 ${outcome.names.length} 个名称，写入 ${written}（原文件不变，单元格内容未改动）。`);
  for (const c of outcome.converted)
    io.err(`注意：${c.input}（${c.cell}）以“${c.unit}”为单位，计算时换算为万元（记录在隐藏的设置表中）。`);
  return 0;
}
