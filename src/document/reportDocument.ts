/**
 * The report as a document, free of any host or file format: the title, the body paragraphs each
 * classified as 一级 / 二级 / 三级标题 or 正文, the closing block (单位名称 and 成文日期) and the attached
 * 自评表. Built either from the paragraphs the narrative generates (their kinds known) or from the
 * text of our 自评报告 sheet as the clerk left it (kinds recognised from the numbering).
 */
import type { ReportParagraph } from '../engine/narrative';
import type { SheetParagraph } from '../sheets/reportSheet';
import type { ScoreTable } from './scoreTable';
import { TITLE_CHARS_PER_LINE } from './gbt9704';

export type BlockKind = 'heading1' | 'heading2' | 'heading3' | 'body';

export interface ReportBlock {
  kind: BlockKind;
  /** Without leading indentation (the document indents by a real first-line indent). */
  text: string;
  /** The sheet cell the paragraph came from, e.g. `A5`, when read from the 自评报告 sheet. */
  cell?: string;
}

export interface ReportDocument {
  title: string;
  blocks: ReportBlock[];
  /** 单位名称 and 成文日期, right-aligned at the end of the text. */
  closing: string[];
  /** The attachment's name in the text, 附件：部门整体支出绩效自评表. */
  attachmentName: string;
  attachment: ScoreTable;
}

export const ATTACHMENT_NAME = '部门整体支出绩效自评表';

const LEADING_SPACE = /^[\s\u3000]+/;
const HEADING1 = /^[一二三四五六七八九十]+、/;
const HEADING2 = /^[（(][一二三四五六七八九十]+[）)]/;
const HEADING3 = /^\d{1,2}[.．](?!\d)/;
/** A heading is a phrase: a numbered line ending a sentence (1.“三公”经费……。) is body text. */
const SENTENCE_END = /[。；！？：:;!?]$/;
const DATE_LINE =
  /^(\d{4}|[〇○零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$/;
const MAX_HEADING_CHARS = 40;
const MAX_CLOSING_CHARS = 40;

function clean(text: string): string {
  return text.replace(LEADING_SPACE, '').replace(/[\s\u3000]+$/, '');
}

/** The kind of a body paragraph, from its numbering. */
export function blockKind(text: string): BlockKind {
  const t = clean(text);
  if (HEADING1.test(t)) return 'heading1';
  if (HEADING2.test(t) && t.length <= MAX_HEADING_CHARS && !SENTENCE_END.test(t)) return 'heading2';
  if (HEADING3.test(t) && t.length <= MAX_HEADING_CHARS && !SENTENCE_END.test(t)) return 'heading3';
  return 'body';
}

/** The report of the narrative, as generated: kinds as the narrative gave them. */
export function fromParagraphs(paragraphs: ReportParagraph[], attachment: ScoreTable): ReportDocument {
  const title = paragraphs.find((p) => p.kind === 'title')?.text ?? attachment.title;
  const blocks: ReportBlock[] = paragraphs
    .filter((p) => p.kind !== 'title' && p.kind !== 'signature')
    .map((p) => ({ kind: p.kind === 'paragraph' ? 'body' : p.kind, text: clean(p.text) }) as ReportBlock);
  const closing = paragraphs.filter((p) => p.kind === 'signature').map((p) => clean(p.text));
  return { title: clean(title), blocks, closing, attachmentName: ATTACHMENT_NAME, attachment };
}

/**
 * The report from the 自评报告 sheet, the clerk's edits included, in sheet order. The first row is the
 * title when it is not indented (our sheet indents every paragraph but the title and the closing
 * block); the closing block is the trailing date line and the unit line above it.
 */
export function fromSheet(paragraphs: SheetParagraph[], attachment: ScoreTable): ReportDocument {
  const rows = paragraphs.filter((p) => clean(p.text) !== '');
  let title = attachment.title.replace(/表$/, '报告');
  let start = 0;
  if (rows.length && !LEADING_SPACE.test(rows[0].text) && blockKind(rows[0].text) === 'body') {
    title = clean(rows[0].text);
    start = 1;
  }
  let end = rows.length;
  const closing: string[] = [];
  if (end > start && DATE_LINE.test(clean(rows[end - 1].text))) {
    closing.unshift(clean(rows[--end].text));
    const unit = rows[end - 1];
    if (
      end > start &&
      !LEADING_SPACE.test(unit.text) &&
      blockKind(unit.text) === 'body' &&
      clean(unit.text).length <= MAX_CLOSING_CHARS &&
      !SENTENCE_END.test(clean(unit.text))
    ) {
      closing.unshift(clean(unit.text));
      end--;
    }
  }
  const blocks = rows
    .slice(start, end)
    .map((p): ReportBlock => ({ kind: blockKind(p.text), text: clean(p.text), cell: p.cell }));
  return { title, blocks, closing, attachmentName: ATTACHMENT_NAME, attachment };
}

/** Width in 字: a full-width character is one, a Latin letter or digit half. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return w;
}

/** Where a title may break without splitting a word: after the unit (before the year), after 年度, before 部门整体. */
const TITLE_BREAKS = [/(?=\d{4}年)/g, /(?<=年度)/g, /(?=部门整体)/g, /(?=绩效自评)/g, /(?=整体支出)/g];

/**
 * A long title in lines of at most `max` 字, broken where the meaning allows and as evenly as
 * possible (GB/T 9704 §7.3.3: 回行时要做到词意完整，排列对称).
 */
export function titleLines(title: string, max = TITLE_CHARS_PER_LINE): string[] {
  if (textWidth(title) <= max) return [title];
  const cuts = new Set<number>();
  for (const re of TITLE_BREAKS) for (const m of title.matchAll(re)) if (m.index > 0) cuts.add(m.index);
  let best: { at: number; diff: number } | null = null;
  for (const at of cuts) {
    const a = textWidth(title.slice(0, at));
    const b = textWidth(title.slice(at));
    if (a > max || b > max) continue;
    const diff = Math.abs(a - b);
    if (!best || diff < best.diff) best = { at, diff };
  }
  if (best) return [title.slice(0, best.at), title.slice(best.at)];
  // No break of meaning fits in two lines: even lines of at most `max`.
  const count = Math.ceil(textWidth(title) / max);
  const target = textWidth(title) / count;
  const lines: string[] = [];
  let line = '';
  for (const ch of title) {
    if (line && textWidth(line + ch) > target + 0.5 && lines.length < count - 1) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  lines.push(line);
  return lines;
}

/**
 * Right indents in 字 of the closing lines (GB/T 9704 §7.3.5.2, 不加盖印章): 单位名称 右空二字, the date
 * below it starting two 字 further right; a date longer than that moves the unit left instead.
 */
export function closingIndents(closing: string[]): number[] {
  if (closing.length !== 2) return closing.map(() => 2);
  const unit = textWidth(closing[0]);
  const date = textWidth(closing[1]);
  let unitIndent = 2;
  let dateIndent = unit - date;
  if (dateIndent < 2) {
    dateIndent = 2;
    unitIndent = date + 4 - unit;
  }
  return [unitIndent, dateIndent];
}
