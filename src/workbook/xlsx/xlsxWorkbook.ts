/**
 * The xlsx adapter: a WorkbookPort over an .xlsx file in memory (Node and browser; bytes in, bytes
 * out, no file system). ExcelJS reads and writes the cells; workbook.xml's defined names are read and
 * written back by us so that nothing of the clerk's names is lost.
 *
 * The workbook is always its bytes: write() builds a complete new file from the current one and only
 * when every step succeeded does it become the workbook. A failed write leaves it untouched.
 */
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { sheetNameProblem } from '../../sheets/excelLimits';
import type { SheetLayout } from '../../sheets/layout';
import { planNames } from '../planNames';
import { markName } from '../../sheets/names';
import { reportParagraphs } from '../../sheets/reportSheet';
import {
  WorkbookError,
  type NamesRead,
  type ReportRead,
  type SheetInfo,
  type WorkbookPort,
  type WorkbookState,
  type WritePlan,
} from '../port';
import { applyLayout, overlappingMerges } from './applyLayout';
import { generatePackage, patchDefinedNames, renderName, renderOriginal, type WorkbookXml } from './definedNames';
import { isBuiltIn, listNames, pickDefinition, resolveNames } from './readNames';
import { absoluteReference, parseCellAddress, parseReference, quoteSheet, splitSheetCell } from './reference';
import { findSheet, mergeContaining } from './sheetAccess';
import { WorkbookPackage } from './workbookPackage';
import { sheetWindow } from './readWindows';
import type { SheetSnapshot, WindowSize } from '../../engine/locator/snapshot';

export type XlsxInput = Uint8Array | ArrayBuffer;

export interface CreateOptions {
  creator?: string;
  /** Fixed creation/modification time, for reproducible files. */
  created?: Date;
}

interface OurName {
  name: string;
  sheet: string;
  row: number;
  col: number;
  hidden: boolean;
}

function toBytes(data: XlsxInput): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

