/**
 * The xlsx adapter: a WorkbookPort over an .xlsx file in memory (Node and browser; bytes in, bytes
 * out, no file system). Reading streams only the parts and cells it needs (workbookPackage, readNames);
 * writing adds and replaces our own parts in the clerk's package and keeps every other part's bytes
 * (packageWriter). No whole-workbook model is ever built.
 *
 * The workbook is always its bytes: write() builds a complete new file from the current one and only
 * when every step succeeded does it become the workbook. A failed write leaves it untouched.
 */
import { sheetNameProblem } from '../../sheets/excelLimits';
import { compoundFileMessage } from '../fileKind';
import { planNames } from '../planNames';
import { markName } from '../../sheets/names';
import { reportParagraphs } from '../../sheets/reportSheet';
import {
  WorkbookError,
  type NamesRead,
  type ReportRead,
  type SheetInfo,
  type WorkbookPort,
  type WindowRequest,
  type WorkbookState,
  type WritePlan,
} from '../port';
import { windowSheets, type NameTarget } from '../windowPlan';
import { generatePackage, type WorkbookXml } from './definedNames';
import type { NameToWrite } from './packageWriter';
import { listNames, pickDefinition, resolveNames } from './readNames';
import { absoluteReference, parseCellAddress, parseReference, splitSheetCell } from './reference';
import { overlappingMerges } from './sheetXml';
import { WorkbookPackage } from './workbookPackage';
import { sheetWindow } from './readWindows';
import type { SheetSnapshot, WindowSize } from '../../engine/locator/snapshot';

export type XlsxInput = Uint8Array | ArrayBuffer;

export interface CreateOptions {
  creator?: string;
  /** Fixed creation/modification time, for reproducible files. */
  created?: Date;
}

function toBytes(data: XlsxInput): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

function checkSheetName(name: string): void {
  if (sheetNameProblem(name)) {
    throw new WorkbookError(
      `工作表名称“${name}”无效（1–31个字符，不能包含 : \\ / ? * [ ]，不能以单引号开头或结尾）。未写入任何内容。`,
      'InvalidArgument',
    );
  }
}

function checkDefinedName(name: string): void {
  const cellLike = /^[A-Za-z]{1,3}\d+$/.test(name) || /^(R\d*C\d*|R|C)$/i.test(name);
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u.test(name) || cellLike || name.length > 255) {
    throw new WorkbookError(`名称“${name}”不是有效的 Excel 名称。未写入任何内容。`, 'InvalidArgument');
  }
}

export class XlsxWorkbook implements WorkbookPort {
  private constructor(
    private data: Uint8Array | null,
    private pkg: WorkbookPackage | null,
    private readonly createOptions: CreateOptions = {},
  ) {}

  private get info(): WorkbookXml {
    return this.pkg?.info ?? { sheets: [], names: [], date1904: false };
  }

  static async open(data: XlsxInput): Promise<XlsxWorkbook> {
    const bytes = toBytes(data);
    const compound = compoundFileMessage(bytes);
    if (compound) throw new WorkbookError(compound, 'InvalidWorkbook');
    try {
      return new XlsxWorkbook(bytes, await WorkbookPackage.load(bytes));
    } catch (err) {
      // JSZip and the XML parser speak English about zip internals; the clerk needs to know what to do.
      throw new WorkbookError(
        `无法读取该文件：它已损坏，或不是 Excel 工作簿（.xlsx）。请在 Excel 或 WPS 中打开后“另存为” .xlsx 格式再试。（${(err as Error).message}）`,
        'InvalidWorkbook',
      );
    }
  }

  /** A workbook with no sheet yet (for `jixiao template`): the first write gives it its sheets. */
  static async create(options: CreateOptions = {}): Promise<XlsxWorkbook> {
    return new XlsxWorkbook(null, null, options);
  }

  /** No cell holds a value (formats alone do not count): such a sheet can be reused without loss. */
  private async isEmptySheet(index: number): Promise<boolean> {
    return !(await this.pkg!.readSheet(index, { untilValue: true })).hasValue;
  }

