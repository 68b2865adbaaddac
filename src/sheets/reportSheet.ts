/**
 * The 自评报告 sheet (docs/outputs.md): the narrative of engine/narrative, one paragraph per row in one
 * wide wrapped column, headings in bold, row heights estimated for wrapped Chinese text so that
 * nothing is cut off on screen or on an A4 portrait page. Every paragraph is written as text.
 */
import type { CellValue, Evaluation } from '../engine/types';
import { writeReport, type ReportParagraph } from '../engine/narrative';
import { cellAddress, quoteSheet } from '../engine/a1';
import type { CellStyle, LayoutCell, SheetLayout } from './layout';
import { MAX_CELL_CHARS, splitText } from './excelLimits';
import { markEntry } from './names';
import { keptNotice } from './reportNotices';
import { mergeReport, reportRows, type ReportRecord } from './reportEdits';
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
  return layoutRows(
    reportRows(fitParagraphs(all), shown).map((r) => ({ kind: r.kind, text: r.text })),
    name,
  ).layout;
}

/**
 * Rows of exact cell texts laid out (a blank row before the signature), with the cell of each row.
 * A clerk's text (`kept`) longer than a cell holds continues in the rows below it: nothing of it is cut.
 */
function layoutRows(
  paragraphs: { kind: ReportParagraph['kind']; text: string; kept?: boolean }[],
  name: string,
): { layout: SheetLayout; cells: string[] } {
  const rows: (LayoutCell | null)[][] = [];
  const heights: Record<number, number> = {};
  const cells: string[] = [];
  paragraphs.forEach((p, i) => {
    if (p.kind === 'signature' && paragraphs[i - 1]?.kind !== 'signature') {
      heights[rows.length] = 16;
      rows.push([]);
    }
    cells.push(cellAddress(rows.length, 0));
    // Ours were fitted before (fitParagraphs; fitLayout cuts a title); a clerk's text is never cut.
    for (const value of p.kept ? splitText(p.text, MAX_CELL_CHARS) : [p.text]) {
      heights[rows.length] =
        p.kind === 'title'
          ? 40
          : wrappedHeight(value, REPORT_WIDTH * (p.kind === 'heading1' ? 11 / 12 : 1), LINE_HEIGHT[p.kind]);
      rows.push([text(value, STYLES[p.kind])]);
    }
  });
  return {
    layout: {
      name,
      role: '自评报告',
      rows,
      columnWidths: [REPORT_WIDTH],
      rowHeights: heights,
      print: { orientation: 'portrait', fitToWidth: true },
      names: [markEntry('自评报告')],
    },
    cells,
  };
}

export function reportSheet(ev: Evaluation, name: string, date: Date): SheetLayout {
  return reportLayout(writeReport(ev, { date }), name);
}

/** The report of a re-run: the clerk's paragraphs kept (reportEdits.ts), and what the clerk must be told. */
export interface KeptReport {
  layout: SheetLayout;
  /** The record for the settings sheet (written before the report). */
  record: ReportRecord;
  /** The clerk's paragraphs kept, with their cells in the new sheet (`自评报告!A37`). */
  kept: { cell: string; text: string }[];
  /** Figures to check in kept paragraphs: "自评报告!A37 是您修改过的段落，其中“100%”现应为“97.39%”，请核对。" */
  warnings: { cell: string; was: string; now: string; message: string }[];
  /** What the clerk is told, in order: the paragraphs kept, the figures to check, the texts replaced. */
  notices: string[];
}

/**
 * The 自评报告 of this run, keeping what the clerk wrote in `sheet` (the report's paragraphs as
 * read back; undefined when there is none) against the `record` of the last run.
 */
export function keptReport(
  ev: Evaluation,
  name: string,
  date: Date,
  record: ReportRecord | undefined,
  sheet: SheetParagraph[] | undefined,
): KeptReport {
  const fresh = reportRows(fitParagraphs(writeReport(ev, { date })), shown);
  const merged = mergeReport(
    fresh,
    record,
    sheet?.map((p) => p.text),
  );
  const { layout, cells } = layoutRows(merged.rows, name);
  const at = (row: number) => `${quoteSheet(name)}!${cells[row]}`;
  const kept = merged.rows.flatMap((r, i) => (r.kept ? [{ cell: at(i), text: r.text }] : []));
  const warnings = merged.stale.map((s) => ({
    cell: at(s.row),
    was: s.was,
    now: s.now,
    message: `${at(s.row)} 是您修改过的段落，其中“${s.was}”现应为“${s.now}”，请核对。`,
  }));
  const notices: string[] = [];
  if (kept.length) notices.push(keptNotice(kept.map((k) => k.cell)));
  notices.push(...warnings.map((w) => w.message));
  if (merged.replaced.length)
    notices.push(
      `“${name}”中以下段落没有本加载项的记录，已按本次结果重写，原文为：${merged.replaced.map((t) => `“${t}”`).join('；')}。`,
    );
  return { layout, record: merged.record, kept, warnings, notices };
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
