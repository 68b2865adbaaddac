/**
 * The report as a .docx in the format of GB/T 9704 (gbt9704.ts), written with the docx library in Node
 * and in the browser: portrait text with odd/even page numbers, then the attached 自评表 in a
 * landscape section.
 */
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import {
  BODY_PT,
  CHAR_SPACING_TWIPS,
  CHAR_TWIPS,
  FONT_SIZE_PT,
  FONTS,
  FOOTER_MM,
  LINE_TWIPS,
  LANDSCAPE_MARGIN_MM,
  MARGIN_MM,
  PAGE_MM,
  PAGE_NUMBER_DASH,
  TABLE_PT,
  mmToTwips,
} from './gbt9704';
import { closingIndents, titleLines, type BlockKind, type ReportDocument } from './reportDocument';
import { TABLE_COLUMNS, type ScoreTable } from './scoreTable';

interface RunStyle {
  font: string;
  pt: number;
  bold?: boolean;
  /** Character spacing in twips (negative: condensed). */
  spacing?: number;
}

function run(text: string, style: RunStyle, breakBefore = false): TextRun {
  return new TextRun({
    text,
    break: breakBefore ? 1 : undefined,
    bold: style.bold,
    characterSpacing: style.spacing,
    size: style.pt * 2,
    font: { ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin, eastAsia: style.font },
  });
}

const EXACT = { line: LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const FIRST_LINE = { firstLine: 2 * CHAR_TWIPS, firstLineChars: 200 };

const BLOCK_STYLE: Record<BlockKind, RunStyle> = {
  heading1: { font: FONTS.heading1, pt: BODY_PT, spacing: CHAR_SPACING_TWIPS },
  heading2: { font: FONTS.heading2, pt: BODY_PT, spacing: CHAR_SPACING_TWIPS },
  heading3: { font: FONTS.body, pt: BODY_PT, bold: true, spacing: CHAR_SPACING_TWIPS },
  body: { font: FONTS.body, pt: BODY_PT, spacing: CHAR_SPACING_TWIPS },
};
const TITLE: RunStyle = { font: FONTS.title, pt: FONT_SIZE_PT.二号 };
const BODY: RunStyle = BLOCK_STYLE.body;

function title(text: string, maxChars?: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    // 标题下空一行.
    spacing: { ...EXACT, after: LINE_TWIPS },
    children: titleLines(text, maxChars).map((line, i) => run(line, TITLE, i > 0)),
  });
}

function bodyParagraph(text: string, kind: BlockKind): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: EXACT,
    indent: FIRST_LINE,
    children: [run(text, BLOCK_STYLE[kind])],
  });
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const font = { ascii: FONTS.pageNumber, hAnsi: FONTS.pageNumber, cs: FONTS.pageNumber, eastAsia: FONTS.pageNumber };
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        // 单页码居右空一字，双页码居左空一字.
        indent: side === 'odd' ? { right: CHAR_TWIPS } : { left: CHAR_TWIPS },
        children: [
          new TextRun({
            children: [`${PAGE_NUMBER_DASH} `, PageNumber.CURRENT, ` ${PAGE_NUMBER_DASH}`],
            size: FONT_SIZE_PT.四号 * 2,
            font,
          }),
        ],
      }),
    ],
  });
}

function margins(mm: { top: number; bottom: number; left: number; right: number }) {
  return {
    top: mmToTwips(mm.top),
    bottom: mmToTwips(mm.bottom),
    left: mmToTwips(mm.left),
    right: mmToTwips(mm.right),
    footer: mmToTwips(mm.bottom - (MARGIN_MM.bottom - FOOTER_MM)),
  };
}

function footers() {
  return { default: pageNumberFooter('odd'), even: pageNumberFooter('even') };
}

function textSection(doc: ReportDocument): ISectionOptions {
  const children: Paragraph[] = [title(doc.title)];
  for (const b of doc.blocks) children.push(bodyParagraph(b.text, b.kind));
  // 附件说明: 正文下空一行左空二字.
  children.push(new Paragraph({ spacing: EXACT, children: [] }));
  children.push(bodyParagraph(`附件：${doc.attachmentName}`, 'body'));
  const indents = closingIndents(doc.closing);
  doc.closing.forEach((line, i) => {
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { ...EXACT, before: i === 0 ? LINE_TWIPS : 0 },
        indent: { right: Math.round(indents[i] * CHAR_TWIPS) },
        children: [run(line, BODY)],
      }),
    );
  });
  return {
    properties: {
      page: {
        size: {
          width: mmToTwips(PAGE_MM.width),
          height: mmToTwips(PAGE_MM.height),
          orientation: PageOrientation.PORTRAIT,
        },
        margin: margins(MARGIN_MM),
      },
    },
    footers: footers(),
    children,
  };
}