async function loadBook(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  return book;
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

  private static async emptyBook(options: CreateOptions): Promise<ExcelJS.Workbook> {
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    book.creator = options.creator ?? '绩效自评助手';
    book.lastModifiedBy = book.creator;
    if (options.created) {
      book.created = options.created;
      book.modified = options.created;
    }
    return book;
  }

  /** No cell holds a value (formats alone do not count): such a sheet can be reused without loss. */
  private async isEmptySheet(index: number): Promise<boolean> {
    return !(await this.pkg!.readSheet(index, { untilValue: true })).hasValue;
  }

  async readState(marks: string[], probeEmpty: string[] = []): Promise<WorkbookState> {
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
    return state;
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
    const book = this.data ? await loadBook(this.data) : await XlsxWorkbook.emptyBook(this.createOptions);
    const renamed = new Map<string, string>();
    const written = new Set<string>();
    for (const { layout, replaces } of plan.sheets) {
      let ws: ExcelJS.Worksheet;
      if (replaces) {
        // Recreate at the same position: no stale cell, merge, style or validation can survive.
        const old = findSheet(book, replaces)!;
        const orderNo = (old as unknown as { orderNo: number }).orderNo;
        book.removeWorksheet(old.id);
        ws = book.addWorksheet(layout.name);
        (ws as unknown as { orderNo: number }).orderNo = orderNo;
        renamed.set(old.name.toLowerCase(), layout.name);
      } else {
        ws = book.addWorksheet(layout.name);
      }
      applyLayout(ws, layout);
      written.add(layout.name.toLowerCase());
    }
    for (const out of plan.namedOutputs) {
      const target = splitSheetCell(out.cell)!;
      const ws = findSheet(book, target.sheet)!;
      const merge = mergeContaining(ws, target.row, target.col);
      const cell = merge ? ws.getCell(merge.top, merge.left) : ws.getCell(target.row, target.col);
      if (out.numberFormat) cell.numFmt = out.numberFormat;
      cell.value = out.value;
    }
    if (plan.activate) activateSheet(book, plan.activate);
    // ExcelJS would write its own idea of the names; we write them all ourselves below.
    (book as unknown as { definedNames: { model: unknown[] } }).definedNames.model = [];
    for (const ws of book.worksheets) {
      ws.pageSetup.printArea = undefined;
      ws.pageSetup.printTitlesRow = undefined;
      ws.pageSetup.printTitlesColumn = undefined;
    }
    book.calcProperties = { ...book.calcProperties, fullCalcOnLoad: true };
    const ours = this.ourNames(plan);
    const printTitles = plan.sheets.filter((s) => s.layout.print?.repeatRows).map((s) => s.layout);
    const raw = await book.xlsx.writeBuffer();
    const zip = await JSZip.loadAsync(raw as ArrayBuffer);
    await patchDefinedNames(zip, (out) => this.finalNames(out, ours, renamed, written, printTitles));
    const bytes = await generatePackage(zip);
    const reopened = await XlsxWorkbook.open(bytes);
    this.data = reopened.data;
    this.pkg = reopened.pkg;
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

  /** Our names (planNames) by lower-case name, with 1-based cell coordinates. */
  private ourNames(plan: WritePlan): Map<string, OurName> {
    const ours = new Map<string, OurName>();
    for (const n of planNames(plan)) {
      const cell = parseCellAddress(n.cell)!;
      ours.set(n.name.toLowerCase(), {
        name: n.name,
        sheet: n.sheet,
        row: cell.row,
        col: cell.col,
        hidden: !!n.hidden,
      });
    }
    return ours;
  }

  /**
   * The <definedName> elements of the new file: every original name as it was (sheet scope moved
   * to the sheet's new index), ours in place of a workbook name they re-point, then the rest of
   * ours, then print titles of the sheets we wrote.
   */
  private finalNames(
    out: WorkbookXml,
    ours: Map<string, OurName>,
    renamed: Map<string, string>,
    written: Set<string>,
    printTitles: SheetLayout[],
  ): string[] {
    const index = (sheet: string) => out.sheets.findIndex((s) => s.name.toLowerCase() === sheet.toLowerCase());
    const render = (n: OurName) =>
      renderName({
        name: n.name,
        hidden: n.hidden,
        text: absoluteReference(findSheetName(out, n.sheet), n.row, n.col),
      });
    const elements: string[] = [];
    const used = new Set<string>();
    for (const n of this.info.names) {
      const lower = n.name.toLowerCase();
      if (n.sheet === undefined) {
        const mine = ours.get(lower);
        if (mine) {
          if (!used.has(lower)) elements.push(render(mine));
          used.add(lower);
          continue;
        }
        if (referencesExternalWorkbook(n.text)) continue;
        elements.push(renderOriginal(n, undefined));
        continue;
      }
      const sheet = renamed.get(n.sheet.toLowerCase()) ?? n.sheet;
      const at = index(sheet);
      if (at < 0) continue;
      if (isBuiltIn(n.name) && written.has(sheet.toLowerCase())) continue;
      if (referencesExternalWorkbook(n.text)) continue;
      elements.push(renderOriginal(n, at));
    }
    for (const [lower, n] of ours) if (!used.has(lower)) elements.push(render(n));
    for (const layout of printTitles) {
      const [from, to] = layout.print!.repeatRows!;
      elements.push(
        renderName({
          name: '_xlnm.Print_Titles',
          localSheetId: index(layout.name),
          text: `${quoteSheet(layout.name)}!$${from + 1}:$${to + 1}`,
        }),
      );
    }
    return elements;
  }
}

type SheetView = Partial<ExcelJS.WorksheetView> & { tabSelected?: boolean };

/**
 * Open the file on this sheet. Only one tab may stay selected: two selected tabs are a group in
 * Excel, and the clerk's next entry would land on both sheets.
 */
function activateSheet(book: ExcelJS.Workbook, name: string): void {
  const sheets = book.worksheets;
  const index = sheets.findIndex((ws) => ws.name.toLowerCase() === name.toLowerCase());
  if (index < 0 || sheets[index].state !== 'visible') return;
  for (const ws of sheets) {
    const views = (ws.views ?? []) as SheetView[];
    ws.views = (views.length ? views : [{}]).map((v, i) => ({
      ...v,
      tabSelected: ws === sheets[index] && i === 0,
    })) as ExcelJS.WorksheetView[];
  }
  const [first, ...rest] = book.views?.length
    ? book.views
    : [{ x: 0, y: 0, width: 24000, height: 12000, visibility: 'visible' } as ExcelJS.WorkbookView];
  book.views = [{ ...first, activeTab: index, firstSheet: Math.min(first.firstSheet ?? 0, index) }, ...rest];
}

/** Whether a workbook name of ours (`_jixiao_…`) points at this sheet: the only sheets we may replace. */
function isOwned(info: WorkbookXml, sheet: string): boolean {
  return info.names.some((n) => {
    if (n.sheet !== undefined || !n.name.toLowerCase().startsWith('_jixiao_')) return false;
    const ref = parseReference(n.text);
    return ref.kind === 'range' && ref.areas[0].sheet?.toLowerCase() === sheet.toLowerCase();
  });
}

function findSheetName(info: WorkbookXml, sheet: string): string {
  return info.sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase())?.name ?? sheet;
}

/**
 * ExcelJS does not keep external links, so a name into another workbook (`[1]Sheet1!A1`) would point
 * at a missing part and make Excel repair the file; such names are left out.
 */
function referencesExternalWorkbook(text: string): boolean {
  return /\[\d+\]/.test(text.replace(/"([^"]|"")*"/g, '""'));
}
