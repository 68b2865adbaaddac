/**
 * Builds the paragraphs of the report and numbers its headings itself, so that the numbering is
 * always continuous (framework.md §7.3 C8: 一…七, （一）…, 1.…, （1）…): no section can be skipped
 * or numbered twice by hand.
 */
import { chineseNumber } from './words';

export type ParagraphKind = 'title' | 'heading1' | 'heading2' | 'heading3' | 'paragraph' | 'signature';

export interface ReportParagraph {
  kind: ParagraphKind;
  text: string;
}

export class Outline {
  readonly paragraphs: ReportParagraph[] = [];
  private level1 = 0;
  private level2 = 0;
  private level3 = 0;
  private item = 0;

  title(text: string): void {
    this.push('title', text);
  }

  /** 一、部门基本情况 */
  heading1(text: string): void {
    this.level1 += 1;
    this.level2 = this.level3 = this.item = 0;
    this.push('heading1', `${chineseNumber(this.level1)}、${text}`);
  }

  /** （一）部门概况 */
  heading2(text: string): void {
    this.level2 += 1;
    this.level3 = this.item = 0;
    this.push('heading2', `（${chineseNumber(this.level2)}）${text}`);
  }

  /** 1.前期准备 */
  heading3(text: string): void {
    this.level3 += 1;
    this.item = 0;
    this.push('heading3', `${this.level3}.${text}`);
  }

  /** A body paragraph; empty text is skipped. */
  paragraph(text: string): void {
    if (text.trim()) this.push('paragraph', text);
  }

  /** （1）在职人员控制率。… — numbered under the current heading3. */
  item3(text: string): void {
    this.item += 1;
    this.push('paragraph', `（${this.item}）${text}`);
  }

  /** 1.… — a numbered paragraph directly under a heading2 (problems and measures). */
  numbered(n: number, text: string): void {
    this.push('paragraph', `${n}.${text}`);
  }

  signature(text: string): void {
    this.push('signature', text);
  }

  private push(kind: ParagraphKind, text: string): void {
    this.paragraphs.push({ kind, text });
  }
}
