/**
 * WorkbookFixture ↔ .xlsx bytes, for tests. buildXlsx writes the cells with ExcelJS and then the
 * defined names into workbook.xml ourselves, so sheet-scoped names, constants, #REF! and hidden names
 * exist exactly as Excel writes them. dumpFixture reads any .xlsx back into the fixture shape
 * (cells holding a value or formula, formulas with '=', General formats left out).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CellValue } from '../../src/engine/types';
import {
  isFormulaCell,
  formulaOf,
  numberFormatOf,
  toCellValue,
  isProtected,
  mergesOf,
  setProtected,
} from './exceljsCells';
import { generatePackage, readWorkbookXml, renderName } from '../../src/workbook/xlsx/definedNames';
import { patchDefinedNames } from '../../src/workbook/xlsx/workbookEdit';
import { isBuiltIn } from '../../src/workbook/xlsx/readNames';
import { columnLetters } from '../../src/workbook/xlsx/reference';
import type { FixtureCell, FixtureName, FixtureSheet, WorkbookFixture } from './fixture';

const FIXED_DATE = new Date(Date.UTC(2022, 0, 1));

function asCell(c: CellValue | FixtureCell): FixtureCell {
  if (c === null || typeof c !== 'object' || 'error' in c) return { value: c };
  return c;
}

function excelValue(v: CellValue | undefined): ExcelJS.CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object') return { error: v.error } as ExcelJS.CellErrorValue;
  return v;
}

export async function buildXlsx(fixture: WorkbookFixture): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'test';
  book.created = FIXED_DATE;
  book.modified = FIXED_DATE;
  for (const sheet of fixture.sheets) {
    const ws = book.addWorksheet(sheet.name, { state: sheet.visibility ?? 'visible' });
    for (const [address, raw] of Object.entries(sheet.cells)) {
      const c = asCell(raw);
      const cell = ws.getCell(address);
      if (c.numberFormat) cell.numFmt = c.numberFormat;
      if (c.formula) {
        cell.value = { formula: c.formula.replace(/^=/, ''), result: excelValue(c.value) } as ExcelJS.CellFormulaValue;
      } else {
        cell.value = excelValue(c.value);
      }
    }
    for (const m of sheet.merges ?? []) ws.mergeCellsWithoutStyle(m);
    if (sheet.protected) setProtected(ws);
  }
  const zip = await JSZip.loadAsync((await book.xlsx.writeBuffer()) as ArrayBuffer);
  const index = (name: string) => {
    const i = fixture.sheets.findIndex((s) => s.name === name);
    if (i < 0) throw new Error(`fixture name on unknown sheet ${name}`);
    return i;
  };
  await patchDefinedNames(zip, () =>
    fixture.names.map((n) =>
      renderName({
        name: n.name,
        localSheetId: n.sheet === undefined ? undefined : index(n.sheet),
        hidden: n.hidden,
        text: n.refersTo,
      }),
    ),
  );
  return generatePackage(zip);
}

export async function dumpFixture(data: Uint8Array | ArrayBuffer): Promise<WorkbookFixture> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const info = await readWorkbookXml(bytes);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: FixtureSheet[] = book.worksheets.map((ws) => {
    const merges = mergesOf(ws);
    const slave = (r: number, c: number) =>
      merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
    const cells: Record<string, FixtureCell> = {};
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (slave(r, c)) return;
        const value = toCellValue(cell.value, info.date1904);
        if (value === null && !isFormulaCell(cell)) return;
        const out: FixtureCell = {};
        const formula = formulaOf(cell);
        if (formula) out.formula = formula;
        if (value !== null) out.value = value;
        const format = numberFormatOf(cell);
        if (format) out.numberFormat = format;
        cells[`${columnLetters(c)}${r}`] = out;
      });
    });
    const s: FixtureSheet = { name: ws.name, cells };
    if (merges.length)
      s.merges = merges.map((m) => `${columnLetters(m.left)}${m.top}:${columnLetters(m.right)}${m.bottom}`);
    if (ws.state !== 'visible') s.visibility = ws.state as FixtureSheet['visibility'];
    if (isProtected(ws)) s.protected = true;
    return s;
  });
  const names: FixtureName[] = info.names
    .filter((n) => !isBuiltIn(n.name))
    .map((n) => {
      const f: FixtureName = { name: n.name, refersTo: n.text };
      if (n.sheet !== undefined) f.sheet = n.sheet;
      if (n.hidden) f.hidden = true;
      return f;
    });
  return { sheets, names };
}
