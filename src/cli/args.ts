/**
 * The command line as data: every flag is one line of OPTIONS, read by node:util parseArgs. The
 * first word is the command, the second the workbook; messages stay in Chinese and name the flag as
 * typed.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Every flag of every command (a new flag is one line here, and one in the usage text). */
export const OPTIONS = {
  json: { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  out: { type: 'string', short: 'o' },
  scheme: { type: 'string' },
  apply: { type: 'boolean' },
  all: { type: 'boolean' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

type Flags = {
  [K in keyof typeof OPTIONS]: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string | undefined;
};

export interface Args extends Flags {
  command?: string;
  file?: string;
}

/** A usage or file problem: exit 1 with this Chinese message. */
export class UsageError extends Error {}

/** The arguments after `jixiao`; -h / --help means the command `help`. */
export function readArgs(argv: string[]): Args {
  const { tokens } = parseArgs({ args: argv, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const args = Object.fromEntries(
    Object.entries(OPTIONS).map(([name, o]) => [name, o.type === 'boolean' ? false : undefined]),
  ) as unknown as Args;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') throw new UsageError('未知参数 --。');
    if (token.kind === 'positional') {
      if (!args.command) args.command = token.value;
      else if (!args.file) args.file = token.value;
      else throw new UsageError(`多余的参数 ${token.value}。`);
      continue;
    }
    const option = (OPTIONS as Record<string, { type: 'boolean' | 'string' }>)[token.name];
    if (!option || (option.type === 'boolean' && token.value !== undefined))
      throw new UsageError(`未知参数 ${token.inlineValue ? `${token.rawName}=${token.value}` : token.rawName}。`);
    if (token.name === 'help') args.command = 'help';
    else if (option.type === 'boolean') (args as unknown as Record<string, boolean>)[token.name] = true;
    else if (token.value === undefined) throw new UsageError(`参数 ${token.rawName} 后缺少值。`);
    else (args as unknown as Record<string, string>)[token.name] = token.value;
  }
  return args;
}
