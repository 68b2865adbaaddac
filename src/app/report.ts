/**
 * The report every front end exports (jixiao report, 导出 Word 报告, 复制报告): the text of our 自评报告
 * sheet as the clerk left it when the workbook has one, else the narrative generated as `fill` would
 * write it; the attached 自评表 from the evaluation (manual scores included). Reads only (2 host round
 * trips); the document leaves as a .docx or as HTML.
 */
import { writeReport } from '../engine/narrative';
import { fromParagraphs, fromSheet, type ReportDocument } from '../document/reportDocument';
import { scoreTable } from '../document/scoreTable';
import { renderDocx } from '../document/renderDocx';
import { renderHtml, renderText } from '../document/renderHtml';
import { markName, reportParagraphs } from '../sheets';
import { inspect, type Inspection, type JobOptions } from './job';
import type { ReportRead, WorkbookPort } from '../workbook/port';

export interface ReportSource {
  /** Where the text came from: our sheet (its name) or the generated narrative. */
  from: { kind: 'sheet'; sheet: string } | { kind: 'generated' };
  document: ReportDocument;
}

/**
 * The report of an inspection and of our 自评报告 sheet as read back (null: none); `date` signs a
 * generated report (the sheet's text keeps its own date).
 */
export function reportOf(inspection: Inspection, sheet: ReportRead | null, date: Date): ReportSource {
  const table = scoreTable(inspection.evaluation);
  // An empty report sheet is what an interrupted write leaves: nothing of the clerk's, so generate.
  if (sheet && sheet.paragraphs.length)
    return { from: { kind: 'sheet', sheet: sheet.sheet }, document: fromSheet(sheet.paragraphs, table) };
  return { from: { kind: 'generated' }, document: fromParagraphs(writeReport(inspection.evaluation, { date }), table) };
}

export interface ReportResult {
  inspection: Inspection;
  /** Undefined when blocking errors stop the report (inspection.evaluation.findings holds them). */
  report?: ReportSource;
}

export async function buildReport(port: WorkbookPort, options: JobOptions = {}): Promise<ReportResult> {
  const inspection = await inspect(port, options);
  if (inspection.evaluation.blocked) return { inspection };
  // inspect has read our sheets already (readState): the 自评报告 grid gives exactly what port.readReport
  // would, without a third host round trip.
  const own = inspection.state.owned[markName('自评报告')];
  const sheet: ReportRead | null = own ? { sheet: own.sheet, paragraphs: reportParagraphs(own.values) } : null;
  return { inspection, report: reportOf(inspection, sheet, options.date ?? new Date()) };
}

/** What the pane's 导出 Word 报告 and 复制报告 receive. */
export type ReportExport =
  | {
      ok: true;
      from: ReportSource['from'];
      /** 忻州市…2021年度部门整体支出绩效自评报告.docx */
      fileName: string;
      docx?: Uint8Array;
      html?: string;
      text?: string;
      total: string;
      grade: string;
    }
  | { ok: false; inspection: Inspection };

/** The .docx file name: the report's title, without characters a file name may not hold. */
export function reportFileName(document: ReportDocument): string {
  return `${document.title.replace(/[\\/:*?"<>|\r\n]+/g, '_')}.docx`;
}

/** The report of the workbook now, as a .docx or as clipboard HTML and text. */
export async function exportReport(
  port: WorkbookPort,
  format: 'docx' | 'html',
  options: JobOptions = {},
): Promise<ReportExport> {
  const { inspection, report } = await buildReport(port, options);
  if (!report) return { ok: false, inspection };
  const doc = report.document;
  const common = {
    ok: true as const,
    from: report.from,
    fileName: reportFileName(doc),
    total: doc.attachment.total,
    grade: doc.attachment.grade,
  };
  if (format === 'docx') return { ...common, docx: await renderDocx(doc) };
  return { ...common, html: renderHtml(doc), text: renderText(doc) };
}