/** Column shares of the landscape text width: the note column takes what the short columns leave. */
const COLUMN_SHARES = [0.1, 0.11, 0.19, 0.06, 0.11, 0.08, 0.35];
const LANDSCAPE_TEXT_TWIPS = mmToTwips(PAGE_MM.height - LANDSCAPE_MARGIN_MM.left - LANDSCAPE_MARGIN_MM.right);
const CELL: RunStyle = { font: FONTS.body, pt: TABLE_PT };
const HEAD: RunStyle = { font: FONTS.heading1, pt: TABLE_PT };

function cell(
  text: string,
  style: RunStyle,
  align: 'left' | 'center' | 'right',
  span: { rows?: number; columns?: number } = {},
): TableCell {
  return new TableCell({
    rowSpan: span.rows,
    columnSpan: span.columns,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 30, bottom: 30 },
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment:
            align === 'center' ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          spacing: { line: 300, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
          children: [run(line, style)],
        }),
    ),
  });
}

/** How many rows from `i` on share the same key (for 一级 / 二级 merged down their rows). */
function runLength(keys: string[], i: number): number {
  let n = 1;
  while (i + n < keys.length && keys[i + n] === keys[i]) n++;
  return n;
}

function scoreTableElement(table: ScoreTable): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: TABLE_COLUMNS.map((c) => cell(c, HEAD, 'center')),
  });
  const key1 = table.rows.map((r) => r.level1);
  const key2 = table.rows.map((r) => `${r.level1}\u0000${r.level2}`);
  const rows = table.rows.map((r, i) => {
    const cells: TableCell[] = [];
    if (i === 0 || key1[i] !== key1[i - 1]) cells.push(cell(r.level1, CELL, 'center', { rows: runLength(key1, i) }));
    if (i === 0 || key2[i] !== key2[i - 1]) cells.push(cell(r.level2, CELL, 'center', { rows: runLength(key2, i) }));
    cells.push(
      cell(r.level3, CELL, 'left'),
      cell(r.weight, CELL, 'center'),
      cell(r.value, CELL, 'center'),
      cell(r.score, CELL, 'center'),
      cell(r.note, CELL, 'left'),
    );
    return new TableRow({ cantSplit: true, children: cells });
  });
  const bold = { ...CELL, bold: true };
  const total = new TableRow({
    cantSplit: true,
    children: [
      cell('合计', bold, 'center', { columns: 3 }),
      cell(table.weightTotal, bold, 'center'),
      cell('', CELL, 'center'),
      cell(table.total, bold, 'center'),
      cell(table.provisionalNote, CELL, 'left'),
    ],
  });
  const grade = new TableRow({
    cantSplit: true,
    children: [cell('评价等级', bold, 'center', { columns: 3 }), cell(table.grade, bold, 'center', { columns: 4 })],
  });
  const widths = COLUMN_SHARES.map((s) => Math.floor(s * LANDSCAPE_TEXT_TWIPS));
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [header, ...rows, total, grade],
  });
}

function attachmentSection(table: ScoreTable): ISectionOptions {
  const landscapeChars = Math.floor(LANDSCAPE_TEXT_TWIPS / 20 / FONT_SIZE_PT.二号);
  return {
    properties: {
      type: SectionType.NEXT_PAGE,
      page: {
        size: {
          width: mmToTwips(PAGE_MM.width),
          height: mmToTwips(PAGE_MM.height),
          orientation: PageOrientation.LANDSCAPE,
        },
        margin: margins(LANDSCAPE_MARGIN_MM),
      },
    },
    footers: footers(),
    children: [
      // 附件 in 黑体 at the top left of its first page.
      new Paragraph({ spacing: EXACT, children: [run('附件', BLOCK_STYLE.heading1)] }),
      title(table.title, landscapeChars),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 0, after: 120 },
        children: [run(table.subtitle, CELL)],
      }),
      scoreTableElement(table),
    ],
  };
}

/** The .docx built in memory. */
export function reportDocx(doc: ReportDocument): Document {
  return new Document({
    creator: '绩效自评助手',
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            size: BODY_PT * 2,
            font: { ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin, eastAsia: FONTS.body },
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          },
        },
      },
    },
    sections: [textSection(doc), attachmentSection(doc.attachment)],
  });
}

/** The .docx file's bytes (Node and browser alike). */
export async function renderDocx(doc: ReportDocument): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(reportDocx(doc)));
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
