/**
 * An opened .xlsx package: the zip (entries stay compressed until read), the workbook part, its sheets
 * with their part names, and lazy access to the shared strings and styles. Reading goes through here;
 * nothing loads a whole sheet.
 */
import JSZip from 'jszip';
import type { CellValue } from '../../engine/types';
import { parseWorkbookXml, sheetParts, type WorkbookXml } from './definedNames';
import { readRelationships, REL, workbookPart, type Relationship } from './opc';
import { readSharedStrings } from './sharedStrings';
import { cellValue, readSheet, type RawCell, type SheetQuery, type SheetRead } from './sheetReader';
import type { Rect } from './reference';
import { readStyleFormats, type StyleFormats } from './styles';

export class WorkbookPackage {
  private formats?: Promise<StyleFormats>;

  private constructor(
    readonly zip: JSZip,
    /** Zip entry of the workbook part. */
    readonly workbookPath: string,
    readonly workbookXml: string,
    readonly info: WorkbookXml,
    /** Zip entry of each sheet in <sheets> order. */
    readonly parts: (string | undefined)[],
    readonly workbookRels: Relationship[],
  ) {}

  static async load(data: Uint8Array | JSZip): Promise<WorkbookPackage> {
    const zip = data instanceof JSZip ? data : await JSZip.loadAsync(data);
    const path = await workbookPart(zip);
    const xml = await zip.file(path)!.async('string');
    const info = parseWorkbookXml(xml);
    const rels = await readRelationships(zip, path);
    return new WorkbookPackage(zip, path, xml, info, await sheetParts(zip, path, info), rels);
  }

  private related(type: string): string | undefined {
    const rel = this.workbookRels.find(
      (r) => !r.external && (r.type === type || r.type.endsWith(type.slice(type.lastIndexOf('/')))),
    );
    return rel?.part && this.zip.file(rel.part) ? rel.part : undefined;
  }

  get sharedStringsPath(): string | undefined {
    return this.related(REL.sharedStrings);
  }

  get stylesPath(): string | undefined {
    return this.related(REL.styles);
  }

  styleFormats(): Promise<StyleFormats> {
    if (!this.formats) {
      const path = this.stylesPath;
      this.formats = (path ? this.zip.file(path)!.async('string') : Promise.resolve(undefined)).then(readStyleFormats);
    }
    return this.formats;
  }

  /** The index of a sheet by name (Excel compares names ignoring case), or -1. */
  sheetIndex(name: string): number {
    const lower = name.toLowerCase();
    return this.info.sheets.findIndex((s) => s.name.toLowerCase() === lower);
  }

  async readSheet(index: number, q: SheetQuery): Promise<SheetRead> {
    const part = this.parts[index];
    if (!part || !this.zip.file(part)) return { cells: [], merges: [], protected: false, hasValue: false };
    return readSheet(this.zip, part, q);
  }

  /** Values of raw cells, shared strings looked up (only those needed). */
  async values(cells: RawCell[]): Promise<CellValue[]> {
    const wanted = new Set<number>();
    for (const c of cells) if (c.type === 's' && c.raw !== undefined) wanted.add(Number(c.raw));
    const strings = await readSharedStrings(this.zip, this.sharedStringsPath, wanted);
    return cells.map((c) => cellValue(c, (i) => strings.get(i), this.info.date1904));
  }

  /** A sheet's values from A1 to the last cell holding a value or formula; merged non-top-left cells null. */
  async valueGrid(index: number): Promise<CellValue[][]> {
    const read = await this.readSheet(index, {});
    const values = await this.values(read.cells);
    const keep: { row: number; col: number; value: CellValue }[] = [];
    let rows = 0;
    let cols = 0;
    read.cells.forEach((c, i) => {
      if (isMergedSlave(read.merges, c.row, c.col)) return;
      if (values[i] === null && !c.formula) return;
      keep.push({ row: c.row, col: c.col, value: values[i] });
      rows = Math.max(rows, c.row);
      cols = Math.max(cols, c.col);
    });
    const grid: CellValue[][] = Array.from({ length: rows }, () =>
      Array.from({ length: cols }, () => null as CellValue),
    );
    for (const { row, col, value } of keep) grid[row - 1][col - 1] = value;
    return grid;
  }
}

export function mergeContaining(merges: Rect[], row: number, col: number): Rect | undefined {
  return merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

export function isMergedSlave(merges: Rect[], row: number, col: number): boolean {
  const m = mergeContaining(merges, row, col);
  return !!m && (m.top !== row || m.left !== col);
}