  async readState(marks: string[], probeEmpty: string[] = [], windows?: WindowRequest): Promise<WorkbookState> {
    const probe = new Set(probeEmpty.map((n) => n.toLowerCase()));
    const pkg = this.pkg;
    const sheets: SheetInfo[] = [];
    for (const [i, s] of this.info.sheets.entries()) {
      const info: SheetInfo = {
        name: s.name,
        visibility: s.state,
        protected: (await pkg!.readSheet(i, { skipData: true })).protected,
      };
      if (probe.has(s.name.toLowerCase())) info.empty = await this.isEmptySheet(i);
      sheets.push(info);
    }
    const state: WorkbookState = { sheets, owned: {} };
    for (const mark of marks) {
      const { chosen } = pickDefinition(this.info, mark);
      if (!chosen || chosen.sheet !== undefined) continue;
      const ref = parseReference(chosen.text);
      if (ref.kind !== 'range' || ref.areas.length !== 1 || !ref.areas[0].sheet) continue;
      const index = pkg!.sheetIndex(ref.areas[0].sheet);
      if (index < 0 || !pkg!.parts[index]) continue;
      state.owned[mark] = { sheet: this.info.sheets[index].name, values: await pkg!.valueGrid(index) };
    }
    if (windows)
      state.windows = await this.readWindows(
        windowSheets(
          windows,
          this.nameTargets(),
          sheets.map((s) => s.name),
        ),
      );
    return state;
  }

  /** Workbook-scoped names and the sheet each refers to (windowPlan). */
  private nameTargets(): NameTarget[] {
    return this.info.names
      .filter((n) => n.sheet === undefined)
      .map((n) => {
        const ref = parseReference(n.text);
        const sheet = ref.kind === 'range' && ref.areas.length === 1 ? ref.areas[0].sheet : undefined;
        return sheet ? { name: n.name, sheet } : { name: n.name };
      });
  }

  async readReport(): Promise<ReportRead | null> {
    const mark = markName('自评报告');
    const own = (await this.readState([mark])).owned[mark];
    return own ? { sheet: own.sheet, paragraphs: reportParagraphs(own.values) } : null;
  }

  async readNames(candidates: string[]): Promise<NamesRead> {
    const values = this.pkg ? await resolveNames(this.pkg, candidates) : {};
    for (const c of candidates) values[c] ??= { kind: 'missing', name: c };
    return { all: listNames(this.info), values };
  }

  async readWindows(sheets: string[], window?: WindowSize): Promise<SheetSnapshot[]> {
    const pkg = this.pkg;
    if (!pkg) return [];
    const out: SheetSnapshot[] = [];
    for (const name of sheets) {
      const index = pkg.sheetIndex(name);
      if (index >= 0) out.push(await sheetWindow(pkg, index, window));
    }
    return out;
  }

  async write(plan: WritePlan): Promise<void> {
    await this.validate(plan);
    // The writing side (xmldom, our sheet XML) is loaded only when something is written.
    const { emptyPackage, writePackage } = await import(/* webpackChunkName: "xlsx-write" */ './packageWriter');
    // A fresh copy of the package: a failure anywhere leaves the workbook as it was.
    const pkg = this.data
      ? await WorkbookPackage.load(this.data)
      : await WorkbookPackage.load(
          emptyPackage({
            creator: this.createOptions.creator ?? '绩效自评助手',
            created: this.createOptions.created ?? new Date(),
          }),
        );
    const names: NameToWrite[] = [];
    for (const n of planNames(plan)) {
      const cell = parseCellAddress(n.cell)!;
      const sheet = plan.sheets.find((s) => s.layout.name.toLowerCase() === n.sheet.toLowerCase())?.layout.name;
      const name = sheet ?? pkg.info.sheets[pkg.sheetIndex(n.sheet)]?.name ?? n.sheet;
      names.push({ name: n.name, sheet: name, text: absoluteReference(name, cell.row, cell.col), hidden: !!n.hidden });
    }
    const outputs = plan.namedOutputs.map((o) => {
      const t = splitSheetCell(o.cell)!;
      return {
        sheetIndex: pkg.sheetIndex(t.sheet),
        row: t.row,
        col: t.col,
        value: o.value,
        numberFormat: o.numberFormat,
      };
    });
    const zip = await writePackage(pkg, {
      sheets: plan.sheets.map(({ layout, replaces }) => ({
        layout,
        replaces: replaces === undefined ? undefined : pkg.sheetIndex(replaces),
      })),
      names,
      outputs,
      activate: plan.activate,
    });
    const bytes = await generatePackage(zip);
    this.pkg = await WorkbookPackage.load(bytes);
    this.data = bytes;
  }

