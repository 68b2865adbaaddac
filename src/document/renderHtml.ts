/**
 * The report as HTML for the clipboard (复制报告): the same fonts, sizes, exact line spacing and
 * first-line indents as the .docx, as inline CSS that Word and WPS 文字 keep when pasting (Word reads the
 * Chinese font from mso-fareast-font-family). Written as XHTML so that it also parses as XML. Hand-written
 * markup: no library turns a document model into paste-ready Office HTML.
 */
import { BODY_PT, CHAR_SPACING_TWIPS, FONT_SIZE_PT, FONTS, LINE_TWIPS, TABLE_PT, TWIPS_PER_PT } from './gbt9704';
import { closingIndents, titleLines, type BlockKind, type ReportDocument } from './reportDocument';
import { TABLE_COLUMNS, type ScoreTable } from './scoreTable';

const LINE_PT = LINE_TWIPS / TWIPS_PER_PT;
const LETTER_SPACING_PT = CHAR_SPACING_TWIPS / TWIPS_PER_PT;

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function font(eastAsia: string, pt: number, bold = false): string {
  return (
    `font-family:'${eastAsia}','${FONTS.latin}';mso-fareast-font-family:'${eastAsia}';` +
    `mso-ascii-font-family:'${FONTS.latin}';mso-hansi-font-family:'${FONTS.latin}';font-size:${pt}pt;` +
    `font-weight:${bold ? 'bold' : 'normal'}`
  );
}

const EXACT = `line-height:${LINE_PT}pt;mso-line-height-rule:exactly;margin:0`;
const BLOCK_FONT: Record<BlockKind, string> = {
  heading1: font(FONTS.heading1, BODY_PT),
  heading2: font(FONTS.heading2, BODY_PT),
  heading3: font(FONTS.body, BODY_PT, true),
  body: font(FONTS.body, BODY_PT),
};

function paragraph(text: string, kind: BlockKind): string {
  const style = `${EXACT};text-indent:${2 * BODY_PT}pt;text-align:justify;letter-spacing:${LETTER_SPACING_PT}pt;${BLOCK_FONT[kind]}`;
  return `<p style="${style}">${escape(text)}</p>`;
}

function title(text: string, maxChars?: number): string {
  const style = `${EXACT};margin-bottom:${LINE_PT}pt;text-align:center;${font(FONTS.title, FONT_SIZE_PT.二号)}`;
  return `<p style="${style}">${titleLines(text, maxChars).map(escape).join('<br/>')}</p>`;
}

function cell(text: string, align: string, attrs = '', bold = false): string {
  const style =
    `border:solid windowtext 1.0pt;padding:1.5pt 4pt;vertical-align:middle;text-align:${align};` +
    `${font(bold ? FONTS.heading1 : FONTS.body, TABLE_PT)}`;
  const lines = text.split('\n').map(escape).join('<br/>');
  return `<td${attrs} style="${style}">${lines}</td>`;
}

function table(t: ScoreTable): string {
  const rows: string[] = [`<tr>${TABLE_COLUMNS.map((c) => cell(c, 'center', '', true)).join('')}</tr>`];
  t.rows.forEach((r, i) => {
    const cells: string[] = [];
    const span = (key: (j: number) => string) => {
      let n = 1;
      while (i + n < t.rows.length && key(i + n) === key(i)) n++;
      return n;
    };
    const key1 = (j: number) => t.rows[j].level1;
    const key2 = (j: number) => `${t.rows[j].level1}\u0000${t.rows[j].level2}`;
    if (i === 0 || key1(i) !== key1(i - 1)) cells.push(cell(r.level1, 'center', ` rowspan="${span(key1)}"`));
    if (i === 0 || key2(i) !== key2(i - 1)) cells.push(cell(r.level2, 'center', ` rowspan="${span(key2)}"`));
    cells.push(
      cell(r.level3, 'left'),
      cell(r.weight, 'center'),
      cell(r.value, 'center'),
      cell(r.score, 'center'),
      cell(r.note, 'left'),
    );
    rows.push(`<tr>${cells.join('')}</tr>`);
  });
  rows.push(
    `<tr>${cell('合计', 'center', ' colspan="3"', true)}${cell(t.weightTotal, 'center')}${cell('', 'center')}` +
      `${cell(t.total, 'center')}${cell(t.provisionalNote, 'left')}</tr>`,
  );
  rows.push(`<tr>${cell('评价等级', 'center', ' colspan="3"', true)}${cell(t.grade, 'center', ' colspan="4"')}</tr>`);
  return `<table style="border-collapse:collapse;width:100%">${rows.join('')}</table>`;
}

/** The whole report as one HTML document: text, closing block, then the attached 自评表. */
export function renderHtml(doc: ReportDocument): string {
  const parts: string[] = [title(doc.title)];
  for (const b of doc.blocks) parts.push(paragraph(b.text, b.kind));
  parts.push(`<p style="${EXACT}">&#160;</p>`);
  parts.push(paragraph(`附件：${doc.attachmentName}`, 'body'));
  const indents = closingIndents(doc.closing);
  doc.closing.forEach((line, i) => {
    const style = `${EXACT};${i === 0 ? `margin-top:${LINE_PT}pt;` : ''}text-align:right;margin-right:${indents[i] * BODY_PT}pt;${BLOCK_FONT.body}`;
    parts.push(`<p style="${style}">${escape(line)}</p>`);
  });
  parts.push(`<br style="page-break-before:always" clear="all"/>`);
  parts.push(`<p style="${EXACT};${BLOCK_FONT.heading1}">附件</p>`);
  parts.push(title(doc.attachment.title, 30));
  parts.push(
    `<p style="margin:0 0 6pt;text-align:center;${font(FONTS.body, TABLE_PT)}">${escape(doc.attachment.subtitle)}</p>`,
  );
  parts.push(table(doc.attachment));
  return (
    '<html xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="utf-8"/>' +
    `<title>${escape(doc.title)}</title></head><body>${parts.join('')}</body></html>`
  );
}

/** The plain-text alternative on the clipboard: paragraphs indented with two full-width spaces. */
export function renderText(doc: ReportDocument): string {
  const lines = [
    doc.title,
    '',
    ...doc.blocks.map((b) => `\u3000\u3000${b.text}`),
    '',
    `\u3000\u3000附件：${doc.attachmentName}`,
  ];
  lines.push('', ...doc.closing);
  return lines.join('\n');
}
