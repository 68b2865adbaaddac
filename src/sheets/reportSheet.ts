/**
 * The 自评报告 sheet (outputs.md): the narrative of engine/narrative, one paragraph per row in one
 * wide wrapped column, headings in bold, row heights estimated for wrapped Chinese text so that
 * nothing is cut off on screen or on an A4 portrait page. Every paragraph is written as text.
 */
import type { CellValue, Evaluation } from '../engine/types';
import { writeReport, type ReportParagraph } from '../engine/narrative';
import { cellAddress } from '../engine/a1';
import type { CellStyle, LayoutCell, SheetLayout } from './layout';
import { MAX_CELL_CHARS, splitText } from './excelLimits';
import { markEntry } from './names';
import { text, wrappedHeight } from './style';

/**
 * Width of the report column in character units (about 37 Chinese characters a line). 80, not 90:
 * A4 portrait holds 90 Calibri-width characters, but LibreOffice and WPS on Linux measure the unit
 * with a wider substitute font, and the column then ran off the printed page.
 */
export const REPORT_WIDTH = 80;
/** 首行缩进两字 for body text and headings, as Chinese reports are set. */
const INDENT = '\u3000\u3000';

const STYLES: Record<ReportParagraph['kind'], CellStyle> = {
  title: { bold: true, size: 16, horizontal: 'center', vertical: 'middle', wrap: true },
  heading1: { bold: true, size: 12, wrap: true, vertical: 'top' },
  heading2: { bold: true, wrap: true, vertical: 'top' },
  heading3: { bold: true, wrap: true, vertical: 'top' },
  paragraph: { wrap: true, vertical: 'top' },
  signature: { horizontal: 'right', wrap: true, vertical: 'top' },
};

const LINE_HEIGHT: Record<ReportParagraph['kind'], number> = {
  title: 24,
  heading1: 18,
  heading2: 16,
  heading3: 16,
  paragraph: 16,
  signature: 16,
};

/** The text of a paragraph as the sheet shows it: indented unless it is the title or the signature. */
function shown(p: ReportParagraph): string {
  if (p.kind === 'title' || p.kind === 'signature') return p.text;
  return /^\s/.test(p.text) ? p.text : INDENT + p.text;
}

/**
 * A body paragraph longer than an Excel cell holds (32,767 characters with the indent; a clerk's long note) as
 * several paragraphs, one per row, split at sentence ends; joined they give back its text. Titles, headings and the
 * signature are cut by fitLayout instead.
 */
export function fitParagraphs(paragraphs: ReportParagraph[]): ReportParagraph[] {
  return paragraphs.flatMap((p) =>
    p.kind !== 'paragraph' || p.text.length + INDENT.length <= MAX_CELL_CHARS
      ? [p]
      : splitText(p.text, MAX_CELL_CHARS - INDENT.length).map((text) => ({ ...p, text })),
  );
}

/** The report laid out: the paragraphs of writeReport, with a blank row before the signature. */
export function reportLayout(all: ReportParagraph[], name: string): SheetLayout {
  const paragraphs = fitParagraphs(all);
  const rows: (LayoutCell | null)[][] = [];
  const heights: Record<number, number> = {};
  paragraphs.forEach((p, i) => {
    if (p.kind === 'signature' && paragraphs[i - 1]?.kind !== 'signature') {
      heights[rows.length] = 16;
      rows.push([]);
    }
    const value = shown(p);
    heights[rows.length] =
      p.kind === 'title'
        ? 40
        : wrappedHeight(value, REPORT_WIDTH * (p.kind === 'heading1' ? 11 / 12 : 1), LINE_HEIGHT[p.kind]);
    rows.push([text(value, STYLES[p.kind])]);
  });
  return {
    name,
    role: '自评报告',
    rows,
    columnWidths: [REPORT_WIDTH],
    rowHeights: heights,
    print: { orientation: 'portrait', fitToWidth: true },
    names: [markEntry('自评报告')],
  };
}

export function reportSheet(ev: Evaluation, name: string, date: Date): SheetLayout {
  return reportLayout(writeReport(ev, { date }), name);
}

/** One non-empty cell of our 自评报告 sheet: a paragraph as the sheet holds it now. */
export interface SheetParagraph {
  /** Its cell on the report sheet, e.g. `A37`. */
  cell: string;
  /** The text exactly as in the cell (a number as its plain string). */
  text: string;
}

/**
 * The paragraphs of a report sheet's value grid (readState's dense grid from A1): every cell holding
 * text or a number, row by row and left to right, so that a paragraph the clerk typed beside the
 * report column is read too. Blank and whitespace-only cells, booleans and errors are not paragraphs.
 */
export function reportParagraphs(values: CellValue[][]): SheetParagraph[] {
  const out: SheetParagraph[] = [];
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v !== 'string' && typeof v !== 'number') return;
      const text = String(v);
      if (text.trim()) out.push({ cell: cellAddress(r, c), text });
    }),
  );
  return out;
}