  /** The file as it is now: the original bytes until a write succeeded. */
  async toBuffer(): Promise<Uint8Array> {
    if (!this.data) throw new WorkbookError('工作簿中还没有任何工作表，无法保存。', 'InvalidOperation');
    return this.data;
  }

  /** Everything that could fail on the clerk's data is checked before anything is built. */
  private async validate(plan: WritePlan): Promise<void> {
    const existing = this.info.sheets.map((ws) => ws.name.toLowerCase());
    const after = new Set(existing);
    const planned = new Set<string>();
    for (const { layout, replaces } of plan.sheets) {
      checkSheetName(layout.name);
      const lower = layout.name.toLowerCase();
      if (planned.has(lower))
        throw new WorkbookError(`计划中有两张同名的工作表“${layout.name}”。未写入任何内容。`, 'InvalidArgument');
      planned.add(lower);
      if (replaces !== undefined) {
        if (!existing.includes(replaces.toLowerCase())) {
          throw new WorkbookError(`要替换的工作表“${replaces}”不存在。未写入任何内容。`, 'ItemNotFound');
        }
        if (!isOwned(this.info, replaces) && !(await this.isEmptySheet(this.pkg!.sheetIndex(replaces)))) {
          throw new WorkbookError(
            `工作表“${replaces}”不是本加载项创建的，不会被覆盖。未写入任何内容。`,
            'AccessDenied',
          );
        }
        after.delete(replaces.toLowerCase());
      }
      if (after.has(lower))
        throw new WorkbookError(
          `工作簿中已有名为“${layout.name}”的工作表，它不会被覆盖。未写入任何内容。`,
          'ItemAlreadyExists',
        );
      after.add(lower);
      const overlap = overlappingMerges(layout);
      if (overlap)
        throw new WorkbookError(
          `工作表“${layout.name}”的合并区域 ${overlap} 相互重叠。未写入任何内容。`,
          'MergedRangeConflict',
        );
    }
    for (const n of plan.names) {
      checkDefinedName(n.name);
      if (!after.has(n.sheet.toLowerCase()) || !parseCellAddress(n.cell)) {
        throw new WorkbookError(
          `名称“${n.name}”要指向的单元格 ${n.sheet}!${n.cell} 不存在。未写入任何内容。`,
          'InvalidArgument',
        );
      }
    }
    for (const s of plan.sheets) for (const n of s.layout.names ?? []) checkDefinedName(n.name);
    for (const out of plan.namedOutputs) {
      const target = splitSheetCell(out.cell);
      if (!target || !after.has(target.sheet.toLowerCase())) {
        throw new WorkbookError(
          `名称“${out.name}”所指的单元格 ${out.cell} 不存在。未写入任何内容。`,
          'InvalidArgument',
        );
      }
      if (typeof out.value === 'number' && !Number.isFinite(out.value)) {
        throw new WorkbookError(`名称“${out.name}”的输出值不是有限的数。未写入任何内容。`, 'InvalidArgument');
      }
    }
  }
}

/** Whether a workbook name of ours (`_jixiao_…`) points at this sheet: the only sheets we may replace. */
function isOwned(info: WorkbookXml, sheet: string): boolean {
  return info.names.some((n) => {
    if (n.sheet !== undefined || !n.name.toLowerCase().startsWith('_jixiao_')) return false;
    const ref = parseReference(n.text);
    return ref.kind === 'range' && ref.areas[0].sheet?.toLowerCase() === sheet.toLowerCase();
  });
}
